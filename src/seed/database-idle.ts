import type { Core } from '@strapi/strapi';

interface TarnPool {
  numUsed(): number;
  numPendingAcquires(): number;
}

/**
 * Waits until no query is running or queued. Document writes emit events whose
 * listeners (webhooks, the content history) re-read the written entries after the
 * transaction commits; destroying Strapi before they finish aborts them with an
 * unhandled "aborted" error from the pool. Scripts call this before destroy().
 */
export async function waitForDatabaseIdle(strapi: Core.Strapi, timeoutMs = 10_000): Promise<void> {
  // knex types its client as `any`; tarn's pool is what counts the connections.
  const pool = (strapi.db.connection.client as { pool?: TarnPool }).pool;
  if (!pool) return;
  const deadline = Date.now() + timeoutMs;
  let quietTicks = 0;
  // Two quiet ticks in a row: a finished query can schedule the next one on the following tick.
  while (quietTicks < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    quietTicks = pool.numUsed() + pool.numPendingAcquires() === 0 ? quietTicks + 1 : 0;
  }
}
