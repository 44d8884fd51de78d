#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run openapi`: generates the public API's OpenAPI document with Strapi's own
// generator (`strapi openapi generate`, experimental in 5.x), corrects what it gets
// wrong (src/domain/openapi/public-openapi.ts), writes docs/openapi.json, and the
// TypeScript types frontends use with a typed client (types/api/openapi.d.ts,
// openapi-typescript). `npm run openapi -- --check` fails when either committed file
// is out of date.
const { spawnSync } = require('child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } = require('fs');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');

const appDir = path.resolve(__dirname, '..');
const output = path.join(appDir, 'docs', 'openapi.json');
const typesOutput = path.join(appDir, 'types', 'api', 'openapi.d.ts');
const check = parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { check: { type: 'boolean', default: false } } }).values.check;
const work = mkdtempSync(path.join(os.tmpdir(), 'newsroom-openapi-'));
const raw = path.join(work, 'openapi.raw.json');

(async () => {
  // The correction step is TypeScript (src/domain/openapi); compile as `strapi develop` would.
  await require('@strapi/strapi').compileStrapi({ appDir });
  // The generator boots the app: keep it off the developer's database and away from seeding.
  const env = { ...process.env, DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(work, 'openapi.db'), SEED_ON_BOOT: 'false', LOG_LEVEL: 'error' };
  const generate = spawnSync(process.execPath, [path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'openapi', 'generate', '-o', raw], {
    cwd: appDir,
    env,
    encoding: 'utf8',
  });
  if (generate.status !== 0 || !existsSync(raw)) {
    process.stderr.write(generate.stdout + generate.stderr);
    throw new Error(`strapi openapi generate failed (exit ${generate.status})`);
  }
  const { publicOpenApi } = require(path.join(appDir, 'dist/src/domain/openapi/public-openapi.js'));
  const { version } = require(path.join(appDir, 'package.json'));
  const document = `${JSON.stringify(publicOpenApi(JSON.parse(readFileSync(raw, 'utf8')), { version }), null, 2)}\n`;
  const documentFile = path.join(work, 'openapi.json');
  const typesFile = path.join(work, 'openapi.d.ts');
  writeFileSync(documentFile, document);
  const types = spawnSync(process.execPath, [path.join(appDir, 'node_modules/openapi-typescript/bin/cli.js'), documentFile, '-o', typesFile], {
    encoding: 'utf8',
  });
  if (types.status !== 0) {
    process.stderr.write(types.stdout + types.stderr);
    throw new Error('openapi-typescript failed');
  }

  const outputs = [
    [documentFile, output],
    [typesFile, typesOutput],
  ];
  if (check) {
    const stale = outputs.filter(([fresh, committed]) => !existsSync(committed) || readFileSync(committed, 'utf8') !== readFileSync(fresh, 'utf8'));
    if (stale.length > 0) {
      throw new Error(`${stale.map(([, c]) => path.relative(appDir, c)).join(' and ')} out of date; run \`npm run openapi\` and commit the result.`);
    }
    console.log('openapi: docs/openapi.json and types/api/openapi.d.ts are up to date');
  } else {
    for (const [fresh, committed] of outputs) {
      writeFileSync(committed, readFileSync(fresh, 'utf8'));
      console.log(`openapi: wrote ${path.relative(appDir, committed)}`);
    }
  }
})()
  .catch((error) => {
    console.error(`openapi: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
