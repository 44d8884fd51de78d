#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run dump [-- --no-compile]`: the canonical dump of every document (src/seed/canonical-dump.ts).
const path = require('path');
require('./lib/quiet-pg-deprecation');
const { compileStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');
(async () => {
  const appContext = process.argv.includes('--no-compile') ? { appDir, distDir: path.join(appDir, 'dist') } : await compileStrapi({ appDir });
  const { runDumpCli } = require(path.join(appContext.distDir ?? path.join(appDir, 'dist'), 'src/seed/dump-cli.js'));
  process.exitCode = await runDumpCli(appContext);
})().catch((/** @type {Error} */ error) => {
  console.error(`dump: ${error.message}`);
  process.exitCode = 1;
});
