#!/usr/bin/env node
// @ts-check
'use strict';
// Launcher for `npm run seed:synthetic -- --articles N [--path bulk|bundle] [--no-compile]`;
// see src/seed/synthetic-cli.ts.
const { existsSync } = require('fs');
const path = require('path');
require('./lib/quiet-pg-deprecation');
const { compileStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const skipCompile = args.includes('--no-compile');

(async () => {
  const distDir = path.join(appDir, 'dist');
  if (skipCompile && !existsSync(path.join(distDir, 'src/seed/synthetic-cli.js'))) {
    throw new Error('--no-compile was given but dist/ has no compiled app; run `npm run build` first.');
  }
  const appContext = skipCompile ? { appDir, distDir } : await compileStrapi({ appDir });
  const { runSyntheticCli } = require(path.join(appContext.distDir ?? distDir, 'src/seed/synthetic-cli.js'));
  process.exitCode = await runSyntheticCli(
    args.filter((arg) => arg !== '--no-compile'),
    appContext,
  );
})().catch((/** @type {Error} */ error) => {
  console.error(`seed:synthetic: failed before loading anything: ${error.message}`);
  process.exitCode = 1;
});
