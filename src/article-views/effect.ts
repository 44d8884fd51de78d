import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { articlesContaining, rebuildArticleViews } from '../read-models/article-views';
import { linkedDocumentIds } from '../utils/linked-documents';

const TYPES = new Set(['api::article.article', 'api::quote.quote', 'api::person.person', 'api::organization.organization', 'api::source.source']);
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * Keeps the article read model in step, in the write's own transaction. A write to
 * document D rebuilds every article whose view contains D, every article D links to
 * before or after the write (a quote joining an article, a person added to one), and
 * D itself when it is an article.
 */
export function registerArticleViews(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!TYPES.has(context.uid) || !WRITES.has(context.action)) return next();
    return strapi.db.transaction(async ({ trx }) => {
      const knex = trx as unknown as Knex;
      const documentId = (context.params as { documentId?: string } | undefined)?.documentId;
      const before = documentId ? await linkedDocumentIds(strapi, context.uid, documentId) : new Set<string>();
      const result = await next();
      const id = documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (!id) return result;
      const after = await linkedDocumentIds(strapi, context.uid, id);
      const candidates = new Set<string>(await articlesContaining(knex, [id]));
      if (context.uid === 'api::article.article') candidates.add(id);
      const linked = [...before, ...after];
      if (linked.length > 0) {
        const articles = (await knex('articles').distinct('document_id').whereIn('document_id', linked)) as Array<{ document_id: string }>;
        articles.forEach((a) => candidates.add(a.document_id));
      }
      await rebuildArticleViews(strapi, knex, [...candidates]);
      return result;
    });
  });
}
