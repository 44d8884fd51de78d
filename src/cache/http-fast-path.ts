import type { IncomingMessage, Server, ServerResponse } from 'http';
import { etagMatches, restKey } from './key';
import { graphqlGetHitKey, graphqlPostHitKey, KeyMemo } from './graphql-hit-key';
import { passesCsrfPrevention } from '../graphql/csrf';
import { isPlainJsonBody, readGraphqlBody, readPlainBodyBytes } from '../graphql/request-body';
import { allowedOrigin, EXPOSED_HEADERS } from '../settings/http';
import type { ResponseCache } from './response-cache';
import type { CachedResponse } from './stores/types';

export interface FastPathOptions {
  /** The REST prefix with its trailing slash ('/api/'). */
  restPrefix: string;
  graphqlPath: string;
  corsOrigins: readonly string[];
  /** REQUEST_BODY_LIMIT: a GraphQL POST is read here under the limit Koa would apply. */
  bodyLimit: string;
  /** The same limit in bytes. */
  bodyLimitBytes: number;
}

/**
 * Answers cached reads before Koa sees the request: REST GET/HEAD, GraphQL GETs (persisted
 * queries by hash, `?query=`) and anonymous GraphQL POSTs with a JSON body. A hit costs a
 * key, a map lookup and one write, which is what lets cached reads approach a bare HTTP
 * server; misses and everything else go to Strapi unchanged (a POST with the body this
 * path read, src/graphql/request-body.ts). Requests with credentials are never answered
 * from the cache; GraphQL follows the rules of src/cache/graphql-hit-key.ts.
 */
export function installHttpFastPath(server: Server, cache: ResponseCache, options: FastPathOptions): void {
  const { restPrefix, graphqlPath, corsOrigins, bodyLimit, bodyLimitBytes } = options;
  const [strapiListener] = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  if (!strapiListener) throw new Error('the HTTP server has no request listener to put the cache in front of');
  server.removeAllListeners('request');
  const exposed = EXPOSED_HEADERS.join(',');
  // One per kind of input: a POST body and a query string never share an entry.
  const postKeys = new KeyMemo();
  const getKeys = new KeyMemo();
  // A hit's headers, built once per stored entry (the memory store hands out the same object) rather than per request.
  const hitHeaders = new WeakMap<CachedResponse, Record<string, string | number>>();

  const send = (req: IncomingMessage, res: ServerResponse, entry: CachedResponse) => {
    cache.hits += 1;
    // CORS headers are not stored (they depend on who asks); answer as strapi::cors would.
    const origin = allowedOrigin(req.headers.origin, corsOrigins);
    if (origin) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('access-control-expose-headers', exposed);
    }
    if (etagMatches(req.headers['if-none-match'] as string | undefined, entry.etag)) {
      res.writeHead(304, { etag: entry.etag, 'cache-control': cache.cacheControl(), 'x-cache': 'HIT' });
      res.end();
      return;
    }
    let headers = hitHeaders.get(entry);
    if (!headers) hitHeaders.set(entry, (headers = { ...entry.headers, etag: entry.etag, 'content-length': entry.body.length, 'x-cache': 'HIT' }));
    res.writeHead(entry.status, headers);
    res.end(req.method === 'HEAD' ? undefined : entry.body);
  };

  const answer = (req: IncomingMessage, res: ServerResponse, key: string | null) => {
    if (key === null) return strapiListener(req, res);
    const found = cache.lookup(key);
    if (found instanceof Promise) {
      found.then(
        (entry) => (entry ? send(req, res, entry) : strapiListener(req, res)),
        () => strapiListener(req, res),
      );
    } else if (found) {
      send(req, res, found);
    } else {
      strapiListener(req, res);
    }
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    const { method } = req;
    if (req.headers.authorization !== undefined) return strapiListener(req, res);
    if (method === 'GET' || method === 'HEAD') {
      const q = url.indexOf('?');
      const path = q < 0 ? url : url.slice(0, q);
      const querystring = q < 0 ? '' : url.slice(q + 1);
      if (path.startsWith(restPrefix)) return answer(req, res, restKey(path, querystring));
      // HEAD /graphql is not a query Apollo answers; only GETs are looked up.
      if (method === 'GET' && path === graphqlPath) {
        const accept = req.headers.accept;
        return answer(
          req,
          res,
          passesCsrfPrevention(req.headers) ? getKeys.get(`${querystring}\n${accept ?? ''}`, () => graphqlGetHitKey(path, querystring, req.headers)) : null,
        );
      }
      return strapiListener(req, res);
    }
    // Only the bare endpoint: a query string or another content type is Koa's to judge.
    if (method === 'POST' && url === graphqlPath && isPlainJsonBody(req.headers)) {
      // Parsed (by co-body, as Koa would) only when the key is not remembered; remembered by these bytes when there are any.
      // Too large or not JSON: src/graphql/body-middleware.ts answers with the same error it always did.
      const parseThenAnswer = (text: string | null) =>
        readGraphqlBody(req, bodyLimit).then(
          (body) => {
            const compute = () => graphqlPostHitKey(graphqlPath, body.parsed);
            answer(req, res, text === null ? compute() : postKeys.get(text, compute));
          },
          () => strapiListener(req, res),
        );
      readPlainBodyBytes(req, bodyLimitBytes, (bytes) => {
        if (bytes === null) return void parseThenAnswer(null);
        // latin1: one character per byte, so equal texts are equal bodies.
        const text = bytes.toString('latin1');
        const known = postKeys.peek(text);
        if (known !== undefined) return answer(req, res, known);
        void parseThenAnswer(text);
      });
      return;
    }
    strapiListener(req, res);
  });
}
