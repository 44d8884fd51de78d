import knexFactory, { type Knex } from 'knex';
import { CrossProcessSignal } from './cross-process';

// The real migration, on an in-memory SQLite database; two signals stand for two processes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const migration = require('../../database/migrations/2026.12.03T00.00.00.create-cache-signal.js') as { up(knex: Knex): Promise<void> };

describe('cross-process eviction signal', () => {
  let knex: Knex;
  const flushes = { server: 0, script: 0 };
  let server: CrossProcessSignal;
  let script: CrossProcessSignal;

  beforeEach(async () => {
    knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await migration.up(knex);
    flushes.server = flushes.script = 0;
    server = new CrossProcessSignal(knex, async () => void (flushes.server += 1));
    script = new CrossProcessSignal(knex, async () => void (flushes.script += 1));
    await server.start(60_000);
    await script.start(60_000);
  });
  afterEach(async () => {
    server.stop();
    script.stop();
    await knex.destroy();
  });

  it("does not flush a process's cache for its own evictions", async () => {
    await server.advance();
    await server.advance();
    await server.poll();
    expect(flushes).toEqual({ server: 0, script: 0 });
  });

  it("flushes a process's cache when it sees another process's eviction", async () => {
    await script.advance();
    await server.poll();
    expect(flushes).toEqual({ server: 1, script: 0 });
    await server.poll();
    expect(flushes.server).toBe(1);
  });

  it('notices a foreign eviction that happened just before its own', async () => {
    await script.advance();
    await server.advance();
    expect(flushes.server).toBe(1);
  });

  it("tells the other processes about a write's eviction without being waited for", async () => {
    server.advanceInBackground();
    server.advanceInBackground();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.poll();
    await script.poll();
    expect(flushes).toEqual({ server: 0, script: 1 });
  });

  it('reports a background advance that failed, and throws nothing', async () => {
    const errors: string[] = [];
    const broken = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    const signal = new CrossProcessSignal(
      broken,
      async () => undefined,
      (error) => errors.push(error.message),
    );
    signal.advanceInBackground();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await broken.destroy();
    expect(errors).toEqual([expect.stringContaining('newsroom_cache_signal')]);
  });

  it('is idempotent to migrate twice', async () => {
    await migration.up(knex);
    expect(await knex('newsroom_cache_signal').count({ n: '*' })).toMatchObject([{ n: 1 }]);
  });
});
