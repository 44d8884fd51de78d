'use strict';

/**
 * One row per run of a scheduled job: (job, tick) is the primary key, so when every
 * instance's scheduler fires for the same tick, exactly one INSERT succeeds and only
 * that instance runs the job (src/jobs/run-once.ts). The rows double as the jobs'
 * history (who ran what, when, with what outcome); a week of it is kept.
 */
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('newsroom_job_runs')) return;
    await knex.schema.createTable('newsroom_job_runs', (table) => {
      table.string('job', 64).notNullable();
      table.string('tick', 32).notNullable();
      table.string('instance', 128).notNullable();
      table.timestamp('started_at').notNullable();
      table.timestamp('finished_at');
      table.text('outcome');
      table.primary(['job', 'tick']);
      table.index(['started_at'], 'newsroom_job_runs_started');
    });
  },

  async down(knex) {
    await knex.schema.dropTableIfExists('newsroom_job_runs');
  },
};
