import type { Core } from '@strapi/strapi';
import { collectDocumentTags, docTag, typeTag } from '../domain/cache/tags';
import { responseCache } from '../cache/response-cache';

const LIST_READS = new Set(['findMany', 'findFirst', 'count']);
const READS = new Set([...LIST_READS, 'findOne']);
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

type Uid = Parameters<Core.Strapi['db']['query']>[0];

/** Every document a document's rows link to (any locale, draft or published): their relation lists may hold it. */
async function linkedDocuments(strapi: Core.Strapi, uid: string, documentId: string): Promise<Set<string>> {
  const attributes = strapi.contentType(uid as Parameters<typeof strapi.contentType>[0]).attributes as Record<string, { type: string }>;
  const relations = Object.entries(attributes)
    .filter(([name, attribute]) => (attribute.type === 'relation' || attribute.type === 'media') && name !== 'localizations' && name !== 'createdBy' && name !== 'updatedBy')
    .map(([name]) => name);
  const tags = new Set<string>();
  if (relations.length === 0) return tags;
  const rows = await strapi.db.query(uid as Uid).findMany({
    where: { documentId },
    select: ['id'],
    populate: Object.fromEntries(relations.map((name) => [name, { select: ['documentId'] }])),
  });
  collectDocumentTags(rows, tags);
  tags.delete(docTag(documentId));
  return tags;
}

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
    return strapi.db.transaction(async ({ onCommit }) => {
      const documentId = (context.params as { documentId?: string } | undefined)?.documentId;
      const before = documentId ? await linkedDocuments(strapi, uid, documentId) : new Set<string>();
      const result = await next();
      const id = documentId ?? (result as { documentId?: string } | null)?.documentId;
      const tags = new Set([typeTag(uid), ...before]);
      if (id) {
        tags.add(docTag(id));
        for (const tag of await linkedDocuments(strapi, uid, id)) tags.add(tag);
      }
      onCommit(() => {
        cache.evict(tags).catch((error: Error) => strapi.log.error(`[cache] eviction failed: ${error.message}`));
      });
      return result;
    });
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
