import type { PersistedQueryOptions } from '@apollo/server';
import Redis from 'ioredis';

/**
 * Where Apollo Server keeps the queries registered through automatic persisted queries
 * (a POST carrying the query and its sha256 hash; later GETs send only the hash).
 *
 * Apollo does the protocol itself: hash check, PERSISTED_QUERY_NOT_FOUND, registration
 * only after the query validated. Left alone it stores them in its server-wide
 * `InMemoryLRUCache` (30 MiB, per process). What it cannot do for us: share them between
 * instances, and bound them by a setting. `@apollo/server` re-exports neither that class
 * nor a Redis adapter, and `@apollo/utils.keyvaluecache` is only a transitive dependency
 * (we may not add packages), so these two stores implement Apollo's three-method
 * KeyValueCache interface (get/set/delete) themselves: a bounded LRU map, and ioredis.
 */
export type QueryStore = NonNullable<PersistedQueryOptions['cache']>;
type SetOptions = Parameters<QueryStore['set']>[2];

/** Registered queries are query texts, not content: they outlive cache flushes (which match `<prefix>[et]:*`). */
export const PERSISTED_QUERY_REDIS_SEGMENT = 'graphql:';

/**
 * A per-process store bounded in bytes: the least recently used queries go first, so
 * anyone registering many queries costs memory up to the bound and no more.
 */
export class BoundedMemoryQueryStore implements QueryStore {
  /** Map order is recency order: a read moves the entry to the end. */
  private readonly entries = new Map<string, { value: string; bytes: number; expiresAt: number }>();
  private used = 0;

  constructor(
    readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** JavaScript strings take two bytes per UTF-16 unit; the bound is on memory, not on text length. */
  static sizeOf(key: string, value: string): number {
    return 2 * (key.length + value.length);
  }

  get bytes(): number {
    return this.used;
  }

  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  async set(key: string, value: string, options?: SetOptions): Promise<void> {
    this.remove(key);
    const bytes = BoundedMemoryQueryStore.sizeOf(key, value);
    if (bytes > this.maxBytes) return;
    const ttl = options?.ttl;
    const expiresAt = typeof ttl === 'number' && ttl > 0 ? this.now() + ttl * 1000 : Number.POSITIVE_INFINITY;
    this.entries.set(key, { value, bytes, expiresAt });
    this.used += bytes;
    for (const [oldest] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  async delete(key: string): Promise<boolean> {
    return this.remove(key);
  }

  private remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.used -= entry.bytes;
    return true;
  }
}

/**
 * One connection per Redis URL for the process, held here rather than on the store:
 * the plugin's config passes through lodash merges, and the store must stay a plain
 * holder of strings whatever copy of it Apollo ends up with. Opened on first use, so
 * loading the config (`strapi build` does) connects to nothing.
 */
const connections = new Map<string, Redis>();

function connection(url: string): Redis {
  let redis = connections.get(url);
  if (!redis) {
    // As the response cache's store (src/cache/stores/redis.ts): fail fast rather than queue. ioredis waits
    // disconnectTimeout (2 s) for a socket that never opened to close; shutdown need not wait that long.
    redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, disconnectTimeout: 100 });
    redis.on('error', () => undefined);
    connections.set(url, redis);
  }
  return redis;
}

async function ready(redis: Redis, timeoutMs: number): Promise<Redis> {
  if (redis.status === 'ready') return redis;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
  return redis;
}

/**
 * Shared by every instance on the same Redis and prefix: a query registered through one
 * instance is found by a GET that reaches another. When Redis cannot answer, a lookup is
 * a miss (PERSISTED_QUERY_NOT_FOUND, and the client sends the query again), never a 500.
 */
export class RedisQueryStore implements QueryStore {
  constructor(
    readonly url: string,
    /** The response cache's prefix (CACHE_REDIS_PREFIX), so one Redis holds several environments apart. */
    readonly prefix: string,
    private readonly readyTimeoutMs = 1_000,
  ) {}

  redisKey(key: string): string {
    return `${this.prefix}${PERSISTED_QUERY_REDIS_SEGMENT}${key}`;
  }

  async get(key: string): Promise<string | undefined> {
    try {
      const redis = await ready(connection(this.url), this.readyTimeoutMs);
      return (await redis.get(this.redisKey(key))) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** Apollo catches and logs a failed registration; the query is simply not persisted. */
  async set(key: string, value: string, options?: SetOptions): Promise<void> {
    const redis = await ready(connection(this.url), this.readyTimeoutMs);
    const ttl = options?.ttl;
    if (typeof ttl === 'number' && ttl > 0) await redis.set(this.redisKey(key), value, 'EX', Math.ceil(ttl));
    else await redis.set(this.redisKey(key), value);
  }

  async delete(key: string): Promise<boolean> {
    const redis = await ready(connection(this.url), this.readyTimeoutMs);
    return (await redis.del(this.redisKey(key))) > 0;
  }
}

export interface PersistedQuerySettings {
  maxBytes: number;
  ttlSeconds: number;
  redisUrl: string | null;
  redisPrefix: string;
}

/** Apollo's `persistedQueries` option: Redis when REDIS_URL is set, bounded memory otherwise. */
export function persistedQueryOptions(settings: PersistedQuerySettings): PersistedQueryOptions {
  return {
    cache: settings.redisUrl ? new RedisQueryStore(settings.redisUrl, settings.redisPrefix) : new BoundedMemoryQueryStore(settings.maxBytes),
    ttl: settings.ttlSeconds,
  };
}

/** Closes the Redis connections the stores opened (the app's destroy). */
export async function closePersistedQueryStores(): Promise<void> {
  const closing = [...connections.values()].map(
    (redis) =>
      new Promise<void>((resolve) => {
        // A connection attempt may still be under way: wait for its socket to go ('end'), but not forever,
        // since a client between reconnection attempts stops without emitting anything.
        const timer = setTimeout(resolve, 200);
        redis.once('end', () => {
          clearTimeout(timer);
          resolve();
        });
        redis.disconnect();
      }),
  );
  connections.clear();
  await Promise.all(closing);
}
