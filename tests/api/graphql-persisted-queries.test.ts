import { createHash, randomUUID } from 'crypto';
import Redis from 'ioredis';
import { api, bearer, graphql, tokens, type GraphqlBody } from '../helpers/http';
import { STORY_SLUG } from '../fixtures/story-000';
import { FRONTEND_URL } from '../fixtures/accounts';
import type { Article, ListBody } from '../helpers/documents';
import { closePersistedQueryStores, RedisQueryStore } from '../../src/graphql/persisted-queries';

/**
 * Automatic persisted queries over GET (README: "Persisted queries over GET"): Apollo
 * answers a hash it does not know with PERSISTED_QUERY_NOT_FOUND until a POST registers
 * the query; the GET answers then go through the response cache like any public read.
 */
const PREFLIGHT = { 'apollo-require-preflight': 'true' };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface StoryData {
  articles: Array<Pick<Article, 'documentId' | 'headline'>>;
}

/**
 * A query of its own per test and per run (the comment changes the hash): registrations in Redis
 * outlive the app, and no test may see another's registration or cache entries.
 */
const RUN = randomUUID();
function storyQuery(label: string): { query: string; hash: string } {
  const query = `query PersistedStory($slug: String!) { articles(locale: "en", filters: { slug: { eq: $slug } }) { documentId headline } } # ${label} ${RUN}`;
  return { query, hash: sha256(query) };
}

const persisted = (hash: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });

/** GET /graphql by hash, as Apollo Client sends it with useGETForHashedQueries (plus the header browsers send). */
function getByHash(hash: string, headers: Record<string, string> = PREFLIGHT) {
  return api()
    .get('/graphql')
    .query({ operationName: 'PersistedStory', variables: JSON.stringify({ slug: STORY_SLUG }), extensions: persisted(hash) })
    .set(headers);
}

/** The registering POST: the query and its hash together. */
function register(query: string, hash: string) {
  return api()
    .post('/graphql')
    .send({ query, operationName: 'PersistedStory', variables: { slug: STORY_SLUG }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
}

function expectNotFound(res: { body: GraphqlBody; headers: Record<string, string> }) {
  expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  expect(res.headers['x-cache']).toBeUndefined();
  expect(res.headers['cache-control']).not.toMatch(/public/);
}

const redisPrefix = process.env.CACHE_REDIS_PREFIX?.trim() || 'newsroom:cache:';

afterAll(async () => {
  await closePersistedQueryStores();
});

describe('persisted queries over GET', () => {
  it('answers an unknown hash PERSISTED_QUERY_NOT_FOUND, uncached, until a POST registers the query', async () => {
    const { query, hash } = storyQuery('register');
    expectNotFound(await getByHash(hash).expect(200));
    // Not cached: asked again, still not found.
    expectNotFound(await getByHash(hash).expect(200));

    const registered = await register(query, hash).expect(200);
    expect((registered.body as GraphqlBody<StoryData>).data?.articles).toHaveLength(1);

    const found = await getByHash(hash).expect(200);
    expect((found.body as GraphqlBody<StoryData>).errors).toBeUndefined();
    expect((found.body as GraphqlBody<StoryData>).data?.articles[0]?.headline).toEqual(expect.any(String));
  });

  it('serves the answer with an ETag and Cache-Control public, then from the cache, and 304 on If-None-Match', async () => {
    const { query, hash } = storyQuery('cache');
    await register(query, hash).expect(200);
    const miss = await getByHash(hash).expect(200);
    expect(miss.headers['x-cache']).toBe('MISS');
    expect(miss.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(miss.headers['cache-control']).toMatch(/^public, /);
    expect(miss.headers['cache-control']).not.toMatch(/no-store/);

    const hit = await getByHash(hash).expect(200);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers.etag).toBe(miss.headers.etag);
    expect(hit.headers['cache-control']).toBe(miss.headers['cache-control']);
    expect(hit.headers['content-type']).toBe(miss.headers['content-type']);
    expect(hit.text).toBe(miss.text);

    const revalidated = await getByHash(hash, { ...PREFLIGHT, 'If-None-Match': miss.headers.etag! }).expect(304);
    expect(revalidated.text).toBe('');
    expect(revalidated.headers.etag).toBe(miss.headers.etag);
  });

  it('shows a write at once: an article updated through the API is new in the next GET', async () => {
    const { query, hash } = storyQuery('freshness');
    await register(query, hash).expect(200);
    await getByHash(hash).expect(200);
    const before = await getByHash(hash).expect(200);
    expect(before.headers['x-cache']).toBe('HIT');
    const article = (before.body as GraphqlBody<StoryData>).data!.articles[0]!;

    await api()
      .put(`/api/articles/${article.documentId}`)
      .query({ locale: 'en' })
      .set(bearer(tokens.fullAccess()))
      .send({ data: { headline: `${article.headline} (updated)` } })
      .expect(200);
    try {
      const after = await getByHash(hash).expect(200);
      expect(after.headers['x-cache']).toBe('MISS');
      expect((after.body as GraphqlBody<StoryData>).data?.articles[0]?.headline).toBe(`${article.headline} (updated)`);
      expect(after.headers.etag).not.toBe(before.headers.etag);
    } finally {
      await api()
        .put(`/api/articles/${article.documentId}`)
        .query({ locale: 'en' })
        .set(bearer(tokens.fullAccess()))
        .send({ data: { headline: article.headline } })
        .expect(200);
    }
    const restored = await getByHash(hash).expect(200);
    expect((restored.body as GraphqlBody<StoryData>).data?.articles[0]?.headline).toBe(article.headline);
  });

  it('neither runs nor caches a mutation over GET', async () => {
    const story = await api().get('/api/articles').query({ locale: 'en', 'filters[slug][$eq]': STORY_SLUG }).expect(200);
    const article = (story.body as ListBody<Article>).data[0]!;
    const mutation = `mutation Rename { updateArticle(documentId: "${article.documentId}", locale: "en", data: { headline: "Renamed over GET" }) { headline } }`;
    const hash = sha256(mutation);
    // Registered by a POST (which Apollo lets through before the mutation is refused to the public)...
    await api()
      .post('/graphql')
      .send({ query: mutation, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })
      .expect((res) => expect(res.status).toBeLessThan(500));
    // ...then asked for by hash, anonymously and with a token that could write: 405 each time, never cached.
    for (const headers of [PREFLIGHT, PREFLIGHT, { ...PREFLIGHT, ...bearer(tokens.fullAccess()) }]) {
      const res = await api()
        .get('/graphql')
        .query({ extensions: persisted(hash) })
        .set(headers)
        .expect(405);
      expect(res.headers['x-cache']).toBeUndefined();
    }
    const byQuery = await api()
      .get('/graphql')
      .query({ query: mutation })
      .set({ ...PREFLIGHT, ...bearer(tokens.fullAccess()) });
    expect(byQuery.status).toBe(405);
    expect((byQuery.body as GraphqlBody).errors?.[0]?.message).toMatch(/GET requests only support query operations/);
    const after = await api().get('/api/articles').query({ locale: 'en', 'filters[slug][$eq]': STORY_SLUG }).expect(200);
    expect((after.body as ListBody<Article>).data[0]!.headline).toBe(article.headline);
  });

  it("keeps Apollo's CSRF prevention: a GET without a preflight-forcing header is refused, before and after a hit", async () => {
    const { query, hash } = storyQuery('csrf');
    await register(query, hash).expect(200);
    const refusedBefore = await getByHash(hash, {}).expect(400);
    expect(refusedBefore.text).toMatch(/Cross-Site Request Forgery/);

    await getByHash(hash).expect(200);
    const hit = await getByHash(hash).expect(200);
    expect(hit.headers['x-cache']).toBe('HIT');

    const refusedHeaders: Array<Record<string, string>> = [{}, { 'Content-Type': 'text/plain' }, { 'apollo-require-preflight': '' }];
    for (const headers of refusedHeaders) {
      const refused = await getByHash(hash, headers).expect(400);
      expect(refused.headers['x-cache']).toBeUndefined();
      expect(refused.text).toBe(refusedBefore.text);
    }
    // The other header Apollo accepts, and a non-simple content type, are served from the cache.
    const acceptedHeaders: Array<Record<string, string>> = [{ 'x-apollo-operation-name': 'PersistedStory' }, { 'Content-Type': 'application/json' }];
    for (const headers of acceptedHeaders) {
      const served = await getByHash(hash, headers).expect(200);
      expect(served.headers['x-cache']).toBe('HIT');
    }
  });

  it("lets the configured origin's browser send the header: the CORS preflight allows it, and a hit carries CORS headers", async () => {
    const preflight = await api()
      .options('/graphql')
      .set({ Origin: FRONTEND_URL, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'apollo-require-preflight' })
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(FRONTEND_URL);
    expect(preflight.headers['access-control-allow-headers']?.toLowerCase()).toContain('apollo-require-preflight');

    const { query, hash } = storyQuery('cors');
    await register(query, hash).expect(200);
    await getByHash(hash, { ...PREFLIGHT, Origin: FRONTEND_URL }).expect(200);
    const hit = await getByHash(hash, { ...PREFLIGHT, Origin: FRONTEND_URL }).expect(200);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers['access-control-allow-origin']).toBe(FRONTEND_URL);
    expect(hit.headers['access-control-expose-headers']).toContain('ETag');
  });

  it('refuses a hash that does not match its query, and stores nothing', async () => {
    const { query } = storyQuery('wrong-hash');
    const wrong = sha256(`${query} tampered`);
    const res = await register(query, wrong).expect(400);
    expect((res.body as GraphqlBody).errors?.[0]?.message).toBe('provided sha does not match query');
    expectNotFound(await getByHash(wrong).expect(200));
    if (process.env.REDIS_URL) {
      const redis = new Redis(process.env.REDIS_URL);
      try {
        expect(await redis.exists(`${redisPrefix}graphql:apq:${wrong}`)).toBe(0);
      } finally {
        redis.disconnect();
      }
    }
  });

  // CI runs this file without REDIS_URL (both databases) and again with it: each run checks the store it configured.
  const configuredRedis = process.env.REDIS_URL;
  it(
    configuredRedis
      ? 'keeps registered queries in Redis under the cache prefix, where another instance finds them'
      : 'keeps registered queries in this process without REDIS_URL: found by the next GET, and nothing written to Redis',
    async () => {
      const { query, hash } = storyQuery('store');
      await register(query, hash).expect(200);
      // The machine's Redis, whether or not the app was told to use it.
      const redis = new Redis(configuredRedis ?? 'redis://127.0.0.1:6379');
      try {
        if (!configuredRedis) {
          const found = await getByHash(hash).expect(200);
          expect((found.body as GraphqlBody).errors).toBeUndefined();
          expect(await redis.exists(`${redisPrefix}graphql:apq:${hash}`)).toBe(0);
          return;
        }
        // Apollo stores asynchronously after answering; give it a moment.
        let stored: string | null = null;
        for (let i = 0; i < 20 && stored === null; i += 1) {
          stored = await redis.get(`${redisPrefix}graphql:apq:${hash}`);
          if (stored === null) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(stored).toBe(query);
        expect(await redis.ttl(`${redisPrefix}graphql:apq:${hash}`)).toBeGreaterThan(0);
      } finally {
        redis.disconnect();
      }
      // A second instance's store (same REDIS_URL and CACHE_REDIS_PREFIX) reads what the app registered.
      const otherInstance = new RedisQueryStore(configuredRedis, redisPrefix);
      expect(await otherInstance.get(`apq:${hash}`)).toBe(query);
    },
  );

  it('registers a query whose POST answer is already cached: the registering POST reaches Apollo', async () => {
    const { query, hash } = storyQuery('post-then-register');
    await graphql(query, { slug: STORY_SLUG }).expect(200);
    const hit = await graphql(query, { slug: STORY_SLUG }).expect(200);
    expect(hit.headers['x-cache']).toBe('HIT');
    const registering = await register(query, hash).expect(200);
    expect(registering.headers['x-cache']).not.toBe('HIT');
    const found = await getByHash(hash).expect(200);
    expect((found.body as GraphqlBody<StoryData>).data?.articles).toHaveLength(1);
  });
});
