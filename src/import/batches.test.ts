import { Batches } from './batches';
import type { BatchItem } from '../domain/story-bundle/batch';

const item = (line: number, slug: string) => ({ line, bundle: { article: { slug } }, externalReferences: [] }) as unknown as BatchItem;
const lines = (batch: BatchItem[] | null) => batch?.map((i) => i.line) ?? null;

describe('Batches', () => {
  it('hands over a batch when it is full', () => {
    const batches = new Batches(2);
    expect(lines(batches.add(item(1, 'a')))).toBeNull();
    expect(lines(batches.add(item(2, 'b')))).toEqual([1, 2]);
    expect(batches.pending).toBe(0);
    expect(lines(batches.add(item(3, 'c')))).toBeNull();
    expect(lines(batches.take())).toEqual([3]);
  });

  it('never puts two bundles of the same article in one batch', () => {
    const batches = new Batches(10);
    batches.add(item(1, 'a'));
    batches.add(item(2, 'b'));
    expect(lines(batches.add(item(3, 'a')))).toEqual([1, 2]);
    expect(lines(batches.take())).toEqual([3]);
  });
});
