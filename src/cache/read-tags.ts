import type { Core } from '@strapi/strapi';
import { collectDocumentIds, READ_ACTIONS } from '../content-types';
import { lookupTags, populatesNestedLists, readPlan, windowMark, type ReadParams } from './list-rules';
import { collectDocumentTags, nestedTag } from './tags';
import { typeShapes } from './type-shapes';

/** What a cacheable request collects while its answer is computed (src/cache/middleware.ts stores it with the answer). */
export interface CacheCollector {
  cacheTags?: Set<string>;
  /** Window tag -> the lowest score of the pages read under it. */
  cacheWindows?: Map<string, number>;
}

/**
 * Reads made while a request is computing a cacheable response tag it: every document
 * returned (populated relations included) and, for lists, what the list's query says can
 * change it (./list-rules.ts). Writes evict by the same rules (./eviction.ts).
 */
export function registerCacheReadTags(strapi: Core.Strapi): void {
  const shapeOf = typeShapes(strapi);
  strapi.documents.use(async (context, next) => {
    const { action, uid } = context;
    if (!uid.startsWith('api::') || !READ_ACTIONS.has(action)) return next();
    const result = await next();
    const state = strapi.requestContext.get()?.state as CacheCollector | undefined;
    const tags = state?.cacheTags;
    if (!tags) return result;
    const params = (context.params ?? {}) as Omit<ReadParams, 'action'>;
    const plan = readPlan(shapeOf, uid, { ...params, action });
    for (const tag of plan.tags) tags.add(tag);
    if (plan.window) {
      const mark = windowMark(plan.window, result, params.limit);
      const windows = (state.cacheWindows ??= new Map());
      windows.set(mark.tag, Math.min(windows.get(mark.tag) ?? Infinity, mark.score));
    }
    for (const lookup of plan.lookups) {
      const found = (await strapi.db.query(lookup.target as Parameters<typeof strapi.db.query>[0]).findMany({
        where: { [lookup.targetField]: { $in: lookup.values } },
        select: ['documentId'],
      })) as Array<{ documentId: string }>;
      for (const tag of lookupTags(lookup, [...new Set(found.map((row) => row.documentId))])) tags.add(tag);
    }
    collectDocumentTags(result, tags);
    if (populatesNestedLists((params as { populate?: unknown }).populate)) for (const id of collectDocumentIds(result, new Set())) tags.add(nestedTag(id));
    return result;
  });
}
