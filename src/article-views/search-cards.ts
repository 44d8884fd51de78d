import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { findArticleViews } from './read-model';

/**
 * Search hits' articles from the read model: each version's stored JSON is what the content
 * API returns for it (sanitized, the same fields the Document Service read would give the
 * hit: documentId, slug, headline, summary, body). Versions without a row are absent from
 * the answer, for the caller to read through the Document Service.
 */
export async function storedArticles(
  strapi: Core.Strapi,
  documentIds: readonly string[],
  locale: string,
  published: boolean,
): Promise<Map<string, Record<string, unknown> & { documentId: string }>> {
  const { views } = await findArticleViews(
    strapi.db.connection as unknown as Knex,
    documentIds.map((documentId) => ({ documentId, locale })),
    published,
    // A hit shows only the article's own fields, so only its own writes change it (its doc tag).
    false,
  );
  return new Map(views.map((view) => [view.documentId, { ...(JSON.parse(view.body) as Record<string, unknown>), documentId: view.documentId }]));
}
