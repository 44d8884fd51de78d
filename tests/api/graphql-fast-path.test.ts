import { createHash, randomUUID } from 'crypto';
import type { Response } from 'supertest';
import { api, bearer, graphql, tokens, type GraphqlBody } from '../helpers/http';
import { FRONTEND_URL } from '../fixtures/accounts';
import { STORY_SLUG } from '../fixtures/story-000';

/**
 * Cached GraphQL answered in front of Koa (src/cache/http-fast-path.ts), as cached REST
 * reads are: anonymous JSON POSTs and GETs that pass Apollo's CSRF prevention. How a test
 * knows Koa was not entered: strapi::cors puts `Access-Control-Allow-Credentials: true` on
 * every response that passes through Koa, with or without an Origin; the fast path adds it
 * only for an allowed Origin. The Koa path's own hit is still reachable for comparison: a
 * JSON content type with a parameter the fast path does not read (`; x=y`) goes to Koa,
 * whose cache middleware answers it from the same entry.
 */
const RUN = randomUUID();
/** A query of its own per test and run (the comment changes the key), so no test sees another's entries. */
const storyQuery = (label: string) =>
  `query Story($slug: String!) { articles(locale: "en", filters: { slug: { eq: $slug } }) { documentId headline } } # ${label} ${RUN}`;
const KOA_JSON = 'application/json; charset=utf-8; x=y';

interface StoryData {
  articles: Array<{ documentId: string; headline: string }>;
}

function post(query: string, headers: Record<string, string> = {}, contentType = 'application/json') {
  return api()
    .post('/graphql')
    .set({ ...headers, 'Content-Type': contentType })
    .send(JSON.stringify({ query, variables: { slug: STORY_SLUG } }));
}

/** Misses once (Koa answers and stores), then returns the next answer, a hit. */
async function cachedPost(query: string, headers: Record<string, string> = {}, contentType?: string): Promise<Response> {
  const miss = await post(query).expect(200);
  expect(miss.headers['x-cache']).toBe('MISS');
  const hit = await post(query, headers, contentType).expect(200);
  expect(hit.headers['x-cache']).toBe('HIT');
  return hit;
}

/** Headers that belong to one exchange (the connection, the date, CORS for the asker). */
const PER_EXCHANGE = new Set([
  'date',
  'connection',
  'keep-alive',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-expose-headers',
]);
const contentHeaders = (res: Response) => Object.fromEntries(Object.entries(res.headers as Record<string, string>).filter(([name]) => !PER_EXCHANGE.has(name)));
const corsHeaders = (res: Response) =>
  Object.fromEntries(Object.entries(res.headers as Record<string, string>).filter(([name]) => name.startsWith('access-control-')));
const enteredKoa = (res: Response) => res.headers['access-control-allow-credentials'] !== undefined;

const PREFLIGHT = { 'apollo-require-preflight': 'true' };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('cached GraphQL POSTs, answered in front of Koa', () => {
  it('are a HIT that never entered Koa, with the bytes and headers of the Koa path’s hit', async () => {
    const query = storyQuery('bytes');
    const fast = await cachedPost(query);
    expect(enteredKoa(fast)).toBe(false);
    const koa = await post(query, {}, KOA_JSON).expect(200);
    expect(koa.headers['x-cache']).toBe('HIT');
    expect(enteredKoa(koa)).toBe(true);

    expect(fast.text).toBe(koa.text);
    expect((fast.body as GraphqlBody<StoryData>).data?.articles[0]?.documentId).toEqual(expect.any(String));
    expect(contentHeaders(fast)).toEqual(contentHeaders(koa));
    expect(fast.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'public, max-age=0, must-revalidate',
      'x-content-type-options': 'nosniff',
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      etag: expect.stringMatching(/^"[\w-]+"$/),
    });
  });

  it('carry the CORS headers strapi::cors gives, for the allowed origin and no other', async () => {
    const query = storyQuery('cors');
    const allowed = await cachedPost(query, { Origin: FRONTEND_URL });
    expect(allowed.headers['access-control-allow-origin']).toBe(FRONTEND_URL);
    expect(corsHeaders(allowed)).toEqual(corsHeaders(await post(query, { Origin: FRONTEND_URL }, KOA_JSON).expect(200)));

    const other = await post(query, { Origin: 'https://evil.example' }).expect(200);
    expect(other.headers['x-cache']).toBe('HIT');
    expect(enteredKoa(other)).toBe(false);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const otherByKoa = await post(query, { Origin: 'https://evil.example' }, KOA_JSON).expect(200);
    expect(otherByKoa.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answer If-None-Match with a 304 and no body', async () => {
    const query = storyQuery('etag');
    const hit = await cachedPost(query);
    const revalidated = await post(query, { 'If-None-Match': hit.headers.etag! }).expect(304);
    expect(revalidated.text).toBe('');
    expect(revalidated.headers).toMatchObject({ etag: hit.headers.etag, 'x-cache': 'HIT', 'cache-control': hit.headers['cache-control'] });
    expect(enteredKoa(revalidated)).toBe(false);
  });

  it('are never served to a request with credentials, whose answer stays private', async () => {
    const query = storyQuery('credentials');
    await cachedPost(query);
    const res = await post(query, bearer(tokens.readOnly())).expect(200);
    expect(res.headers['x-cache']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('never hold a mutation: each one reaches Apollo', async () => {
    const mutation = `mutation { createPerson(locale: "ar", data: { name: "fast-path-probe", slug: "fast-path-probe-${RUN.slice(0, 8)}" }) { documentId } }`;
    // Public callers may not write; what matters is that every answer is Apollo's, none the cache's.
    for (let i = 0; i < 3; i += 1) {
      const res = await graphql(mutation);
      expect(res.headers['x-cache']).toBeUndefined();
      expect((res.body as GraphqlBody).errors?.length).toBeGreaterThan(0);
    }
    // A document holding a mutation beside the query it runs is not cached either.
    const mixed = `${storyQuery('mixed')}\nmutation Unused { deletePerson(documentId: "x") { documentId } }`;
    for (let i = 0; i < 2; i += 1) {
      const res = await api()
        .post('/graphql')
        .send({ query: mixed, operationName: 'Story', variables: { slug: STORY_SLUG } });
      expect(res.headers['x-cache']).toBeUndefined();
    }
  });

  it('are not answered for a POST registering a persisted query: Apollo must register it', async () => {
    const query = storyQuery('register');
    await cachedPost(query);
    const registering = await api()
      .post('/graphql')
      .send({ query, variables: { slug: STORY_SLUG }, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } })
      .expect(200);
    expect(registering.headers['x-cache']).not.toBe('HIT');
    expect(enteredKoa(registering)).toBe(true);
  });

  it('leave bodies Koa refuses to Koa: too large (413), not JSON (400), a content type Apollo refuses (400)', async () => {
    const huge = await api()
      .post('/graphql')
      .send({ query: `{ articles { headline } } # ${'ع'.repeat(1024 * 1024)}` });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({
      errors: [{ message: 'Request body too large: the limit is 1mb (REQUEST_BODY_LIMIT).', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    const broken = await api().post('/graphql').set('Content-Type', 'application/json').send('{"query": ');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ errors: [{ message: 'Request body is not valid JSON.' }] });

    // Cached as JSON, then sent as text/plain (which a page on another site can send without a preflight).
    const query = storyQuery('plain');
    await cachedPost(query);
    const plain = await post(query, {}, 'text/plain').expect(400);
    expect(plain.headers['x-cache']).toBeUndefined();
    expect(plain.text).toMatch(/Cross-Site Request Forgery/);
  });
});

describe('cached GraphQL GETs, answered in front of Koa', () => {
  const persisted = (hash: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
  const getByHash = (hash: string, headers: Record<string, string> = PREFLIGHT) =>
    api()
      .get('/graphql')
      .query({ operationName: 'Story', variables: JSON.stringify({ slug: STORY_SLUG }), extensions: persisted(hash) })
      .set(headers);

  it('answer a registered persisted query by hash without entering Koa', async () => {
    const query = storyQuery('persisted-get');
    const hash = sha256(query);
    await api()
      .post('/graphql')
      .send({ query, operationName: 'Story', variables: { slug: STORY_SLUG }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })
      .expect(200);
    const miss = await getByHash(hash).expect(200);
    expect(miss.headers['x-cache']).toBe('MISS');
    const hit = await getByHash(hash).expect(200);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(enteredKoa(hit)).toBe(false);
    expect(hit.text).toBe(miss.text);
    expect(contentHeaders(hit)).toEqual({ ...contentHeaders(miss), 'x-cache': 'HIT' });
    expect((await getByHash(hash, { ...PREFLIGHT, 'If-None-Match': hit.headers.etag! }).expect(304)).text).toBe('');
  });

  it('answer a cached ?query= GET, and never one Apollo’s CSRF prevention refuses', async () => {
    const query = storyQuery('query-get');
    const get = (headers: Record<string, string>) =>
      api()
        .get('/graphql')
        .query({ query, variables: JSON.stringify({ slug: STORY_SLUG }) })
        .set(headers);
    expect((await get(PREFLIGHT).expect(200)).headers['x-cache']).toBe('MISS');
    const hit = await get(PREFLIGHT).expect(200);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(enteredKoa(hit)).toBe(false);
    const refusedHeaders: Array<Record<string, string>> = [{}, { 'Content-Type': 'text/plain' }, { 'apollo-require-preflight': '' }];
    for (const headers of refusedHeaders) {
      const refused = await get(headers).expect(400);
      expect(refused.headers['x-cache']).toBeUndefined();
      expect(refused.text).toMatch(/Cross-Site Request Forgery/);
    }
  });
});
