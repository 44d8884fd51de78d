import type { ZodIssue } from 'zod';
import { quoteAttributionProblem } from '../../quotes/attribution';
import { storyBundleSchema, type Localized, type StoryBundle } from './schema';

export type ReferencedKind = 'organization' | 'source' | 'person';

/** A slug the bundle uses but does not define: it must already exist in the database. */
export interface ExternalReference {
  kind: ReferencedKind;
  slug: string;
  /** Where the bundle uses it, e.g. `quotes[2].speaker`. */
  path: string;
}

export type BundleValidation = { ok: true; bundle: StoryBundle; externalReferences: ExternalReference[] } | { ok: false; problems: string[] };

export class BundleValidationError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid story bundle (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`);
    this.name = 'BundleValidationError';
  }
}

export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

function formatIssue(issue: ZodIssue): string {
  const where = formatPath(issue.path) || '(bundle)';
  if (issue.code === 'unrecognized_keys') return `${where}: unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return `${where}: is required`;
  return `${where}: ${issue.message}`;
}

/** Collapses runs of whitespace so line-wrapping or double spaces do not defeat the verbatim check. */
export function normalizeWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function duplicates(slugs: string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const s of slugs) (seen.has(s) ? dupes : seen).add(s);
  return [...dupes];
}

/**
 * Validates a story bundle: shape (zod), then the rules that span fields:
 * unique slugs, attributed quotes, unique quote positions, direct quotes found
 * verbatim in the body, and quote provenance listed on the article.
 * Every problem names the field it is about.
 */
export function validateStoryBundle(input: unknown): BundleValidation {
  const parsed = storyBundleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(formatIssue) };
  const bundle = parsed.data;
  const problems: string[] = [];

  const defined = {
    organization: new Set(bundle.organizations.map((o) => o.slug)),
    source: new Set(bundle.sources.map((s) => s.slug)),
    person: new Set(bundle.people.map((p) => p.slug)),
  };
  for (const [field, list] of [
    ['organizations', bundle.organizations],
    ['sources', bundle.sources],
    ['people', bundle.people],
    ['quotes', bundle.quotes],
  ] as const) {
    for (const slug of duplicates(list.map((e) => e.slug))) problems.push(`${field}: slug "${slug}" is defined more than once`);
  }

  const externalReferences: ExternalReference[] = [];
  const reference = (kind: ReferencedKind, slug: string | undefined, path: string) => {
    if (slug !== undefined && !defined[kind].has(slug)) externalReferences.push({ kind, slug, path });
  };

  bundle.people.forEach((p, i) => reference('organization', p.affiliation, `people[${i}].affiliation`));
  const { article } = bundle;
  reference('organization', article.publisher, 'article.publisher');
  article.people.forEach((slug, i) => reference('person', slug, `article.people[${i}]`));
  article.organizations.forEach((slug, i) => reference('organization', slug, `article.organizations[${i}]`));
  article.sources.forEach((slug, i) => reference('source', slug, `article.sources[${i}]`));

  const bodyText: Localized<string> = {
    ar: normalizeWhitespace(article.body.ar.join(' ')),
    en: normalizeWhitespace(article.body.en.join(' ')),
  };
  const positions = new Map<number, number>();
  bundle.quotes.forEach((quote, i) => {
    const at = `quotes[${i}]`;
    const attribution = quoteAttributionProblem(quote);
    if (attribution) problems.push(`${at}: ${attribution}`);
    reference('person', quote.speaker, `${at}.speaker`);
    reference('organization', quote.speakerOrganization, `${at}.speakerOrganization`);
    reference('source', quote.source, `${at}.source`);

    const clash = positions.get(quote.position);
    if (clash !== undefined) problems.push(`${at}.position: ${quote.position} is already used by quotes[${clash}]`);
    positions.set(quote.position, i);

    // Provenance the reader can check: everything a quote points at is also listed on the article.
    if (quote.speaker && !article.people.includes(quote.speaker)) {
      problems.push(`${at}.speaker: "${quote.speaker}" is not listed in article.people`);
    }
    if (quote.speakerOrganization && !article.organizations.includes(quote.speakerOrganization)) {
      problems.push(`${at}.speakerOrganization: "${quote.speakerOrganization}" is not listed in article.organizations`);
    }
    if (quote.source && !article.sources.includes(quote.source)) {
      problems.push(`${at}.source: "${quote.source}" is not listed in article.sources`);
    }
    if (quote.kind === 'direct') {
      for (const locale of ['ar', 'en'] as const) {
        if (!bodyText[locale].includes(normalizeWhitespace(quote.text[locale]))) {
          problems.push(`${at}.text.${locale}: a direct quote must appear word for word in article.body.${locale}`);
        }
      }
    }
  });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, bundle, externalReferences };
}

/** validateStoryBundle, throwing BundleValidationError with every problem. */
export function parseStoryBundle(input: unknown): { bundle: StoryBundle; externalReferences: ExternalReference[] } {
  const result = validateStoryBundle(input);
  if (!result.ok) throw new BundleValidationError(result.problems);
  return { bundle: result.bundle, externalReferences: result.externalReferences };
}
