import net from 'net';
import { describeCacheStoreContract } from '../../src/cache/stores/contract';
import { RedisStore } from '../../src/cache/stores/redis';
import { ResponseCache } from '../../src/cache/response-cache';
import { cacheSettings } from '../../src/settings/cache';

/** The Redis store against a real Redis: the same contract as the memory store, and what happens when Redis goes away. */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = () => `newsroom:store-test:${Date.now()}:${Math.random().toString(36).slice(2, 8)}:`;

describeCacheStoreContract('redis', async () => {
  const store = new RedisStore(REDIS_URL, 300, prefix());
  await store.ready();
  return { store, ttlMs: 300, pass: (ms) => new Promise((r) => setTimeout(r, ms)) };
});

/** A TCP proxy in front of Redis that the test can cut and restore, as a network partition would. */
async function cuttableProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 6379), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server!.close(() => resolve());
    });
  await open();
  return { url: () => `redis://127.0.0.1:${port}`, cut, restore: open, close: cut };
}

describe('the response cache when Redis goes away', () => {
  it('answers misses instead of errors, stores nothing, and drops everything once Redis is back', async () => {
    const proxy = await cuttableProxy(new URL(REDIS_URL));
    const store = new RedisStore(proxy.url(), 60_000, prefix());
    const cache = new ResponseCache(store, cacheSettings({}));
    await store.ready();
    const entry = { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"name":"old"}'), etag: '"1"' };
    try {
      expect(await cache.save('/api/people/a', entry, ['doc:a'], await cache.epoch())).toBe(true);
      expect(await cache.lookup('/api/people/a')).not.toBeNull();

      await proxy.cut();
      // Reads degrade to misses; the eviction a write would make fails.
      expect(await cache.lookup('/api/people/a')).toBeNull();
      expect(await cache.epoch()).toBeNull();
      expect(await cache.save('/api/people/b', entry, ['doc:b'], null)).toBe(false);
      await expect(cache.evict(['doc:a'])).rejects.toThrow();

      // Back: the entry the failed eviction should have removed must not be served.
      await proxy.restore();
      const deadline = Date.now() + 10_000;
      let found: unknown = 'not reconnected';
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        if ((await cache.epoch()) === null) continue;
        found = await cache.lookup('/api/people/a');
        if (found === null) break;
      }
      expect(found).toBeNull();
    } finally {
      await store.close();
      await proxy.close();
    }
  }, 30_000);
});
