import type { IncomingHttpHeaders } from 'http';
import { passesCsrfPrevention } from '../graphql/csrf';
import { graphqlGetKey, graphqlKey, registersPersistedQuery, type GraphqlRequest } from './key';

/**
 * The key under which a GraphQL request may be answered from the cache, or null when it
 * must reach Apollo: the same rules src/cache/middleware.ts applies to hits, for the fast
 * path in front of Koa (src/cache/http-fast-path.ts).
 */

/** A POST's parsed body: a query, never one that registers an automatic persisted query (Apollo must see it). */
export function graphqlPostHitKey(path: string, body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const request = body as GraphqlRequest;
  if (registersPersistedQuery(request)) return null;
  return graphqlKey(path, request);
}

/** A GET (persisted query by hash, or `?query=`): never one Apollo's CSRF prevention would refuse. */
export function graphqlGetHitKey(path: string, querystring: string, headers: IncomingHttpHeaders): string | null {
  if (!passesCsrfPrevention(headers)) return null;
  return graphqlGetKey(path, querystring, headers.accept || undefined);
}
