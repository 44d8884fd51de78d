import type { IncomingMessage, Server, ServerResponse } from 'http';
import { etagMatches, restKey } from './key';
import { allowedOrigin, EXPOSED_HEADERS } from '../settings/http';
import type { ResponseCache } from './response-cache';
import type { CachedResponse } from './stores/types';

/**
 * Answers cached REST reads before Koa sees the request. A hit costs a key, a map
 * lookup and one write, which is what lets cached reads approach a bare HTTP server;
 * misses and everything else go to Strapi unchanged. Requests with credentials are
 * never answered from the cache.
 */
export function installHttpFastPath(server: Server, cache: ResponseCache, prefix = '/api/', corsOrigins: readonly string[] = []): void {
  const [strapiListener] = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  if (!strapiListener) throw new Error('the HTTP server has no request listener to put the cache in front of');
  server.removeAllListeners('request');

  const send = (req: IncomingMessage, res: ServerResponse, entry: CachedResponse) => {
    cache.hits += 1;
    // CORS headers are not stored (they depend on who asks); answer as strapi::cors would.
    const origin = allowedOrigin(req.headers.origin, corsOrigins);
    if (origin) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('access-control-expose-headers', EXPOSED_HEADERS.join(','));
    }
    if (etagMatches(req.headers['if-none-match'] as string | undefined, entry.etag)) {
      res.writeHead(304, { etag: entry.etag, 'cache-control': cache.cacheControl(), 'x-cache': 'HIT' });
      res.end();
      return;
    }
    res.writeHead(entry.status, { ...entry.headers, etag: entry.etag, 'content-length': entry.body.length, 'x-cache': 'HIT' });
    res.end(req.method === 'HEAD' ? undefined : entry.body);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !url.startsWith(prefix) || req.headers.authorization !== undefined) {
      strapiListener(req, res);
      return;
    }
    const q = url.indexOf('?');
    const key = restKey(q < 0 ? url : url.slice(0, q), q < 0 ? '' : url.slice(q + 1));
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
  });
}
