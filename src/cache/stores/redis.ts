import Redis from 'ioredis';
import type { CachedResponse, CacheStore } from './types';

/**
 * Stores an entry and its tag memberships only if the epoch is unchanged, atomically
 * (Redis runs a script without interleaving other commands).
 * KEYS: epoch, entry, tag sets...  ARGV: expected epoch, entry bytes, TTL ms, cache key.
 */
const SET_IF_EPOCH = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
for i = 3, #KEYS do
  redis.call('SADD', KEYS[i], ARGV[4])
  redis.call('PEXPIRE', KEYS[i], ARGV[3])
end
return 1
`;

type WithScript = Redis & {
  setIfEpoch(numberOfKeys: number, ...args: Array<string | Buffer | number>): Promise<number>;
};

/**
 * Shared store for several instances: entries, their tag sets and the epoch live in
 * Redis, so an eviction made by any instance is seen by all of them at once.
 *   <prefix>e:<key>  the entry (a JSON header line, then the body bytes), with a TTL
 *   <prefix>t:<tag>  the keys carrying the tag
 *   <prefix>epoch    advanced on every eviction
 */
export class RedisStore implements CacheStore {
  readonly kind = 'redis' as const;
  private readonly redis: WithScript;
  /** An eviction failed (Redis away): entries it should have removed may be stale. */
  private flushWhenBack = false;

  constructor(
    url: string,
    private readonly ttlMs: number,
    private readonly prefix = 'newsroom:cache:',
  ) {
    // Fail fast rather than queue: a cache that cannot answer is a miss, not a hang.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false }) as WithScript;
    this.redis.defineCommand('setIfEpoch', { lua: SET_IF_EPOCH });
    this.redis.on('error', () => undefined);
    // What a failed eviction left behind cannot be known, so drop everything once Redis is back.
    this.redis.on('ready', () => {
      if (!this.flushWhenBack) return;
      this.flushWhenBack = false;
      // Sets the flag again if Redis went away mid-flush.
      void this.flush();
    });
  }

  /** Resolves once connected; for callers that must not start with a cold miss (tests, tools). */
  async ready(timeoutMs = 5_000): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Redis not ready within ${timeoutMs} ms`)), timeoutMs);
      this.redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async get(key: string): Promise<CachedResponse | null> {
    const raw = await this.redis.getBuffer(`${this.prefix}e:${key}`);
    if (!raw) return null;
    const newline = raw.indexOf(10);
    const head = JSON.parse(raw.subarray(0, newline).toString('utf8')) as Omit<CachedResponse, 'body'>;
    return { ...head, body: raw.subarray(newline + 1) };
  }

  async setIfEpoch(key: string, entry: CachedResponse, tags: readonly string[], epoch: number): Promise<boolean> {
    if (this.flushWhenBack) return false;
    const head = JSON.stringify({ status: entry.status, headers: entry.headers, etag: entry.etag });
    const keys = [`${this.prefix}epoch`, `${this.prefix}e:${key}`, ...tags.map((tag) => `${this.prefix}t:${tag}`)];
    const stored = await this.redis.setIfEpoch(keys.length, ...keys, String(epoch), Buffer.concat([Buffer.from(`${head}\n`), entry.body]), this.ttlMs, key);
    return stored === 1;
  }

  async evict(tags: readonly string[]): Promise<number> {
    try {
      await this.redis.incr(`${this.prefix}epoch`);
      let removed = 0;
      for (const tag of tags) {
        const tagKey = `${this.prefix}t:${tag}`;
        const keys = await this.redis.smembers(tagKey);
        if (keys.length > 0) removed += await this.redis.del(...keys.map((k) => `${this.prefix}e:${k}`));
        await this.redis.del(tagKey);
      }
      return removed;
    } catch (error) {
      this.flushWhenBack = true;
      throw error;
    }
  }

  async epoch(): Promise<number> {
    return Number((await this.redis.get(`${this.prefix}epoch`)) ?? 0);
  }

  /**
   * Never throws: a flush is asked for by a write (permissions, locales) or by the boot,
   * and neither may fail because the cache is away. A flush that cannot run now runs
   * as soon as Redis is back, and nothing is stored until then.
   */
  async flush(): Promise<void> {
    try {
      await this.redis.incr(`${this.prefix}epoch`);
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}[et]:*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) await this.redis.del(...keys);
      } while (cursor !== '0');
    } catch {
      this.flushWhenBack = true;
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
