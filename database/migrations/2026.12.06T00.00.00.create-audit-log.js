'use strict';

/**
 * The audit log (src/audit-log/): who logged into the admin, who changed users,
 * roles, permissions, tokens and settings, when, from where, and whether it worked.
 * Append-only in the database itself: triggers refuse every UPDATE and DELETE (and,
 * on PostgreSQL, TRUNCATE), whatever the code above them does.
 */
const TABLE = 'newsroom_audit_log';
const REFUSAL = 'newsroom_audit_log is append-only';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(TABLE))) {
      await knex.schema.createTable(TABLE, (table) => {
        table.increments('id');
        table.timestamp('at', { useTz: true }).notNullable();
        table.string('action', 64).notNullable();
        table.string('actor_kind', 16).notNullable();
        table.string('actor_id', 64);
        table.string('actor_name', 255);
        table.string('target', 255);
        table.string('outcome', 16).notNullable();
        table.integer('status');
        // Newest first, page by page, is the primary key read backwards: no other index.
        table.string('ip', 64);
      });
    }
    const client = knex.client.config.client;
    if (client === 'pg' || client === 'postgres') {
      await knex.raw(`CREATE OR REPLACE FUNCTION ${TABLE}_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${REFUSAL}'; END $$`);
      await knex.raw(`DROP TRIGGER IF EXISTS ${TABLE}_no_change ON ${TABLE}`);
      await knex.raw(`CREATE TRIGGER ${TABLE}_no_change BEFORE UPDATE OR DELETE ON ${TABLE} FOR EACH ROW EXECUTE FUNCTION ${TABLE}_refuse()`);
      await knex.raw(`DROP TRIGGER IF EXISTS ${TABLE}_no_truncate ON ${TABLE}`);
      await knex.raw(`CREATE TRIGGER ${TABLE}_no_truncate BEFORE TRUNCATE ON ${TABLE} FOR EACH STATEMENT EXECUTE FUNCTION ${TABLE}_refuse()`);
    } else {
      for (const event of ['UPDATE', 'DELETE']) {
        await knex.raw(
          `CREATE TRIGGER IF NOT EXISTS ${TABLE}_no_${event.toLowerCase()} BEFORE ${event} ON ${TABLE} BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`,
        );
      }
    }
  },

  async down(knex) {
    await knex.schema.dropTableIfExists(TABLE);
    await knex.raw(`DROP FUNCTION IF EXISTS ${TABLE}_refuse()`).catch(() => undefined);
  },
};
