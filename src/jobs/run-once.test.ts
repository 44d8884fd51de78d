import knexFactory, { type Knex } from 'knex';
import { claimTick, JOB_RUNS_TABLE, runOnce, tickOf } from './run-once';

// The real migration, on an in-memory SQLite database.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const migration = require('../../database/migrations/2026.12.02T00.00.00.create-job-runs.js') as { up(knex: Knex): Promise<void> };

const silent = { info: () => undefined, error: () => undefined };

describe('run-once scheduled jobs', () => {
  let knex: Knex;

  beforeEach(async () => {
    knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await migration.up(knex);
  });
  afterEach(() => knex.destroy());

  it('names a tick by the scheduled second, whatever the millisecond each instance woke at', () => {
    expect(tickOf(new Date('2026-11-29T10:00:05.004Z'))).toBe('2026-11-29T10:00:05.000Z');
    expect(tickOf(new Date('2026-11-29T10:00:05.998Z'))).toBe('2026-11-29T10:00:05.000Z');
  });

  it('lets exactly one of several instances claim a tick', async () => {
    const claims = await Promise.all(['a:1', 'b:2', 'c:3'].map((instance) => claimTick(knex, 'audit', '2026-11-29T10:00:05.000Z', instance)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimTick(knex, 'audit', '2026-11-29T10:00:06.000Z', 'b:2')).toBe(true);
    expect(await claimTick(knex, 'other-job', '2026-11-29T10:00:05.000Z', 'c:3')).toBe(true);
  });

  it('runs the work once per tick and records its outcome', async () => {
    let runs = 0;
    const work = async () => `run ${++runs}`;
    const fired = new Date('2026-11-29T10:00:05.000Z');
    const results = await Promise.all(['a:1', 'b:2'].map((instance) => runOnce(knex, silent, 'audit', fired, work, instance)));
    expect(results.sort()).toEqual(['ran', 'skipped']);
    expect(runs).toBe(1);
    expect(await knex(JOB_RUNS_TABLE).select('job', 'tick', 'outcome')).toMatchObject([{ job: 'audit', tick: '2026-11-29T10:00:05.000Z', outcome: 'run 1' }]);
  });

  it('records a failure without throwing into the scheduler', async () => {
    const fired = new Date('2026-11-29T10:00:07.000Z');
    await expect(runOnce(knex, silent, 'audit', fired, () => Promise.reject(new Error('database away')), 'a:1')).resolves.toBe('failed');
    expect(await knex(JOB_RUNS_TABLE).first('outcome')).toMatchObject({ outcome: 'failed: database away' });
  });

  it('keeps a week of history', async () => {
    await knex(JOB_RUNS_TABLE).insert({ job: 'audit', tick: 'old', instance: 'a:1', started_at: new Date(Date.now() - 8 * 86_400_000) });
    await runOnce(knex, silent, 'audit', new Date(), async () => 'ok', 'a:1');
    expect((await knex(JOB_RUNS_TABLE).select('tick')).map((r: { tick: string }) => r.tick)).not.toContain('old');
  });
});
