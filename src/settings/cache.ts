import { z } from 'zod';
import { boolVar, messagesOf, numberVar, type Environment } from './environment';

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

export class CacheSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid cache settings: ${problems.join(' ')}`);
    this.name = 'CacheSettingsError';
  }
}

const schema = z.object({
  CACHE_ENABLED: boolVar('CACHE_ENABLED', true),
  CACHE_MAX_MB: numberVar('CACHE_MAX_MB', 64, 1),
  CACHE_TTL_SECONDS: numberVar('CACHE_TTL_SECONDS', 86_400, 1),
  CACHE_CDN_MAX_AGE: numberVar('CACHE_CDN_MAX_AGE', 0, 0),
});

export function cacheSettings(environment: Environment): CacheSettings {
  const parsed = schema.safeParse(environment);
  if (!parsed.success) throw new CacheSettingsError(messagesOf(parsed.error));
  const values = parsed.data;
  return {
    enabled: values.CACHE_ENABLED,
    maxBytes: values.CACHE_MAX_MB * 1024 * 1024,
    ttlMs: values.CACHE_TTL_SECONDS * 1000,
    cdnMaxAgeSeconds: values.CACHE_CDN_MAX_AGE,
    redisUrl: environment.REDIS_URL?.trim() || null,
    redisPrefix: environment.CACHE_REDIS_PREFIX?.trim() || 'newsroom:cache:',
  };
}
