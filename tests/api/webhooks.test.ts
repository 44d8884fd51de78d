import { randomBytes } from 'crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { fullAccessToken, startServer, stopServer, type AppProcess } from '../../scripts/lib/app-server';
import { SUPER_ADMIN } from '../fixtures/accounts';
import { STORY_SLUG } from '../fixtures/story-000';
import BetterSqlite3 from 'better-sqlite3';
import { connectTo, createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * Signed webhooks from the outbox (src/webhooks/), end to end: an app of its own
 * (started, stopped and started again on its own database), a real HTTP receiver
 * that refuses, hangs or accepts as each test needs, and the Standard Webhooks
 * library's verifier on every request it gets.
 */

jest.setTimeout(180_000);

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const RETRY_DELAYS_MS = [1000, 3000];
const TIMEOUT_SECONDS = 2;
const MAX_ATTEMPTS = 4;
const stamp = Date.now().toString(36);

interface Payload {
  type: 'entry.published' | 'entry.updated' | 'entry.unpublished' | 'entry.deleted';
  timestamp: string;
  data: {
    uid: string;
    documentId: string;
    locale: string;
    slug: string | null;
    version: number;
    affectedArticles: Array<{ documentId: string; locale: string; slug: string | null }>;
  };
}

interface Received {
  id: string;
  timestamp: number;
  at: number;
  payload: Payload;
  /** What the library's verifier said. */
  verified: boolean;
  answered: number | 'hang';
}

interface StrapiWebhookCall {
  event: string;
  model?: string;
}

interface Delivery {
  id: number;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  log: Array<{ at: string; status: number | null; error: string | null }>;
  message: { messageId: string; documentId: string; type: string; version: number };
}

/** The receiver: every request it got, and how it answers the next one (by the message it carries). */
const received: Received[] = [];
const strapiCalls: StrapiWebhookCall[] = [];
let answer: (payload: Payload, attempt: number) => number | 'hang' = () => 204;

let receiver: Server;
let receiverUrl: string;
let database: TestDatabase;
let app: AppProcess | undefined;
let env: Record<string, string>;
let token: string;
let adminSession: string;

function verify(body: string, headers: IncomingHttpHeaders): boolean {
  try {
    new Webhook(SECRET).verify(body, {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    });
    return true;
  } catch {
    return false;
  }
}

function startReceiver(): Promise<void> {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.url === '/strapi') {
        strapiCalls.push(JSON.parse(body) as StrapiWebhookCall);
        res.writeHead(200).end();
        return;
      }
      const payload = JSON.parse(body) as Payload;
      const id = String(req.headers['webhook-id']);
      const attempt = received.filter((r) => r.id === id).length + 1;
      const decision = answer(payload, attempt);
      received.push({
        id,
        timestamp: Number(req.headers['webhook-timestamp']),
        at: Date.now(),
        payload,
        verified: verify(body, req.headers),
        answered: decision,
      });
      // A hung receiver never answers; the app gives up after its timeout.
      if (decision !== 'hang') res.writeHead(decision).end();
    });
  });
  return new Promise((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
}

const http = () => request(app?.baseUrl ?? '');
const asTool = () => ({ Authorization: `Bearer ${token}` });
const asAdmin = () => ({ Authorization: `Bearer ${adminSession}` });

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const messagesFor = (documentId: string) => received.filter((r) => r.payload.data.documentId === documentId);

async function deliveries(state?: Delivery['state']): Promise<Delivery[]> {
  const res = await http()
    .get('/newsroom/webhook-deliveries')
    .query({ 'pagination[pageSize]': 100, ...(state && { state }) })
    .set(asAdmin())
    .expect(200);
  return (res.body as { data: Delivery[] }).data;
}

async function createPerson(name: string, status?: 'draft'): Promise<string> {
  const res = await http()
    .post('/api/people')
    .query({ locale: 'ar', ...(status && { status }) })
    .set(asTool())
    .send({ data: { name, slug: `${name.replace(/\W+/g, '-').toLowerCase()}-${stamp}` } })
    .expect(201);
  return res.body.data.documentId as string;
}

/** One statement on the app's database, on a connection of the test's own ($1… placeholders, turned into ? for SQLite). */
async function sqlOnAppDb(statement: string, params: unknown[]): Promise<void> {
  if (database.env.DATABASE_CLIENT === 'sqlite') {
    const db = new BetterSqlite3(database.env.DATABASE_FILENAME, { timeout: 5000 });
    db.prepare(statement.replace(/\$\d+/g, '?')).run(...params);
    db.close();
    return;
  }
  const client = await connectTo(database);
  await client.query(statement, params);
  await client.end();
}

async function startApp(): Promise<void> {
  app = await startServer(env, { label: 'webhooks app' });
  const login = await http().post('/admin/login').send(SUPER_ADMIN).expect(200);
  adminSession = login.body.data.token as string;
}

beforeAll(async () => {
  await startReceiver();
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  database = await createTestDatabase();
  env = {
    ...database.env,
    WEBHOOK_ENDPOINTS: `${receiverUrl}/hook`,
    WEBHOOK_SECRET: SECRET,
    WEBHOOK_RETRY_DELAYS: RETRY_DELAYS_MS.map((ms) => `${ms}ms`).join(','),
    WEBHOOK_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS),
    WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    WEBHOOK_POLL_SECONDS: '1',
    // The retention job every 2 s (keeping 30 days), so the last test sees it prune.
    JOB_WEBHOOK_PRUNE_CRON: '*/2 * * * * *',
  };
  await startApp();
  if (!app) throw new Error('the app did not start');
  token = await fullAccessToken(app, SUPER_ADMIN, 'webhook-tests');
});

afterAll(async () => {
  await stopServer(app?.child);
  await database?.drop();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('webhooks', () => {
  it('delivers the seed’s published story, signed per Standard Webhooks', async () => {
    const story = await waitFor('the story’s entry.published', () =>
      received.find((r) => r.payload.type === 'entry.published' && r.payload.data.slug === STORY_SLUG && r.payload.data.locale === 'ar'),
    );
    expect(story.verified).toBe(true);
    expect(story.id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(Math.abs(story.timestamp * 1000 - story.at)).toBeLessThan(5000);
    expect(story.payload.data).toMatchObject({ uid: 'api::article.article', locale: 'ar', slug: STORY_SLUG });
    // The article itself is among the published articles whose JSON changed.
    expect(story.payload.data.affectedArticles).toContainEqual({ documentId: story.payload.data.documentId, locale: 'ar', slug: STORY_SLUG });
    expect(received.every((r) => r.verified)).toBe(true);
  });

  it('refuses to boot with a bad setting, naming the variable', async () => {
    await expect(startServer({ ...env, WEBHOOK_ENDPOINTS: 'not-a-url' }, { label: 'bad webhook settings', timeoutMs: 60_000 })).rejects.toThrow(
      /WEBHOOK_ENDPOINTS must be a comma-separated list of http\(s\) URLs; "not-a-url"/,
    );
  });

  it('lists every published article that embeds a renamed person, and sends nothing for a draft save', async () => {
    const article = await http().get('/api/articles').query({ 'filters[slug][$eq]': STORY_SLUG, locale: 'ar', 'populate[people]': true }).expect(200);
    const storyId = article.body.data[0].documentId as string;
    const person = (article.body.data[0].people as Array<{ documentId: string }>)[0];

    const outboxed = async () => (await deliveries()).filter((d) => d.message.documentId === person.documentId).length;
    const before = await outboxed();
    await http()
      .put(`/api/people/${person.documentId}`)
      .query({ locale: 'ar', status: 'draft' })
      .set(asTool())
      .send({ data: { bio: `مسودة ${stamp}` } })
      .expect(200);
    // The outbox is written in the write's transaction: had the draft save made a message, it would be there now.
    expect(await outboxed()).toBe(before);
    const seen = messagesFor(person.documentId).length;

    const name = `اسم جديد ${stamp}`;
    await http().put(`/api/people/${person.documentId}`).query({ locale: 'ar' }).set(asTool()).send({ data: { name } }).expect(200);
    const renamed = await waitFor('the person’s entry.updated', () =>
      messagesFor(person.documentId)
        .slice(seen)
        .find((r) => r.payload.type === 'entry.updated'),
    );
    expect(renamed.payload.data).toMatchObject({ uid: 'api::person.person', locale: 'ar' });
    expect(renamed.payload.data.affectedArticles).toEqual([{ documentId: storyId, locale: 'ar', slug: STORY_SLUG }]);
    // Only the Arabic public version changed: no English event.
    expect(
      messagesFor(person.documentId)
        .slice(seen)
        .map((r) => r.payload.data.locale),
    ).toEqual(['ar']);
    // A receiver that reads on the webhook gets the new data.
    const story = await http().get(`/api/articles/slug/${STORY_SLUG}`).query({ locale: 'ar' }).expect(200);
    expect(JSON.stringify(story.body)).toContain(name);
  });

  it('gives each change of a document in a locale a higher version, and names the event by what happened to the public version', async () => {
    const startedAt = Date.now();
    const documentId = await createPerson(`Versioned ${stamp}`);
    await http()
      .put(`/api/people/${documentId}`)
      .query({ locale: 'ar' })
      .set(asTool())
      .send({ data: { jobTitle: 'محرر' } })
      .expect(200);
    await http().delete(`/api/people/${documentId}`).query({ locale: 'ar' }).set(asTool()).expect(204);
    const events = await waitFor('three events', () => {
      const got = messagesFor(documentId);
      return got.length >= 3 ? got : undefined;
    });
    const byVersion = [...events].sort((a, b) => a.payload.data.version - b.payload.data.version);
    expect(byVersion.map((r) => r.payload.type)).toEqual(['entry.published', 'entry.updated', 'entry.deleted']);
    expect(new Set(byVersion.map((r) => r.id)).size).toBe(3);
    // Microseconds since the epoch at least: still growing after a restore from a dump without the outbox.
    expect(byVersion[0].payload.data.version).toBeGreaterThanOrEqual(startedAt * 1000);
    expect(new Set(byVersion.map((r) => r.payload.data.version)).size).toBe(3);
  });

  it('retries a refused message on schedule, with the same id and a valid signature each time', async () => {
    answer = (payload, attempt) => (payload.data.slug?.startsWith('refused-twice') && attempt <= 2 ? 503 : 204);
    const documentId = await createPerson(`Refused twice`);
    const attempts = await waitFor('the third attempt', () => {
      const got = messagesFor(documentId);
      return got.length >= 3 ? got : undefined;
    });
    expect(new Set(attempts.map((a) => a.id)).size).toBe(1);
    expect(attempts.every((a) => a.verified)).toBe(true);
    expect(attempts.map((a) => a.answered)).toEqual([503, 503, 204]);
    const gaps = [attempts[1].at - attempts[0].at, attempts[2].at - attempts[1].at];
    // Each retry waits its delay, and is picked up within the poll interval (1 s) after it.
    expect(gaps[0]).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[0] - 50);
    expect(gaps[0]).toBeLessThan(RETRY_DELAYS_MS[0] + 1500);
    expect(gaps[1]).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[1] - 50);
    expect(gaps[1]).toBeLessThan(RETRY_DELAYS_MS[1] + 1500);
    const delivery = (await deliveries('delivered')).find((d) => d.message.documentId === documentId);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 3 });
    expect(delivery?.log.map((a) => a.status)).toEqual([503, 503, 204]);
  });

  it('does not hold later messages behind a hung or failing one, fails it after the last attempt, and retries it from Settings', async () => {
    answer = (payload, attempt) => (payload.data.slug?.startsWith('stuck') ? (attempt === 1 ? 'hang' : 500) : 204);
    const stuck = await createPerson('Stuck');
    const startedAt = Date.now();
    const later = await createPerson('Later');
    const laterArrived = await waitFor('the later message', () => messagesFor(later)[0]);
    // Delivered while the stuck message's first attempt was still waiting for an answer.
    expect(laterArrived.at - startedAt).toBeLessThan(TIMEOUT_SECONDS * 1000);

    const failed = await waitFor('the stuck message to fail', async () => (await deliveries('failed')).find((d) => d.message.documentId === stuck), 30_000);
    expect(failed.attempts).toBe(MAX_ATTEMPTS);
    expect(failed.log[0]).toMatchObject({ status: null, error: `no answer within ${TIMEOUT_SECONDS} s` });
    expect(failed.log.slice(1).map((a) => a.status)).toEqual([500, 500, 500]);

    answer = () => 204;
    const retried = await http().post(`/newsroom/webhook-deliveries/${failed.id}/retry`).set(asAdmin()).expect(200);
    expect(retried.body.data).toMatchObject({ id: failed.id, state: 'pending' });
    const last = await waitFor('the retried attempt', () => messagesFor(stuck).find((r) => r.answered === 204));
    expect(last.id).toBe(failed.message.messageId);
    await waitFor('the delivery to be delivered', async () => (await deliveries('delivered')).find((d) => d.id === failed.id));

    const again = await http().post(`/newsroom/webhook-deliveries/${failed.id}/retry`).set(asAdmin()).expect(400);
    expect(again.body.error.message).toMatch(/is delivered, not failed/);
    await http().post('/newsroom/webhook-deliveries/99999999/retry').set(asAdmin()).expect(404);
    const bad = await http().post('/newsroom/webhook-deliveries/abc/retry').set(asAdmin()).expect(400);
    expect(JSON.stringify(bad.body.error)).toContain('a delivery id');
    const badState = await http().get('/newsroom/webhook-deliveries').query({ state: 'lost' }).set(asAdmin()).expect(400);
    expect(JSON.stringify(badState.body.error)).toContain('one of pending, delivered, failed');
    await http().get('/newsroom/webhook-deliveries').expect(401);
  });

  it('retries every failed delivery at once, once the receiver is back', async () => {
    answer = (payload) => (payload.data.slug?.startsWith('receiver-down') ? 500 : 204);
    const down = [await createPerson('Receiver down one'), await createPerson('Receiver down two')];
    const failed = await waitFor(
      'both to fail',
      async () => {
        const found = (await deliveries('failed')).filter((d) => down.includes(d.message.documentId));
        return found.length === 2 ? found : undefined;
      },
      30_000,
    );
    answer = () => 204;
    const res = await http().post('/newsroom/webhook-deliveries/retry-failed').set(asAdmin()).expect(200);
    expect(res.body.data.retried).toBeGreaterThanOrEqual(2);
    await waitFor('both delivered', async () => {
      const delivered = (await deliveries('delivered')).filter((d) => failed.some((f) => f.id === d.id));
      return delivered.length === 2 ? delivered : undefined;
    });
    expect((await http().post('/newsroom/webhook-deliveries/retry-failed').set(asAdmin()).expect(200)).body.data).toEqual({ retried: 0 });
  });

  it('delivers what was pending when the app stopped, once it is started again; Strapi’s own webhooks keep working beside it', async () => {
    answer = () => 503;
    const documentId = await createPerson('Across restart');
    const refused = await waitFor('a refused attempt', () => messagesFor(documentId)[0]);
    await stopServer(app?.child);
    // Strapi refuses a loopback URL through its admin API (it must be public), so the receiver is registered in its table; Strapi loads it at boot.
    await sqlOnAppDb('insert into strapi_webhooks (name, url, headers, events, enabled) values ($1, $2, $3, $4, $5)', [
      `receiver-${stamp}`,
      `${receiverUrl}/strapi`,
      '{}',
      '["entry.publish"]',
      database.env.DATABASE_CLIENT === 'sqlite' ? 1 : true,
    ]);
    answer = () => 204;
    await startApp();
    const delivered = await waitFor('delivery after the restart', () => messagesFor(documentId).find((r) => r.answered === 204), 30_000);
    expect(delivered.id).toBe(refused.id);
    expect(delivered.verified).toBe(true);

    const published = await createPerson('Strapi webhook');
    await waitFor('Strapi’s entry.publish', () => strapiCalls.find((call) => call.event === 'entry.publish' && call.model === 'person'));
    await waitFor('our entry.published', () => messagesFor(published).find((r) => r.payload.type === 'entry.published'));
  });

  it('forgets delivered messages after the retention period, and keeps one still pending', async () => {
    answer = (payload) => (payload.data.slug?.startsWith('kept-pending') ? 503 : 204);
    const pending = await createPerson('Kept pending');
    const delivered = await createPerson('Pruned delivered');
    await waitFor('both first attempts', () => (messagesFor(pending)[0] && messagesFor(delivered)[0] ? true : undefined));
    const old = Date.now() - 31 * 86_400_000;
    for (const documentId of [pending, delivered])
      await sqlOnAppDb('update newsroom_webhook_messages set occurred_at = $1 where document_id = $2', [old, documentId]);
    await waitFor('the retention job', async () => {
      const left = (await deliveries()).map((d) => d.message.documentId);
      return !left.includes(delivered) ? left : undefined;
    });
    expect((await deliveries('pending')).map((d) => d.message.documentId)).toContain(pending);
  });
});
