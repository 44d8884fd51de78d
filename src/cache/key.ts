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
  extensions?: unknown;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whether a document may hold a mutation or subscription anywhere (string contents and comments aside). */
function mayWrite(query: string): boolean {
  return /(^|[^\w])(mutation|subscription)\b/.test(query.replace(/#[^\n]*/g, '').replace(/"(?:[^"\\]|\\.)*"/g, '""'));
}

/** The key of a GraphQL query, or null for anything that must not be cached (mutations, malformed bodies). */
export function graphqlKey(path: string, request: GraphqlRequest): string | null {
  if (typeof request.query !== 'string') return null;
  // A document holding a mutation or subscription anywhere is never cached.
  if (mayWrite(request.query)) return null;
  const digest = createHash('sha256')
    .update(
      canonicalJson({ query: request.query.replace(/\s+/g, ' ').trim(), variables: request.variables ?? null, operationName: request.operationName ?? null }),
    )
    .digest('base64url');
  return `GQL ${path} ${digest}`;
}

/**
 * Whether a POST registers an automatic persisted query (query and hash together). It must
 * reach Apollo even when its answer is cached: answering it from the cache would skip the
 * registration, and the client's next GET by hash would not be found.
 */
export function registersPersistedQuery(request: GraphqlRequest): boolean {
  const extensions = request.extensions as { persistedQuery?: unknown } | null | undefined;
  return typeof extensions === 'object' && extensions !== null && extensions.persistedQuery !== undefined;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function parsedJson(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The key of a GraphQL GET (`?query=` or an automatic persisted query's
 * `?extensions={"persistedQuery":{"version":1,"sha256Hash":…}}`, with `variables` and
 * `operationName`), or null for anything that must not be cached. Null whenever Apollo
 * would answer with an error, so no cached answer can stand in for that error: a
 * parameter given twice, JSON that does not parse, an unknown extension, a hash that is
 * not a sha256 or does not match the query sent with it, a mutation. A hash names its
 * query (it is the query's sha256), so the hash alone and the hash with its query share a key.
 * `accept` is in the key because Apollo picks the content type from it.
 */
export function graphqlGetKey(path: string, querystring: string, accept: string | undefined): string | null {
  const params = new URLSearchParams(querystring);
  const read: Record<string, string | undefined> = {};
  for (const name of ['query', 'variables', 'operationName', 'extensions']) {
    const values = params.getAll(name);
    if (values.length > 1) return null;
    read[name] = values[0];
  }
  const { query, variables: variablesText, operationName, extensions: extensionsText } = read;
  if (query !== undefined && (query === '' || mayWrite(query))) return null;

  let hash: string | null = null;
  if (extensionsText !== undefined) {
    const extensions = parsedJson(extensionsText)?.value;
    if (!isRecord(extensions) || Object.keys(extensions).some((name) => name !== 'persistedQuery')) return null;
    const persisted = extensions.persistedQuery;
    if (!isRecord(persisted) || persisted.version !== 1 || typeof persisted.sha256Hash !== 'string' || !SHA256_HEX.test(persisted.sha256Hash)) return null;
    hash = persisted.sha256Hash;
    if (query !== undefined && createHash('sha256').update(query).digest('hex') !== hash) return null;
  }
  if (hash === null && query === undefined) return null;

  let variables: unknown = null;
  if (variablesText !== undefined) {
    const parsed = parsedJson(variablesText);
    if (!parsed || (parsed.value !== null && !isRecord(parsed.value))) return null;
    variables = parsed.value;
  }
  // Apart from the plain query's key: a hash is answered only once it was registered, a query always.
  const document = hash !== null ? `persisted:${hash}` : `query:${createHash('sha256').update(query!).digest('hex')}`;
  const digest = createHash('sha256')
    .update(canonicalJson({ document, variables, operationName: operationName ?? null, accept: (accept ?? '').replace(/\s+/g, '').toLowerCase() }))
    .digest('base64url');
  return `GQL GET ${path} ${digest}`;
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
