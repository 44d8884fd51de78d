import http from 'http';
import type { AddressInfo } from 'net';
import { installRateLimit, type RateLimitHandle } from './rate-limit';
import type { RateLimitSettings } from '../settings/http';

/** A bare HTTP server with the limit in front of a handler that answers 200, as the app's server has it in front of Koa. */
async function serve(settings: Partial<RateLimitSettings>, proxied = true) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"data":[]}');
  });
  const handle: RateLimitHandle = installRateLimit(
    server,
    { enabled: true, max: 3, windowSeconds: 60, allowList: [], redisUrl: null, redisPrefix: 'test:', ...settings },
    { restPrefix: '/api/', graphqlPath: '/graphql', proxied, corsOrigins: ['https://www.example.com'] },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    call: (path: string, client = '10.0.0.1', init: RequestInit = {}) =>
      fetch(`${base}${path}`, { ...init, headers: { 'X-Forwarded-For': client, ...(init.headers as Record<string, string>) } }),
    close: async () => {
      await handle.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('installRateLimit', () => {
  let app: Awaited<ReturnType<typeof serve>>;
  afterEach(async () => app?.close());

  it('lets max requests through, then answers 429 with Retry-After and a JSON error', async () => {
    app = await serve({});
    for (let i = 0; i < 3; i += 1) {
      const res = await app.call('/api/articles');
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-remaining')).toBe(String(2 - i));
    }
    const over = await app.call('/api/articles');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await over.json()).toMatchObject({
      data: null,
      error: { status: 429, name: 'RateLimitError', message: expect.stringContaining('at most 3 per 60 s') },
    });
  });

  it('lets a configured browser origin read the 429 and its Retry-After, and no other origin', async () => {
    app = await serve({ max: 1 });
    await app.call('/api/a');
    const allowed = await app.call('/api/a', '10.0.0.1', { headers: { Origin: 'https://www.example.com' } });
    expect(allowed.status).toBe(429);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('Retry-After');
    const other = await app.call('/api/a', '10.0.0.1', { headers: { Origin: 'https://evil.example' } });
    expect(other.status).toBe(429);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers GraphQL in GraphQL’s error format', async () => {
    app = await serve({ max: 1 });
    await app.call('/graphql', '10.0.0.1', { method: 'POST' });
    const over = await app.call('/graphql', '10.0.0.1', { method: 'POST' });
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
  });

  it('counts per client, skips the allow list, preflights and paths outside the API', async () => {
    app = await serve({ max: 1, allowList: ['10.0.0.9'] });
    expect((await app.call('/api/a', '10.0.0.1')).status).toBe(200);
    expect((await app.call('/api/a', '10.0.0.1')).status).toBe(429);
    expect((await app.call('/api/a', '10.0.0.2')).status).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await app.call('/api/a', '10.0.0.9')).status).toBe(200);
    expect((await app.call('/api/a', '10.0.0.1', { method: 'OPTIONS' })).status).toBe(200);
    expect((await app.call('/admin', '10.0.0.1')).status).toBe(200);
    expect((await app.call('/_health', '10.0.0.1')).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless behind a trusted proxy', async () => {
    app = await serve({ max: 1 }, false);
    expect((await app.call('/api/a', '10.0.0.1')).status).toBe(200);
    // A forged header does not buy a new budget.
    expect((await app.call('/api/a', '10.0.0.2')).status).toBe(429);
  });

  it('keeps limiting in memory when Redis cannot be reached', async () => {
    // Nothing listens on port 1: every Redis call fails, the insurance limiter counts instead.
    app = await serve({ max: 2, redisUrl: 'redis://127.0.0.1:1' });
    expect((await app.call('/api/a')).status).toBe(200);
    expect((await app.call('/api/a')).status).toBe(200);
    expect((await app.call('/api/a')).status).toBe(429);
  });
});
