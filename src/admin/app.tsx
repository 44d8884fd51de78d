import type { StrapiApp } from '@strapi/strapi/admin';
import { HistoryPanel } from './history/HistoryPanel';
import { watchDirections } from './rtl/apply';

/** The admin action that opens the audit log (src/audit-log/strapi.ts registers it). */
const AUDIT_LOG_READ = 'api::audit-log.read';
/** …and the one that lists webhook deliveries (src/webhooks/strapi.ts). */
const WEBHOOK_DELIVERIES_READ = 'api::webhook-deliveries.read';

export default {
  config: {
    // Editors can switch the admin interface itself to Arabic in their profile.
    locales: ['ar'],
  },
  bootstrap(app: StrapiApp) {
    // Strapi's admin has no right-to-left support; lay out Arabic content fields right-to-left.
    watchDirections(document, () => window.location.href);
    // Settings → Audit log, for whoever holds the permission (every super admin).
    app.addSettingsLink('global', {
      id: 'newsroom-audit-log',
      to: 'audit-log',
      intlLabel: { id: 'newsroom.settings.audit-log', defaultMessage: 'Audit log' },
      Component: () => import('./audit-log/AuditLogPage'),
      permissions: [{ action: AUDIT_LOG_READ, subject: null }],
    });
    // Settings → Webhook deliveries: the outbox's messages, their attempts, and a retry for failed ones (src/webhooks/).
    app.addSettingsLink('global', {
      id: 'newsroom-webhook-deliveries',
      to: 'webhook-deliveries',
      intlLabel: { id: 'newsroom.settings.webhook-deliveries', defaultMessage: 'Webhook deliveries' },
      Component: () => import('./webhooks/WebhookDeliveriesPage'),
      permissions: [{ action: WEBHOOK_DELIVERIES_READ, subject: null }],
    });
    // The History panel beside every edit view: revisions, a side-by-side comparison, restore as draft (src/history/).
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: { addEditViewSidePanel(panels: unknown[]): void } };
    contentManager.apis.addEditViewSidePanel([HistoryPanel]);
  },
};
