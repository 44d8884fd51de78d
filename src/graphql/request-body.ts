import type { IncomingMessage } from 'http';
import { Readable } from 'stream';
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
/** Bodies the fast path took off the socket as bytes (readPlainBodyBytes), parsed only if someone asks. */
const taken = new WeakMap<IncomingMessage, Buffer>();

export function readGraphqlBody(req: IncomingMessage, limit: string): Promise<GraphqlBody> {
  let reading = reads.get(req);
  if (!reading) {
    const bytes = taken.get(req);
    // Bytes already taken are parsed by the same function, from a stream that replays them with the request's headers.
    const source = bytes ? (Object.assign(Readable.from([bytes]), { headers: req.headers }) as unknown as IncomingMessage) : req;
    reading = coBody.json(source, { limit, returnRawBody: true }) as Promise<GraphqlBody>;
    reads.set(req, reading);
  }
  return reading;
}

/**
 * The fast path's read of a hit's body: bytes, with callbacks and no promises. A hit's
 * whole cost is a few tens of microseconds, and with Strapi's AsyncLocalStorage every
 * promise runs async hooks; parsing JSON is not needed either when the body's key is
 * remembered (src/cache/graphql-hit-key.ts). Only for a body co-body would read exactly
 * so (identity encoding, a declared length within the limit); `done(null)` means "not
 * taken, read it with readGraphqlBody". A body that fails midway is answered by
 * readGraphqlBody with co-body's error, as if co-body had read it.
 */
export function readPlainBodyBytes(req: IncomingMessage, limitBytes: number, done: (bytes: Buffer | null) => void): void {
  const encoding = req.headers['content-encoding'];
  const length = Number(req.headers['content-length']);
  if ((encoding !== undefined && encoding !== 'identity') || !Number.isInteger(length) || length > limitBytes) return done(null);
  const chunks: Buffer[] = [];
  let received = 0;
  const finish = (failed: boolean) => {
    req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
    if (failed) {
      // co-body's outcome for a body cut off midway; a rejection nobody may await is handled here.
      const aborted = Promise.reject(Object.assign(new Error('request aborted'), { status: 400 }));
      aborted.catch(() => undefined);
      reads.set(req, aborted);
      return done(null);
    }
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received);
    taken.set(req, bytes);
    done(bytes);
  };
  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    received += chunk.length;
  };
  const onEnd = () => finish(false);
  const onError = () => finish(true);
  req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
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
