/** A whole response, as it went out: status, headers and the exact bytes. */
export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
}

/**
 * A sorted list page's place in its order (src/cache/list-rules.ts): the entry is evicted
 * by a write event on `tag` whose value is at least `score`, i.e. by a document that sorts
 * into or before the page, before or after the write.
 */
export interface WindowMark {
  tag: string;
  score: number;
}

/** A written document's place in one order: evicts the pages of `tag` whose score is at most `value`. */
export interface WindowEvent {
  tag: string;
  value: number;
}

export interface CacheStore {
  readonly kind: 'memory' | 'redis';
  /** Synchronous for memory, so the HTTP fast path answers without a tick. */
  get(key: string): CachedResponse | null | Promise<CachedResponse | null>;
  /**
   * Stores the entry only if none of its tags (window tags included) was evicted, and
   * nothing was flushed, since `epoch`, in one atomic step: a check followed by a separate
   * write would let an eviction slip in between and keep a response computed from data that
   * has just been replaced. Evictions of other tags do not stop it: during breaking news a
   * write every half second would otherwise keep every slow answer out of the cache.
   */
  setIfEpoch(key: string, entry: CachedResponse, tags: readonly string[], epoch: number, windows?: readonly WindowMark[]): Promise<boolean>;
  /** Drops every entry carrying any of the tags, and the window pages the events reach, and advances the epoch. */
  evict(tags: readonly string[], windows?: readonly WindowEvent[]): Promise<number>;
  /** Advances on every eviction; a response is stored only if no eviction of its tags happened since it started. */
  epoch(): number | Promise<number>;
  flush(): Promise<void>;
  close(): Promise<void>;
  /**
   * Remembers, for `ttlMs`, that an answer depending on `member` of `group` may be cached (a
   * search's terms, by locale and status), so a write can find which of them it reaches. Called
   * before the answer is computed: a write that commits meanwhile then evicts its tag, and the
   * save of the answer it made stale is refused.
   */
  watch(group: string, member: string, ttlMs: number): void | Promise<void>;
  /** The members of a group watched now. */
  watched(group: string): string[] | Promise<string[]>;
}
