#!/usr/bin/env node
// @ts-check
'use strict';
// Launcher for `npm run import -- [--no-compile] [--stop-on-error] [--batch N] FILE.ndjson`:
// compiles the TypeScript app (as scripts/seed.js does), then hands over to the compiled
// CLI in dist/ (src/import/cli.ts). `--no-compile` uses dist/ as it is.
const { existsSync } = require('fs');
const path = require('path');
require('./lib/quiet-pg-deprecation');
const { compileStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const skipCompile = args.includes('--no-compile');

(async () => {
  const distDir = path.join(appDir, 'dist');
  if (skipCompile && !existsSync(path.join(distDir, 'src/import/cli.js'))) {
    throw new Error('--no-compile was given but dist/ has no compiled app; run `npm run build` first.');
  }
  const appContext = skipCompile ? { appDir, distDir } : await compileStrapi({ appDir });
  const { runImportCli } = require(path.join(appContext.distDir ?? distDir, 'src/import/cli.js'));
  process.exitCode = await runImportCli(
    args.filter((arg) => arg !== '--no-compile'),
    appContext,
  );
})().catch((/** @type {Error} */ error) => {
  console.error(`import: failed before importing anything: ${error.message}`);
  process.exitCode = 1;
});
