import type { CachedResponse, CacheStore } from './types';

interface Slot {
  entry: CachedResponse;
  tags: readonly string[];
  bytes: number;
  expires: number;
}

/**
 * Per-process store: a Map in least-recently-used order, bounded in bytes (so the
 * server's memory stays bounded), with a tag index for eviction. Right for one
 * instance; several instances need the Redis store, or one would serve what
 * another's write evicted.
 */
export class MemoryStore implements CacheStore {
  readonly kind = 'memory' as const;
  private readonly slots = new Map<string, Slot>();
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;
  private currentEpoch = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): CachedResponse | null {
    const slot = this.slots.get(key);
    if (!slot) return null;
    if (slot.expires <= this.now()) {
      this.remove(key);
      return null;
    }
    // Re-insert to mark it most recently used.
    this.slots.delete(key);
    this.slots.set(key, slot);
    return slot.entry;
  }

  async setIfEpoch(key: string, entry: CachedResponse, tags: readonly string[], epoch: number): Promise<boolean> {
    // Synchronous from here on: nothing can evict between the check and the write.
    if (epoch !== this.currentEpoch) return false;
    const bytes = entry.body.length + key.length + JSON.stringify(entry.headers).length + 64;
    if (bytes > this.maxBytes) return false;
    this.remove(key);
    this.slots.set(key, { entry, tags, bytes, expires: this.now() + this.ttlMs });
    this.bytes += bytes;
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    while (this.bytes > this.maxBytes) {
      const oldest = this.slots.keys().next().value as string | undefined;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
    return this.slots.has(key);
  }

  async evict(tags: readonly string[]): Promise<number> {
    this.currentEpoch += 1;
    let removed = 0;
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) if (this.remove(key)) removed += 1;
    }
    return removed;
  }

  epoch(): number {
    return this.currentEpoch;
  }

  async flush(): Promise<void> {
    this.currentEpoch += 1;
    this.slots.clear();
    this.byTag.clear();
    this.bytes = 0;
  }

  async close(): Promise<void> {
    await this.flush();
  }

  /** Entries and bytes held, for tests and diagnostics. */
  stats(): { entries: number; bytes: number } {
    return { entries: this.slots.size, bytes: this.bytes };
  }

  private remove(key: string): boolean {
    const slot = this.slots.get(key);
    if (!slot) return false;
    this.slots.delete(key);
    this.bytes -= slot.bytes;
    for (const tag of slot.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys && keys.size === 0) this.byTag.delete(tag);
    }
    return true;
  }
}
