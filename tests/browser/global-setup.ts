import type { ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { existsSync } from 'fs';
import { createTestDatabase } from '../helpers/test-database';
import { ensureBuild, startServer } from '../../scripts/lib/app-server';
import { EDITOR, SUPER_ADMIN } from '../fixtures/accounts';

/**
 * The browser test drives the real admin panel: it builds the admin (unless
 * BROWSER_TEST_SKIP_BUILD=true and a build exists), starts the app with `strapi start`
 * in its own process on a fresh database, and points Debian's Chromium at it.
 */
declare global {
  // Shared with global-teardown.ts, which runs in this same process.
  var __NEWSROOM_BROWSER__: { app: ChildProcess; dropDatabase: () => Promise<void> } | undefined;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH; this test never downloads a browser.`,
    );
  }
  ensureBuild(process.env.BROWSER_TEST_SKIP_BUILD === 'true', 'browser tests');

  const database = await createTestDatabase();
  try {
    const app = await startServer(
      {
        ...database.env,
        LOG_LEVEL: 'warn',
        ADMIN_EMAIL: SUPER_ADMIN.email,
        ADMIN_PASSWORD: SUPER_ADMIN.password,
        EDITOR_EMAIL: EDITOR.email,
        EDITOR_PASSWORD: EDITOR.password,
        // A receiver that is never there (a port outside the ephemeral range, and not one fetch refuses as unsafe), one attempt each: every webhook fails at once, for the Settings page's test.
        WEBHOOK_ENDPOINTS: 'http://127.0.0.1:65000/newsroom-hook',
        WEBHOOK_SECRET: `whsec_${randomBytes(32).toString('base64')}`,
        WEBHOOK_MAX_ATTEMPTS: '1',
      },
      { label: 'browser tests' },
    );
    globalThis.__NEWSROOM_BROWSER__ = { app: app.child, dropDatabase: database.drop };
    process.env.TEST_BROWSER_BASE_URL = app.baseUrl;
    process.stdout.write(`[browser tests] app on ${app.baseUrl}, ${database.description}\n`);
  } catch (error) {
    await database.drop();
    throw error;
  }
}
