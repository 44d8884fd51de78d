#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run seed:synthetic -- --articles N [--path bulk|bundle] [--ndjson FILE] [--no-compile]`: src/seed/synthetic-cli.ts,
// launched by ./lib/launch-cli.js.
require('./lib/launch-cli').launchCli({ name: 'seed:synthetic', module: 'src/seed/synthetic-cli.js', entry: 'runSyntheticCli' });
