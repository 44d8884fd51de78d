/**
 * Cache tags: what a cached response depends on. A response is evicted when any of
 * its tags is: `doc:<documentId>` for every document it contains (populated
 * relations included), `type:<uid>` for every collection it listed or filtered
 * (a new or changed document may join or leave the list).
 */
export const docTag = (documentId: string) => `doc:${documentId}`;
export const typeTag = (uid: string) => `type:${uid}`;
export const ALL_TAG = 'all';

/** Adds a doc tag for every `documentId` anywhere in a value (results with populated relations, response bodies). */
export function collectDocumentTags(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectDocumentTags(item, into, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.documentId === 'string') into.add(docTag(record.documentId));
  for (const child of Object.values(record)) {
    if (child !== null && typeof child === 'object') collectDocumentTags(child, into, depth + 1);
  }
}

/** Adds tags to the response being computed (no-op outside a cacheable request). */
export function tagCurrentResponse(state: { cacheTags?: Set<string> } | undefined, tags: Iterable<string>): void {
  if (!state?.cacheTags) return;
  for (const tag of tags) state.cacheTags.add(tag);
}
