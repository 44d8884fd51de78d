'use strict';

/**
 * The publishAt each article locale was last published at or after
 * (src/scheduling/). A schedule is done once its time has come and the locale was
 * published, by the scheduler or by hand; without this record, an editor who
 * unpublishes a story whose publishAt is in the past would see the scheduler publish
 * it again at the next tick. A new publishAt arms the schedule again.
 */
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('newsroom_schedule_fulfilled')) return;
    await knex.schema.createTable('newsroom_schedule_fulfilled', (table) => {
      table.string('document_id', 255).notNullable();
      table.string('locale', 255).notNullable();
      table.timestamp('publish_at', { useTz: true }).notNullable();
      table.primary(['document_id', 'locale']);
    });
  },

  async down(knex) {
    await knex.schema.dropTableIfExists('newsroom_schedule_fulfilled');
  },
};
