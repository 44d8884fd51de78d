#!/usr/bin/env node
'use strict';
// Launcher for `npm run seed`: compiles the TypeScript app (as `strapi develop` would),
// then hands over to the compiled CLI in dist/.
const path = require('path');
const { compileStrapi } = require('@strapi/strapi');

(async () => {
  const appContext = await compileStrapi({ appDir: path.resolve(__dirname, '..') });
  const { runSeedCli } = require(path.join(appContext.distDir, 'src/seed/cli.js'));
  process.exitCode = await runSeedCli(process.argv.slice(2), appContext);
})().catch((error) => {
  console.error('seed: failed before loading anything:', error);
  process.exitCode = 1;
});
