import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_INFO } from '../content-types';
import type { WriteEffect } from '../write-pipeline/pipeline';
import { articlesContaining, rebuildArticleViews } from './read-model';

/**
 * The write pipeline's read-model step: keeps the article views in step, in the
 * write's own transaction. A write to document D rebuilds every article whose view
 * contains D, every article D links to before or after the write (a quote joining an
 * article, a person added to one), and D itself when it is an article, in the locales
 * whose rows of D the write changed.
 */
export function articleViewsEffect(strapi: Core.Strapi): WriteEffect {
  return {
    name: 'article read model',
    async inTransaction(event, _state, trx) {
      const { uid, documentId, linkedBefore, linkedAfter, changedLocales } = event;
      // Views show same-locale versions only: a locale whose rows the write left alone shows what it showed.
      if (changedLocales.length === 0) return;
      const candidates = new Set<string>(await articlesContaining(trx, [documentId]));
      if (uid === 'api::article.article') candidates.add(documentId);
      const linked = [...linkedBefore, ...linkedAfter];
      if (linked.length > 0) {
        const articles = (await trx(CONTENT_TYPE_INFO['api::article.article'].table).distinct('document_id').whereIn('document_id', linked)) as Array<{
          document_id: string;
        }>;
        articles.forEach((a) => candidates.add(a.document_id));
      }
      event.changedPublicArticles.push(...(await rebuildArticleViews(strapi, trx, [...candidates], changedLocales)));
    },
  };
}
