#!/usr/bin/env node
'use strict';
// Launcher for `npm run seed [-- [--no-compile] bundle.json ...]`: compiles the
// TypeScript app (as `strapi develop` would), then hands over to the compiled CLI
// in dist/. `--no-compile` uses dist/ as it is: for production images built with
// `npm run build`, and for the test suite, which has just compiled it.
const { existsSync } = require('fs');
const path = require('path');
const { compileStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');

// Strapi's Document Service runs some reads concurrently (Promise.all) inside the
// seed's transaction; knex sends them to the one transaction connection and pg 8.x
// queues them correctly but warns that pg 9 will not. Known and harmless on pg 8:
// keep it out of a newsroom script's output, and let every other warning through.
const PG_CONCURRENT_QUERY = 'Calling client.query() when the client is already executing a query';
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning' && warning.message.startsWith(PG_CONCURRENT_QUERY)) return;
  console.warn(`(node:${process.pid}) ${warning.name}: ${warning.message}`);
});
const args = process.argv.slice(2);
const skipCompile = args.includes('--no-compile');

(async () => {
  const distDir = path.join(appDir, 'dist');
  if (skipCompile && !existsSync(path.join(distDir, 'src/seed/cli.js'))) {
    throw new Error('--no-compile was given but dist/ has no compiled app; run `npm run build` first.');
  }
  const appContext = skipCompile ? { appDir, distDir } : await compileStrapi({ appDir });
  const { runSeedCli } = require(path.join(appContext.distDir, 'src/seed/cli.js'));
  process.exitCode = await runSeedCli(
    args.filter((arg) => arg !== '--no-compile'),
    appContext,
  );
})().catch((error) => {
  console.error(`seed: failed before loading anything: ${error.message}`);
  process.exitCode = 1;
});
