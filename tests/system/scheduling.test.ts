import { fullAccessToken, productionEnvironment, type AppProcess } from '../../scripts/lib/app-server';
import { startSystemApp, stopSystemApp, type SystemApp } from '../helpers/system-app';
import { SUPER_ADMIN } from '../fixtures/accounts';

/**
 * Scheduled publishing in a production process (`strapi start`, response cache on),
 * with a short interval: a draft whose publishAt comes is public within one interval
 * plus a few seconds, and one whose unpublishAt comes is gone as fast, cached answer
 * included. The two-instance version, where each tick runs once, is in tests/cluster.
 */

const INTERVAL_S = 3;
const WITHIN_MS = INTERVAL_S * 1000 + 3000;

let system: SystemApp | undefined;
let app: AppProcess | undefined;
let token: string;

const publicStatus = async (documentId: string) => (await fetch(`${app!.baseUrl}/api/articles/${documentId}?locale=ar`)).status;

async function write(method: 'POST' | 'PUT', path: string, data: Record<string, unknown>): Promise<{ documentId: string }> {
  const res = await fetch(`${app!.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ data }),
  });
  const body = (await res.json()) as { data: { documentId: string } };
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(body)}`);
  return body.data;
}

/** Milliseconds from `dueAt` until the public answer is `status`. */
async function lateness(documentId: string, status: number, dueAt: number): Promise<number> {
  const deadline = dueAt + WITHIN_MS + 10_000;
  while (Date.now() < deadline) {
    if ((await publicStatus(documentId)) === status) return Date.now() - dueAt;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`article ${documentId} did not answer ${status} by ${new Date(deadline).toISOString()}`);
}

beforeAll(async () => {
  system = await startSystemApp('scheduling', {
    ...productionEnvironment(),
    ADMIN_EMAIL: SUPER_ADMIN.email,
    ADMIN_PASSWORD: SUPER_ADMIN.password,
    CACHE_ENABLED: 'true',
    RATE_LIMIT_ENABLED: 'false',
    SCHEDULE_INTERVAL_SECONDS: String(INTERVAL_S),
    LOG_LEVEL: 'info',
  });
  app = system.app;
  token = await fullAccessToken(app, SUPER_ADMIN);
}, 300_000);

afterAll(() => stopSystemApp(system));

describe('scheduled publishing in a production process', () => {
  it('publishes a draft within one interval plus a few seconds of its publishAt, then unpublishes it at its unpublishAt', async () => {
    const dueAt = Date.now() + 4000;
    const { documentId } = await write('POST', '/api/articles?locale=ar&status=draft', {
      headline: 'خبر تحت الحظر حتى موعده',
      slug: 'embargoed-story',
      publishAt: new Date(dueAt).toISOString(),
    });
    expect(await publicStatus(documentId)).toBe(404);
    const late = await lateness(documentId, 200, dueAt);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(WITHIN_MS);

    // Busy: the answer is cached when the unpublish comes.
    await publicStatus(documentId);
    expect((await fetch(`${app!.baseUrl}/api/articles/${documentId}?locale=ar`)).headers.get('x-cache')).toBe('HIT');
    const downAt = Date.now() + 4000;
    await write('PUT', `/api/articles/${documentId}?locale=ar&status=draft`, { unpublishAt: new Date(downAt).toISOString() });
    expect(await publicStatus(documentId)).toBe(200);
    const lateDown = await lateness(documentId, 404, downAt);
    expect(lateDown).toBeLessThan(WITHIN_MS);

    expect(app!.output()).toMatch(/\[jobs\] scheduled-publishing \S+: done: published 1, unpublished 0/);
    expect(app!.output()).toMatch(/\[jobs\] scheduled-publishing \S+: done: published 0, unpublished 1/);
  }, 60_000);
});
