// @ts-check
'use strict';
/**
 * The production app as an operator runs it, in its own process: what the benchmark,
 * the load test and the tests that need real processes (browser, cluster, faults)
 * share. `npm start`'s server (scripts/start.js) with the heap cap `npm start` sets, on a free port, stopped
 * again; the build; generated production secrets; an API token made through the
 * admin; PostgreSQL connections for setup and assertions.
 */
const { spawn, spawnSync } = require('child_process');
const { randomBytes } = require('crypto');
const { existsSync } = require('fs');
const net = require('net');
const path = require('path');
const { Client } = require('pg');

const appDir = path.resolve(__dirname, '..', '..');
const STRAPI_BIN = path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js');
/** What `npm start` runs: the compiled app without Strapi's CLI (scripts/start.js says why). */
const START_SCRIPT = path.join(appDir, 'scripts', 'start.js');
/** The flags `npm start` gives Node (package.json's start script), so every started server runs like production. */
const START_NODE_OPTIONS = /NODE_OPTIONS:-([^}]*)}/.exec(require('../../package.json').scripts.start)?.[1] ?? '';

/**
 * @param {string} database
 * @returns {import('pg').ClientConfig}
 */
const pgConfig = (database) => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  user: process.env.DATABASE_USERNAME ?? 'postgres',
  password: process.env.DATABASE_PASSWORD ?? '',
  database,
});

/**
 * One statement on one database, on a connection of its own.
 * @param {string} database
 * @param {string} text
 * @param {unknown[]} [params]
 * @returns {Promise<Array<Record<string, any>>>} rows as the driver returns them
 */
async function sql(database, text, params) {
  const client = new Client(pgConfig(database));
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * `strapi build` (admin and server) unless `skip` is set and a build exists.
 * @param {boolean} skip
 * @param {string} label
 */
function ensureBuild(skip, label) {
  const built = existsSync(path.join(appDir, 'dist', 'build', 'index.html')) && existsSync(path.join(appDir, 'dist', 'src', 'index.js'));
  if (skip && built) return;
  process.stdout.write(`\n[${label}] building the app (strapi build)\n`);
  const build = spawnSync(process.execPath, [STRAPI_BIN, 'build'], { cwd: appDir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) throw new Error(`strapi build failed with exit code ${build.status}`);
}

/**
 * @typedef {object} AppProcess
 * @property {import('child_process').ChildProcess} child
 * @property {string} baseUrl
 * @property {number} port
 * @property {() => string} output everything the process printed so far
 */

/**
 * `npm start`'s server (scripts/start.js) with this environment on a free port; resolves once /_health answers.
 * @param {Record<string, string>} env
 * @param {{ label?: string, timeoutMs?: number, echo?: boolean }} [options] echo: print the process's output as it comes
 * @returns {Promise<AppProcess>}
 */
async function startServer(env, { label = 'app', timeoutMs = 120_000, echo = process.env.TEST_APP_OUTPUT === 'true' } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [START_SCRIPT], {
    cwd: appDir,
    env: { ...process.env, NODE_OPTIONS: process.env.NODE_OPTIONS || START_NODE_OPTIONS, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  /** @param {string} chunk */
  const collect = (chunk) => {
    output += chunk;
    if (echo) process.stdout.write(`[${label}] ${chunk}`);
  };
  // Decoded as streams: a chunk may end inside a multi-byte (Arabic) character.
  child.stdout?.setEncoding('utf8').on('data', collect);
  child.stderr?.setEncoding('utf8').on('data', collect);
  const app = { child, baseUrl: `http://127.0.0.1:${port}`, port, output: () => output };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label}: the server exited with ${child.exitCode} before it was healthy:\n${output.slice(-3000)}`);
    if (
      await fetch(`${app.baseUrl}/_health`).then(
        (r) => r.status === 204,
        () => false,
      )
    )
      return app;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`${label}: not healthy within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`);
}

/**
 * SIGTERM, then SIGKILL after 10 s.
 * @param {import('child_process').ChildProcess | undefined} child
 */
async function stopServer(child) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
  clearTimeout(timer);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * NODE_ENV=production with freshly generated secrets, as an operator deploys it (a placeholder would stop the boot).
 * @returns {Record<string, string>}
 */
function productionEnvironment() {
  const secret = () => randomBytes(24).toString('base64');
  return {
    NODE_ENV: 'production',
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
}

/**
 * A full-access API token, made the way an operator makes one: through the admin's API, as this super admin.
 * @param {{ baseUrl: string }} app
 * @param {{ email: string, password: string }} admin
 * @param {string} [name]
 * @returns {Promise<string>}
 */
async function fullAccessToken(app, admin, name = 'system-test') {
  const login = await fetch(`${app.baseUrl}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(admin) });
  const session = /** @type {{ data: { token: string } }} */ (await login.json()).data.token;
  const res = await fetch(`${app.baseUrl}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session}` },
    body: JSON.stringify({ name, type: 'full-access', lifespan: null }),
  });
  return /** @type {{ data: { accessKey: string } }} */ (await res.json()).data.accessKey;
}

module.exports = {
  appDir,
  STRAPI_BIN,
  START_NODE_OPTIONS,
  pgConfig,
  sql,
  freePort,
  ensureBuild,
  startServer,
  stopServer,
  productionEnvironment,
  fullAccessToken,
};
