'use strict';

/**
 * The search index: one row per searchable version of an article, quote or person
 * (per locale, draft and published), holding its Arabic-normalized text. The app
 * keeps it up to date on every write (src/document-middlewares/search-index.ts).
 *
 * The table is ours, not a Strapi content type: Strapi runs migrations before it
 * creates its own tables, so an index on a Strapi table cannot be created here on a
 * fresh database, and Strapi's schema sync leaves tables it does not track alone.
 *
 * Queries match `words` (each distinct normalized word once, a few KB even for a
 * long article); `body` (the full normalized text) is read only to rank the rows
 * that matched. On PostgreSQL, a pg_trgm GIN index serves `words LIKE '%term%'`,
 * and toast_tuple_target keeps `words` in the row: when it was pushed out to TOAST,
 * the planner costed a scan of the table as if it were tiny and chose it over the
 * index (see "Search" in the README). pg_trgm is a trusted extension since
 * PostgreSQL 13: the database owner can create it.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('newsroom_search'))) {
      await knex.schema.createTable('newsroom_search', (table) => {
        table.increments('id');
        table.string('type', 16).notNullable();
        table.string('document_id', 64).notNullable();
        table.string('locale', 16).notNullable();
        table.boolean('published').notNullable();
        table.text('title').notNullable();
        table.text('words').notNullable();
        table.text('body').notNullable();
        table.string('sort_date', 32).notNullable();
        table.unique(['type', 'document_id', 'locale', 'published'], { indexName: 'newsroom_search_version_unique' });
        table.index(['locale', 'published', 'type'], 'newsroom_search_scope');
      });
    }
    if (knex.client.config.client === 'postgres' || knex.client.config.client === 'pg') {
      await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await knex.raw('ALTER TABLE newsroom_search SET (toast_tuple_target = 8160)');
      await knex.raw('CREATE INDEX IF NOT EXISTS newsroom_search_words_trgm ON newsroom_search USING gin (words gin_trgm_ops)');
    }
  },

  async down(knex) {
    await knex.schema.dropTableIfExists('newsroom_search');
  },
};
