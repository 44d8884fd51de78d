import { readFileSync } from 'fs';
import path from 'path';
import type { Environment } from './environment';
import { PRODUCTION_SECRETS } from './production-secrets.fixture';
import { readSettings, SettingsError } from './read-settings';

/** The variables the settings read: an environment that records every name asked for. */
function variablesRead(environment: Record<string, string>): Set<string> {
  const seen = new Set<string>();
  const recording = new Proxy(environment, {
    get(target, name) {
      // zod looks for `then` on its input too; variables are upper case.
      if (typeof name === 'string' && /^[A-Z][A-Z0-9_]*$/.test(name)) seen.add(name);
      return target[name as string];
    },
  });
  readSettings(recording as Environment);
  return seen;
}

describe('readSettings', () => {
  it('reads an empty environment as development with every default', () => {
    const { settings, problems } = readSettings({});
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      environment: 'development',
      production: false,
      server: { host: '0.0.0.0', port: 1337, publicUrl: '', proxied: false, logLevel: 'info' },
      database: { client: 'sqlite', filename: '.tmp/data.db', host: '127.0.0.1', port: 5432, name: 'newsroom', pool: { min: 2, max: 10 }, ssl: null },
      api: { defaultLimit: 25, maxLimit: 100 },
      graphql: { depthLimit: 10, amountLimit: 250, defaultLimit: 25, maxLimit: 100, landingPage: true, introspection: true },
      cache: { enabled: true, maxBytes: 64 * 1024 * 1024, ttlMs: 86_400_000, cdnMaxAgeSeconds: 0, redisUrl: null },
      admin: { flags: { nps: false, promoteEE: false }, accounts: [] },
      preview: null,
      content: { seedOnBoot: true },
      jobs: { cronEnabled: true, readModelAuditCron: '17 * * * *' },
    });
    expect(settings.secrets.jwtSecret).toBe('dev-only-insecure-jwt_secret');
  });

  it('turns production defaults on in production', () => {
    const { settings, problems } = readSettings({ NODE_ENV: 'production', ...PRODUCTION_SECRETS });
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      production: true,
      graphql: { landingPage: false },
      http: { rateLimit: { enabled: true }, hstsMaxAgeSeconds: 31_536_000 },
    });
  });

  it('is frozen: nothing can change a setting after boot', () => {
    const { settings } = readSettings({});
    expect(Object.isFrozen(settings)).toBe(true);
    expect(Object.isFrozen(settings.database.pool)).toBe(true);
    expect(() => {
      (settings.server as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('names every bad variable at once, whichever part reads it', () => {
    const { problems } = readSettings({
      NODE_ENV: 'production',
      PORT: 'eighty',
      DATABASE_CLIENT: 'mysql',
      DATABASE_POOL_MAX: '0',
      LOG_LEVEL: 'loud',
      CACHE_MAX_MB: 'lots',
      RATE_LIMIT_MAX: 'many',
      CORS_ORIGINS: 'www.example.com/path',
      ADMIN_EMAIL: 'chief@example.org',
      FRONTEND_URL: 'not a url',
      GRAPHQL_INTROSPECTION: 'maybe',
    });
    const text = problems.join('\n');
    for (const variable of [
      'PORT',
      'DATABASE_CLIENT',
      'DATABASE_POOL_MAX',
      'LOG_LEVEL',
      'CACHE_MAX_MB',
      'RATE_LIMIT_MAX',
      'CORS_ORIGINS',
      'ADMIN_PASSWORD',
      'FRONTEND_URL',
      'GRAPHQL_INTROSPECTION',
      'APP_KEYS',
      'ENCRYPTION_KEY',
    ]) {
      expect({ variable, named: text.includes(variable) }).toEqual({ variable, named: true });
    }
    expect(new SettingsError(problems).message).toMatch(/^The environment has \d+ problems; the app will not start until each is fixed:\n- /);
  });

  it('still gives a usable configuration when a value is bad, so the boot can say what is wrong', () => {
    const { settings, problems } = readSettings({ PORT: 'eighty', CACHE_MAX_MB: 'lots' });
    expect(problems).toHaveLength(2);
    expect(settings.server.port).toBe(1337);
    expect(settings.cache.maxBytes).toBe(64 * 1024 * 1024);
  });
});

describe('the documented variables', () => {
  const root = path.resolve(__dirname, '..', '..');
  // Read by scripts and tooling, not by the app: documented, but not settings.
  const OUTSIDE_THE_APP = new Set(['NODE_OPTIONS', 'NINJS_SCHEMA_DIR']);
  const read = new Set([
    ...variablesRead({}),
    // The variables read only when others are set (an account's first name, the preview's path).
    ...variablesRead({
      ADMIN_EMAIL: 'a@example.org',
      ADMIN_PASSWORD: 'Tamarind-Lantern-Quarry-91',
      EDITOR_EMAIL: 'e@example.org',
      EDITOR_PASSWORD: 'Harbor-Violet-Compass-37',
      REPORTER_EMAIL: 'r@example.org',
      REPORTER_PASSWORD: 'Juniper-Saddle-Mosaic-52',
      FRONTEND_URL: 'https://example.org',
    }),
  ]);

  it('are exactly what the settings read: .env.example', () => {
    const example = readFileSync(path.join(root, '.env.example'), 'utf8');
    const listed = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
    expect([...read].filter((name) => !listed.has(name)).sort()).toEqual([]);
    expect([...listed].filter((name) => !read.has(name) && !OUTSIDE_THE_APP.has(name)).sort()).toEqual([]);
  });

  it("are exactly what the settings read: the README's configuration table", () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('\n## Configuration'), readme.indexOf('\n## Production'));
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    const listed = new Set(rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!)));
    expect([...read].filter((name) => !listed.has(name)).sort()).toEqual([]);
    expect([...listed].filter((name) => !read.has(name) && !OUTSIDE_THE_APP.has(name)).sort()).toEqual([]);
  });
});
