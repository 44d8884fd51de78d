import type { IncomingMessage, Server, ServerResponse } from 'http';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { allowedOrigin, clientAddress, EXPOSED_HEADERS, type RateLimitSettings } from '../settings/http';

/**
 * Limits requests per client address to the public content API and GraphQL.
 *
 * It sits on the HTTP server, in front of everything else, because cached REST reads
 * are answered before Koa runs (src/cache/http-fast-path.ts): a Koa middleware would
 * count only misses, and a scraper hammering one cached URL would never be limited.
 * Every request counts, with or without a token: an Authorization header is free to
 * forge, so it cannot be what exempts a client; trusted servers go on the allow list.
 *
 * With REDIS_URL the counters are shared by every instance. If Redis is away, each
 * instance falls back to its own memory counters rather than failing requests.
 */
export interface RateLimitHandle {
  close(): Promise<void>;
}

export function createLimiter(settings: RateLimitSettings): { limiter: RateLimiterAbstract; close: () => Promise<void> } {
  const memory = new RateLimiterMemory({ points: settings.max, duration: settings.windowSeconds });
  if (!settings.redisUrl) return { limiter: memory, close: async () => {} };
  // Counters are disposable: nothing to flush on close, so the socket may go at once.
  const redis = new Redis(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, disconnectTimeout: 50 });
  // Reconnects on its own; the insurance limiter answers meanwhile. Without a listener ioredis logs every retry.
  redis.on('error', () => {});
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: settings.redisPrefix,
    points: settings.max,
    duration: settings.windowSeconds,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
  return { limiter, close: async () => void redis.disconnect() };
}

interface Options {
  restPrefix: string;
  graphqlPath: string;
  proxied: boolean;
  /** CORS_ORIGINS: a browser frontend must be able to read the 429 and its Retry-After. */
  corsOrigins: readonly string[];
}

function tooMany(req: IncomingMessage, res: ServerResponse, settings: RateLimitSettings, options: Options, retryAfter: number): void {
  const { graphqlPath } = options;
  const message = `Too many requests: at most ${settings.max} per ${settings.windowSeconds} s from one address. Retry after ${retryAfter} s.`;
  const body =
    (req.url ?? '').split('?')[0] === graphqlPath
      ? { errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfter } }] }
      : { data: null, error: { status: 429, name: 'RateLimitError', message, details: { retryAfter } } };
  const bytes = Buffer.from(JSON.stringify(body));
  const origin = allowedOrigin(req.headers.origin, options.corsOrigins);
  res.writeHead(429, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': bytes.length,
    'retry-after': String(retryAfter),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    vary: 'Origin',
    ...(origin && {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': EXPOSED_HEADERS.join(','),
    }),
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

export function installRateLimit(server: Server, settings: RateLimitSettings, options: Options): RateLimitHandle {
  const listeners = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  const [next] = listeners;
  if (!next || listeners.length !== 1) throw new Error('the HTTP server must have exactly one request listener to put the rate limit in front of');
  server.removeAllListeners('request');
  const { limiter, close } = createLimiter(settings);
  const allowed = new Set(settings.allowList);

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0]!;
    if (req.method === 'OPTIONS' || !(path.startsWith(options.restPrefix) || path === options.graphqlPath)) return next(req, res);
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], options.proxied);
    if (allowed.has(address)) return next(req, res);
    limiter.consume(address).then(
      (state) => {
        res.setHeader('ratelimit-limit', String(settings.max));
        res.setHeader('ratelimit-remaining', String(state.remainingPoints));
        res.setHeader('ratelimit-reset', String(Math.ceil(state.msBeforeNext / 1000)));
        next(req, res);
      },
      (rejection: unknown) => {
        // A RateLimiterRes is "over the limit"; anything else is the store failing, which must not cost the reader the page.
        if (rejection instanceof RateLimiterRes) tooMany(req, res, settings, options, Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
        else next(req, res);
      },
    );
  });
  return { close };
}
