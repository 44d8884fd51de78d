import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PRUNE_JOB, pruneHistory } from '../src/history/prune';
import { auditReadModels } from '../src/jobs/read-model-audit';
import { runOnce } from '../src/jobs/run-once';
import { settings } from '../src/settings';
import { pruneWebhookOutbox, WEBHOOK_PRUNE_JOB } from '../src/webhooks/prune';

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
  // Revision history kept for HISTORY_RETENTION_DAYS; without it, kept forever and no job runs.
  ...(settings().history.retentionDays !== null && {
    historyRetention: {
      task: ({ strapi }: { strapi: Core.Strapi }, fireDate: unknown) => {
        const knex = strapi.db.connection as unknown as Knex;
        return runOnce(knex, strapi.log, PRUNE_JOB, fireDate instanceof Date ? fireDate : new Date(), () =>
          pruneHistory(knex, settings().history.retentionDays as number),
        );
      },
      options: { rule: settings().history.pruneCron },
    },
  }),
  // Delivered webhook messages kept WEBHOOK_RETENTION_DAYS; only when webhooks are on.
  ...(settings().webhooks.endpoints.length > 0 && {
    webhookRetention: {
      task: ({ strapi }: { strapi: Core.Strapi }, fireDate: unknown) => {
        const knex = strapi.db.connection as unknown as Knex;
        return runOnce(knex, strapi.log, WEBHOOK_PRUNE_JOB, fireDate instanceof Date ? fireDate : new Date(), () =>
          pruneWebhookOutbox(knex, settings().webhooks.retentionDays),
        );
      },
      options: { rule: settings().webhooks.pruneCron },
    },
  }),
};
