import type { Knex } from 'knex';
import { pruneDelivered } from './outbox';

export const WEBHOOK_PRUNE_JOB = 'webhook-retention';

/** The retention job's work: forget delivered messages older than `days` (WEBHOOK_RETENTION_DAYS). runOnce makes it one instance's. */
export async function pruneWebhookOutbox(knex: Knex, days: number, now = Date.now()): Promise<string> {
  const before = now - days * 86_400_000;
  const pruned = await pruneDelivered(knex, before);
  return `pruned ${pruned} delivered webhook message${pruned === 1 ? '' : 's'} from before ${new Date(before).toISOString()}`;
}
