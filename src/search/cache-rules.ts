/**
 * Which cached searches a write can change. A search answer depends on the index rows
 * whose words contain every term (src/search/query.ts), in its locale and status: a
 * write changes it only if one of the document's rows matched before or after the write
 * (it joins, leaves, or moves in the ranking). The documents shown are tagged by their
 * own reads, as everywhere else.
 */

/** The index rows of a written document, before and after the write. */
export interface SearchRowChange {
  locale: string;
  published: boolean;
  words: string;
}

/** Searches are watched per locale and status. */
export const searchGroup = (locale: string, published: boolean): string => `search:${locale}/${published ? 'published' : 'draft'}`;

/** A search, by its normalized terms (in order: they are also the cache key's). */
export const searchMember = (terms: readonly string[]): string => terms.join(' ');

export const searchTag = (group: string, member: string): string => `${group}:${member}`;

/** The watched searches whose every term occurs in the row's words: LIKE '%term%' on `words`, as the query does. */
export function reachedSearches(members: readonly string[], words: string): string[] {
  return members.filter((member) => member.split(' ').every((term) => term !== '' && words.includes(term)));
}
