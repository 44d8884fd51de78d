import type { Core } from '@strapi/strapi';
import { collectDocumentTags, docTag, typeTag } from '../domain/cache/tags';
import { responseCache } from '../cache/response-cache';
import { linkedDocumentIds } from '../utils/linked-documents';

const linkedDocuments = async (strapi: Core.Strapi, uid: string, documentId: string) =>
  new Set([...(await linkedDocumentIds(strapi, uid, documentId))].map(docTag));

const LIST_READS = new Set(['findMany', 'findFirst', 'count']);
const READS = new Set([...LIST_READS, 'findOne']);
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * The response cache's two hooks into the Document Service.
 * - Reads made while a request is computing a cacheable response tag it: every
 *   document returned (populated relations included) and, for lists, the type.
 * - Writes evict, after the transaction commits: the document, its type's lists,
 *   and every document it links to before or after the write (their populated
 *   relation lists include it: a renamed person is evicted from every cached
 *   article that shows them; a newly published quote from its article).
 */
export function registerCacheTags(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const { action, uid } = context;
    if (!uid.startsWith('api::') || (!READS.has(action) && !WRITES.has(action))) return next();

    if (READS.has(action)) {
      const result = await next();
      const tags = (strapi.requestContext.get()?.state as { cacheTags?: Set<string> } | undefined)?.cacheTags;
      if (tags) {
        if (LIST_READS.has(action)) tags.add(typeTag(uid));
        collectDocumentTags(result, tags);
      }
      return result;
    }

    const cache = responseCache();
    if (!cache) return next();
    let eviction: Promise<unknown> | undefined;
    const result = await strapi.db.transaction(async ({ onCommit }) => {
      const documentId = (context.params as { documentId?: string } | undefined)?.documentId;
      const before = documentId ? await linkedDocuments(strapi, uid, documentId) : new Set<string>();
      const written = await next();
      const id = documentId ?? (written as { documentId?: string } | null)?.documentId;
      const tags = new Set([typeTag(uid), ...before]);
      if (id) {
        tags.add(docTag(id));
        for (const tag of await linkedDocuments(strapi, uid, id)) tags.add(tag);
      }
      // After the commit, never before: a read between an eviction and the commit would
      // cache the old data again.
      onCommit(() => {
        eviction = cache.evict(tags).catch((error: Error) => strapi.log.error(`[cache] eviction failed: ${error.message}`));
      });
      return written;
    });
    // Strapi runs commit callbacks before transaction() resolves, so when this write's
    // transaction was the outermost one the eviction has started: wait for it, so the
    // write is acknowledged only once no cache (memory or Redis) can serve the old data.
    // Inside a caller's transaction it runs when that one commits.
    await eviction;
    return result;
  });
}

/** Changes that alter what the public may see everywhere: flush everything. */
export function registerCacheFlushes(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.permission', 'plugin::users-permissions.role', 'plugin::i18n.locale'],
    async afterCreate() {
      await responseCache()?.flush();
    },
    async afterUpdate() {
      await responseCache()?.flush();
    },
    async afterDelete() {
      await responseCache()?.flush();
    },
    async afterCreateMany() {
      await responseCache()?.flush();
    },
    async afterDeleteMany() {
      await responseCache()?.flush();
    },
  });
}
