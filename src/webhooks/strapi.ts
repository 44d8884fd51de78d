import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Knex } from 'knex';
import { settings } from '../settings';
import type { WriteEffect } from '../write-pipeline/pipeline';
import { deliveryList, retryDelivery, retryEveryFailedDelivery } from './answer';
import { WebhookDispatcher } from './dispatcher';
import { webhookOutboxEffect } from './effect';

/** The admin actions of Settings → Webhook deliveries; super admins have both, others only if granted. */
export const WEBHOOK_DELIVERIES_READ = 'api::webhook-deliveries.read';
export const WEBHOOK_DELIVERIES_RETRY = 'api::webhook-deliveries.retry';

let dispatcher: WebhookDispatcher | undefined;
const wake = () => dispatcher?.wake();

/** The outbox step of the write pipeline, when there is somewhere to deliver to. */
export function webhookEffects(): WriteEffect[] {
  const { endpoints } = settings().webhooks;
  return endpoints.length > 0 ? [webhookOutboxEffect(endpoints, wake)] : [];
}

/**
 * The outbox in the admin: two permissions (Settings → Roles shows them under
 * "Webhook deliveries"), GET /newsroom/webhook-deliveries?state= for the Settings
 * page (src/admin/webhooks/), POST /newsroom/webhook-deliveries/:id/retry and
 * POST /newsroom/webhook-deliveries/retry-failed (every failed one).
 */
export function registerWebhookAdmin(strapi: Core.Strapi): void {
  strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'settings', category: 'webhook deliveries', displayName: 'Read webhook deliveries', uid: 'webhook-deliveries.read' },
    { section: 'settings', category: 'webhook deliveries', displayName: 'Retry failed webhook deliveries', uid: 'webhook-deliveries.retry' },
  ]);
  const policies = (action: string) => ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }];
  strapi.server.routes({
    type: 'admin',
    prefix: '/newsroom',
    routes: [
      {
        method: 'GET',
        path: '/webhook-deliveries',
        info: { type: 'admin' },
        handler: async (ctx: Context) => {
          ctx.body = await deliveryList(strapi, ctx.query as Record<string, unknown>);
        },
        config: { policies: policies(WEBHOOK_DELIVERIES_READ) },
      },
      {
        method: 'POST',
        path: '/webhook-deliveries/retry-failed',
        info: { type: 'admin' },
        handler: async (ctx: Context) => {
          ctx.body = { data: await retryEveryFailedDelivery(strapi, wake), meta: {} };
        },
        config: { policies: policies(WEBHOOK_DELIVERIES_RETRY) },
      },
      {
        method: 'POST',
        path: '/webhook-deliveries/:id/retry',
        info: { type: 'admin' },
        handler: async (ctx: Context) => {
          ctx.body = { data: await retryDelivery(strapi, ctx.params.id, wake), meta: {} };
        },
        config: { policies: policies(WEBHOOK_DELIVERIES_RETRY) },
      },
    ],
  });
}

/** Every instance delivers (one claims each message); none when no endpoint is set. */
export function startWebhookDispatcher(strapi: Core.Strapi): void {
  const { webhooks } = settings();
  if (webhooks.endpoints.length === 0 || !webhooks.secret) return;
  dispatcher = new WebhookDispatcher(() => strapi.db.connection as unknown as Knex, { ...webhooks, secret: webhooks.secret }, strapi.log);
  dispatcher.start();
  strapi.log.info(`[webhooks] delivering to ${webhooks.endpoints.length} endpoint(s)`);
}

export async function stopWebhookDispatcher(): Promise<void> {
  await dispatcher?.stop();
  dispatcher = undefined;
}
