import type { StoryBundle } from './schema';
import type { ExternalReference, ReferencedKind } from './validate';

/**
 * Which bundles of a batch can be written together. A bundle may use slugs it does
 * not define when the database has them or an earlier bundle of the same run defines
 * them; a quote slug names one quote of one article. A bundle that breaks either rule
 * is set aside with its problems, and what it defines is not known to later bundles,
 * so their references to it are reported too. Pure: the caller looks the slugs up.
 */

export interface BatchItem {
  /** Where the bundle came from (a line number), reported with its problems. */
  line: number;
  bundle: StoryBundle;
  externalReferences: ExternalReference[];
}

export interface RejectedItem {
  line: number;
  problems: string[];
}

export interface StoredFacts {
  /** Why a referenced slug cannot be linked to (missing, or missing a locale), or null when it can. */
  referenceProblem(kind: ReferencedKind, slug: string): string | null;
  /** The article slug an existing quote belongs to. */
  quoteOwner(slug: string): string | undefined;
}

export function screenBatch(items: readonly BatchItem[], stored: StoredFacts): { accepted: BatchItem[]; rejected: RejectedItem[] } {
  const defined: Record<ReferencedKind, Set<string>> = { organization: new Set(), source: new Set(), person: new Set() };
  const owners = new Map<string, string>();
  const accepted: BatchItem[] = [];
  const rejected: RejectedItem[] = [];
  for (const item of items) {
    const problems: string[] = [];
    for (const ref of item.externalReferences) {
      if (defined[ref.kind].has(ref.slug)) continue;
      const problem = stored.referenceProblem(ref.kind, ref.slug);
      if (problem) problems.push(`${ref.path}: ${problem}`);
    }
    const article = item.bundle.article.slug;
    item.bundle.quotes.forEach((quote, index) => {
      const owner = owners.get(quote.slug) ?? stored.quoteOwner(quote.slug);
      if (owner !== undefined && owner !== article) {
        problems.push(`quotes[${index}].slug: "${quote.slug}" already belongs to the article "${owner}"; quote slugs must be unique across articles`);
      }
    });
    if (problems.length > 0) {
      rejected.push({ line: item.line, problems });
      continue;
    }
    accepted.push(item);
    for (const o of item.bundle.organizations) defined.organization.add(o.slug);
    for (const s of item.bundle.sources) defined.source.add(s.slug);
    for (const p of item.bundle.people) defined.person.add(p.slug);
    for (const q of item.bundle.quotes) owners.set(q.slug, article);
  }
  return { accepted, rejected };
}

/** Every entity of the accepted bundles once, the last definition winning, as loading them one after another would leave it. */
export function lastDefinitions<T extends { slug: string }>(lists: ReadonlyArray<readonly T[]>): T[] {
  const bySlug = new Map<string, T>();
  for (const list of lists) for (const entry of list) bySlug.set(entry.slug, entry);
  return [...bySlug.values()];
}
