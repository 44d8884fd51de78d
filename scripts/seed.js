#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run seed [-- [--no-compile] bundle.json ...]`: src/seed/cli.ts, launched by ./lib/launch-cli.js.
require('./lib/launch-cli').launchCli({ name: 'seed', module: 'src/seed/cli.js', entry: 'runSeedCli' });
