/**
 * Concurrent misses for one cache key share one computation, per process: when a story
 * breaks, a hundred readers arriving together after an eviction cost one render, not a
 * hundred. A request joins only a computation that started at the epoch it sees itself,
 * i.e. with no eviction in between: a read that starts after a write was acknowledged
 * (its eviction advanced the epoch) never waits for an answer computed before it.
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, { epoch: number; result: Promise<T | null> }>();
  /** Requests answered by another request's computation. */
  joined = 0;

  /**
   * @param lingerMs how long a finished computation still answers requests at its epoch: a request
   * that looked the key up (a Redis round trip) just before the answer was stored would otherwise
   * compute it again. At the same epoch nothing was evicted since it started, so it is as fresh as a hit.
   */
  constructor(private readonly lingerMs = 1_000) {}

  /** The running computation for `key` that started at `epoch`, if any. */
  join(key: string, epoch: number): Promise<T | null> | null {
    const flight = this.flights.get(key);
    if (!flight || flight.epoch !== epoch) return null;
    this.joined += 1;
    return flight.result;
  }

  /**
   * Registers this request as the computation for `key`; call the returned function once with
   * the shareable answer, or null when there is none (an error, a 404): joiners then compute
   * their own. Calls after the first are ignored, so a `finally` can always call it.
   */
  lead(key: string, epoch: number): (answer: T | null) => void {
    let settle!: (answer: T | null) => void;
    const result = new Promise<T | null>((resolve) => (settle = resolve));
    const flight = { epoch, result };
    this.flights.set(key, flight);
    let settled = false;
    // A later flight for the same key (a newer epoch) may have replaced this one.
    const forget = () => {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    };
    return (answer) => {
      if (settled) return;
      settled = true;
      settle(answer);
      if (answer === null || this.lingerMs <= 0) forget();
      else setTimeout(forget, this.lingerMs).unref();
    };
  }

  /** Computations in progress, for tests and diagnostics. */
  get size(): number {
    return this.flights.size;
  }
}
