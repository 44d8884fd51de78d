'use strict';

/**
 * The corrections that have been public, per article and locale, in order
 * (src/corrections/). Kept apart from the article's own rows because those change:
 * after an unpublish, or a draft that drops a correction, this is still the record
 * the append-only rule holds every later version to.
 */
module.exports = {
  async up(knex) {
    // Article views are the default-populated article, which now includes corrections:
    // emptied, they are rebuilt at boot (src/article-views/read-model.ts) with the field.
    if (await knex.schema.hasTable('newsroom_article_views')) await knex('newsroom_article_views').del();
    if (await knex.schema.hasTable('newsroom_published_corrections')) return;
    await knex.schema.createTable('newsroom_published_corrections', (table) => {
      table.string('document_id', 255).notNullable();
      table.string('locale', 255).notNullable();
      // JSON text: [{ kind, text, issuedAt }], the same on PostgreSQL and SQLite.
      table.text('corrections').notNullable();
      table.timestamp('updated_at', { useTz: true }).notNullable();
      table.primary(['document_id', 'locale']);
    });
  },

  async down(knex) {
    await knex.schema.dropTableIfExists('newsroom_published_corrections');
  },
};
