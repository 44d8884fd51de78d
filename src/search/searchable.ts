import { normalizeSearchText } from './normalize';

/**
 * What each searchable type contributes to the index: a title (ranked highest and
 * shown in results) and the full text that a query must match.
 */
export const SEARCH_TYPES = ['article', 'quote', 'person'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_UIDS: Record<SearchType, 'api::article.article' | 'api::quote.quote' | 'api::person.person'> = {
  article: 'api::article.article',
  quote: 'api::quote.quote',
  person: 'api::person.person',
};

export function searchTypeOf(uid: string): SearchType | null {
  const entry = Object.entries(SEARCH_UIDS).find(([, value]) => value === uid);
  return entry ? (entry[0] as SearchType) : null;
}

/** The fields of each type the index reads from the stored rows. */
export const SEARCH_FIELDS: Record<SearchType, string[]> = {
  article: ['headline', 'summary', 'body', 'publishedDate'],
  quote: ['text'],
  person: ['name', 'aliases'],
};

/**
 * Related names a quote is also found by: who said it and through whom, so
 * "الأعرجي" finds al-Araji's quotes and "INA" the quotes INA reported.
 */
export const QUOTE_ATTRIBUTION_POPULATE = {
  speaker: { select: ['name', 'aliases'] },
  speakerOrganization: { select: ['name', 'shortName'] },
  source: { select: ['name', 'shortName'] },
} as const;

interface BlockNode {
  type?: string;
  text?: string;
  children?: BlockNode[];
}

/** Plain text of Strapi blocks: text leaves joined, one line per block. */
export function blocksToPlainText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const textOf = (node: BlockNode): string =>
    typeof node.text === 'string' ? node.text : Array.isArray(node.children) ? node.children.map(textOf).join('') : '';
  return (blocks as BlockNode[])
    .map(textOf)
    .filter((line) => line !== '')
    .join('\n');
}

export interface SearchableText {
  title: string;
  /** Everything a query may match, title included. */
  text: string;
}

/** The raw (not yet normalized) searchable text of a stored row. */
export function searchableText(type: SearchType, row: Record<string, unknown>): SearchableText {
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  switch (type) {
    case 'article': {
      const title = str(row.headline);
      return { title, text: [title, str(row.summary), blocksToPlainText(row.body)].filter(Boolean).join('\n') };
    }
    case 'quote': {
      const related = (key: string, fields: string[]) => {
        const doc = row[key];
        if (!doc || typeof doc !== 'object') return [];
        return fields.flatMap((field) => {
          const value = (doc as Record<string, unknown>)[field];
          return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [str(value)];
        });
      };
      const attribution = [
        ...related('speaker', ['name', 'aliases']),
        ...related('speakerOrganization', ['name', 'shortName']),
        ...related('source', ['name', 'shortName']),
      ];
      return { title: str(row.text), text: [str(row.text), ...attribution].filter(Boolean).join('\n') };
    }
    case 'person': {
      const aliases = Array.isArray(row.aliases) ? row.aliases.filter((a): a is string => typeof a === 'string') : [];
      const title = str(row.name);
      return { title, text: [title, ...aliases].join('\n') };
    }
  }
}

/** The row the index stores for one version of a document. */
export interface SearchIndexRow {
  type: SearchType;
  document_id: string;
  locale: string;
  published: boolean;
  title: string;
  /** Each distinct word of `body` once, in order: what queries match (small enough to stay in the row). */
  words: string;
  body: string;
  sort_date: string;
}

/** The distinct words of normalized text, in order of first appearance. */
export function distinctWords(normalized: string): string {
  return [...new Set(normalized.split(' ').filter(Boolean))].join(' ');
}

export function indexRow(type: SearchType, row: Record<string, unknown>): SearchIndexRow {
  const { title, text } = searchableText(type, row);
  const body = normalizeSearchText(text);
  const date = (value: unknown) => (value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : '');
  return {
    type,
    document_id: String(row.documentId),
    locale: String(row.locale),
    published: row.publishedAt !== null && row.publishedAt !== undefined,
    title: normalizeSearchText(title),
    words: distinctWords(body),
    body,
    // Newest first among equals: an article's own date, otherwise its last update.
    sort_date: date(row.publishedDate) || date(row.updatedAt),
  };
}
