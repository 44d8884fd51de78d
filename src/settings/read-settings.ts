import { z } from 'zod';
import type { PreviewSettings } from '../domain/preview/preview';
import { declaredAccounts, type DeclaredAccount } from './accounts';
import { cacheSettings, type CacheSettings } from './cache';
import { webhookSettings, type WebhookSettings } from './webhooks';
import { boolVar, enumVar, intVar, messagesOf, optionalTextVar, textVar, type Environment } from './environment';
import { httpSettings, type HttpSettings } from './http';
import { previewSettings } from './preview';
import { appKeys, InsecureSecretError, secret, secretProblems } from './secrets';

/**
 * Every setting the app reads from the environment, parsed once into one typed,
 * frozen object (src/settings/index.ts holds it). config/*.ts and the code read
 * this, never process.env. A bad value does not throw here: every problem is
 * collected, and the boot (src/index.ts register) refuses to start naming them all
 * at once. `strapi build` loads the config too and must not need runtime values,
 * so building never fails on them.
 */

export const DATABASE_CLIENTS = ['sqlite', 'postgres'] as const;
export const LOG_LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] as const;

export interface DatabaseSettings {
  client: (typeof DATABASE_CLIENTS)[number];
  url: string | null;
  host: string;
  port: number;
  name: string;
  username: string;
  password: string;
  schema: string;
  ssl: { rejectUnauthorized: boolean; ca: string | null } | null;
  pool: { min: number; max: number };
  connectionTimeoutMs: number;
  /** SQLite file, relative to the project root unless absolute. */
  filename: string;
}

export interface Settings {
  environment: string;
  production: boolean;
  server: {
    host: string;
    port: number;
    /** The public URL behind a proxy or CDN; '' when the app is reached directly. */
    publicUrl: string;
    proxied: boolean;
    logLevel: (typeof LOG_LEVELS)[number];
    appKeys: string[];
  };
  secrets: {
    apiTokenSalt: string;
    adminJwtSecret: string;
    transferTokenSalt: string;
    jwtSecret: string;
    encryptionKey: string;
    jwtExpiresIn: string;
  };
  database: DatabaseSettings;
  api: { defaultLimit: number; maxLimit: number };
  graphql: {
    depthLimit: number;
    amountLimit: number;
    defaultLimit: number;
    maxLimit: number;
    landingPage: boolean;
    introspection: boolean;
    /** Apollo's automatic persisted queries (src/graphql/persisted-queries.ts): memory bound and lifetime of a registered query. */
    persistedQueries: { maxBytes: number; ttlSeconds: number };
  };
  http: HttpSettings;
  cache: CacheSettings;
  webhooks: WebhookSettings;
  admin: { flags: { nps: boolean; promoteEE: boolean }; accounts: DeclaredAccount[] };
  preview: PreviewSettings | null;
  content: { seedOnBoot: boolean };
  jobs: { cronEnabled: boolean; readModelAuditCron: string; scheduleIntervalSeconds: number };
  /** Revision history (src/history/): on unless turned off; kept forever unless retentionDays says otherwise. */
  history: { enabled: boolean; retentionDays: number | null; pruneCron: string };
  /** The outlet as feeds and the Google News sitemap name it. */
  publication: { name: string };
  /** URLs per article sitemap (src/sitemaps/); the protocol allows 50,000. */
  sitemaps: { pageSize: number };
}

export interface ReadSettings {
  settings: Settings;
  /** Every bad variable, each named; empty when the app may boot. */
  problems: string[];
}

const schema = (production: boolean) =>
  z.object({
    HOST: textVar('0.0.0.0'),
    PORT: intVar('PORT', 1337, 0, 65535),
    PUBLIC_URL: textVar(''),
    IS_PROXIED: boolVar('IS_PROXIED', false),
    LOG_LEVEL: enumVar('LOG_LEVEL', LOG_LEVELS, 'info'),
    JWT_EXPIRES_IN: textVar('7d'),
    DATABASE_CLIENT: enumVar('DATABASE_CLIENT', DATABASE_CLIENTS, 'sqlite'),
    DATABASE_URL: optionalTextVar(),
    DATABASE_HOST: textVar('127.0.0.1'),
    DATABASE_PORT: intVar('DATABASE_PORT', 5432, 1, 65535),
    DATABASE_NAME: textVar('newsroom'),
    DATABASE_USERNAME: textVar('postgres'),
    DATABASE_PASSWORD: z.string().optional().default(''),
    DATABASE_SCHEMA: textVar('public'),
    DATABASE_SSL: boolVar('DATABASE_SSL', false),
    DATABASE_SSL_REJECT_UNAUTHORIZED: boolVar('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
    DATABASE_SSL_CA: optionalTextVar(),
    DATABASE_POOL_MIN: intVar('DATABASE_POOL_MIN', 2, 0),
    DATABASE_POOL_MAX: intVar('DATABASE_POOL_MAX', 10, 1),
    DATABASE_CONNECTION_TIMEOUT: intVar('DATABASE_CONNECTION_TIMEOUT', 60_000, 1),
    DATABASE_FILENAME: textVar('.tmp/data.db'),
    API_DEFAULT_LIMIT: intVar('API_DEFAULT_LIMIT', 25, 1),
    API_MAX_LIMIT: intVar('API_MAX_LIMIT', 100, 1),
    GRAPHQL_DEPTH_LIMIT: intVar('GRAPHQL_DEPTH_LIMIT', 10, 1),
    GRAPHQL_AMOUNT_LIMIT: intVar('GRAPHQL_AMOUNT_LIMIT', 250, 1),
    GRAPHQL_DEFAULT_LIMIT: intVar('GRAPHQL_DEFAULT_LIMIT', 25, 1),
    GRAPHQL_MAX_LIMIT: intVar('GRAPHQL_MAX_LIMIT', 100, 1),
    GRAPHQL_LANDING_PAGE: boolVar('GRAPHQL_LANDING_PAGE', !production),
    GRAPHQL_INTROSPECTION: boolVar('GRAPHQL_INTROSPECTION', true),
    GRAPHQL_PERSISTED_QUERIES_MAX_MB: intVar('GRAPHQL_PERSISTED_QUERIES_MAX_MB', 16, 1, 4096),
    GRAPHQL_PERSISTED_QUERIES_TTL_SECONDS: intVar('GRAPHQL_PERSISTED_QUERIES_TTL_SECONDS', 86_400, 60),
    FLAG_NPS: boolVar('FLAG_NPS', false),
    FLAG_PROMOTE_EE: boolVar('FLAG_PROMOTE_EE', false),
    SEED_ON_BOOT: boolVar('SEED_ON_BOOT', true),
    CRON_ENABLED: boolVar('CRON_ENABLED', true),
    JOB_READ_MODEL_AUDIT_CRON: textVar('17 * * * *'),
    SCHEDULE_INTERVAL_SECONDS: intVar('SCHEDULE_INTERVAL_SECONDS', 30, 1, 3600),
    HISTORY_ENABLED: boolVar('HISTORY_ENABLED', true),
    HISTORY_RETENTION_DAYS: intVar('HISTORY_RETENTION_DAYS', null, 1, 36_500),
    JOB_HISTORY_PRUNE_CRON: textVar('41 3 * * *'),
    PUBLICATION_NAME: textVar('Newsroom'),
    SITEMAP_PAGE_SIZE: intVar('SITEMAP_PAGE_SIZE', 50_000, 1, 50_000),
  });

/**
 * One part read with its own parser; its problems collected, and a default used in
 * its place so the rest still reads (the boot refuses anyway).
 */
function part<T>(problems: string[], read: () => T, fallback: () => T): T {
  try {
    return read();
  } catch (error) {
    problems.push((error as Error).message);
    return fallback();
  }
}

export function readSettings(environment: Environment): ReadSettings {
  const production = environment.NODE_ENV === 'production';
  const problems: string[] = [];
  const parsed = schema(production).safeParse(environment);
  if (!parsed.success) problems.push(...messagesOf(parsed.error));
  // With a bad value, each variable falls back to its default so the config can still load.
  const values = parsed.success ? parsed.data : schema(production).parse({});
  const secrets = secretProblems(environment);
  if (secrets.length > 0) problems.push(new InsecureSecretError(secrets).message);

  const settings: Settings = {
    environment: environment.NODE_ENV?.trim() || 'development',
    production,
    server: {
      host: values.HOST,
      port: values.PORT,
      publicUrl: values.PUBLIC_URL,
      proxied: values.IS_PROXIED,
      logLevel: values.LOG_LEVEL,
      appKeys: appKeys(environment),
    },
    secrets: {
      apiTokenSalt: secret('API_TOKEN_SALT', environment),
      adminJwtSecret: secret('ADMIN_JWT_SECRET', environment),
      transferTokenSalt: secret('TRANSFER_TOKEN_SALT', environment),
      jwtSecret: secret('JWT_SECRET', environment),
      encryptionKey: secret('ENCRYPTION_KEY', environment),
      jwtExpiresIn: values.JWT_EXPIRES_IN,
    },
    database: {
      client: values.DATABASE_CLIENT,
      url: values.DATABASE_URL,
      host: values.DATABASE_HOST,
      port: values.DATABASE_PORT,
      name: values.DATABASE_NAME,
      username: values.DATABASE_USERNAME,
      password: values.DATABASE_PASSWORD,
      schema: values.DATABASE_SCHEMA,
      ssl: values.DATABASE_SSL ? { rejectUnauthorized: values.DATABASE_SSL_REJECT_UNAUTHORIZED, ca: values.DATABASE_SSL_CA } : null,
      pool: { min: values.DATABASE_POOL_MIN, max: values.DATABASE_POOL_MAX },
      connectionTimeoutMs: values.DATABASE_CONNECTION_TIMEOUT,
      filename: values.DATABASE_FILENAME,
    },
    api: { defaultLimit: values.API_DEFAULT_LIMIT, maxLimit: values.API_MAX_LIMIT },
    graphql: {
      depthLimit: values.GRAPHQL_DEPTH_LIMIT,
      amountLimit: values.GRAPHQL_AMOUNT_LIMIT,
      defaultLimit: values.GRAPHQL_DEFAULT_LIMIT,
      maxLimit: values.GRAPHQL_MAX_LIMIT,
      landingPage: values.GRAPHQL_LANDING_PAGE,
      introspection: values.GRAPHQL_INTROSPECTION,
      persistedQueries: { maxBytes: values.GRAPHQL_PERSISTED_QUERIES_MAX_MB * 1024 * 1024, ttlSeconds: values.GRAPHQL_PERSISTED_QUERIES_TTL_SECONDS },
    },
    http: part(
      problems,
      () => httpSettings(environment),
      () => httpSettings({ NODE_ENV: environment.NODE_ENV }),
    ),
    cache: part(
      problems,
      () => cacheSettings(environment),
      () => cacheSettings({}),
    ),
    webhooks: part(
      problems,
      () => webhookSettings(environment),
      () => webhookSettings({}),
    ),
    admin: {
      flags: { nps: values.FLAG_NPS, promoteEE: values.FLAG_PROMOTE_EE },
      accounts: part(
        problems,
        () => declaredAccounts(environment),
        () => [],
      ),
    },
    preview: part(
      problems,
      () => previewSettings(environment),
      () => null,
    ),
    content: { seedOnBoot: values.SEED_ON_BOOT },
    jobs: { cronEnabled: values.CRON_ENABLED, readModelAuditCron: values.JOB_READ_MODEL_AUDIT_CRON, scheduleIntervalSeconds: values.SCHEDULE_INTERVAL_SECONDS },
    history: { enabled: values.HISTORY_ENABLED, retentionDays: values.HISTORY_RETENTION_DAYS, pruneCron: values.JOB_HISTORY_PRUNE_CRON },
    publication: { name: values.PUBLICATION_NAME },
    sitemaps: { pageSize: values.SITEMAP_PAGE_SIZE },
  };
  return { settings: deepFreeze(settings), problems };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The environment has ${problems.length} problem${problems.length === 1 ? '' : 's'}; the app will not start until each is fixed:\n- ${problems.join('\n- ')}`,
    );
    this.name = 'SettingsError';
  }
}
