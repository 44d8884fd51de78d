import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { etagMatches, etagOf, graphqlGetKey, graphqlKey, isAnonymous, registersPersistedQuery, restKey, type GraphqlRequest } from './key';
import { passesCsrfPrevention } from '../graphql/csrf';
import { collectDocumentTags } from './tags';
import { responseCache, storableHeaders, type ResponseCache } from './response-cache';
import type { CacheCollector } from './read-tags';
import { SingleFlight } from './single-flight';
import type { CachedResponse } from './stores/types';

/** Misses being computed in this process, by cache key (./single-flight.ts). */
const inFlight = new SingleFlight<CachedResponse>();

/**
 * Fills the response cache and answers cached GraphQL queries. Cached REST reads are
 * answered earlier, at the HTTP server (src/cache/http-fast-path.ts); a request that
 * reaches this middleware is a miss (or GraphQL). After Strapi has answered a public
 * request with a 200, the response (status, headers, bytes) is stored with the tags
 * collected while it was computed (src/document-middlewares/cache-tags.ts), and
 * given an ETag and Cache-Control so browsers and CDNs revalidate cheaply. GraphQL GETs
 * (automatic persisted queries by hash, or `?query=`) are cached like POSTs, so a CDN can
 * hold them too: Apollo answers them `no-store`, this replaces that on a 200 without errors.
 * Concurrent misses for one key wait for the first one's answer (single flight).
 */
const responseCacheMiddleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const restPrefix = `${strapi.config.get<string>('api.rest.prefix', '/api')}/`;
  const graphqlPath = strapi.config.get<string>('plugin::graphql.endpoint', '/graphql');

  return async (ctx, next) => {
    const cache = responseCache();
    if (!cache) return next();
    if (!isAnonymous(ctx.headers)) {
      await next();
      // Responses to credentialed requests are nobody else's: keep them out of shared caches.
      if (ctx.status === 200) ctx.set('Cache-Control', 'private, no-store');
      return;
    }

    const isGraphql = ctx.path === graphqlPath;
    let key: string | null = null;
    // Whether a hit may be served here (REST hits are served by the fast path, in front of Koa).
    let answerHits = false;
    const restRead = (ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path.startsWith(restPrefix);
    if (restRead) key = restKey(ctx.path, ctx.querystring);
    else if (isGraphql && ctx.method === 'GET') {
      key = graphqlGetKey(ctx.path, ctx.querystring, ctx.get('Accept') || undefined);
      // Apollo refuses a GET that needed no CORS preflight (CSRF prevention); a hit must not answer it instead.
      answerHits = passesCsrfPrevention(ctx.headers);
    } else if (ctx.method === 'POST' && isGraphql && ctx.request.body !== undefined) {
      // Read by src/graphql/body-middleware.ts.
      const body = ctx.request.body as GraphqlRequest;
      key = graphqlKey(ctx.path, body);
      answerHits = !registersPersistedQuery(body);
    }
    if (!key) return next();

    const answer = (entry: CachedResponse, label: 'HIT' | 'COALESCED') => {
      ctx.set({ ...entry.headers, ETag: entry.etag, 'X-Cache': label });
      ctx.status = etagMatches(ctx.get('If-None-Match'), entry.etag) ? 304 : entry.status;
      ctx.body = ctx.status === 304 ? null : entry.body;
    };

    if (answerHits) {
      const hit = await cache.lookup(key);
      if (hit) {
        cache.hits += 1;
        answer(hit, 'HIT');
        return;
      }
    }

    cache.misses += 1;
    const startEpoch = await cache.epoch();
    // Only a request a hit could answer may take another's answer: not a CSRF-refused GET, not a POST registering a persisted query.
    const mayShare = restRead || answerHits;
    // No await between looking for a flight and leading one: two requests cannot both lead.
    const shared = startEpoch !== null && mayShare ? inFlight.join(key, startEpoch) : null;
    const settle = shared || startEpoch === null || !mayShare ? () => undefined : inFlight.lead(key, startEpoch);
    if (shared) {
      const entry = await shared;
      if (entry) {
        answer(entry, 'COALESCED');
        return;
      }
    }
    try {
      const entry = await computeAndStore(cache, ctx, next, key, isGraphql, startEpoch);
      settle(entry);
    } finally {
      settle(null);
    }
  };

  /** Lets Strapi answer, then stores a cacheable answer; returns it for the requests waiting on the same key. */
  async function computeAndStore(
    cache: ResponseCache,
    ctx: Context,
    next: Next,
    key: string,
    isGraphql: boolean,
    startEpoch: number | null,
  ): Promise<CachedResponse | null> {
    const collector = ctx.state as CacheCollector;
    const tags = new Set<string>();
    collector.cacheTags = tags;
    await next();

    const auth = ctx.state.auth as { credentials?: unknown } | undefined;
    if (ctx.status !== 200 || (auth && auth.credentials)) return null;
    // An answer that changes with the clock, not only with the data, opts out: no write would evict it (the news sitemap).
    if (ctx.state.noResponseCache === true) return null;
    const body: unknown = ctx.body;
    let text: string;
    if (typeof body === 'string') text = body;
    else if (Buffer.isBuffer(body)) text = body.toString('utf8');
    else if (body !== null && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe !== 'function') text = JSON.stringify(body);
    else return null;
    // GraphQL reports errors with a 200 (PERSISTED_QUERY_NOT_FOUND among them); an error is not content.
    if (isGraphql && text.includes('"errors"')) return null;
    // Apollo answers a GET that prefers HTML with its sandbox page, whatever the query says.
    if (isGraphql && !ctx.response.is('json', 'application/graphql-response+json')) return null;

    const bytes = Buffer.from(text);
    const etag = etagOf(bytes);
    ctx.set('ETag', etag);
    ctx.set('Cache-Control', cache.cacheControl());
    ctx.set('X-Cache', 'MISS');
    const headers = storableHeaders(ctx.response.headers);
    // The bytes sent are the bytes stored: serialized once, here.
    ctx.body = text;
    if (etagMatches(ctx.get('If-None-Match'), etag)) {
      ctx.status = 304;
      ctx.body = null;
    }
    collectDocumentTags(body, tags);
    const entry: CachedResponse = { status: 200, headers, body: bytes, etag };
    const windows = [...(collector.cacheWindows ?? new Map<string, number>())].map(([tag, score]) => ({ tag, score }));
    await cache.save(key, entry, tags, startEpoch, windows).catch((error: Error) => {
      strapi.log.warn(`[cache] could not store ${key}: ${error.message}`);
    });
    return entry;
  }
};

export default responseCacheMiddleware;
