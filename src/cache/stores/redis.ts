import Redis from 'ioredis';
import type { CachedResponse, CacheStore, WindowEvent, WindowMark } from './types';

/**
 * Stores an entry with its tag and window memberships only if none of its tags was evicted,
 * and nothing flushed, since the epoch its computation started at, atomically (Redis runs a
 * script without interleaving other commands). Keys are built from the prefix inside the
 * script: this store is for one Redis, not a Redis Cluster.
 * ARGV: prefix, start epoch, cache key, TTL ms, number of tags, entry bytes, the tags, then window (tag, score) pairs.
 */
const SET_IF_EPOCH = `
local p = ARGV[1]
local start = tonumber(ARGV[2])
local n = tonumber(ARGV[5])
if tonumber(redis.call('GET', p .. 'floor') or '0') > start then return 0 end
for i = 7, 6 + n do
  local at = redis.call('GET', p .. 'te:' .. ARGV[i])
  if at and tonumber(at) > start then return 0 end
end
for i = 7 + n, #ARGV, 2 do
  local at = redis.call('GET', p .. 'te:' .. ARGV[i])
  if at and tonumber(at) > start then return 0 end
end
redis.call('SET', p .. 'e:' .. ARGV[3], ARGV[6], 'PX', ARGV[4])
for i = 7, 6 + n do
  redis.call('SADD', p .. 't:' .. ARGV[i], ARGV[3])
  redis.call('PEXPIRE', p .. 't:' .. ARGV[i], ARGV[4])
end
for i = 7 + n, #ARGV, 2 do
  redis.call('ZADD', p .. 'w:' .. ARGV[i], ARGV[i + 1], ARGV[3])
  redis.call('PEXPIRE', p .. 'w:' .. ARGV[i], ARGV[4])
end
return 1
`;

/**
 * Advances the epoch, records it as the eviction time of every tag, and deletes the entries
 * carrying a tag and the window pages an event reaches (score at most the event's value).
 * ARGV: prefix, how long eviction times are kept (ms), number of tags, the tags, then window (tag, value) pairs.
 */
const EVICT = `
local p = ARGV[1]
local keep = ARGV[2]
local n = tonumber(ARGV[3])
local epoch = redis.call('INCR', p .. 'epoch')
local removed = 0
for i = 4, 3 + n do
  redis.call('SET', p .. 'te:' .. ARGV[i], epoch, 'PX', keep)
  local keys = redis.call('SMEMBERS', p .. 't:' .. ARGV[i])
  for _, k in ipairs(keys) do removed = removed + redis.call('DEL', p .. 'e:' .. k) end
  redis.call('DEL', p .. 't:' .. ARGV[i])
end
for i = 4 + n, #ARGV, 2 do
  redis.call('SET', p .. 'te:' .. ARGV[i], epoch, 'PX', keep)
  local keys = redis.call('ZRANGEBYSCORE', p .. 'w:' .. ARGV[i], '-inf', ARGV[i + 1])
  for _, k in ipairs(keys) do removed = removed + redis.call('DEL', p .. 'e:' .. k) end
  if #keys > 0 then redis.call('ZREMRANGEBYSCORE', p .. 'w:' .. ARGV[i], '-inf', ARGV[i + 1]) end
end
return removed
`;

/**
 * Adds a watched member until its time, drops the members whose time has passed, and keeps the
 * group key as long as its longest-lived member (a short watch must not cut a long one short).
 * KEYS: the group.  ARGV: until (ms since the epoch), member, now.
 */
const WATCH = `
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIREAT', KEYS[1], last[2])
return 1
`;

/** Longer than any computation of a response can take: a save is checked against evictions this recent. */
const EVICTION_MEMORY_MS = 15 * 60_000;

/** Redis scores: infinities as Redis spells them. */
const score = (value: number): string => (value === Infinity ? '+inf' : value === -Infinity ? '-inf' : String(value));

type WithScript = Redis & {
  setIfEpoch(numberOfKeys: number, ...args: Array<string | Buffer | number>): Promise<number>;
  evictTags(numberOfKeys: number, ...args: Array<string | number>): Promise<number>;
  watchMember(numberOfKeys: number, ...args: Array<string | number>): Promise<number>;
};

/**
 * Shared store for several instances: entries, their tag sets and the epoch live in
 * Redis, so an eviction made by any instance is seen by all of them at once.
 *   <prefix>e:<key>  the entry (a JSON header line, then the body bytes), with a TTL
 *   <prefix>t:<tag>  the keys carrying the tag
 *   <prefix>w:<tag>  the window pages of a sorted list, scored by their place (src/cache/list-rules.ts)
 *   <prefix>te:<tag> the epoch of the tag's last eviction (kept 15 minutes)
 *   <prefix>epoch    advanced on every eviction
 *   <prefix>floor    saves that started before it are refused (a flush)
 *   <prefix>q:<group> watched members (searches' terms), scored by when they stop being watched
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
    this.redis.defineCommand('evictTags', { lua: EVICT });
    this.redis.defineCommand('watchMember', { lua: WATCH });
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

  async setIfEpoch(key: string, entry: CachedResponse, tags: readonly string[], epoch: number, windows: readonly WindowMark[] = []): Promise<boolean> {
    if (this.flushWhenBack) return false;
    const head = JSON.stringify({ status: entry.status, headers: entry.headers, etag: entry.etag });
    const stored = await this.redis.setIfEpoch(
      0,
      this.prefix,
      String(epoch),
      key,
      this.ttlMs,
      tags.length,
      Buffer.concat([Buffer.from(`${head}\n`), entry.body]),
      ...tags,
      ...windows.flatMap((w) => [w.tag, score(w.score)]),
    );
    return stored === 1;
  }

  async evict(tags: readonly string[], windows: readonly WindowEvent[] = []): Promise<number> {
    try {
      return await this.redis.evictTags(0, this.prefix, EVICTION_MEMORY_MS, tags.length, ...tags, ...windows.flatMap((w) => [w.tag, score(w.value)]));
    } catch (error) {
      this.flushWhenBack = true;
      throw error;
    }
  }

  async watch(group: string, member: string, ttlMs: number): Promise<void> {
    const key = `${this.prefix}q:${group}`;
    const now = Date.now();
    await this.redis.watchMember(1, key, now + ttlMs, member, now);
  }

  async watched(group: string): Promise<string[]> {
    return this.redis.zrangebyscore(`${this.prefix}q:${group}`, Date.now(), '+inf');
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
      const epoch = await this.redis.incr(`${this.prefix}epoch`);
      await this.redis.set(`${this.prefix}floor`, epoch);
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}[etw]:*`, 'COUNT', 500);
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
