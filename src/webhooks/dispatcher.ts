import type { Knex } from 'knex';
import { Webhook } from 'standardwebhooks';
import type { WebhookSettings } from '../settings/webhooks';
import { claimDue, recordAttempt, type Attempt, type ClaimedDelivery } from './outbox';
import { webhookBody } from './payload';
import { afterFailure, isDelivered } from './retry';

/** Deliveries in flight at once, per instance. */
const CONCURRENCY = 16;
/** A lease outlives the attempt it covers, so a slow answer is not mistaken for a dead instance. */
const LEASE_MARGIN_MS = 30_000;

interface Log {
  warn(message: string): void;
  info(message: string): void;
}

/**
 * Delivers the outbox: every instance runs one. It claims due deliveries (a lease in
 * the database, so one instance has each) and sends each on its own, up to
 * CONCURRENCY at once: a slow or failing receiver holds its own deliveries and
 * nothing else (no head-of-line blocking). An instance's own writes wake it at once;
 * otherwise it looks every `pollMs`, which is also how one instance picks up what
 * another wrote or left behind. A database outage only delays delivery: the message
 * stays in the outbox until an attempt is recorded.
 */
export class WebhookDispatcher {
  private readonly signer: Webhook;
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private claiming = false;
  private claimAgain = false;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly knex: () => Knex,
    private readonly settings: WebhookSettings & { secret: string },
    private readonly log: Log,
  ) {
    this.signer = new Webhook(settings.secret);
  }

  start(): void {
    this.timer = setInterval(() => this.wake(), this.settings.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Looks for due deliveries now (or right after the look in progress). */
  wake(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.claimAgain = true;
      return;
    }
    void this.claim();
  }

  /** Stops claiming and waits for the attempts in flight (each ends within the timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.all([...this.inFlight]);
  }

  private async claim(): Promise<void> {
    this.claiming = true;
    try {
      do {
        this.claimAgain = false;
        const free = CONCURRENCY - this.inFlight.size;
        if (free <= 0) break;
        const claimed = await claimDue(this.knex(), { now: Date.now(), limit: free, leaseMs: this.settings.timeoutMs + LEASE_MARGIN_MS });
        for (const delivery of claimed) this.track(this.deliver(delivery));
        if (claimed.length === free) this.claimAgain = true;
      } while (this.claimAgain && !this.stopped);
      if (this.failing) this.log.info('[webhooks] the outbox can be read again');
      this.failing = false;
    } catch (error) {
      // Once per outage, not once per poll.
      if (!this.failing) this.log.warn(`[webhooks] could not read the outbox (will keep trying): ${(error as Error).message}`);
      this.failing = true;
    } finally {
      this.claiming = false;
    }
  }

  private track(attempt: Promise<void>): void {
    this.inFlight.add(attempt);
    void attempt.finally(() => {
      this.inFlight.delete(attempt);
      this.wake();
    });
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const attempt = await this.send(delivery);
    const now = Date.now();
    const next = isDelivered(attempt.status ?? 0)
      ? ({ state: 'delivered', at: now } as const)
      : (() => {
          const after = afterFailure(delivery.attempts + 1, this.settings.maxAttempts, this.settings.retryDelaysMs);
          return after.state === 'failed' ? after : ({ state: 'pending', at: now + after.retryInMs } as const);
        })();
    try {
      await recordAttempt(this.knex(), delivery, attempt, next);
      if (next.state === 'failed')
        this.log.warn(`[webhooks] ${delivery.message.messageId} to ${delivery.endpoint} failed after ${delivery.attempts + 1} attempts: ${attempt.error}`);
    } catch (error) {
      // The lease runs out and the delivery is attempted again, with the same webhook-id.
      this.log.warn(`[webhooks] could not record an attempt of ${delivery.message.messageId}: ${(error as Error).message}`);
    }
  }

  /** One signed POST; never throws: a refusal, a network error or a timeout is an attempt like any other. */
  private async send(delivery: ClaimedDelivery): Promise<Attempt> {
    const body = webhookBody(delivery.message);
    const sentAt = new Date();
    const started = performance.now();
    const attempt = (status: number | null, error: string | null): Attempt => ({
      at: sentAt.toISOString(),
      status,
      error,
      ms: Math.round(performance.now() - started),
    });
    try {
      const response = await fetch(delivery.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'newsroom-webhooks',
          'webhook-id': delivery.message.messageId,
          'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
          'webhook-signature': this.signer.sign(delivery.message.messageId, sentAt, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      // The answer's body is not read: only its status counts.
      await response.body?.cancel();
      return attempt(response.status, isDelivered(response.status) ? null : `the receiver answered ${response.status}`);
    } catch (error) {
      const failure = error as Error & { cause?: { code?: string; message?: string } };
      if (failure.name === 'TimeoutError') return attempt(null, `no answer within ${this.settings.timeoutMs / 1000} s`);
      return attempt(null, failure.cause?.code ?? failure.cause?.message ?? failure.message);
    }
  }
}
