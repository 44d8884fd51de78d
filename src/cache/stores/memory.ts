import type { CachedResponse, CacheStore, WindowEvent, WindowMark } from './types';

interface Slot {
  entry: CachedResponse;
  tags: readonly string[];
  windows: readonly WindowMark[];
  bytes: number;
  expires: number;
  /** The store's write count when this slot last moved to the recent end (see touch). */
  seq: number;
}

/** How many tag evictions are remembered for the save check; older ones raise the floor instead. */
const REMEMBERED_EVICTIONS = 100_000;

/**
 * Per-process store: a Map in least-recently-used order, bounded in bytes (so the
 * server's memory stays bounded), with a tag index and a window index for eviction.
 * Right for one instance; several instances need the Redis store, or one would serve
 * what another's write evicted.
 */
export class MemoryStore implements CacheStore {
  readonly kind = 'memory' as const;
  private readonly slots = new Map<string, Slot>();
  private readonly byTag = new Map<string, Set<string>>();
  /** Window tag -> key -> score. */
  private readonly byWindow = new Map<string, Map<string, number>>();
  /** When each tag was last evicted (epoch), oldest first; bounded, see `floor`. */
  private readonly evictedAt = new Map<string, number>();
  /** Saves that started before this epoch are refused: a flush, or evictions no longer remembered. */
  private floor = 0;
  /** Group -> member -> until when it is watched. */
  private readonly watches = new Map<string, Map<string, number>>();
  private bytes = 0;
  private currentEpoch = 0;
  private seq = 0;

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
    this.touch(key, slot);
    return slot.entry;
  }

  /**
   * Marks a slot recently used by moving it to the Map's recent end, but only once it has
   * drifted into the older half (at least half the entries were written after it): a hot
   * entry read thousands of times a second moves once per size/2 writes instead of on every
   * read, which kept the Map's table churning (a delete and an insert per hit). An entry
   * read since the last size/2 writes is still evicted only after every entry older than it.
   */
  private touch(key: string, slot: Slot): void {
    if (this.seq - slot.seq < this.slots.size >> 1) return;
    this.slots.delete(key);
    this.slots.set(key, slot);
    slot.seq = ++this.seq;
  }

  async setIfEpoch(key: string, entry: CachedResponse, tags: readonly string[], epoch: number, windows: readonly WindowMark[] = []): Promise<boolean> {
    // Synchronous from here on: nothing can evict between the check and the write.
    if (epoch < this.floor) return false;
    for (const tag of tags) if ((this.evictedAt.get(tag) ?? -1) > epoch) return false;
    for (const window of windows) if ((this.evictedAt.get(window.tag) ?? -1) > epoch) return false;
    const bytes = entry.body.length + key.length + JSON.stringify(entry.headers).length + 64;
    if (bytes > this.maxBytes) return false;
    this.remove(key);
    this.slots.set(key, { entry, tags, windows, bytes, expires: this.now() + this.ttlMs, seq: ++this.seq });
    this.bytes += bytes;
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    for (const window of windows) {
      let pages = this.byWindow.get(window.tag);
      if (!pages) this.byWindow.set(window.tag, (pages = new Map()));
      pages.set(key, window.score);
    }
    while (this.bytes > this.maxBytes) {
      const oldest = this.slots.keys().next().value as string | undefined;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
    return this.slots.has(key);
  }

  async evict(tags: readonly string[], windows: readonly WindowEvent[] = []): Promise<number> {
    this.currentEpoch += 1;
    let removed = 0;
    for (const tag of tags) {
      this.markEvicted(tag);
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) if (this.remove(key)) removed += 1;
    }
    for (const { tag, value } of windows) {
      this.markEvicted(tag);
      const pages = this.byWindow.get(tag);
      if (!pages) continue;
      for (const [key, score] of [...pages]) if (score <= value && this.remove(key)) removed += 1;
    }
    return removed;
  }

  epoch(): number {
    return this.currentEpoch;
  }

  watch(group: string, member: string, ttlMs: number): void {
    let members = this.watches.get(group);
    if (!members) this.watches.set(group, (members = new Map()));
    members.set(member, this.now() + ttlMs);
  }

  watched(group: string): string[] {
    const members = this.watches.get(group);
    if (!members) return [];
    const now = this.now();
    const live: string[] = [];
    for (const [member, until] of members) {
      if (until > now) live.push(member);
      else members.delete(member);
    }
    return live;
  }

  async flush(): Promise<void> {
    this.currentEpoch += 1;
    this.floor = this.currentEpoch;
    this.evictedAt.clear();
    this.slots.clear();
    this.byTag.clear();
    this.byWindow.clear();
    this.bytes = 0;
  }

  async close(): Promise<void> {
    await this.flush();
  }

  /** Entries and bytes held, for tests and diagnostics. */
  stats(): { entries: number; bytes: number } {
    return { entries: this.slots.size, bytes: this.bytes };
  }

  private markEvicted(tag: string): void {
    this.evictedAt.delete(tag);
    this.evictedAt.set(tag, this.currentEpoch);
    if (this.evictedAt.size <= REMEMBERED_EVICTIONS) return;
    // Forget the oldest tenth; a save that started before the newest forgotten eviction cannot be checked, so it is refused.
    let drop = REMEMBERED_EVICTIONS / 10;
    for (const [oldTag, at] of this.evictedAt) {
      if (drop-- <= 0) break;
      this.evictedAt.delete(oldTag);
      this.floor = Math.max(this.floor, at);
    }
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
    for (const window of slot.windows) {
      const pages = this.byWindow.get(window.tag);
      pages?.delete(key);
      if (pages && pages.size === 0) this.byWindow.delete(window.tag);
    }
    return true;
  }
}
