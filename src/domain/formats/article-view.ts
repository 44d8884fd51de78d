import { blocksToPlainText } from '../../search/searchable';

/**
 * The article as the format builders read it: a Document Service result with the
 * default populate (people with affiliation, organizations, sources, quotes with
 * speaker/speakerOrganization/source, publisher, cover). Loosely typed on purpose:
 * the builders read only these fields and tolerate any of them being absent.
 */
export interface NamedDoc {
  documentId: string;
  slug?: string | null;
  name?: string | null;
  shortName?: string | null;
  kind?: string | null;
  url?: string | null;
  country?: string | null;
  jobTitle?: string | null;
  aliases?: unknown;
  affiliation?: NamedDoc | null;
}

export interface QuoteDoc {
  documentId: string;
  slug?: string | null;
  text: string;
  kind?: 'direct' | 'indirect' | string | null;
  position?: number | null;
  statedOn?: string | null;
  speaker?: NamedDoc | null;
  speakerOrganization?: NamedDoc | null;
  source?: NamedDoc | null;
}

export interface CorrectionDoc {
  kind?: 'correction' | 'clarification' | 'update' | string | null;
  text: string;
  issuedAt: string;
}

export interface ArticleDoc {
  documentId: string;
  locale: string;
  slug: string;
  headline: string;
  summary?: string | null;
  body?: unknown;
  section?: string | null;
  publishedDate?: string | null;
  coverCaption?: string | null;
  cover?: { url?: string | null; alternativeText?: string | null; width?: number | null; height?: number | null; mime?: string | null } | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  publishedAt?: string | null;
  people?: NamedDoc[] | null;
  organizations?: NamedDoc[] | null;
  sources?: NamedDoc[] | null;
  quotes?: QuoteDoc[] | null;
  publisher?: NamedDoc | null;
  corrections?: CorrectionDoc[] | null;
}

/** Where things live, so formats can give each entity a stable URI. */
export interface FormatLinks {
  /** The reader-facing page of an article in a locale (the frontend), or its API URL when there is no frontend. */
  articleUrl(documentId: string, slug: string, locale: string): string;
  /** A stable URI for any document: its content API URL. */
  documentUri(collection: 'articles' | 'people' | 'organizations' | 'sources' | 'quotes', documentId: string, locale: string): string;
}

/** The other-locale version of the article, for translation links. */
export interface Translation {
  locale: string;
  documentId: string;
  slug: string;
}

export function articlePlainText(article: ArticleDoc): string {
  return blocksToPlainText(article.body);
}

export function paragraphs(article: ArticleDoc): string[] {
  return articlePlainText(article)
    .split('\n')
    .filter((p) => p.trim() !== '');
}

export function quotesInOrder(article: ArticleDoc): QuoteDoc[] {
  return [...(article.quotes ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
}
