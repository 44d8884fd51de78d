import type { BatchItem } from '../domain/story-bundle/batch';

/**
 * Groups bundles into batches of at most `size`. A batch never holds two bundles of
 * the same article: the second must see the first one's quotes as stored, to delete
 * those it no longer lists, as loading them one after the other would.
 */
export class Batches {
  private items: BatchItem[] = [];
  private articles = new Set<string>();

  constructor(private readonly size: number) {}

  /** Adds a bundle; returns the batch to write first, if one is complete (full, or the article is already in it). */
  add(item: BatchItem): BatchItem[] | null {
    const slug = item.bundle.article.slug;
    const full = this.articles.has(slug) ? this.take() : null;
    this.items.push(item);
    this.articles.add(slug);
    if (full) return full;
    return this.items.length >= this.size ? this.take() : null;
  }

  /** What is left (the end of the file). */
  take(): BatchItem[] {
    const out = this.items;
    this.items = [];
    this.articles = new Set();
    return out;
  }

  get pending(): number {
    return this.items.length;
  }
}
