#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run import -- [--no-compile] [--stop-on-error] [--batch N] FILE.ndjson`: src/import/cli.ts, launched by ./lib/launch-cli.js.
require('./lib/launch-cli').launchCli({ name: 'import', module: 'src/import/cli.js', entry: 'runImportCli' });
