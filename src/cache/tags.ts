import { collectDocumentIds } from '../content-types';

/**
 * Cache tags: what a cached response depends on. A response is evicted when any of
 * its tags is: `doc:<documentId>` for every document it contains (populated
 * relations included), the list tags its queries derive (./list-rules.ts: which
 * documents may join, leave or move in a list), and its searches' (src/search/cache-rules.ts).
 */
export const docTag = (documentId: string) => `doc:${documentId}`;
/**
 * A document shown with a filtered, sorted or paged list of related documents: a related
 * document it does not show may enter that list when it changes, so every write of a
 * document linked to it evicts it (./eviction.ts).
 */
export const nestedTag = (documentId: string) => `nested:${documentId}`;
export const ALL_TAG = 'all';

/** Adds a doc tag for every `documentId` anywhere in a value (results with populated relations, response bodies). */
export function collectDocumentTags(value: unknown, into: Set<string>): void {
  for (const documentId of collectDocumentIds(value, new Set())) into.add(docTag(documentId));
}

/** Adds tags to the response being computed (no-op outside a cacheable request). */
export function tagCurrentResponse(state: { cacheTags?: Set<string> } | undefined, tags: Iterable<string>): void {
  if (!state?.cacheTags) return;
  for (const tag of tags) state.cacheTags.add(tag);
}
