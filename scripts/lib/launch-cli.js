// @ts-check
'use strict';
/**
 * What every launcher in scripts/ does before its CLI runs: compile the TypeScript app
 * (as `strapi develop` would), or with `--no-compile` use dist/ as it is (production
 * images built with `npm run build`, and the test suite, which has just compiled it),
 * then hand the remaining arguments to the compiled CLI's entry point and exit with its code.
 */
const { existsSync } = require('fs');
const path = require('path');
require('./quiet-pg-deprecation');

const appDir = path.resolve(__dirname, '..', '..');

/**
 * @typedef {{ appDir: string, distDir: string }} AppContext
 * @param {{ name: string, module: string, entry: string }} cli name: as the user typed it (for messages);
 *   module: the compiled CLI under dist/ (e.g. 'src/seed/cli.js'); entry: its exported function, called as (args, appContext)
 */
function launchCli({ name, module, entry }) {
  const args = process.argv.slice(2);
  const skipCompile = args.includes('--no-compile');
  (async () => {
    const distDir = path.join(appDir, 'dist');
    if (skipCompile && !existsSync(path.join(distDir, module))) {
      throw new Error('--no-compile was given but dist/ has no compiled app; run `npm run build` first.');
    }
    // Loaded here, not at the top: it is slow to load, and a bad --no-compile is answered without it.
    const { compileStrapi } = require('@strapi/strapi');
    const compiled = skipCompile ? { appDir, distDir } : await compileStrapi({ appDir });
    /** @type {AppContext} */
    const appContext = { appDir: compiled.appDir, distDir: compiled.distDir ?? distDir };
    const run = /** @type {(args: string[], context: AppContext) => Promise<number>} */ (require(path.join(appContext.distDir, module))[entry]);
    process.exitCode = await run(
      args.filter((arg) => arg !== '--no-compile'),
      appContext,
    );
  })().catch((/** @type {Error} */ error) => {
    console.error(`${name}: could not start: ${error.message}`);
    process.exitCode = 1;
  });
}

module.exports = { launchCli };
