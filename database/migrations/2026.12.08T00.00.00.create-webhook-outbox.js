'use strict';

/**
 * The webhook outbox (src/webhooks/). A message is one public change of a document
 * in a locale, written in the same transaction as the write that made it; a delivery
 * is that message on its way to one endpoint, with its attempts. Times are epoch
 * milliseconds on both databases, so the dispatcher compares numbers, not the two
 * databases' ideas of a timestamp. The dispatcher's one query, "pending and due", is
 * the (state, next_attempt_at) index; the Settings page lists by state, newest first.
 */
const MESSAGES = 'newsroom_webhook_messages';
const DELIVERIES = 'newsroom_webhook_deliveries';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(MESSAGES))) {
      await knex.schema.createTable(MESSAGES, (table) => {
        table.increments('id');
        // The webhook-id header: the same on every attempt, so a receiver can drop a repeat.
        table.string('message_id', 64).notNullable().unique();
        table.string('type', 32).notNullable();
        table.string('uid', 64).notNullable();
        table.string('document_id', 64).notNullable();
        table.string('locale', 16).notNullable();
        table.string('slug', 255);
        // JSON, as text: the affected articles, written and read whole.
        table.text('affected_articles').notNullable();
        table.bigInteger('occurred_at').notNullable();
        // Grows with every message of a document in a locale (src/webhooks/outbox.ts says how).
        table.bigInteger('version').notNullable();
        table.index(['uid', 'document_id', 'locale', 'version'], `${MESSAGES}_version_idx`);
      });
    }
    if (!(await knex.schema.hasTable(DELIVERIES))) {
      await knex.schema.createTable(DELIVERIES, (table) => {
        table.increments('id');
        table.integer('message_id').notNullable().references('id').inTable(MESSAGES).onDelete('CASCADE');
        table.text('endpoint').notNullable();
        // pending, delivered or failed.
        table.string('state', 16).notNullable();
        table.integer('attempts').notNullable().defaultTo(0);
        table.bigInteger('next_attempt_at').notNullable();
        // An instance that claims a delivery holds it until then; the token fences its result.
        table.bigInteger('lease_until');
        table.string('lease_token', 64);
        table.integer('last_status');
        table.text('last_error');
        table.bigInteger('delivered_at');
        // JSON, as text: every attempt's time, answer and duration, for the Settings page.
        table.text('attempt_log').notNullable();
        table.index(['state', 'next_attempt_at'], `${DELIVERIES}_due_idx`);
        table.index(['message_id'], `${DELIVERIES}_message_idx`);
      });
    }
  },

  async down(knex) {
    await knex.schema.dropTableIfExists(DELIVERIES);
    await knex.schema.dropTableIfExists(MESSAGES);
  },
};
