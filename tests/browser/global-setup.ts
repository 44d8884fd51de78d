import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { existsSync } from 'fs';
import net from 'net';
import path from 'path';
import { createTestDatabase } from '../helpers/test-database';
import { EDITOR, SUPER_ADMIN } from '../fixtures/accounts';

/**
 * The browser test drives the real admin panel: it builds the admin (unless
 * BROWSER_TEST_SKIP_BUILD=true and a build exists), starts the app with `strapi start`
 * in its own process on a fresh database, and points Debian's Chromium at it.
 */
declare global {
  // Shared with global-teardown.ts, which runs in this same process.
  // eslint-disable-next-line no-var
  var __NEWSROOM_BROWSER__: { app: ChildProcess; dropDatabase: () => Promise<void> } | undefined;
}

const appDir = path.resolve(__dirname, '..', '..');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH; this test never downloads a browser.`);
  }
  const built = existsSync(path.join(appDir, 'dist', 'build', 'index.html'));
  if (process.env.BROWSER_TEST_SKIP_BUILD !== 'true' || !built) {
    process.stdout.write('\n[browser tests] building the admin panel (strapi build)\n');
    const build = spawnSync(process.execPath, [path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'build'], {
      cwd: appDir,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (build.status !== 0) throw new Error(`strapi build failed with exit code ${build.status}`);
  }

  const database = await createTestDatabase();
  const port = await freePort();
  const app = spawn(process.execPath, [path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
    cwd: appDir,
    env: {
      ...process.env,
      ...database.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: SUPER_ADMIN.email,
      ADMIN_PASSWORD: SUPER_ADMIN.password,
      EDITOR_EMAIL: EDITOR.email,
      EDITOR_PASSWORD: EDITOR.password,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  globalThis.__NEWSROOM_BROWSER__ = { app, dropDatabase: database.drop };

  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 180; attempt++) {
    if (app.exitCode !== null) throw new Error(`strapi start exited with ${app.exitCode} before it was healthy`);
    const healthy = await fetch(`${baseUrl}/_health`).then((r) => r.status === 204, () => false);
    if (healthy) {
      process.env.TEST_BROWSER_BASE_URL = baseUrl;
      process.stdout.write(`[browser tests] app on ${baseUrl}, ${database.description}\n`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the app did not become healthy within 90 s');
}
