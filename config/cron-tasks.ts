import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { auditReadModels } from '../src/jobs/read-model-audit';
import { runOnce } from '../src/jobs/run-once';
import { settings } from '../src/settings';

/**
 * Scheduled jobs. Every instance runs the scheduler; runOnce lets exactly one of
 * them do each tick's work (docs/deployment.md). Rules are cron patterns, with an
 * optional leading seconds field.
 */
export default {
  readModelAudit: {
    // Strapi passes the scheduled time as the second argument (typed unknown).
    task: ({ strapi }: { strapi: Core.Strapi }, fireDate: unknown) =>
      runOnce(strapi.db.connection as unknown as Knex, strapi.log, 'read-model-audit', fireDate instanceof Date ? fireDate : new Date(), () =>
        auditReadModels(strapi),
      ),
    options: { rule: settings().jobs.readModelAuditCron },
  },
};
