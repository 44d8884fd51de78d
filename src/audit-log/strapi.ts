import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { auditLogAnswer } from './answer';

/** The admin action that opens the audit log; super admins have every action, others only if a super admin grants it. */
export const AUDIT_LOG_READ = 'api::audit-log.read';

/**
 * The audit log in the admin: a permission (Settings → Roles shows it under
 * "Audit log") and GET /newsroom/audit-log for the Settings page
 * (src/admin/audit-log/), with the same paging as the content API.
 */
export function registerAuditLogAdmin(strapi: Core.Strapi): void {
  strapi.service('admin::permission').actionProvider.register({
    section: 'settings',
    category: 'audit log',
    displayName: 'Read the audit log',
    uid: 'audit-log.read',
  });
  strapi.server.routes({
    type: 'admin',
    prefix: '/newsroom',
    routes: [
      {
        method: 'GET',
        path: '/audit-log',
        info: { type: 'admin' },
        handler: async (ctx: Context) => {
          ctx.body = await auditLogAnswer(strapi, ctx.query as Record<string, unknown>);
        },
        config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [AUDIT_LOG_READ] } }] },
      },
    ],
  });
}
