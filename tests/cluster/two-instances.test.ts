import { randomBytes } from 'crypto';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import Redis from 'ioredis';
import { ensureBuild, startServer, stopServer, type AppProcess } from '../../scripts/lib/app-server';
import { connectTo, createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { SUPER_ADMIN } from '../fixtures/accounts';
import type { Article, ListBody, OneBody, Person } from '../helpers/documents';
import { STORY_SLUG } from '../fixtures/story-000';

/**
 * Two production instances (`strapi start`) on one fresh PostgreSQL database and one
 * Redis, as docs/deployment.md describes: a write through one is served by the other
 * within a second, and a scheduled job runs once per tick, not once per instance.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PERSON = 'qasim-al-araji';
const RATE_LIMIT_MAX = 300;
const SCHEDULE_INTERVAL_S = 2;

/** A job's tick lines in an instance's log: `[jobs] <job> <tick>: running on …` or `…: skipped, …`. */
const tickLine = (job: string) => new RegExp(`\\[jobs\\] ${job} (\\S+): (running on|skipped)`, 'g');

let database: TestDatabase;
let prefix: string;
let a: AppProcess | undefined;
let b: AppProcess | undefined;
let token: string;
/** The webhook receiver both instances deliver to: each webhook-id it got, as often as it got it. */
let receiver: Server;
const webhookIds: string[] = [];

/** The JSON of a successful answer, as the caller expects it to be. */
async function json<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

const get = (app: AppProcess, path: string) => fetch(`${app.baseUrl}${path}`);
const personPath = `/api/people?locale=ar&filters%5Bslug%5D%5B%24eq%5D=${PERSON}`;
const storyPath = `/api/articles/slug/${STORY_SLUG}?locale=ar`;

/** Which instance logged what for each tick of a job. */
function ticks(apps: AppProcess[], job = 'read-model-audit'): Map<string, string[]> {
  const byTick = new Map<string, string[]>();
  apps.forEach((app, i) => {
    for (const [, tick, what] of app.output().matchAll(tickLine(job))) {
      byTick.set(tick!, [...(byTick.get(tick!) ?? []), `${i === 0 ? 'A' : 'B'} ${what === 'running on' ? 'ran' : 'skipped'}`]);
    }
  });
  return byTick;
}

beforeAll(async () => {
  // PostgreSQL and Redis are what this deployment is made of: no fallback to SQLite or memory.
  process.env.DATABASE_CLIENT = 'postgres';
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect().catch((error: Error) => {
    throw new Error(`Redis is not reachable at ${REDIS_URL}: ${error.message}. Start it (redis-server) or set REDIS_URL.`);
  });
  redis.disconnect();
  ensureBuild(process.env.CLUSTER_TEST_SKIP_BUILD === 'true', 'cluster test');

  receiver = createServer((req, res) => {
    webhookIds.push(String(req.headers['webhook-id']));
    // A little slow, so both instances are looking for due messages while others are in flight.
    req.resume().on('end', () => setTimeout(() => res.writeHead(204).end(), 20));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));

  database = await createTestDatabase();
  prefix = `newsroom:cluster-test:${Date.now()}:`;
  const env = {
    ...database.env,
    REDIS_URL,
    CACHE_ENABLED: 'true',
    CACHE_REDIS_PREFIX: prefix,
    ADMIN_EMAIL: SUPER_ADMIN.email,
    ADMIN_PASSWORD: SUPER_ADMIN.password,
    // Every second, so a few seconds show several ticks.
    JOB_READ_MODEL_AUDIT_CRON: '* * * * * *',
    SCHEDULE_INTERVAL_SECONDS: String(SCHEDULE_INTERVAL_S),
    LOG_LEVEL: 'info',
    // The rate limit as deployed behind a load balancer: counters in Redis, clients by X-Forwarded-For.
    RATE_LIMIT_ENABLED: 'true',
    RATE_LIMIT_MAX: String(RATE_LIMIT_MAX),
    IS_PROXIED: 'true',
    WEBHOOK_ENDPOINTS: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
    WEBHOOK_SECRET: `whsec_${randomBytes(32).toString('base64')}`,
  };
  // One instance boots a fresh database first (migrations, schema, seed), as deployment.md says.
  a = await startServer(env, { label: 'instance A' });
  b = await startServer({ ...env, SEED_ON_BOOT: 'false' }, { label: 'instance B' });

  const login = await json<{ data: { token: string } }>(
    await fetch(`${a.baseUrl}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SUPER_ADMIN) }),
  );
  const created = await json<{ data: { accessKey: string } }>(
    await fetch(`${a.baseUrl}/admin/api-tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.data.token}` },
      body: JSON.stringify({ name: 'cluster-test', description: 'two-instance test', type: 'full-access', lifespan: null }),
    }),
  );
  token = created.data.accessKey;
}, 300_000);

afterAll(async () => {
  await Promise.all([stopServer(a?.child), stopServer(b?.child)]);
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await database?.drop();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('two instances on one PostgreSQL and one Redis', () => {
  it('share one rate limit: a client’s budget is per deployment, not per instance', async () => {
    const client = `10.77.${Date.now() % 250}.1`;
    const read = (app: AppProcess) => fetch(`${app.baseUrl}${storyPath}`, { headers: { 'X-Forwarded-For': client } });
    for (let i = 0; i < RATE_LIMIT_MAX; i += 1) {
      const res = await read(i % 2 === 0 ? a! : b!);
      expect({ i, status: res.status }).toEqual({ i, status: 200 });
      expect(Number(res.headers.get('ratelimit-remaining'))).toBe(RATE_LIMIT_MAX - i - 1);
      await res.arrayBuffer();
    }
    for (const app of [a!, b!]) {
      const over = await read(app);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Another client is untouched.
    expect((await fetch(`${a!.baseUrl}${storyPath}`, { headers: { 'X-Forwarded-For': '10.78.0.1' } })).status).toBe(200);
  });

  it('serves an update made through instance A from instance B within one second', async () => {
    // B caches the person and the story that contains them (in Redis, shared with A).
    for (const path of [personPath, storyPath]) {
      await json(await get(b!, path));
      expect((await get(b!, path)).headers.get('x-cache')).toBe('HIT');
    }
    const person = (await json<ListBody<Person>>(await get(b!, personPath))).data[0]!;
    expect(person).toMatchObject({ slug: PERSON, name: 'قاسم الأعرجي' });

    const renamed = `${person.name} (اسم جديد ${Date.now()})`;
    await json(
      await fetch(`${a!.baseUrl}/api/people/${person.documentId}?locale=ar`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ data: { name: renamed } }),
      }),
    );
    const acknowledged = Date.now();

    let seen: { person: string; inStory: string[] } | undefined;
    while (Date.now() - acknowledged < 1000) {
      const [people, story] = await Promise.all([json<ListBody<Person>>(await get(b!, personPath)), json<OneBody<Article>>(await get(b!, storyPath))]);
      seen = { person: people.data[0]!.name, inStory: story.data.people.map((p) => p.name) };
      if (seen.person === renamed && seen.inStory.includes(renamed)) break;
    }
    const elapsed = Date.now() - acknowledged;
    expect(seen).toMatchObject({ person: renamed, inStory: expect.arrayContaining([renamed]) });
    expect(elapsed).toBeLessThan(1000);
  });

  it('delivers each webhook message once, whichever instance wrote it', async () => {
    const writes = Array.from({ length: 20 }, (_, i) => i);
    await Promise.all(
      writes.map(async (i) =>
        json(
          await fetch(`${(i % 2 === 0 ? a : b)!.baseUrl}/api/people?locale=ar`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ data: { name: `Webhook ${i}`, slug: `webhook-${i}-${Date.now()}` } }),
          }),
        ),
      ),
    );
    const client = await connectTo(database);
    try {
      const outbox = async () =>
        (await client.query<{ state: string; n: string }>('select state, count(*) as n from newsroom_webhook_deliveries group by state')).rows;
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && (await outbox()).some((row) => row.state !== 'delivered')) await new Promise((r) => setTimeout(r, 200));
      const states = await outbox();
      expect(states.map((row) => row.state)).toEqual(['delivered']);
      const messages = (await client.query<{ message_id: string }>('select message_id from newsroom_webhook_messages')).rows.map((row) => row.message_id);
      // The seed's messages and the 20 writes', each received exactly once.
      expect(messages.length).toBeGreaterThanOrEqual(20);
      expect([...webhookIds].sort()).toEqual([...messages].sort());
    } finally {
      await client.end();
    }
  });

  it('runs each tick of a scheduled job on exactly one instance, and the job does its work', async () => {
    // Break a read model behind Strapi's back, as an import or a restore would.
    const pg = await connectTo(database);
    try {
      const removed = await pg.query(`DELETE FROM newsroom_article_views WHERE slug = $1 AND locale = 'ar' AND published`, [STORY_SLUG]);
      expect(removed.rowCount).toBe(1);

      const shared = () => [...ticks([a!, b!]).entries()].filter(([, lines]) => lines.length === 2);
      const jobRuns = async () =>
        (
          await pg.query<{ tick: string; instance: string; outcome: string | null }>(
            `SELECT tick, instance, outcome FROM newsroom_job_runs WHERE job = 'read-model-audit' ORDER BY tick`,
          )
        ).rows;
      const deadline = Date.now() + 15_000;
      let repaired = false;
      let reported = false;
      // The run commits the rebuilt view before it goes on to the search index and
      // records its outcome, so wait for both rather than reading the outcome early.
      while (Date.now() < deadline && !(repaired && reported && shared().length >= 3)) {
        await new Promise((r) => setTimeout(r, 500));
        const rows = await pg.query(`SELECT 1 FROM newsroom_article_views WHERE slug = $1 AND locale = 'ar' AND published`, [STORY_SLUG]);
        repaired = rows.rowCount === 1;
        reported = (await jobRuns()).some((run) => /rebuilt 1 article views/.test(run.outcome ?? ''));
      }
      expect(repaired).toBe(true);
      expect(reported).toBe(true);

      const runs = await jobRuns();
      const byTick = ticks([a!, b!]);
      // Ticks both schedulers fired for: one ran it, the other skipped it.
      expect(shared().length).toBeGreaterThanOrEqual(3);
      for (const [tick, lines] of byTick) {
        expect({ tick, ran: lines.filter((l) => l.endsWith('ran')).length }).toEqual({ tick, ran: 1 });
      }
      // Both schedulers are live: every shared tick has a line from each instance.
      for (const [tick, lines] of shared()) expect({ tick, instances: lines.map((l) => l[0]).sort() }).toEqual({ tick, instances: ['A', 'B'] });
      // The database's record of runs agrees with the logs.
      for (const run of runs) expect(byTick.get(run.tick)).toBeDefined();
    } finally {
      await pg.end();
    }
  });

  it('publishes a scheduled article once, on one instance, within one interval plus a few seconds, and both serve it', async () => {
    const dueAt = Date.now() + 3000;
    const created = await json<OneBody<Article>>(
      await fetch(`${a!.baseUrl}/api/articles?locale=ar&status=draft`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ data: { headline: 'خبر مجدول على نسختين', slug: 'cluster-scheduled-story', publishAt: new Date(dueAt).toISOString() } }),
      }),
    );
    const path = `/api/articles/${created.data.documentId}?locale=ar`;
    // Both instances have the 404 cached before the time comes.
    for (const app of [a!, b!]) for (let i = 0; i < 2; i += 1) expect((await get(app, path)).status).toBe(404);

    const within = SCHEDULE_INTERVAL_S * 1000 + 3000;
    let publicAt: number | undefined;
    while (Date.now() < dueAt + within + 5000) {
      const [fromA, fromB] = await Promise.all([get(a!, path), get(b!, path)]);
      if (fromA.status === 200 && fromB.status === 200) {
        publicAt = Date.now();
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(publicAt).toBeDefined();
    expect(publicAt! - dueAt).toBeLessThan(within);

    const pg = await connectTo(database);
    try {
      // Published once: one run did it, one published row exists.
      const runs = (
        await pg.query<{ tick: string; outcome: string | null }>(`SELECT tick, outcome FROM newsroom_job_runs WHERE job = 'scheduled-publishing' ORDER BY tick`)
      ).rows;
      expect(runs.filter((run) => /^published 1,/.test(run.outcome ?? ''))).toHaveLength(1);
      const rows = await pg.query(`SELECT 1 FROM articles WHERE document_id = $1 AND locale = 'ar' AND published_at IS NOT NULL`, [created.data.documentId]);
      expect(rows.rowCount).toBe(1);
    } finally {
      await pg.end();
    }
    // Every tick both instances fired for ran on exactly one of them.
    const byTick = ticks([a!, b!], 'scheduled-publishing');
    const shared = [...byTick.entries()].filter(([, lines]) => lines.length === 2);
    expect(shared.length).toBeGreaterThanOrEqual(2);
    for (const [tick, lines] of byTick) expect({ tick, ran: lines.filter((l) => l.endsWith('ran')).length }).toEqual({ tick, ran: 1 });
  });
});
