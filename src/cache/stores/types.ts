/** A whole response, as it went out: status, headers and the exact bytes. */
export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
}

export interface CacheStore {
  readonly kind: 'memory' | 'redis';
  /** Synchronous for memory, so the HTTP fast path answers without a tick. */
  get(key: string): CachedResponse | null | Promise<CachedResponse | null>;
  /**
   * Stores the entry only if the epoch is still `epoch`, in one atomic step: a check
   * followed by a separate write would let an eviction slip in between and keep a
   * response computed from data that has just been replaced.
   */
  setIfEpoch(key: string, entry: CachedResponse, tags: readonly string[], epoch: number): Promise<boolean>;
  /** Drops every entry carrying any of the tags and advances the epoch. */
  evict(tags: readonly string[]): Promise<number>;
  /** Advances on every eviction; a response computed across an eviction is not stored. */
  epoch(): number | Promise<number>;
  flush(): Promise<void>;
  close(): Promise<void>;
}
