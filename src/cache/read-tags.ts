import type { Core } from '@strapi/strapi';
import { LIST_READ_ACTIONS, READ_ACTIONS } from '../content-types';
import { collectDocumentTags, typeTag } from './tags';

/**
 * Reads made while a request is computing a cacheable response tag it: every document
 * returned (populated relations included) and, for lists, the type (a new or changed
 * document may join or leave the list). Writes evict by the same tags (./eviction.ts).
 */
export function registerCacheReadTags(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const { action, uid } = context;
    if (!uid.startsWith('api::') || !READ_ACTIONS.has(action)) return next();
    const result = await next();
    const tags = (strapi.requestContext.get()?.state as { cacheTags?: Set<string> } | undefined)?.cacheTags;
    if (tags) {
      if (LIST_READ_ACTIONS.has(action)) tags.add(typeTag(uid));
      collectDocumentTags(result, tags);
    }
    return result;
  });
}
