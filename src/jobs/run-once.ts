import os from 'node:os';
import type { Knex } from 'knex';

export const JOB_RUNS_TABLE = 'newsroom_job_runs';
const HISTORY_DAYS = 7;

/** This process, as named in the job history. */
export const INSTANCE = `${os.hostname()}:${process.pid}`;

/**
 * The tick a scheduler fired for, to the second. Every instance computes the same
 * value from the scheduled time (not the time it woke up), so their claims collide.
 */
export function tickOf(fireDate: Date): string {
  return new Date(Math.floor(fireDate.getTime() / 1000) * 1000).toISOString();
}

/**
 * Claims one run of a job for this instance. The primary key (job, tick) lets one
 * INSERT win whatever the number of instances; the others see someone else's row.
 */
export async function claimTick(knex: Knex, job: string, tick: string, instance: string): Promise<boolean> {
  await knex(JOB_RUNS_TABLE).insert({ job, tick, instance, started_at: new Date() }).onConflict(['job', 'tick']).ignore();
  const row = (await knex(JOB_RUNS_TABLE).where({ job, tick }).first('instance')) as { instance: string } | undefined;
  return row?.instance === instance;
}

export interface JobLog {
  info(message: string): void;
  error(message: string): void;
}

/**
 * Runs `work` for this tick only on the instance that claims it, records the outcome,
 * and trims the history. A failure is logged and recorded, never thrown into the
 * scheduler: the next tick runs as usual.
 */
export async function runOnce(
  knex: Knex,
  log: JobLog,
  job: string,
  fireDate: Date,
  work: () => Promise<string>,
  instance = INSTANCE,
): Promise<'ran' | 'skipped' | 'failed'> {
  const tick = tickOf(fireDate);
  if (!(await claimTick(knex, job, tick, instance))) {
    log.info(`[jobs] ${job} ${tick}: skipped, claimed by another instance`);
    return 'skipped';
  }
  log.info(`[jobs] ${job} ${tick}: running on ${instance}`);
  let outcome: string;
  let result: 'ran' | 'failed' = 'ran';
  try {
    outcome = await work();
    log.info(`[jobs] ${job} ${tick}: done: ${outcome}`);
  } catch (error) {
    result = 'failed';
    outcome = `failed: ${error instanceof Error ? error.message : String(error)}`;
    log.error(`[jobs] ${job} ${tick}: ${outcome}`);
  }
  await knex(JOB_RUNS_TABLE).where({ job, tick }).update({ finished_at: new Date(), outcome });
  await knex(JOB_RUNS_TABLE)
    .where('started_at', '<', new Date(Date.now() - HISTORY_DAYS * 86_400_000))
    .del();
  return result;
}
