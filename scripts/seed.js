#!/usr/bin/env node
// @ts-check
'use strict';
// Launcher for `npm run seed [-- [--no-compile] bundle.json ...]`: compiles the
// TypeScript app (as `strapi develop` would), then hands over to the compiled CLI
// in dist/. `--no-compile` uses dist/ as it is: for production images built with
// `npm run build`, and for the test suite, which has just compiled it.
const { existsSync } = require('fs');
const path = require('path');
const { compileStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');

require('./lib/quiet-pg-deprecation');
const args = process.argv.slice(2);
const skipCompile = args.includes('--no-compile');

(async () => {
  const distDir = path.join(appDir, 'dist');
  if (skipCompile && !existsSync(path.join(distDir, 'src/seed/cli.js'))) {
    throw new Error('--no-compile was given but dist/ has no compiled app; run `npm run build` first.');
  }
  const appContext = skipCompile ? { appDir, distDir } : await compileStrapi({ appDir });
  const { runSeedCli } = require(path.join(appContext.distDir ?? distDir, 'src/seed/cli.js'));
  process.exitCode = await runSeedCli(
    args.filter((arg) => arg !== '--no-compile'),
    appContext,
  );
})().catch((/** @type {Error} */ error) => {
  console.error(`seed: failed before loading anything: ${error.message}`);
  process.exitCode = 1;
});
