import { paragraphs, quotesInOrder, type ArticleDoc, type FormatLinks, type NamedDoc } from './article-view';
import type { Ninjs22, NinjsEntity, NinjsInfoSource } from './ninjs-types';

/**
 * IPTC ninjs 2.2 for news aggregators. Quotes have no ninjs property of their own;
 * they are carried as `associations` of type "text" (each with its speaker in
 * `people`/`organisations` and the outlet it came through in `infosources`), so an
 * aggregator keeps who said what, reported by whom. Public corrections are
 * `descriptions` whose role is the correction's kind (2.2 has nothing closer).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c] as string);

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** ninjs wants date-times; a plain date is midnight UTC of that day. */
function dateTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : new Date(value).toISOString();
}

export interface NinjsOptions {
  links: FormatLinks;
}

export function articleNinjs(article: ArticleDoc, { links }: NinjsOptions): Ninjs22 {
  const { locale } = article;
  const entity = (collection: 'people' | 'organizations', doc: NamedDoc, rel: string): NinjsEntity => ({
    name: doc.name ?? undefined,
    rel,
    uri: links.documentUri(collection, doc.documentId, locale),
    ...(doc.slug && { literal: doc.slug }),
  });
  const infosource = (doc: NamedDoc, role: string): NinjsInfoSource => ({
    name: doc.name ?? undefined,
    role,
    uri: doc.url || links.documentUri(role === 'publisher' ? 'organizations' : 'sources', doc.documentId, locale),
    ...(doc.slug && { literal: doc.slug }),
  });
  const text = paragraphs(article);
  const plain = text.join('\n\n');
  const published = article.publishedAt !== null && article.publishedAt !== undefined;
  // ninjs 2.2 has no property for corrections; a description whose role is the kind
  // (correction, clarification, update) carries the text. Its issue date has no place.
  const descriptions = [
    ...(article.summary ? [{ role: 'summary', contenttype: 'text/plain', value: article.summary }] : []),
    ...(article.corrections ?? []).map((c) => ({ role: c.kind ?? 'correction', contenttype: 'text/plain', value: c.text })),
  ];

  return {
    uri: links.documentUri('articles', article.documentId, locale),
    type: 'text',
    representationtype: 'full',
    ...(dateTime(article.createdAt) && { firstcreated: dateTime(article.createdAt) }),
    ...(dateTime(article.updatedAt) && { versioncreated: dateTime(article.updatedAt) }),
    ...(dateTime(article.publishedDate) && { contentcreated: dateTime(article.publishedDate) }),
    pubstatus: published ? 'usable' : 'withheld',
    language: locale,
    ...(article.publisher?.name && { copyrightholder: article.publisher.name }),
    headlines: [{ role: 'main', contenttype: 'text/plain', value: article.headline }],
    ...(descriptions.length > 0 && { descriptions }),
    bodies: [
      { role: 'main', contenttype: 'text/plain', value: plain, charcount: plain.length, wordcount: words(plain) },
      { role: 'main', contenttype: 'text/html', value: text.map((p) => `<p>${escapeHtml(p)}</p>`).join('') },
    ],
    people: (article.people ?? []).map((p) => entity('people', p, 'mentioned')),
    organisations: (article.organizations ?? []).map((o) => entity('organizations', o, 'mentioned')),
    infosources: [...(article.publisher ? [infosource(article.publisher, 'publisher')] : []), ...(article.sources ?? []).map((s) => infosource(s, 'source'))],
    ...(article.section && { subjects: [{ name: article.section, rel: 'section' }] }),
    slugline: article.slug,
    altids: [
      { role: 'documentId', value: article.documentId },
      { role: 'slug', value: article.slug },
    ],
    associations: quotesInOrder(article).map((quote, index) => ({
      name: `quote${index + 1}`,
      uri: links.documentUri('quotes', quote.documentId, locale),
      type: 'text' as const,
      language: locale,
      ...(quote.kind && { genres: [{ name: quote.kind === 'direct' ? 'Direct quote' : 'Reported speech', literal: quote.kind }] }),
      bodies: [{ role: 'quote', contenttype: 'text/plain', value: quote.text }],
      ...(quote.speaker && { people: [entity('people', quote.speaker, 'speaker')] }),
      ...(quote.speakerOrganization && { organisations: [entity('organizations', quote.speakerOrganization, 'speaker')] }),
      ...(quote.source && { infosources: [infosource(quote.source, 'source')] }),
      ...(quote.statedOn && { contentcreated: dateTime(quote.statedOn) }),
    })),
  };
}
