'use strict';
// What the benchmark and the load test share: the PostgreSQL connection settings, a
// free port, and the production server (`strapi start`, with the heap cap `npm start`
// sets) started on it and stopped again.
const { spawn } = require('child_process');
const net = require('net');
const path = require('path');
const { Client } = require('pg');

const appDir = path.resolve(__dirname, '..', '..');
const START_NODE_OPTIONS = /NODE_OPTIONS:-([^}]*)}/.exec(require('../../package.json').scripts.start)?.[1] ?? '';

const pgConfig = (database) => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  user: process.env.DATABASE_USERNAME ?? 'postgres',
  password: process.env.DATABASE_PASSWORD ?? '',
  database,
});

async function sql(database, text, params) {
  const client = new Client(pgConfig(database));
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** `strapi start` on a free port with this environment; resolves once /_health answers. */
async function startServer(env, { timeoutMs = 120_000 } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
    cwd: appDir,
    env: { ...process.env, NODE_OPTIONS: process.env.NODE_OPTIONS || START_NODE_OPTIONS, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(`${base}/_health`).then((r) => r.status === 204, () => false)) return { child, base, port };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy within ${timeoutMs / 1000} s`);
}

async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

module.exports = { appDir, START_NODE_OPTIONS, pgConfig, sql, freePort, startServer, stopServer };
