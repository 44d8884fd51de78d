import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { appDir, ensureBuild, fullAccessToken, startServer, stopServer, type AppProcess } from '../../scripts/lib/app-server';
import { connectTo, createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { STORY_SLUG } from '../fixtures/story-000';
import { SUPER_ADMIN } from '../fixtures/accounts';

/**
 * Faults an operator will meet: the database restarting under load, a seed killed
 * halfway, a backup restored with `strapi export` / `strapi import`. Each runs the
 * production build in real processes on fresh PostgreSQL databases.
 */

const STRAPI_BIN = path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js');
const databases: TestDatabase[] = [];

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}

function run(script: string[], env: Record<string, string>, timeoutMs = 180_000): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, script, {
    cwd: appDir,
    env: { ...process.env, LOG_LEVEL: 'error', SEED_ON_BOOT: 'false', ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The canonical dump (src/seed/canonical-dump.ts): every document and localization, draft and published, with relations. */
function dump(database: TestDatabase): unknown {
  const result = run(['scripts/dump.js', '--no-compile'], database.env);
  if (result.status !== 0) throw new Error(`dump failed (${result.status}): ${result.stderr.slice(-2000)}`);
  return JSON.parse(result.stdout);
}

function seed(database: TestDatabase): void {
  const result = run(['scripts/seed.js', '--no-compile'], database.env);
  if (result.status !== 0) throw new Error(`seed failed (${result.status}): ${result.stderr.slice(-2000)}`);
}

/**
 * Waits until a transaction on this database has written (it has a transaction id) or,
 * given a table, holds a write lock on it: a transaction that inserted into a table keeps
 * that lock until it commits, so the moment is not missed between two polls. That is
 * when the seed gets killed. False if the process ended first.
 */
async function waitForWrite(database: TestDatabase, child: ChildProcess, table: string | null): Promise<boolean> {
  const client = await connectTo(database);
  try {
    const sqlText =
      table === null
        ? `select count(*) as n from pg_stat_activity where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()`
        : `select count(*) as n from pg_locks l join pg_class c on c.oid = l.relation
           where l.database = (select oid from pg_database where datname = current_database())
             and c.relname = $1 and l.mode = 'RowExclusiveLock' and l.granted and l.pid <> pg_backend_pid()`;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && child.exitCode === null) {
      const { rows } = await client.query(sqlText, table === null ? [] : [table]);
      if (Number(rows[0].n) > 0) return true;
      await new Promise((r) => setTimeout(r, 5));
    }
    return false;
  } finally {
    await client.end();
  }
}

let cleanDump: unknown;

beforeAll(async () => {
  process.env.DATABASE_CLIENT = 'postgres';
  ensureBuild(process.env.SYSTEM_TEST_SKIP_BUILD === 'true', 'system test');
  const clean = await freshDatabase();
  seed(clean);
  cleanDump = dump(clean);
});

afterAll(async () => {
  for (const database of databases) await database.drop();
});

describe('a seed killed with SIGKILL halfway', () => {
  // The boot's first write (schema and migrations), then inside the story bundle's own transaction,
  // once it has written organizations (early) and once it has written quotes (late).
  it.each([
    ['as the first write transaction opens', null],
    ['once the bundle has written organizations', 'organizations'],
    ['once the bundle has written quotes', 'quotes'],
  ])('then run again, equals a clean seed (killed %s)', async (_label, table) => {
    const database = await freshDatabase();
    const child = spawn(process.execPath, ['scripts/seed.js', '--no-compile'], {
      cwd: appDir,
      env: { ...process.env, ...database.env, LOG_LEVEL: 'error', SEED_ON_BOOT: 'false' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ? -1 : code)));
    expect(await waitForWrite(database, child, table)).toBe(true);
    child.kill('SIGKILL');
    // Killed, not finished: otherwise this proves nothing.
    expect(await exited).toBe(-1);
    expect(dump(database)).not.toEqual(cleanDump);

    seed(database);
    expect(dump(database)).toEqual(cleanDump);
  });
});

describe('strapi export, then strapi import into a fresh database', () => {
  it('restores every document, localization, relation and publication state, and the restored site serves them', async () => {
    const source = await freshDatabase();
    seed(source);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-export-'));
    try {
      const file = path.join(dir, 'backup');
      const exported = run([STRAPI_BIN, 'export', '--no-encrypt', '--no-compress', '-f', file], source.env);
      expect({ status: exported.status, stderr: exported.stderr.slice(-1000) }).toMatchObject({ status: 0 });

      const target = await freshDatabase();
      const imported = run([STRAPI_BIN, 'import', '--force', '-f', `${file}.tar`], target.env);
      expect({ status: imported.status, stderr: imported.stderr.slice(-1000) }).toMatchObject({ status: 0 });
      expect(dump(target)).toEqual(dump(source));

      // The import wrote rows behind the Document Service: the read models must still answer right.
      const restored = await startServer({ ...target.env, CRON_ENABLED: 'false', RATE_LIMIT_ENABLED: 'false' }, { label: 'restored' });
      try {
        for (const locale of ['ar', 'en']) {
          const view = await fetch(`${restored.baseUrl}/api/articles/slug/${STORY_SLUG}?locale=${locale}`);
          expect({ locale, status: view.status }).toEqual({ locale, status: 200 });
          const core = await fetch(`${restored.baseUrl}/api/articles?locale=${locale}&filters[slug][$eq]=${STORY_SLUG}`);
          expect(((await view.json()) as { data: unknown }).data).toEqual(((await core.json()) as { data: unknown[] }).data[0]);
        }
        const search = await fetch(`${restored.baseUrl}/api/search?q=${encodeURIComponent('الأعرجي')}`);
        expect(((await search.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
      } finally {
        await stopServer(restored.child);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const PG_CONTROL = process.env.PG_FAULT_CONTROL ?? 'pg_ctlcluster';
function pgctl(action: 'stop' | 'start'): void {
  // pg_ctlcluster <version> main stop|start, as docs/deployment.md's operator would; -m fast drops connections at once.
  const version = spawnSync('ls', ['/etc/postgresql'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  const args =
    PG_CONTROL === 'pg_ctlcluster' ? ['--skip-systemctl-redirect', version!, 'main', action, ...(action === 'stop' ? ['-m', 'fast'] : [])] : [action];
  const result = spawnSync(PG_CONTROL, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${PG_CONTROL} ${args.join(' ')} failed: ${result.stderr}`);
}

describe('PostgreSQL stopped and started under read and write load', () => {
  let app: AppProcess | undefined;
  afterAll(async () => {
    await stopServer(app?.child);
  });

  it('answers errors only while it is down, recovers by itself, never exits, and loses no acknowledged write or its webhook', async () => {
    const database = await freshDatabase();
    seed(database);
    // Every acknowledged create must reach this receiver too, outage or not: the slugs of the entry.published it got.
    const webhookSlugs = new Set<string>();
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string; data: { slug: string | null } };
        if (event.type === 'entry.published' && event.data.slug) webhookSlugs.add(event.data.slug);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    // Uncached, so every read needs the database.
    app = await startServer(
      {
        ...database.env,
        CACHE_ENABLED: 'false',
        RATE_LIMIT_ENABLED: 'false',
        CRON_ENABLED: 'false',
        ADMIN_EMAIL: SUPER_ADMIN.email,
        ADMIN_PASSWORD: SUPER_ADMIN.password,
        WEBHOOK_ENDPOINTS: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
        WEBHOOK_SECRET: `whsec_${randomBytes(32).toString('base64')}`,
      },
      { label: 'pg-fault' },
    );
    const token = await fullAccessToken(app, SUPER_ADMIN, 'fault-test');
    const results: Array<{ at: number; status: number }> = [];
    let running = true;
    const reader = async () => {
      while (running) {
        const at = Date.now();
        const status = await fetch(`${app!.baseUrl}/api/articles/slug/${STORY_SLUG}?locale=ar`, { signal: AbortSignal.timeout(30_000) }).then(
          async (r) => (await r.arrayBuffer(), r.status),
          () => 0,
        );
        results.push({ at, status });
      }
    };
    // An integration creating articles one after another: every one acknowledged with a 201 must exist afterwards.
    const acknowledged = new Map<string, string>();
    const writeStatuses: number[] = [];
    const writer = async () => {
      for (let n = 0; running; n += 1) {
        const data = { headline: `مقال أثناء العطل ${n}`, slug: `fault-write-${n}` };
        const status = await fetch(`${app!.baseUrl}/api/articles?locale=ar`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ data }),
          signal: AbortSignal.timeout(30_000),
        }).then(
          async (r) => (await r.arrayBuffer(), r.status),
          () => 0,
        );
        writeStatuses.push(status);
        if (status === 201) acknowledged.set(data.slug, data.headline);
      }
    };
    const readers = [...Array.from({ length: 8 }, reader), writer()];
    await new Promise((r) => setTimeout(r, 3000));
    const down = Date.now();
    try {
      pgctl('stop');
      await new Promise((r) => setTimeout(r, 5000));
    } finally {
      // Whatever happened, the cluster the rest of CI needs comes back.
      pgctl('start');
    }
    const up = Date.now();
    await new Promise((r) => setTimeout(r, 10_000));
    running = false;
    await Promise.all(readers);

    const failed = results.filter((r) => r.status !== 200);
    const lastFailure = Math.max(0, ...failed.map((r) => r.at));
    process.stdout.write(
      `\n[pg-fault] ${results.length} reads; down ${((up - down) / 1000).toFixed(1)} s; ${failed.length} answered 503; ` +
        `last failure ${lastFailure ? `${((lastFailure - up) / 1000).toFixed(1)} s after the restart` : 'none'}\n`,
    );
    expect(app.child.exitCode).toBeNull();
    const before = results.filter((r) => r.at < down);
    const after = results.filter((r) => r.at > up + 5000);
    expect(before.length).toBeGreaterThan(10);
    expect(before.every((r) => r.status === 200)).toBe(true);
    // Within 5 s of the restart every read succeeds again, without restarting the app.
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((r) => r.status !== 200)).toEqual([]);
    // While it was down: a 503 with Retry-After, or a slow 200 once it was back; never a 500, never a dropped connection.
    expect(results.filter((r) => r.status !== 200 && r.status !== 503)).toEqual([]);
    const final = await fetch(`${app.baseUrl}/api/articles/slug/${STORY_SLUG}?locale=ar`);
    expect(final.status).toBe(200);

    // Writes: refused with a 503 while down (never a 500), and every acknowledged one is stored exactly.
    expect(writeStatuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(writeStatuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    const stored = new Map<string, string>();
    for (let page = 1; ; page += 1) {
      const res = await fetch(
        `${app.baseUrl}/api/articles?locale=ar&filters[slug][$startsWith]=fault-write-&pagination[page]=${page}&pagination[pageSize]=100`,
      );
      const body = (await res.json()) as { data: Array<{ slug: string; headline: string }>; meta: { pagination: { pageCount: number } } };
      for (const article of body.data) stored.set(article.slug, article.headline);
      if (page >= body.meta.pagination.pageCount) break;
    }
    process.stdout.write(
      `[pg-fault] ${writeStatuses.length} writes: ${acknowledged.size} acknowledged, ${writeStatuses.filter((s) => s === 503).length} refused with 503, ${stored.size} stored\n`,
    );
    for (const [slug, headline] of acknowledged) expect({ slug, headline: stored.get(slug) }).toEqual({ slug, headline });

    // Each acknowledged write's webhook arrives too: its message was committed with it, and the outage only delayed it.
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && [...acknowledged.keys()].some((slug) => !webhookSlugs.has(slug))) await new Promise((r) => setTimeout(r, 200));
    receiver.closeAllConnections();
    receiver.close();
    expect([...acknowledged.keys()].filter((slug) => !webhookSlugs.has(slug))).toEqual([]);
    // Seed, boot, 18 s of load around the outage, then the checks: more than the default 120 s on a loaded machine.
  }, 180_000);
});
