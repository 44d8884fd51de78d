import type { CachedResponse, CacheStore } from './types';

/**
 * What every cache store must do, as Jest tests: run by memory.test.ts for the memory
 * store and by tests/cluster/redis-store.test.ts against a real Redis. `ttlMs` is the
 * TTL the factory gave the store; `pass(ms)` lets that much time go by.
 */
export function describeCacheStoreContract(name: string, open: () => Promise<{ store: CacheStore; ttlMs: number; pass(ms: number): Promise<void> }>): void {
  const entry = (text: string): CachedResponse => ({
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-frame-options': 'SAMEORIGIN' },
    body: Buffer.from(JSON.stringify({ data: text })),
    etag: `"${text.length}-${text}"`,
  });

  describe(`${name} store`, () => {
    let store: CacheStore;
    let ttlMs: number;
    let pass: (ms: number) => Promise<void>;
    beforeEach(async () => {
      ({ store, ttlMs, pass } = await open());
    });
    afterEach(() => store.close());

    it('returns what was stored: status, headers and the exact bytes, Arabic included', async () => {
      const stored = entry('قاسم الأعرجي');
      expect(await store.setIfEpoch('/api/people?locale=ar', stored, ['doc:a'], await store.epoch())).toBe(true);
      const found = await store.get('/api/people?locale=ar');
      expect(found).toMatchObject({ status: 200, headers: stored.headers, etag: stored.etag });
      expect(found!.body.equals(stored.body)).toBe(true);
      expect(await store.get('/api/people?locale=en')).toBeNull();
    });

    it('refuses to store a response computed across an eviction', async () => {
      const before = await store.epoch();
      await store.evict(['doc:a']);
      expect(await store.epoch()).not.toBe(before);
      expect(await store.setIfEpoch('/api/articles', entry('old'), ['doc:a'], before)).toBe(false);
      expect(await store.get('/api/articles')).toBeNull();
    });

    it('stores a response computed across an eviction of tags it does not carry', async () => {
      const before = await store.epoch();
      await store.evict(['doc:other'], [{ tag: 'win:other', value: Infinity }]);
      expect(await store.setIfEpoch('/api/people/a', entry('a'), ['doc:a'], before, [{ tag: 'win:mine', score: 5 }])).toBe(true);
      expect(await store.get('/api/people/a')).not.toBeNull();
    });

    it('refuses a response whose window was reached while it was computed, and one computed across a flush', async () => {
      const before = await store.epoch();
      await store.evict([], [{ tag: 'win:latest', value: -1_000 }]);
      expect(await store.setIfEpoch('/api/latest', entry('latest'), [], before, [{ tag: 'win:latest', score: 0 }])).toBe(false);
      const again = await store.epoch();
      await store.flush();
      expect(await store.setIfEpoch('/api/x', entry('x'), [], again)).toBe(false);
    });

    it('evicts the window pages an event reaches: those whose score is at most its value', async () => {
      const epoch = await store.epoch();
      await store.setIfEpoch('/api/latest?page=1', entry('page 1'), [], epoch, [{ tag: 'win:a', score: 100 }]);
      await store.setIfEpoch('/api/latest?page=2', entry('page 2'), [], epoch, [{ tag: 'win:a', score: 50 }]);
      await store.setIfEpoch('/api/short-list', entry('short'), [], epoch, [{ tag: 'win:a', score: -Infinity }]);
      await store.setIfEpoch('/api/other-order', entry('other'), [], epoch, [{ tag: 'win:b', score: 0 }]);
      expect(await store.evict([], [{ tag: 'win:a', value: 60 }])).toBe(2);
      expect(await store.get('/api/latest?page=1')).not.toBeNull();
      expect(await store.get('/api/latest?page=2')).toBeNull();
      expect(await store.get('/api/short-list')).toBeNull();
      expect(await store.get('/api/other-order')).not.toBeNull();
      expect(await store.evict([], [{ tag: 'win:a', value: Infinity }])).toBe(1);
      expect(await store.get('/api/latest?page=1')).toBeNull();
    });

    it('evicts every entry carrying a tag, and only those', async () => {
      const epoch = await store.epoch();
      await store.setIfEpoch('/api/articles/1', entry('article with person a'), ['doc:article1', 'doc:a'], epoch);
      await store.setIfEpoch('/api/people/a', entry('person a'), ['doc:a'], epoch);
      await store.setIfEpoch('/api/people/b', entry('person b'), ['doc:b'], epoch);
      expect(await store.evict(['doc:a'])).toBe(2);
      expect(await store.get('/api/articles/1')).toBeNull();
      expect(await store.get('/api/people/a')).toBeNull();
      expect(await store.get('/api/people/b')).not.toBeNull();
    });

    it('flushes everything and advances the epoch', async () => {
      const epoch = await store.epoch();
      await store.setIfEpoch('/api/a', entry('a'), ['doc:a'], epoch);
      await store.setIfEpoch('/api/b', entry('b'), [], epoch);
      await store.flush();
      expect(await store.epoch()).not.toBe(epoch);
      expect(await store.get('/api/a')).toBeNull();
      expect(await store.get('/api/b')).toBeNull();
    });

    it('remembers watched members per group until their time runs out', async () => {
      await store.watch('ar/true', 'الاعرجي', ttlMs);
      await store.watch('ar/true', 'بغداد', 10);
      await store.watch('en/true', 'baghdad', ttlMs);
      expect((await store.watched('ar/true')).sort()).toEqual(['الاعرجي', 'بغداد'].sort());
      await pass(50);
      expect(await store.watched('ar/true')).toEqual(['الاعرجي']);
      expect(await store.watched('fr/true')).toEqual([]);
    });

    it('forgets entries after their TTL', async () => {
      await store.setIfEpoch('/api/short', entry('short'), ['doc:s'], await store.epoch());
      expect(await store.get('/api/short')).not.toBeNull();
      await pass(ttlMs + 50);
      expect(await store.get('/api/short')).toBeNull();
    });
  });
}
