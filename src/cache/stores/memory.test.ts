import { describeCacheStoreContract } from './contract';
import { MemoryStore } from './memory';

let clock = 0;
describeCacheStoreContract('memory', async () => {
  clock = 1_000;
  return { store: new MemoryStore(1024 * 1024, 60_000, () => clock), ttlMs: 60_000, pass: async (ms) => void (clock += ms) };
});

describe('memory store bounds', () => {
  const entry = (size: number) => ({ status: 200, headers: {}, body: Buffer.alloc(size, 0x61), etag: `"${size}"` });

  it('stays within its byte budget by dropping the least recently used entries', async () => {
    const store = new MemoryStore(3_000, 60_000);
    await store.setIfEpoch('/a', entry(900), [], 0);
    await store.setIfEpoch('/b', entry(900), [], 0);
    store.get('/a'); // /a is now more recently used than /b
    await store.setIfEpoch('/c', entry(900), [], 0);
    await store.setIfEpoch('/d', entry(900), [], 0);
    expect([store.get('/a'), store.get('/b'), store.get('/c'), store.get('/d')].map(Boolean)).toEqual([true, false, true, true]);
  });

  it('does not store a response larger than the whole budget', async () => {
    const store = new MemoryStore(1_000, 60_000);
    expect(await store.setIfEpoch('/huge', entry(5_000), [], 0)).toBe(false);
    expect(store.get('/huge')).toBeNull();
  });
});

describe('memory store recency', () => {
  const entry = () => ({ status: 200, headers: {}, body: Buffer.alloc(100, 0x61), etag: '"e"' });
  // Each entry counts its body, key (/0 to /13), headers and 64 bytes of bookkeeping: ten fit, not eleven.
  const slotBytes = 100 + '/10'.length + 2 + 64;

  it('keeps an entry that was read over older ones it has not been read since, however many reads', async () => {
    const store = new MemoryStore(slotBytes * 10, 60_000);
    for (let i = 0; i < 10; i += 1) await store.setIfEpoch(`/${i}`, entry(), [], 0);
    for (let i = 0; i < 1_000; i += 1) store.get('/0');
    store.get('/9');
    for (let i = 10; i < 14; i += 1) await store.setIfEpoch(`/${i}`, entry(), [], 0);
    // The four oldest unread entries went; /0 (read while oldest) and /9 (read while recent) stay.
    expect(['/0', '/1', '/4', '/5', '/9'].map((key) => store.get(key) !== null)).toEqual([true, false, false, true, true]);
    expect(store.stats().entries).toBe(10);
  });
});
