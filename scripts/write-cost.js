#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `node scripts/write-cost.js [--kind article|person] [--writes 40] [--trace]` (after dist/ is compiled:
 * `npm run build`, or any test run)
 *
 * What one editor's published write costs the server, counted exactly: boots the compiled
 * app in this process on a fresh PostgreSQL database (which seeds the story), makes a
 * full-access token, and times `--writes` REST PUTs of the story (a new summary, published
 * at once) or of one of its people (a new job title: every article view showing them is
 * rebuilt). Prints the SQL statements per write (knex's query events: exact, whatever
 * the machine's load), the process's CPU per write (server and the small client) and the
 * latency p50; `--trace` also lists the last write's statements with the time each was sent.
 * Drops the database afterwards. A measurement: it asserts nothing.
 */
const path = require('path');
const { parseArgs } = require('util');
const { Client } = require('pg');
const { pgConfig } = require('./lib/app-server');

const appDir = path.resolve(__dirname, '..');

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: { kind: { type: 'string', default: 'article' }, writes: { type: 'string', default: '40' }, trace: { type: 'boolean', default: false } },
  });
  const kind = values.kind === 'person' ? 'person' : 'article';
  const writes = Number(values.writes);
  if (!Number.isInteger(writes) || writes < 1) throw new Error('--writes must be a positive integer');

  const database = `newsroom_write_cost_${Date.now()}`;
  const admin = new Client(pgConfig('postgres'));
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  Object.assign(process.env, {
    DATABASE_CLIENT: 'postgres',
    DATABASE_NAME: database,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'error',
    // No scheduler ticks or jobs in the counted window.
    CRON_ENABLED: 'false',
    RATE_LIMIT_ENABLED: 'false',
  });
  process.chdir(appDir);
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    await strapi.listen();
    const port = /** @type {import('net').AddressInfo} */ (strapi.server.httpServer.address()).port;
    const base = `http://127.0.0.1:${port}`;
    const token = /** @type {{ accessKey: string }} */ (
      await strapi.service('admin::api-token').create({ name: 'write-cost', type: 'full-access', kind: 'content-api', lifespan: null })
    ).accessKey;
    const collection = kind === 'person' ? 'people' : 'articles';
    const first = /** @type {{ data: Array<{ documentId: string }> }} */ (await (await fetch(`${base}/api/${collection}?locale=ar`)).json()).data[0];
    if (!first) throw new Error(`write-cost: no ${kind} to write`);

    let counting = false;
    let statements = 0;
    /** @type {string[]} */
    let trace = [];
    let traceStart = 0;
    /** @type {import('knex').Knex} */ (strapi.db.connection).on('query', (/** @type {{ sql: string }} */ query) => {
      if (!counting) return;
      statements += 1;
      if (values.trace) trace.push(`${(performance.now() - traceStart).toFixed(1).padStart(6)} ms  ${query.sql.replace(/\s+/g, ' ').slice(0, 150)}`);
    });
    /** @type {number[]} */
    const latencies = [];
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < writes; i++) {
      const data = kind === 'person' ? { jobTitle: `منصب ${i}` } : { summary: `ملخص ${i}` };
      counting = true;
      trace = [];
      const started = (traceStart = performance.now());
      const res = await fetch(`${base}/api/${collection}/${first.documentId}?locale=ar`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ data }),
      });
      await res.text();
      latencies.push(performance.now() - started);
      counting = false;
      if (res.status !== 200) throw new Error(`write-cost: PUT answered ${res.status}`);
    }
    const cpu = process.cpuUsage(cpuBefore);
    if (values.trace) console.log(`write-cost: the statements of the last write, with the time each was sent:\n${trace.join('\n')}`);
    latencies.sort((a, b) => a - b);
    const load = require('fs').readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    console.log(
      `write-cost: ${kind}, ${writes} published writes: ${(statements / writes).toFixed(1)} SQL statements per write, ` +
        `${((cpu.user + cpu.system) / 1000 / writes).toFixed(1)} ms CPU per write, p50 ${latencies[Math.floor(writes / 2)]?.toFixed(1)} ms (load average ${load})`,
    );
  } finally {
    // Strapi's entry events re-read the last write after it was acknowledged; let them finish rather than abort them.
    await require(path.join(appDir, 'dist', 'src', 'seed', 'database-idle.js')).waitForDatabaseIdle(strapi);
    await strapi.destroy();
    const dropper = new Client(pgConfig('postgres'));
    await dropper.connect();
    await dropper.query(`drop database if exists ${database} with (force)`);
    await dropper.end();
  }
}

main().then(
  () => process.exit(0),
  (/** @type {Error} */ error) => {
    console.error(`write-cost: ${error.message}`);
    process.exit(1);
  },
);
