#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm start`: the compiled app (dist/, from `npm run build`) served as `strapi start`
 * serves it, without loading Strapi's command line. The CLI registers every command, and
 * its `console` command requires Node's `repl`, which loads the `domain` module: from then
 * on every EventEmitter (each request, response and socket) is set up through domain's
 * hooks, 6–14% more CPU per request on a bare server here, on every cached answer
 * (docs/performance.md, "Starting without the CLI").
 */
const path = require('path');
const { existsSync } = require('fs');

const appDir = path.resolve(__dirname, '..');
const distDir = path.join(appDir, 'dist');

(async () => {
  if (!existsSync(path.join(distDir, 'src', 'index.js'))) throw new Error('dist/ has no compiled app; run `npm run build` before starting it.');
  const { createStrapi } = require('@strapi/strapi');
  await createStrapi({ appDir, distDir }).start();
})().catch((/** @type {unknown} */ error) => {
  // As `strapi start` reports a failed start.
  console.error(error);
  process.exit(1);
});
