'use strict';

/**
 * The article read model: each article version (locale, draft or published) as the
 * JSON the content API returns with its default populate, and the documents it
 * contains. GET /api/articles/slug/:slug answers from one indexed row instead of a
 * dozen queries and a sanitize pass. src/document-middlewares/article-views.ts
 * rebuilds the affected rows in the same transaction as every write, so the rows are
 * never older than the data. Our own tables, for the reason given in the search
 * index migration.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('newsroom_article_views'))) {
      await knex.schema.createTable('newsroom_article_views', (table) => {
        table.increments('id');
        table.string('document_id', 64).notNullable();
        table.string('locale', 16).notNullable();
        table.boolean('published').notNullable();
        table.string('slug', 255).notNullable();
        table.text('body').notNullable();
        table.unique(['slug', 'locale', 'published'], { indexName: 'newsroom_article_views_slug' });
        table.index(['document_id'], 'newsroom_article_views_document');
      });
    }
    if (!(await knex.schema.hasTable('newsroom_article_view_deps'))) {
      await knex.schema.createTable('newsroom_article_view_deps', (table) => {
        table.string('article_document_id', 64).notNullable();
        table.string('dependency_document_id', 64).notNullable();
        table.primary(['dependency_document_id', 'article_document_id']);
        table.index(['article_document_id'], 'newsroom_article_view_deps_article');
      });
    }
  },

  async down(knex) {
    await knex.schema.dropTableIfExists('newsroom_article_view_deps');
    await knex.schema.dropTableIfExists('newsroom_article_views');
  },
};
