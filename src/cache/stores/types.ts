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
  set(key: string, entry: CachedResponse, tags: readonly string[]): Promise<void>;
  /** Drops every entry carrying any of the tags and advances the epoch. */
  evict(tags: readonly string[]): Promise<number>;
  /** Advances on every eviction; a response computed across an eviction is not stored. */
  epoch(): number | Promise<number>;
  flush(): Promise<void>;
  close(): Promise<void>;
}
