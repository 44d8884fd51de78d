import { parseStoryBundle } from '../domain/story-bundle/validate';
import { batchKeys, Overlap } from './overlap';
import { syntheticBundles } from '../seed/synthetic/generate';

const deferred = () => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the keys of a batch', () => {
  it('are every slug its bundles define and every slug they refer to, by kind', () => {
    const [first, second] = [...syntheticBundles({ articles: 2, shape: 'story' })].map((input, i) => ({ line: i + 1, ...parseStoryBundle(input) }));
    const keys = batchKeys([first!]);
    const { bundle } = first!;
    for (const slug of [bundle.article.slug]) expect(keys.has(`article:${slug}`)).toBe(true);
    for (const { slug } of bundle.people) expect(keys.has(`person:${slug}`)).toBe(true);
    for (const { slug } of bundle.quotes) expect(keys.has(`quote:${slug}`)).toBe(true);
    // A bundle that only refers to a stored person (defined by an earlier line) still claims it.
    const referring = { ...second!, externalReferences: [{ kind: 'person' as const, slug: 'stored-person', path: 'quotes.0.speaker' }] };
    expect(batchKeys([referring]).has('person:stored-person')).toBe(true);
    expect(keys.has('person:stored-person')).toBe(false);
  });
});

describe('overlapping batch writes', () => {
  it('runs disjoint batches together up to the limit, and a batch that shares a key only after the one it shares it with', async () => {
    const overlap = new Overlap(2);
    const started: string[] = [];
    const batches = { a: deferred(), b: deferred(), c: deferred(), d: deferred() };
    const run = (name: keyof typeof batches) => () => (started.push(name), batches[name].promise);
    await overlap.submit(new Set(['person:x', 'article:1']), run('a'));
    await overlap.submit(new Set(['person:y', 'article:2']), run('b'));
    expect(started).toEqual(['a', 'b']);
    // Disjoint from both, but two are in flight.
    const c = overlap.submit(new Set(['article:3']), run('c'));
    await tick();
    expect(started).toEqual(['a', 'b']);
    batches.b.resolve();
    await c;
    expect(started).toEqual(['a', 'b', 'c']);
    // Shares person:x with a, which is still running: waits for a, not merely for a free place.
    batches.c.resolve();
    const d = overlap.submit(new Set(['person:x', 'article:4']), run('d'));
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    batches.a.resolve();
    await d;
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    batches.d.resolve();
    await overlap.drain();
  });

  it('stops at the first failure: the next submit and the drain throw it, and nothing more starts', async () => {
    const overlap = new Overlap(2);
    const failing = deferred();
    await overlap.submit(new Set(['article:1']), () => failing.promise);
    failing.reject(new Error('deadlock detected'));
    await tick();
    let started = false;
    await expect(
      overlap.submit(new Set(['article:2']), async () => {
        started = true;
      }),
    ).rejects.toThrow('deadlock detected');
    expect(started).toBe(false);
    await expect(overlap.drain()).rejects.toThrow('deadlock detected');
  });
});
