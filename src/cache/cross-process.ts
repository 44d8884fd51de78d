import type { Knex } from 'knex';

export const SIGNAL_TABLE = 'newsroom_cache_signal';
/** How often a server looks at the counter: a write from another process reaches its memory cache within this. */
export const SIGNAL_POLL_MS = 1000;

/**
 * Keeps per-process memory caches of processes that share a database honest. Each
 * process advances one counter in the database whenever it evicts or flushes, and
 * polls it; when the counter moved and not (only) by this process, someone else
 * wrote, and this process cannot know what, so it empties its own cache. With Redis
 * the cache is shared and this is not used.
 */
export class CrossProcessSignal {
  private known: number | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly knex: Knex,
    private readonly flushLocal: () => Promise<void>,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  private async read(): Promise<number> {
    const row = (await this.knex(SIGNAL_TABLE).where({ id: 1 }).first('epoch')) as { epoch: number | string } | undefined;
    return Number(row?.epoch ?? 0);
  }

  async start(intervalMs: number): Promise<void> {
    this.known = await this.read();
    this.timer = setInterval(() => void this.poll().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Flushes the local cache if another process advanced the counter since we last looked. */
  async poll(): Promise<void> {
    const current = await this.read();
    if (this.known !== null && current !== this.known) {
      this.known = current;
      await this.flushLocal();
    }
  }

  /**
   * advance() without waiting for it, for a write's eviction: the other processes poll the
   * counter (SIGNAL_POLL_MS), so waiting would not make their caches fresher, only the
   * write's acknowledgement later. A failure goes to onError; the next advance or poll
   * catches up.
   */
  advanceInBackground(): void {
    this.advance().catch((error: Error) => this.onError(error));
  }

  /** Tells the other processes this one evicted something. */
  async advance(): Promise<void> {
    // One statement, so the value returned is exactly this increment's (the row is locked for
    // it), and a write's acknowledgement waits for one round trip, not a transaction's four.
    const [row] = (await this.knex(SIGNAL_TABLE).where({ id: 1 }).increment('epoch', 1).returning('epoch')) as Array<{ epoch: number | string }>;
    const current = Number(row?.epoch ?? 0);
    // Advances in the background can answer out of order: an older answer says nothing new.
    if (this.known !== null && current <= this.known) return;
    // Not the next value after ours: another process advanced it meanwhile.
    const foreign = this.known !== null && current !== this.known + 1;
    this.known = current;
    if (foreign) await this.flushLocal();
  }
}
