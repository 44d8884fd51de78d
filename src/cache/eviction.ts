import type { Core } from '@strapi/strapi';
import type { WriteEffect } from '../write-pipeline/pipeline';
import { responseCache } from './response-cache';
import { docTag, typeTag } from './tags';

/**
 * The write pipeline's cache step, after the commit (a read between an eviction and
 * the commit would cache the old data again): evicts the document, its type's lists,
 * and every document it links to before or after the write (their populated relation
 * lists include it: a renamed person is evicted from every cached article that shows
 * them; a newly published quote from its article). The write is acknowledged once no
 * cache, memory or Redis, can serve the old data.
 */
export function cacheEvictionEffect(strapi: Core.Strapi): WriteEffect {
  return {
    name: 'response cache eviction',
    async afterCommit({ uid, documentId, linkedBefore, linkedAfter }) {
      const cache = responseCache();
      if (!cache) return;
      const tags = [typeTag(uid), docTag(documentId), ...[...linkedBefore, ...linkedAfter].map(docTag)];
      await cache.evict(tags).catch((error: Error) => strapi.log.error(`[cache] eviction failed: ${error.message}`));
    },
  };
}

/** Changes that alter what the public may see everywhere (permissions, roles, locales): flush everything. */
export function registerCacheFlushes(strapi: Core.Strapi): void {
  const flush = async () => {
    await responseCache()?.flush();
  };
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.permission', 'plugin::users-permissions.role', 'plugin::i18n.locale'],
    afterCreate: flush,
    afterUpdate: flush,
    afterDelete: flush,
    afterCreateMany: flush,
    afterDeleteMany: flush,
  });
}
