import type { Core } from '@strapi/strapi';
import type { WriteEffect } from '../write-pipeline/pipeline';
import { relinkedDocuments, writeEvictions, type TypeShape } from './list-rules';
import { responseCache, type ResponseCache } from './response-cache';
import { reachedSearches, searchGroup, searchTag, type SearchRowChange } from '../search/cache-rules';
import { docTag, nestedTag } from './tags';
import { typeShapes } from './type-shapes';

/** A type the rules know nothing of still evicts its scopes' `set` and `member` tags. */
const NO_FIELDS: TypeShape = { eqFields: new Set(), orderFields: new Map(), relations: new Map() };

/**
 * The write pipeline's cache step, after the commit (a read between an eviction and
 * the commit would cache the old data again): evicts the document (a renamed person is
 * evicted from every cached article that shows them), the documents whose populated
 * relation lists it joins or leaves (a newly published quote from its article), and the lists its rows before and after can join, leave or
 * move in (./list-rules.ts), and the searches its index rows match before or after it
 * (src/search/cache-rules.ts). The write is acknowledged once no cache, memory or
 * Redis, can serve the old data.
 */
export function cacheEvictionEffect(strapi: Core.Strapi): WriteEffect {
  const shapeOf = typeShapes(strapi);
  return {
    name: 'response cache eviction',
    async afterCommit({ uid, documentId, linkedBefore, linkedAfter, rowsBefore, rowsAfter, searchRows }) {
      const cache = responseCache();
      if (!cache) return;
      let searches: string[];
      try {
        searches = await reachedSearchTags(cache, searchRows);
      } catch (error) {
        // Which searches are cached is unknown: none may serve what this write changed.
        strapi.log.error(`[cache] could not read the watched searches, flushing: ${(error as Error).message}`);
        await cache.flush();
        return;
      }
      const shape = shapeOf(uid);
      const lists = writeEvictions(shape ?? NO_FIELDS, uid, rowsBefore, rowsAfter);
      const linked = [...new Set([...linkedBefore, ...linkedAfter])];
      // A linked document's answers change through this one only if they show it (its own tag evicts them), if the link
      // came or went, if this document appeared or disappeared in a locale or status, or if they show a filtered,
      // sorted or paged relation list this document may enter (nestedTag).
      const relinked = lists.presenceChanged ? linked : relinkedDocuments(documentId, rowsBefore, rowsAfter);
      const tags = [docTag(documentId), ...relinked.map(docTag), ...linked.map(nestedTag), ...lists.tags, ...searches];
      await cache.evict(tags, lists.windows).catch((error: Error) => strapi.log.error(`[cache] eviction failed: ${error.message}`));
    },
  };
}

/** Tags of the watched searches the written document's index rows match, before or after the write. */
async function reachedSearchTags(cache: ResponseCache, rows: readonly SearchRowChange[]): Promise<string[]> {
  const tags = new Set<string>();
  const watched = new Map<string, string[]>();
  for (const row of rows) {
    const group = searchGroup(row.locale, row.published);
    if (!watched.has(group)) watched.set(group, await cache.watched(group));
    for (const member of reachedSearches(watched.get(group) ?? [], row.words)) tags.add(searchTag(group, member));
  }
  return [...tags];
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
