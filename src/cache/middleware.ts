import type { Core } from '@strapi/strapi';
import { etagMatches, etagOf, graphqlKey, isAnonymous, restKey, type GraphqlRequest } from './key';
import { collectDocumentTags } from './tags';
import { responseCache, storableHeaders } from './response-cache';

/**
 * Fills the response cache and answers cached GraphQL queries. Cached REST reads are
 * answered earlier, at the HTTP server (src/cache/http-fast-path.ts); a request that
 * reaches this middleware is a miss (or GraphQL). After Strapi has answered a public
 * request with a 200, the response (status, headers, bytes) is stored with the tags
 * collected while it was computed (src/document-middlewares/cache-tags.ts), and
 * given an ETag and Cache-Control so browsers and CDNs revalidate cheaply.
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

    let key: string | null = null;
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path.startsWith(restPrefix)) key = restKey(ctx.path, ctx.querystring);
    else if (ctx.method === 'POST' && ctx.path === graphqlPath && ctx.request.body !== undefined) {
      // Read by src/middlewares/graphql-body.ts.
      key = graphqlKey(ctx.path, ctx.request.body as GraphqlRequest);
    }
    if (!key) return next();

    if (ctx.method === 'POST') {
      const hit = await cache.lookup(key);
      if (hit) {
        cache.hits += 1;
        ctx.set({ ...hit.headers, ETag: hit.etag, 'X-Cache': 'HIT' });
        ctx.status = etagMatches(ctx.get('If-None-Match'), hit.etag) ? 304 : hit.status;
        ctx.body = ctx.status === 304 ? null : hit.body;
        return;
      }
    }

    cache.misses += 1;
    const startEpoch = await cache.epoch();
    const tags = new Set<string>();
    ctx.state.cacheTags = tags;
    await next();

    const auth = ctx.state.auth as { credentials?: unknown } | undefined;
    if (ctx.status !== 200 || (auth && auth.credentials)) return;
    const body: unknown = ctx.body;
    let text: string;
    if (typeof body === 'string') text = body;
    else if (Buffer.isBuffer(body)) text = body.toString('utf8');
    else if (body !== null && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe !== 'function') text = JSON.stringify(body);
    else return;
    // GraphQL reports errors with a 200; an error is not content.
    if (ctx.method === 'POST' && text.includes('"errors"')) return;

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
    await cache.save(key, { status: 200, headers, body: bytes, etag }, tags, startEpoch).catch((error: Error) => {
      strapi.log.warn(`[cache] could not store ${key}: ${error.message}`);
    });
  };
};

export default responseCacheMiddleware;
