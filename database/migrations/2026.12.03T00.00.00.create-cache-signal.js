'use strict';

/**
 * One counter that every process advances when it evicts from or flushes its
 * in-memory response cache (src/cache/cross-process.ts). Processes sharing a database
 * but not a Redis (the server and `npm run seed` run beside it) poll it, so one
 * process's writes empty the others' caches too. Unused with REDIS_URL.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('newsroom_cache_signal'))) {
      await knex.schema.createTable('newsroom_cache_signal', (table) => {
        table.integer('id').primary();
        table.bigInteger('epoch').notNullable().defaultTo(0);
      });
    }
    const row = await knex('newsroom_cache_signal').where({ id: 1 }).first();
    if (!row) await knex('newsroom_cache_signal').insert({ id: 1, epoch: 0 });
  },

  async down(knex) {
    await knex.schema.dropTableIfExists('newsroom_cache_signal');
  },
};
