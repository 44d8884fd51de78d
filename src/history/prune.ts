import type { Knex } from 'knex';
import { pruneRevisions } from './store';

export const PRUNE_JOB = 'history-retention';

/** The retention job's work: forget revisions older than `days` (HISTORY_RETENTION_DAYS). runOnce makes it one instance's. */
export async function pruneHistory(knex: Knex, days: number, now = new Date()): Promise<string> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const pruned = await pruneRevisions(knex, before);
  return `pruned ${pruned} revision${pruned === 1 ? '' : 's'} recorded before ${before.toISOString()}`;
}
