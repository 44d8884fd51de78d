import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { runOnce } from '../jobs/run-once';
import { runSchedule, SCHEDULE_JOB } from './job';

/** The next tick: the next multiple of the interval since the epoch, the same instant on every instance. */
export function nextTick(nowMs: number, intervalMs: number): number {
  return (Math.floor(nowMs / intervalMs) + 1) * intervalMs;
}

/**
 * Runs scheduled publishing every `intervalSeconds`, on ticks aligned to the clock so
 * that every instance fires for the same tick and runOnce lets exactly one of them do
 * it. Not a cron rule: an interval such as 45 or 90 seconds has none. Returns a stop
 * function that waits for a run in progress.
 */
export function startScheduler(strapi: Core.Strapi, intervalSeconds: number): () => Promise<void> {
  const intervalMs = intervalSeconds * 1000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const arm = () => {
    if (stopped) return;
    const tick = nextTick(Date.now(), intervalMs);
    timer = setTimeout(() => {
      running = runOnce(strapi.db.connection as unknown as Knex, strapi.log, SCHEDULE_JOB, new Date(tick), () => runSchedule(strapi)).finally(arm);
    }, tick - Date.now());
    timer.unref();
  };
  arm();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
