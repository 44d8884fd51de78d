import { BoundedMemoryQueryStore, closePersistedQueryStores, persistedQueryOptions, RedisQueryStore } from './persisted-queries';

describe('the in-memory store of persisted queries', () => {
  const query = (n: number) => `{ q${n} }`.padEnd(100, ' ');
  const entryBytes = BoundedMemoryQueryStore.sizeOf('apq:00', query(0));

  it('keeps what was registered', async () => {
    const store = new BoundedMemoryQueryStore(1024 * 1024);
    await store.set('apq:a', '{ a }');
    expect(await store.get('apq:a')).toBe('{ a }');
    expect(await store.get('apq:b')).toBeUndefined();
    expect(await store.delete('apq:a')).toBe(true);
    expect(await store.get('apq:a')).toBeUndefined();
    expect(store.bytes).toBe(0);
  });

  it('stays within its bound, dropping the least recently used first', async () => {
    const store = new BoundedMemoryQueryStore(entryBytes * 3);
    for (const n of [1, 2, 3]) await store.set(`apq:0${n}`, query(n));
    expect(await store.get('apq:01')).toBe(query(1));
    await store.set('apq:04', query(4));
    expect(store.bytes).toBeLessThanOrEqual(entryBytes * 3);
    expect(await store.get('apq:02')).toBeUndefined();
    for (const n of [1, 3, 4]) expect(await store.get(`apq:0${n}`)).toBe(query(n));
    for (let n = 10; n < 100; n += 1) await store.set(`apq:${n}`, query(n));
    expect(store.bytes).toBeLessThanOrEqual(entryBytes * 3);
  });

  it('does not keep an entry larger than the whole bound', async () => {
    const store = new BoundedMemoryQueryStore(entryBytes);
    await store.set('apq:big', query(0).repeat(2));
    expect(await store.get('apq:big')).toBeUndefined();
    expect(store.bytes).toBe(0);
  });

  it('forgets an entry once its ttl (seconds, as Apollo passes it) has passed', async () => {
    let now = 1_000;
    const store = new BoundedMemoryQueryStore(1024, () => now);
    await store.set('apq:a', '{ a }', { ttl: 60 });
    now += 59_000;
    expect(await store.get('apq:a')).toBe('{ a }');
    now += 1_000;
    expect(await store.get('apq:a')).toBeUndefined();
    expect(store.bytes).toBe(0);
  });
});

describe("Apollo's persistedQueries option", () => {
  it('is Redis under the cache prefix with REDIS_URL, bounded memory without, with the ttl either way', () => {
    const memory = persistedQueryOptions({ maxBytes: 1024, ttlSeconds: 600, redisUrl: null, redisPrefix: 'p:' });
    expect(memory.cache).toBeInstanceOf(BoundedMemoryQueryStore);
    expect((memory.cache as BoundedMemoryQueryStore).maxBytes).toBe(1024);
    expect(memory.ttl).toBe(600);
    const redis = persistedQueryOptions({ maxBytes: 1024, ttlSeconds: 600, redisUrl: 'redis://127.0.0.1:1', redisPrefix: 'run:1:' });
    expect(redis.cache).toBeInstanceOf(RedisQueryStore);
    expect((redis.cache as RedisQueryStore).redisKey('apq:abc')).toBe('run:1:graphql:apq:abc');
  });

  it('answers a miss, not an error, when Redis cannot be reached', async () => {
    const store = new RedisQueryStore('redis://127.0.0.1:1', 'p:', 200);
    try {
      expect(await store.get('apq:abc')).toBeUndefined();
      await expect(store.set('apq:abc', '{ a }')).rejects.toThrow();
    } finally {
      await closePersistedQueryStores();
    }
  });
});
