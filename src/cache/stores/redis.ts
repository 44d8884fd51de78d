import Redis from 'ioredis';
import type { CachedResponse, CacheStore } from './types';

/**
 * Shared store for several instances: entries, their tag sets and the epoch live in
 * Redis, so an eviction made by any instance is seen by all of them at once.
 *   <prefix>e:<key>  the entry (a JSON header line, then the body bytes), with a TTL
 *   <prefix>t:<tag>  the keys carrying the tag
 *   <prefix>epoch    advanced on every eviction
 */
export class RedisStore implements CacheStore {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly ttlMs: number,
    private readonly prefix = 'newsroom:cache:',
  ) {
    // Fail fast rather than queue: a cache that cannot answer is a miss, not a hang.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    this.redis.on('error', () => undefined);
  }

  async get(key: string): Promise<CachedResponse | null> {
    const raw = await this.redis.getBuffer(`${this.prefix}e:${key}`);
    if (!raw) return null;
    const newline = raw.indexOf(10);
    const head = JSON.parse(raw.subarray(0, newline).toString('utf8')) as Omit<CachedResponse, 'body'>;
    return { ...head, body: raw.subarray(newline + 1) };
  }

  async set(key: string, entry: CachedResponse, tags: readonly string[]): Promise<void> {
    const head = JSON.stringify({ status: entry.status, headers: entry.headers, etag: entry.etag });
    const multi = this.redis.multi().set(`${this.prefix}e:${key}`, Buffer.concat([Buffer.from(`${head}\n`), entry.body]), 'PX', this.ttlMs);
    for (const tag of tags) multi.sadd(`${this.prefix}t:${tag}`, key).pexpire(`${this.prefix}t:${tag}`, this.ttlMs);
    await multi.exec();
  }

  async evict(tags: readonly string[]): Promise<number> {
    await this.redis.incr(`${this.prefix}epoch`);
    let removed = 0;
    for (const tag of tags) {
      const tagKey = `${this.prefix}t:${tag}`;
      const keys = await this.redis.smembers(tagKey);
      if (keys.length > 0) removed += await this.redis.del(...keys.map((k) => `${this.prefix}e:${k}`));
      await this.redis.del(tagKey);
    }
    return removed;
  }

  async epoch(): Promise<number> {
    return Number((await this.redis.get(`${this.prefix}epoch`)) ?? 0);
  }

  async flush(): Promise<void> {
    await this.redis.incr(`${this.prefix}epoch`);
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}[et]:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await this.redis.del(...keys);
    } while (cursor !== '0');
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
