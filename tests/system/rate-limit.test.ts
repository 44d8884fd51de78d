import type { AppProcess } from '../../scripts/lib/app-server';
import { startSystemApp, stopSystemApp, type SystemApp } from '../helpers/system-app';
import { STORY_SLUG } from '../fixtures/story-000';

/**
 * The rate limit, turned on as production has it (it is off in the API suite): a client
 * over RATE_LIMIT_MAX per window gets a 429 with Retry-After on REST (cached answers
 * included) and on GraphQL, other clients and non-API paths are unaffected.
 */
let system: SystemApp | undefined;
let app: AppProcess | undefined;
const MAX = 20;

beforeAll(async () => {
  system = await startSystemApp(
    'rate-limit',
    // IS_PROXIED: the test plays several clients through X-Forwarded-For, as a reverse proxy would send it.
    {
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_MAX: String(MAX),
      RATE_LIMIT_WINDOW_SECONDS: '60',
      IS_PROXIED: 'true',
      RATE_LIMIT_ALLOW_IPS: '10.0.0.99',
      CRON_ENABLED: 'false',
    },
  );
  app = system.app;
});

afterAll(() => stopSystemApp(system));

const story = (client: string) => fetch(`${app!.baseUrl}/api/articles/slug/${STORY_SLUG}?locale=ar`, { headers: { 'X-Forwarded-For': client } });

describe('the rate limit', () => {
  it('answers the request over the limit with a 429, Retry-After and a JSON error, cached reads included', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < MAX; i += 1) {
      const res = await story('10.0.0.1');
      statuses.push(res.status);
      if (i > 0) expect(res.headers.get('x-cache')).toBe('HIT');
      await res.arrayBuffer();
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    const over = await story('10.0.0.1');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await over.json()).toMatchObject({
      data: null,
      error: { status: 429, name: 'RateLimitError', message: expect.stringContaining(`at most ${MAX} per 60 s`) },
    });
  });

  it('counts GraphQL with REST, and answers it in GraphQL’s error format', async () => {
    const res = await fetch(`${app!.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '10.0.0.1' },
      body: JSON.stringify({ query: '{ articles { headline } }' }),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
  });

  it('leaves other clients, allow-listed addresses and non-API paths alone', async () => {
    expect((await story('10.0.0.2')).status).toBe(200);
    for (let i = 0; i < MAX + 5; i += 1) expect((await story('10.0.0.99')).status).toBe(200);
    expect((await fetch(`${app!.baseUrl}/_health`, { headers: { 'X-Forwarded-For': '10.0.0.1' } })).status).toBe(204);
  });
});
