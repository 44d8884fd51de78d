import path from 'path';
import type { AddressInfo } from 'net';
import { compileStrapi, createStrapi, type Core } from '@strapi/strapi';
import { createTestDatabase } from './test-database';
import { EDITOR, FRONTEND_URL, PREVIEW_SECRET, REPORTER, SUPER_ADMIN } from '../fixtures/accounts';

/**
 * Boots the app once for the whole API suite: compile TypeScript to dist/ (Jest
 * cannot load the .ts config itself), create a throwaway database, load Strapi
 * (which seeds the story on this empty database, as a first boot does) and listen
 * on a free port. Tests talk to it over HTTP only, like a frontend would.
 */
declare global {
  // Shared with global-teardown.ts, which runs in this same process.
  var __NEWSROOM_TEST__: { strapi: Core.Strapi; dropDatabase: () => Promise<void> } | undefined;
}

async function adminSessionToken(baseUrl: string, account: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!res.ok) throw new Error(`admin login for ${account.email} failed with ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { data: { token: string } }).data.token;
}

export default async function globalSetup(): Promise<void> {
  const appDir = path.resolve(__dirname, '..', '..');
  process.env.HOST = '127.0.0.1';
  process.env.PORT = '0';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  // The accounts and the preview an operator would configure (README, .env.example).
  Object.assign(process.env, {
    ADMIN_EMAIL: SUPER_ADMIN.email,
    ADMIN_PASSWORD: SUPER_ADMIN.password,
    EDITOR_EMAIL: EDITOR.email,
    EDITOR_PASSWORD: EDITOR.password,
    REPORTER_EMAIL: REPORTER.email,
    REPORTER_PASSWORD: REPORTER.password,
    FRONTEND_URL,
    PREVIEW_SECRET,
    // The one origin a browser may call the API from (docs/security.md); tests/api/security-headers.test.ts checks it.
    CORS_ORIGINS: FRONTEND_URL,
    // Scheduled publishing every 2 s, so tests/api/scheduling.test.ts sees it act within seconds.
    SCHEDULE_INTERVAL_SECONDS: '2',
    // The history's retention job every 2 s, keeping ten years, so tests/api/history.test.ts sees it prune an old revision.
    HISTORY_RETENTION_DAYS: '3650',
    JOB_HISTORY_PRUNE_CRON: '*/2 * * * * *',
    // Two URLs per article sitemap, so tests/api/sitemaps.test.ts sees several pages with a handful of articles.
    SITEMAP_PAGE_SIZE: '2',
  });
  const database = await createTestDatabase();
  // The app below, the seed CLI the tests spawn and the tests' own connections all use it.
  Object.assign(process.env, database.env);

  try {
    const appContext = await compileStrapi({ appDir });
    const strapi = await createStrapi(appContext).load();
    await strapi.listen();
    const { port } = strapi.server.httpServer.address() as AddressInfo;

    const fullAccess = await strapi.service('admin::api-token').create({
      name: 'api-tests-full-access',
      description: 'Created by the API test setup',
      type: 'full-access',
      kind: 'content-api',
      lifespan: null,
    });
    const readOnly = await strapi.service('admin::api-token').create({
      name: 'api-tests-read-only',
      description: 'Created by the API test setup',
      type: 'read-only',
      kind: 'content-api',
      lifespan: null,
    });

    process.env.TEST_BASE_URL = `http://127.0.0.1:${port}`;
    // One admin session per account for the whole run: the admin login is rate-limited (5 per email).
    process.env.TEST_EDITOR_ADMIN_TOKEN = await adminSessionToken(process.env.TEST_BASE_URL, EDITOR);
    process.env.TEST_REPORTER_ADMIN_TOKEN = await adminSessionToken(process.env.TEST_BASE_URL, REPORTER);
    process.env.TEST_FULL_ACCESS_TOKEN = fullAccess.accessKey;
    process.env.TEST_READ_ONLY_TOKEN = readOnly.accessKey;
    process.env.TEST_APP_DIR = appDir;
    // The permissions matrix (tests/api/permissions-matrix.test.ts) is generated from the routes the app really serves.
    process.env.TEST_CONTENT_API_ROUTES = JSON.stringify(
      strapi.server
        .listRoutes()
        .filter((route) => route.path.startsWith('/api/'))
        .flatMap((route) => route.methods.filter((method: string) => method !== 'HEAD').map((method: string) => `${method} ${route.path}`)),
    );
    // The audit log's route table (src/audit-log/actions.ts) is checked against the admin routes the app serves.
    process.env.TEST_ADMIN_ROUTES = JSON.stringify(
      strapi.server
        .listRoutes()
        .filter((route) => !route.path.startsWith('/api/'))
        .flatMap((route) => route.methods.filter((method: string) => method !== 'HEAD').map((method: string) => `${method} ${route.path}`)),
    );
    globalThis.__NEWSROOM_TEST__ = { strapi, dropDatabase: database.drop };
    process.stdout.write(`\n[api tests] app on ${process.env.TEST_BASE_URL}, ${database.description}\n`);
  } catch (error) {
    await database.drop();
    throw error;
  }
}
