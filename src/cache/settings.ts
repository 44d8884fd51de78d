/** Response cache settings from the environment (README: Configuration). */
export interface CacheSettings {
  enabled: boolean;
  /** Memory store bound; the server's memory stays bounded whatever the traffic. */
  maxBytes: number;
  ttlMs: number;
  /** s-maxage for CDNs; 0 (the default) makes them revalidate every time, so they are never stale either. */
  cdnMaxAgeSeconds: number;
  /** Shared store for several instances. */
  redisUrl: string | null;
  /** Key prefix in Redis, so environments or apps can share one Redis without sharing entries. */
  redisPrefix: string;
}

type Environment = Record<string, string | undefined>;

function number(environment: Environment, name: string, fallback: number, min: number): number {
  const raw = environment[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number of at least ${min}; got "${raw}".`);
  return value;
}

export function cacheSettings(environment: Environment): CacheSettings {
  return {
    enabled: (environment.CACHE_ENABLED ?? 'true').toLowerCase() !== 'false',
    maxBytes: number(environment, 'CACHE_MAX_MB', 64, 1) * 1024 * 1024,
    ttlMs: number(environment, 'CACHE_TTL_SECONDS', 86_400, 1) * 1000,
    cdnMaxAgeSeconds: number(environment, 'CACHE_CDN_MAX_AGE', 0, 0),
    redisUrl: environment.REDIS_URL?.trim() || null,
    redisPrefix: environment.CACHE_REDIS_PREFIX?.trim() || 'newsroom:cache:',
  };
}
