import http, { type IncomingMessage } from 'http';
import type { AddressInfo } from 'net';
import { installHttpFastPath } from './http-fast-path';
import { graphqlKey } from './key';
import { ResponseCache } from './response-cache';
import { MemoryStore } from './stores/memory';
import { readGraphqlBody } from '../graphql/request-body';
import { installRateLimit, type RateLimitHandle } from '../rate-limit/rate-limit';

/**
 * The fast path on a bare HTTP server, in front of a stand-in for Strapi that counts the
 * requests it is handed and answers with the GraphQL body it read, as
 * src/graphql/body-middleware.ts reads it; the rate limit in front of both, as in src/index.ts.
 */
const QUERY = '{ articles { headline } }';
const ANSWER = Buffer.from('{"data":{"articles":[]}}');

async function serve(rateLimitMax?: number) {
  const entered: string[] = [];
  const server = http.createServer((req: IncomingMessage, res) => {
    entered.push(`${req.method} ${req.url}`);
    readGraphqlBody(req, '1kb').then(
      (body) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ strapiRead: body.parsed }));
      },
      (error: { status?: number }) => {
        res.writeHead(error.status ?? 500);
        res.end();
      },
    );
  });
  const cache = new ResponseCache(new MemoryStore(1024 * 1024, 60_000), {
    enabled: true,
    maxBytes: 1024 * 1024,
    ttlMs: 60_000,
    cdnMaxAgeSeconds: 0,
    redisUrl: null,
    redisPrefix: 'test:',
  });
  installHttpFastPath(server, cache, {
    restPrefix: '/api/',
    graphqlPath: '/graphql',
    corsOrigins: ['https://www.example.com'],
    bodyLimit: '1kb',
    bodyLimitBytes: 1024,
  });
  let limit: RateLimitHandle | undefined;
  if (rateLimitMax !== undefined) {
    limit = installRateLimit(
      server,
      { enabled: true, max: rateLimitMax, windowSeconds: 60, allowList: [], redisUrl: null, redisPrefix: 'test:' },
      { restPrefix: '/api/', graphqlPath: '/graphql', proxied: false, corsOrigins: [] },
    );
  }
  await cache.save(
    graphqlKey('/graphql', { query: QUERY })!,
    { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: ANSWER, etag: '"e"' },
    [],
    0,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    entered,
    cache,
    post: (body: string, headers: Record<string, string> = {}) =>
      fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }),
    close: async () => {
      await limit?.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('the HTTP fast path for GraphQL POSTs', () => {
  let app: Awaited<ReturnType<typeof serve>>;
  afterEach(async () => app?.close());

  it('answers a cached query without handing the request on', async () => {
    app = await serve();
    const res = await app.post(JSON.stringify({ query: QUERY }));
    expect(res.headers.get('x-cache')).toBe('HIT');
    expect(Buffer.from(await res.arrayBuffer()).equals(ANSWER)).toBe(true);
    expect(app.entered).toEqual([]);
  });

  it('hands a miss on with the body it read, and a body over the limit with the same error', async () => {
    app = await serve();
    const miss = await app.post(JSON.stringify({ query: '{ people { name } }' }));
    expect(await miss.json()).toEqual({ strapiRead: { query: '{ people { name } }' } });
    const huge = await app.post(JSON.stringify({ query: `${QUERY} # ${'x'.repeat(2048)}` }));
    expect(huge.status).toBe(413);
    const broken = await app.post('{"query": ');
    expect(broken.status).toBe(400);
    expect(app.entered).toEqual(['POST /graphql', 'POST /graphql', 'POST /graphql']);
  });

  it('answers a remembered body from its key without parsing it, and hands it on parsed when the entry is gone', async () => {
    app = await serve();
    const body = JSON.stringify({ query: QUERY });
    expect((await app.post(body)).headers.get('x-cache')).toBe('HIT');
    expect((await app.post(body)).headers.get('x-cache')).toBe('HIT');
    await app.cache.flush();
    // The key is remembered now; the miss must still reach Strapi with the body parsed from the bytes taken.
    expect(await (await app.post(body)).json()).toEqual({ strapiRead: { query: QUERY } });
    expect(app.entered).toEqual(['POST /graphql']);
  });

  it('hands on what it must not answer: credentials, a persisted-query registration, another content type, a query string', async () => {
    app = await serve();
    const body = JSON.stringify({ query: QUERY });
    await app.post(body, { authorization: 'Bearer x' });
    await app.post(JSON.stringify({ query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }));
    await app.post(body, { 'content-type': 'text/plain' });
    await app.post(body, { 'content-type': 'application/json; charset=utf-8; x=y' });
    expect(app.entered).toHaveLength(4);
  });

  it('counts cached answers against the rate limit', async () => {
    app = await serve(2);
    const body = JSON.stringify({ query: QUERY });
    const first = await app.post(body);
    expect(first.headers.get('x-cache')).toBe('HIT');
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect((await app.post(body)).headers.get('x-cache')).toBe('HIT');
    const over = await app.post(body);
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    expect(app.entered).toEqual([]);
  });
});
