import type { NewsroomLocale } from '../locales';
import type { ArticleEntry, FigureEntry, Localized, OrganizationEntry, PersonEntry, QuoteEntry, SourceEntry } from './schema';

/**
 * Maps bundle entries to the data the Document Service stores, one locale at a
 * time. Pure: relations are returned as documentIds (looked up by the caller) so
 * the loader can compare them with what is stored before deciding to write.
 */

export type EntityKind = 'organization' | 'source' | 'person' | 'article' | 'quote';

/** documentIds of related documents; a to-one relation is a list of zero or one. */
export type Relations = Record<string, string[]>;

export interface DocumentData {
  fields: Record<string, unknown>;
  relations: Relations;
}

/** Resolves a slug of the given kind to its documentId (the loader has created or found it already). */
export type ResolveId = (kind: Exclude<EntityKind, 'article' | 'quote'> | 'article', slug: string) => string;

/** Strapi blocks: one paragraph node per paragraph of text. */
export interface ParagraphBlock {
  type: 'paragraph';
  children: Array<{ type: 'text'; text: string }>;
}

export function paragraphsToBlocks(paragraphs: readonly string[]): ParagraphBlock[] {
  return paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));
}

const pick = <T>(value: Localized<T> | undefined, locale: NewsroomLocale): T | null => (value ? value[locale] : null);
const one = (id: string | null | undefined): string[] => (id ? [id] : []);

export function organizationData(entry: OrganizationEntry, locale: NewsroomLocale): DocumentData {
  return {
    fields: {
      slug: entry.slug,
      name: entry.name[locale],
      shortName: pick(entry.shortName, locale),
      kind: entry.kind,
      country: entry.country ?? null,
    },
    relations: {},
  };
}

export function sourceData(entry: SourceEntry, locale: NewsroomLocale): DocumentData {
  return {
    fields: {
      slug: entry.slug,
      name: entry.name[locale],
      shortName: pick(entry.shortName, locale),
      kind: entry.kind,
      url: entry.url ?? null,
      country: entry.country ?? null,
    },
    relations: {},
  };
}

export function personData(entry: PersonEntry, locale: NewsroomLocale, resolve: ResolveId): DocumentData {
  return {
    fields: {
      slug: entry.slug,
      name: entry.name[locale],
      jobTitle: pick(entry.jobTitle, locale),
      aliases: entry.aliases,
      bio: pick(entry.bio, locale),
    },
    relations: { affiliation: one(entry.affiliation && resolve('organization', entry.affiliation)) },
  };
}

export function figureData(figure: FigureEntry, locale: NewsroomLocale): Record<string, unknown> {
  return {
    value: figure.value,
    qualifier: figure.qualifier,
    unit: pick(figure.unit, locale),
    label: figure.label[locale],
  };
}

export function articleData(entry: ArticleEntry, locale: NewsroomLocale, resolve: ResolveId): DocumentData {
  return {
    fields: {
      slug: entry.slug,
      headline: entry.headline[locale],
      summary: pick(entry.summary, locale),
      body: paragraphsToBlocks(entry.body[locale]),
      section: pick(entry.section, locale),
      publishedDate: entry.publishedDate,
      coverCaption: pick(entry.coverCaption, locale),
      figures: entry.figures.map((figure) => figureData(figure, locale)),
    },
    relations: {
      people: entry.people.map((slug) => resolve('person', slug)),
      organizations: entry.organizations.map((slug) => resolve('organization', slug)),
      sources: entry.sources.map((slug) => resolve('source', slug)),
      publisher: one(entry.publisher && resolve('organization', entry.publisher)),
    },
  };
}

export function quoteData(entry: QuoteEntry, articleSlug: string, locale: NewsroomLocale, resolve: ResolveId): DocumentData {
  return {
    fields: {
      slug: entry.slug,
      text: entry.text[locale],
      kind: entry.kind,
      statedOn: entry.statedOn ?? null,
      position: entry.position,
    },
    relations: {
      speaker: one(entry.speaker && resolve('person', entry.speaker)),
      speakerOrganization: one(entry.speakerOrganization && resolve('organization', entry.speakerOrganization)),
      source: one(entry.source && resolve('source', entry.source)),
      article: [resolve('article', articleSlug)],
    },
  };
}
