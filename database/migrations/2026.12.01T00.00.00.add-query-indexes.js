'use strict';

/**
 * Indexes for the filters and sorts the API, the seed and the benchmark use on
 * Strapi's own tables. Strapi indexes document_id and the relation link tables, but
 * not uid fields or dates, so without these a slug lookup, "newest articles" or
 * "articles mentioning this person" scans a whole table: fine at 1,000 articles,
 * linear at 100,000 (docs/performance.md has the EXPLAIN output before and after).
 *
 *   slug, locale, published_at   find by slug: /api/<type>?filters[slug][$eq]=…, the
 *                                admin's uid availability check, the seed's upserts,
 *                                the join in "articles mentioning the person <slug>"
 *   locale, published_date       /api/articles?sort=publishedDate:desc (newest first)
 *   locale, section, published_date  a section's newest articles
 *   locale, id (published | drafts)  the total of a list's pagination: Strapi counts
 *                                `count(distinct id)` of every match on every list
 *                                request, and for the newest articles that is every
 *                                article of the locale (268 ms a request at 100,000,
 *                                16 ms as an index-only scan of these)
 *
 * Strapi runs migrations before it creates its tables, so on a fresh database these
 * tables do not exist yet when this runs. Every statement is therefore idempotent and
 * src/bootstrap/query-indexes.ts runs up() again at every boot, after Strapi's schema
 * sync: a no-op once the indexes exist. Strapi's schema sync only drops indexes it
 * created itself, so it leaves these alone.
 */
const QUERY_INDEXES = [
  ...['articles', 'people', 'organizations', 'sources', 'quotes'].map((table) => ({
    table,
    name: `${table}_slug_locale_idx`,
    columns: ['slug', 'locale', 'published_at'],
  })),
  { table: 'articles', name: 'articles_newest_idx', columns: ['locale', 'published_date'] },
  { table: 'articles', name: 'articles_section_newest_idx', columns: ['locale', 'section', 'published_date'] },
  { table: 'articles', name: 'articles_published_count_idx', columns: ['locale', 'id'], where: 'published_at IS NOT NULL' },
  { table: 'articles', name: 'articles_draft_count_idx', columns: ['locale', 'id'], where: 'published_at IS NULL' },
];

module.exports = {
  QUERY_INDEXES,

  async up(knex) {
    for (const index of QUERY_INDEXES) {
      if (!(await knex.schema.hasTable(index.table))) continue;
      const columns = index.columns.map((column) => `"${column}"`).join(', ');
      const where = index.where ? ` WHERE ${index.where}` : '';
      await knex.raw(`CREATE INDEX IF NOT EXISTS "${index.name}" ON "${index.table}" (${columns})${where}`);
    }
  },

  async down(knex) {
    for (const index of QUERY_INDEXES) await knex.raw(`DROP INDEX IF EXISTS "${index.name}"`);
  },
};
