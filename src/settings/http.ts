import { z } from 'zod';
import { boolVar, intVar, type Environment } from './environment';

/**
 * The public edge's limits and headers, from the environment (docs/security.md).
 * Parsed once at boot with zod so a typo (RATE_LIMIT_MAX=lots) stops the boot with
 * a message naming the variable, instead of silently running without a limit.
 */

export interface RateLimitSettings {
  enabled: boolean;
  /** Requests one client address may make per window, to /api and /graphql together. */
  max: number;
  windowSeconds: number;
  /** Addresses never limited: a server-side-rendering frontend, a monitoring probe. */
  allowList: string[];
  /** Shared counters for several instances; memory when null. */
  redisUrl: string | null;
  redisPrefix: string;
}

export interface HttpSettings {
  rateLimit: RateLimitSettings;
  /** Largest accepted request body (JSON, form, text), in koa/bytes notation ("1mb", "256kb"). */
  bodyLimit: string;
  bodyLimitBytes: number;
  /** Origins a browser may call the API from; ['*'] allows any. */
  corsOrigins: string[];
  /** Extra Content-Security-Policy sources for images and media (a media CDN). */
  cspMediaSources: string[];
  /** Strict-Transport-Security max-age in seconds; 0 turns the header off (plain-HTTP development). */
  hstsMaxAgeSeconds: number;
}

const list = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2 };

/** "1mb" -> 1048576; the notation koa-body, co-body and koa-bodyparser all accept. */
export function parseSize(raw: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i.exec(raw.trim());
  if (!match) return null;
  return Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]!);
}

export class HttpSettingsError extends Error {
  constructor(messages: string[]) {
    super(`Invalid HTTP settings: ${messages.join(' ')}`);
    this.name = 'HttpSettingsError';
  }
}

export function httpSettings(environment: Environment): HttpSettings {
  const production = environment.NODE_ENV === 'production';
  const schema = z.object({
    // On by default where it protects something (production); development and the test
    // suite run without it, and a test that needs it turns it on.
    RATE_LIMIT_ENABLED: boolVar('RATE_LIMIT_ENABLED', production),
    RATE_LIMIT_MAX: intVar('RATE_LIMIT_MAX', 300, 1),
    RATE_LIMIT_WINDOW_SECONDS: intVar('RATE_LIMIT_WINDOW_SECONDS', 60, 1),
    HTTP_HSTS_MAX_AGE: intVar('HTTP_HSTS_MAX_AGE', production ? 31_536_000 : 0, 0),
  });
  const parsed = schema.safeParse(environment);
  const messages: string[] = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);

  const bodyLimit = (environment.REQUEST_BODY_LIMIT ?? '').trim() || '1mb';
  const bodyLimitBytes = parseSize(bodyLimit);
  if (bodyLimitBytes === null || bodyLimitBytes < 1024) {
    messages.push(`REQUEST_BODY_LIMIT must be a size of at least 1kb such as "512kb" or "2mb"; got "${bodyLimit}".`);
  }
  const corsOrigins = list(environment.CORS_ORIGINS);
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      messages.push(`CORS_ORIGINS entries must be origins like https://www.example.com (scheme and host, no path) or *; got "${origin}".`);
    }
  }
  if (messages.length > 0 || !parsed.success) throw new HttpSettingsError(messages);

  const values = parsed.data;
  return {
    rateLimit: {
      enabled: values.RATE_LIMIT_ENABLED,
      max: values.RATE_LIMIT_MAX,
      windowSeconds: values.RATE_LIMIT_WINDOW_SECONDS,
      allowList: list(environment.RATE_LIMIT_ALLOW_IPS),
      redisUrl: environment.REDIS_URL?.trim() || null,
      redisPrefix: `${environment.CACHE_REDIS_PREFIX?.trim() || 'newsroom:cache:'}ratelimit:`,
    },
    bodyLimit,
    bodyLimitBytes: bodyLimitBytes!,
    // Development default: the admin panel and a frontend dev server on localhost. Production
    // must name its frontends; '*' is accepted but has to be written out.
    corsOrigins: corsOrigins.length > 0 ? corsOrigins : production ? [] : ['http://localhost:1337', 'http://localhost:3000'],
    cspMediaSources: list(environment.CSP_MEDIA_SOURCES),
    hstsMaxAgeSeconds: values.HTTP_HSTS_MAX_AGE,
  };
}

/** Response headers a browser frontend may read cross-origin: revalidation and the rate limit's. */
export const EXPOSED_HEADERS = ['ETag', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];

/**
 * Request headers a browser frontend may send cross-origin: strapi::cors's defaults, plus the two
 * Apollo's CSRF prevention asks a GraphQL GET to carry (README: Persisted queries over GET).
 */
export const ALLOWED_REQUEST_HEADERS = ['Content-Type', 'Authorization', 'Origin', 'Accept', 'apollo-require-preflight', 'x-apollo-operation-name'];

/**
 * The Access-Control-Allow-Origin value for a request's Origin, or null when it is not
 * allowed; the same answer strapi::cors gives (it echoes the origin, also for '*').
 */
export function allowedOrigin(origin: string | undefined, allowed: readonly string[]): string | null {
  if (!origin) return null;
  return allowed.includes('*') || allowed.includes(origin) ? origin : null;
}

/** The client's address: the first X-Forwarded-For entry behind a trusted proxy, else the socket's. */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, proxied: boolean): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor;
  const forwarded = proxied && header ? header.split(',')[0]!.trim() : '';
  const address = forwarded || socketAddress || 'unknown';
  // IPv4 clients of a dual-stack socket appear as ::ffff:1.2.3.4; one client, one key.
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
