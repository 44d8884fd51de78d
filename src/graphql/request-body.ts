import type { IncomingMessage } from 'http';
import coBody from 'co-body';

/**
 * A GraphQL POST body is read once per request, by whoever asks first: the cache's fast
 * path (src/cache/http-fast-path.ts) reads it to look the query up before Koa runs, and on a
 * miss src/graphql/body-middleware.ts gets the same outcome (the parsed body, or the very
 * error co-body raised: 413 over the limit, 400 for bad JSON) instead of reading a stream
 * that is already consumed. Same function, same limit, so the answers are the ones Koa gave.
 */
export interface GraphqlBody {
  parsed: unknown;
  /** The text as sent: what the fast path remembers keys by (src/cache/graphql-hit-key.ts). */
  raw: string;
}

const reads = new WeakMap<IncomingMessage, Promise<GraphqlBody>>();

export function readGraphqlBody(req: IncomingMessage, limit: string): Promise<GraphqlBody> {
  let reading = reads.get(req);
  if (!reading) {
    reading = coBody.json(req, { limit, returnRawBody: true }) as Promise<GraphqlBody>;
    reads.set(req, reading);
  }
  return reading;
}

/**
 * Whether a request's body is JSON by a Content-Type the fast path may read without asking
 * Koa: `application/json`, optionally with `charset=utf-8`, and a declared body. Stricter
 * than Koa's `ctx.is('application/json')` where they differ (other parameters, odd spacing),
 * so whatever is read here Koa would have read too; anything else goes to Koa untouched.
 */
const PLAIN_JSON = /^application\/json(?:\s*;\s*charset=utf-8)?$/i;

export function isPlainJsonBody(headers: IncomingMessage['headers']): boolean {
  const contentType = headers['content-type'];
  if (contentType === undefined || !PLAIN_JSON.test(contentType)) return false;
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && /^\d+$/.test(length));
}
