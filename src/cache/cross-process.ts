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
  ) {}

  private async read(db: Knex | Knex.Transaction = this.knex): Promise<number> {
    const row = (await db(SIGNAL_TABLE).where({ id: 1 }).first('epoch')) as { epoch: number | string } | undefined;
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

  /** Tells the other processes this one evicted something. */
  async advance(): Promise<void> {
    // The row lock held by the update makes the value read back exactly this increment.
    const current = await this.knex.transaction(async (trx) => {
      await trx(SIGNAL_TABLE).where({ id: 1 }).increment('epoch', 1);
      return this.read(trx);
    });
    // Not the next value after ours: another process advanced it meanwhile.
    const foreign = this.known !== null && current !== this.known + 1;
    this.known = current;
    if (foreign) await this.flushLocal();
  }
}
