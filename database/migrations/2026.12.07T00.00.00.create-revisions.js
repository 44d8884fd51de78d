'use strict';

/**
 * Revision history (src/history/): one row per write of a document in a locale,
 * with who made it, which fields it changed and the document as it stood after it.
 * Written in the write's own transaction. The one read that matters, "this document
 * in this locale, newest first", is the (uid, document_id, locale, id) index read
 * backwards; `at` is indexed for the retention job.
 */
const TABLE = 'newsroom_revisions';

module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable(TABLE)) return;
    await knex.schema.createTable(TABLE, (table) => {
      table.increments('id');
      table.string('uid', 64).notNullable();
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.string('action', 16).notNullable();
      table.timestamp('at', { useTz: true }).notNullable();
      table.string('actor_kind', 16).notNullable();
      table.string('actor_id', 64);
      table.string('actor_name', 255);
      // JSON, as text on both databases: written and read whole, never queried into.
      table.text('changed_fields').notNullable();
      // Null for a deletion: nothing stands after it.
      table.text('snapshot');
      table.index(['uid', 'document_id', 'locale', 'id'], `${TABLE}_document_idx`);
      table.index(['at'], `${TABLE}_at_idx`);
    });
  },

  async down(knex) {
    await knex.schema.dropTableIfExists(TABLE);
  },
};
