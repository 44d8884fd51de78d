import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { parsePageParams } from '../validation/page-params';
import { expected, queryStringPath, type Problem } from '../validation/problems';
import { refusal } from '../validation/strapi/refusal';
import { DELIVERIES_TABLE, listDeliveries, retryAllFailed, retryFailed, type Delivery, type DeliveryState } from './outbox';

const STATES: readonly DeliveryState[] = ['pending', 'delivered', 'failed'];
const knexOf = (strapi: Core.Strapi) => strapi.db.connection as unknown as Knex;

/** `state` (optional: every state) and Strapi's pagination; anything else is a 400 naming it. */
export function parseDeliveryQuery(query: Record<string, unknown>): { state: DeliveryState | null; page: number; pageSize: number } | Problem[] {
  const paging = parsePageParams(query, ['state']);
  const problems: Problem[] = Array.isArray(paging) ? [...paging] : [];
  const { state } = query;
  if (state !== undefined && !(STATES as readonly unknown[]).includes(state)) problems.push(expected(['state'], `one of ${STATES.join(', ')}`, state));
  if (problems.length > 0 || Array.isArray(paging)) return problems;
  return { state: (state as DeliveryState | undefined) ?? null, ...paging };
}

/** The outbox's deliveries, newest first, in Strapi's list shape, with each one's attempts. */
export async function deliveryList(strapi: Core.Strapi, query: Record<string, unknown>) {
  const parsed = parseDeliveryQuery(query);
  if (Array.isArray(parsed)) throw refusal(parsed, queryStringPath, 'query');
  const { deliveries, total } = await listDeliveries(knexOf(strapi), parsed);
  return {
    data: deliveries,
    meta: { pagination: { page: parsed.page, pageSize: parsed.pageSize, pageCount: Math.ceil(total / parsed.pageSize), total } },
  };
}

/** One more attempt of a failed delivery, now; 404 for an unknown id, 400 for one that has not failed. */
export async function retryDelivery(strapi: Core.Strapi, id: unknown, wake: () => void): Promise<Delivery> {
  const text = String(id);
  if (!/^\d{1,15}$/.test(text) || Number(text) < 1) throw refusal([expected(['id'], 'a delivery id (a whole number from 1)', id)], queryStringPath, 'query');
  const knex = knexOf(strapi);
  if (!(await retryFailed(knex, Number(text), Date.now()))) {
    const exists = await knex(DELIVERIES_TABLE)
      .where({ id: Number(text) })
      .first('state');
    if (!exists) throw new errors.NotFoundError(`No webhook delivery ${text}`);
    throw new errors.ApplicationError(`Webhook delivery ${text} is ${(exists as { state: string }).state}, not failed: only a failed delivery can be retried`);
  }
  wake();
  const { deliveries } = await listDeliveries(knex, { state: null, page: 1, pageSize: 1, id: Number(text) });
  return deliveries[0];
}

/** One more attempt of every failed delivery, now: what an admin does once a receiver that was down for days is back. */
export async function retryEveryFailedDelivery(strapi: Core.Strapi, wake: () => void): Promise<{ retried: number }> {
  const retried = await retryAllFailed(knexOf(strapi), Date.now());
  if (retried > 0) wake();
  return { retried };
}
