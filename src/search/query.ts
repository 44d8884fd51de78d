import type { Knex } from 'knex';
import type { SearchType } from './searchable';

export const SEARCH_TABLE = 'newsroom_search';

export interface SearchQuery {
  /** Normalized query terms (see queryTerms); at least one. */
  terms: string[];
  types: SearchType[];
  locale: string;
  published: boolean;
  limit: number;
  offset: number;
}

/** Every term must occur in one of the document's words; LIKE '%term%' on `words` is what the pg_trgm index serves. */
function scope(knex: Knex, query: SearchQuery) {
  return knex(SEARCH_TABLE)
    .where('locale', query.locale)
    .andWhere('published', query.published)
    .whereIn('type', query.types)
    .andWhere((builder) => {
      for (const term of query.terms) builder.andWhere('words', 'like', `%${term}%`);
    });
}

/**
 * Ranking, the same on PostgreSQL and SQLite: the whole query as a phrase in the
 * title counts most, then each term in the title, then the phrase anywhere.
 * Normalized terms hold only letters, digits and spaces, so they never contain a
 * LIKE wildcard; they are bound as parameters all the same.
 */
function score(knex: Knex, query: SearchQuery): Knex.Raw {
  const phrase = query.terms.join(' ');
  const parts: string[] = [];
  const bindings: string[] = [];
  parts.push('CASE WHEN title = ? THEN 20 ELSE 0 END');
  bindings.push(phrase);
  parts.push('CASE WHEN title LIKE ? THEN 8 ELSE 0 END');
  bindings.push(`%${phrase}%`);
  parts.push('CASE WHEN body LIKE ? THEN 4 ELSE 0 END');
  bindings.push(`%${phrase}%`);
  for (const term of query.terms) {
    parts.push('CASE WHEN title LIKE ? THEN 2 ELSE 0 END');
    bindings.push(`%${term}%`);
  }
  return knex.raw(`(${parts.join(' + ')}) as score`, bindings);
}

/** The page of matches, best first: type, documentId and score. */
export function searchPageQuery(knex: Knex, query: SearchQuery) {
  return scope(knex, query)
    .select('type', 'document_id', score(knex, query))
    .orderBy([
      { column: 'score', order: 'desc' },
      { column: 'sort_date', order: 'desc' },
      { column: 'document_id', order: 'asc' },
    ])
    .limit(query.limit)
    .offset(query.offset);
}

/** How many documents match, for pagination. */
export function searchCountQuery(knex: Knex, query: SearchQuery) {
  return scope(knex, query).count({ total: '*' });
}
