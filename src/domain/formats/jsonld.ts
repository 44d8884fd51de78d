import type { NewsArticle, NewsMediaOrganization, Organization, Person, Quotation, WithContext } from 'schema-dts';
import { articlePlainText, quotesInOrder, type ArticleDoc, type FormatLinks, type NamedDoc, type QuoteDoc, type Translation } from './article-view';

/**
 * schema.org NewsArticle for search engines: the article, the people and
 * organizations it mentions (with their roles), and each quote as a Quotation said
 * by its speaker and based on the outlet that reported it. The two locales point
 * at each other: the default-locale version is the original (workTranslation), the
 * other is its translation (translationOfWork).
 */

function organization(doc: NamedDoc): Organization {
  return {
    '@type': 'Organization',
    name: doc.name ?? undefined,
    ...(doc.shortName && doc.shortName !== doc.name && { alternateName: doc.shortName }),
    ...(doc.url && { url: doc.url }),
  };
}

function mediaOrganization(doc: NamedDoc): NewsMediaOrganization {
  return { ...(organization(doc) as object), '@type': 'NewsMediaOrganization' } as NewsMediaOrganization;
}

function person(doc: NamedDoc): Person {
  return {
    '@type': 'Person',
    name: doc.name ?? undefined,
    ...(doc.jobTitle && { jobTitle: doc.jobTitle }),
    ...(doc.affiliation && { affiliation: organization(doc.affiliation) }),
  };
}

function quotation(quote: QuoteDoc, locale: string): Quotation {
  const speaker = quote.speaker ? person(quote.speaker) : quote.speakerOrganization ? organization(quote.speakerOrganization) : undefined;
  return {
    '@type': 'Quotation',
    text: quote.text,
    inLanguage: locale,
    ...(speaker && { spokenByCharacter: speaker }),
    ...(quote.statedOn && { dateCreated: quote.statedOn }),
    ...(quote.source && {
      // The outlet is an organization; what the quote is based on is that outlet's report.
      isBasedOn: {
        '@type': 'CreativeWork',
        name: quote.source.name ?? undefined,
        ...(quote.source.url && { url: quote.source.url }),
        publisher: mediaOrganization(quote.source),
      },
    }),
  };
}

export interface JsonLdOptions {
  links: FormatLinks;
  defaultLocale: string;
  translations: Translation[];
}

export function articleJsonLd(article: ArticleDoc, { links, defaultLocale, translations }: JsonLdOptions): WithContext<NewsArticle> {
  const url = links.articleUrl(article.documentId, article.slug, article.locale);
  const translationRef = (t: Translation) => ({
    '@type': 'NewsArticle' as const,
    '@id': links.articleUrl(t.documentId, t.slug, t.locale),
    url: links.articleUrl(t.documentId, t.slug, t.locale),
    inLanguage: t.locale,
  });
  const isOriginal = article.locale === defaultLocale;
  const original = translations.find((t) => t.locale === defaultLocale);

  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: article.headline,
    ...(article.summary && { description: article.summary }),
    articleBody: articlePlainText(article),
    ...(article.publishedDate && { datePublished: article.publishedDate }),
    ...(article.updatedAt && { dateModified: article.updatedAt }),
    inLanguage: article.locale,
    ...(article.section && { articleSection: article.section }),
    ...(article.publisher && { publisher: mediaOrganization(article.publisher) }),
    ...(article.cover?.url && {
      image: { '@type': 'ImageObject', url: article.cover.url, ...(article.coverCaption && { caption: article.coverCaption }) },
    }),
    mentions: [...(article.people ?? []).map(person), ...(article.organizations ?? []).map(organization)],
    ...((article.sources ?? []).length > 0 && {
      citation: (article.sources ?? []).map((s) => ({ '@type': 'CreativeWork' as const, name: s.name ?? undefined, publisher: mediaOrganization(s) })),
    }),
    hasPart: quotesInOrder(article).map((q) => quotation(q, article.locale)),
    // schema.org has one type for all three kinds: a clarification or an update is a CorrectionComment too.
    ...((article.corrections ?? []).length > 0 && {
      correction: (article.corrections ?? []).map((c) => ({ '@type': 'CorrectionComment' as const, text: c.text, datePublished: c.issuedAt })),
    }),
    ...(isOriginal
      ? translations.length > 0 && { workTranslation: translations.map(translationRef) }
      : original && { translationOfWork: translationRef(original) }),
  };
}
