import type { BatchItem } from '../domain/story-bundle/batch';

/**
 * Every document a batch may write or read by slug: the ones its bundles define and the
 * ones they refer to. Two batches whose sets are disjoint cannot see each other's rows:
 * neither upserts, links to or screens a slug of the other.
 */
export function batchKeys(items: readonly BatchItem[]): Set<string> {
  const keys = new Set<string>();
  for (const { bundle, externalReferences } of items) {
    keys.add(`article:${bundle.article.slug}`);
    for (const person of bundle.people) keys.add(`person:${person.slug}`);
    for (const organization of bundle.organizations) keys.add(`organization:${organization.slug}`);
    for (const source of bundle.sources) keys.add(`source:${source.slug}`);
    for (const quote of bundle.quotes) keys.add(`quote:${quote.slug}`);
    for (const reference of externalReferences) keys.add(`${reference.kind}:${reference.slug}`);
  }
  return keys;
}

const overlaps = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const key of small) if (large.has(key)) return true;
  return false;
};

/**
 * Runs batch writes in file order with up to `limit` in flight, so one batch's
 * JavaScript runs while the database writes another's rows (on two cores the import
 * was one process waiting for the other). A batch starts only once every batch before
 * it that shares a key (batchKeys) has finished, so a batch that uses what an earlier
 * line defined still finds it committed. What the keys cannot show (views and search rows
 * of stored articles that show an updated person) is serialized in the writer itself
 * (src/seed/bulk-load.ts). The first failure stops everything: `submit` and `drain` throw it.
 */
export class Overlap {
  private readonly running = new Map<Promise<void>, ReadonlySet<string>>();
  private failure: { error: unknown } | null = null;

  constructor(private readonly limit: number) {}

  /** Waits until the batch may start, starts it and returns (not waiting for it to finish). */
  async submit(keys: ReadonlySet<string>, write: () => Promise<void>): Promise<void> {
    for (;;) {
      this.throwIfFailed();
      const blocking = [...this.running].filter(([, other]) => overlaps(keys, other)).map(([task]) => task);
      if (blocking.length === 0 && this.running.size < this.limit) break;
      await Promise.race(blocking.length > 0 ? blocking : [...this.running.keys()]);
    }
    const task: Promise<void> = write().then(
      () => void this.running.delete(task),
      (error: unknown) => {
        this.running.delete(task);
        this.failure ??= { error };
      },
    );
    this.running.set(task, keys);
  }

  /** Waits for every batch started; throws the first failure. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.race(this.running.keys());
    this.throwIfFailed();
  }

  private throwIfFailed() {
    if (this.failure) throw this.failure.error;
  }
}
