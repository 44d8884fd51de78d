import type { CrossProcessSignal } from './cross-process';
import { MemoryStore } from './stores/memory';
import { RedisStore } from './stores/redis';
import type { CachedResponse, CacheStore, WindowEvent, WindowMark } from './stores/types';
import type { CacheSettings } from '../settings/cache';

/**
 * Response headers that belong to one exchange, not to the content. CORS headers depend on
 * the asking origin (the fast path computes them per request); rate-limit headers on the client.
 */
const EPHEMERAL_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'set-cookie',
  'x-response-time',
  'x-cache',
  'etag',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-expose-headers',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
]);

export function storableHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (EPHEMERAL_HEADERS.has(lower) || value === undefined) continue;
    out[lower] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/**
 * The response cache: a store plus the rules around it. Entries are written only
 * when no eviction happened while the response was being computed (the epoch check),
 * so a response read from data a concurrent write was replacing is never kept.
 */
export class ResponseCache {
  hits = 0;
  misses = 0;
  /** Set for a memory store: tells other processes on the same database about evictions. */
  signal: CrossProcessSignal | null = null;

  constructor(
    readonly store: CacheStore,
    readonly settings: CacheSettings,
  ) {}

  cacheControl(): string {
    return this.settings.cdnMaxAgeSeconds > 0
      ? `public, max-age=0, s-maxage=${this.settings.cdnMaxAgeSeconds}, must-revalidate`
      : 'public, max-age=0, must-revalidate';
  }

  /** A hit, or null: a store that cannot answer (Redis away) is a miss, never an error. */
  lookup(key: string): CachedResponse | null | Promise<CachedResponse | null> {
    const found = this.store.get(key);
    return found instanceof Promise ? found.catch(() => null) : found;
  }

  /** The store's epoch, or null when it cannot be read (then nothing is stored). */
  async epoch(): Promise<number | null> {
    try {
      return await this.store.epoch();
    } catch {
      return null;
    }
  }

  /** Stores unless one of its tags was evicted since `startEpoch`; returns whether it stored. */
  async save(key: string, entry: CachedResponse, tags: Iterable<string>, startEpoch: number | null, windows: readonly WindowMark[] = []): Promise<boolean> {
    if (startEpoch === null) return false;
    return this.store.setIfEpoch(key, entry, [...tags], startEpoch, windows);
  }

  /** Watches a group member for as long as an answer depending on it can live (see CacheStore.watch). */
  async watch(group: string, member: string): Promise<void> {
    await this.store.watch(group, member, this.settings.ttlMs);
  }

  /** The watched members of a group; none when the store cannot answer (the eviction then flushes instead). */
  async watched(group: string): Promise<string[]> {
    return this.store.watched(group);
  }

  async evict(tags: Iterable<string>, windows: readonly WindowEvent[] = []): Promise<number> {
    const removed = await this.store.evict([...new Set(tags)], windows);
    this.signal?.advanceInBackground();
    return removed;
  }

  async flush(): Promise<void> {
    await this.store.flush();
    await this.signal?.advance();
  }
}

let instance: ResponseCache | null = null;

export function createResponseCache(settings: CacheSettings): ResponseCache | null {
  instance = settings.enabled
    ? new ResponseCache(
        settings.redisUrl ? new RedisStore(settings.redisUrl, settings.ttlMs, settings.redisPrefix) : new MemoryStore(settings.maxBytes, settings.ttlMs),
        settings,
      )
    : null;
  return instance;
}

/** The process's response cache, or null when caching is off. */
export function responseCache(): ResponseCache | null {
  return instance;
}
