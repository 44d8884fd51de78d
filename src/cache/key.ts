import { createHash } from 'crypto';

/**
 * What identifies a cacheable response. Anything that can change the response is in
 * the key: the path, every query parameter (in a canonical order, so `?a=1&b=2` and
 * `?b=2&a=1` share an entry) and, for GraphQL, the operation and its variables.
 * Requests with credentials are never cached (see isAnonymous), so the caller is
 * always "the public" and needs no place in the key.
 */

/** Query string with parameters sorted by name (stable for repeated names), as a canonical form. */
export function canonicalQuery(querystring: string): string {
  if (querystring === '') return '';
  const params = new URLSearchParams(querystring);
  const pairs = [...params.entries()].map(([k, v], i) => ({ k, v, i }));
  pairs.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
  return pairs.map(({ k, v }) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** The key of a REST GET/HEAD (HEAD is answered from the GET entry). */
export function restKey(path: string, querystring: string): string {
  const query = canonicalQuery(querystring);
  return `GET ${path}${query ? `?${query}` : ''}`;
}

export interface GraphqlRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The key of a GraphQL query, or null for anything that must not be cached (mutations, malformed bodies). */
export function graphqlKey(path: string, request: GraphqlRequest): string | null {
  if (typeof request.query !== 'string') return null;
  // A document holding a mutation or subscription anywhere is never cached.
  if (/(^|[^\w])(mutation|subscription)\b/.test(request.query.replace(/#[^\n]*/g, '').replace(/"(?:[^"\\]|\\.)*"/g, '""'))) return null;
  const digest = createHash('sha256')
    .update(
      canonicalJson({ query: request.query.replace(/\s+/g, ' ').trim(), variables: request.variables ?? null, operationName: request.operationName ?? null }),
    )
    .digest('base64url');
  return `GQL ${path} ${digest}`;
}

/** Only requests without credentials share cached responses. */
export function isAnonymous(headers: Record<string, string | string[] | undefined>): boolean {
  return headers.authorization === undefined;
}

/** A strong ETag for a response body. */
export function etagOf(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether an If-None-Match header matches an ETag (handles lists and weak validators). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
