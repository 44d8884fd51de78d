#!/usr/bin/env node
// @ts-check
'use strict';
// Conformance step: validates ninjs documents (files or URLs) against IPTC's official
// ninjs 2.2 schema, which stays outside the project (../shared/schemas/ninjs, or
// NINJS_SCHEMA_DIR). A missing schema is a failure, not a skip.
//   node scripts/ninjs-conformance.js <file-or-url> [...]
const { existsSync, readFileSync } = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const schemaDir = path.resolve(process.env.NINJS_SCHEMA_DIR || path.join(__dirname, '..', '..', 'shared', 'schemas', 'ninjs'));
const schemaFile = path.join(schemaDir, 'ninjs-schema_2.2.json');
const geojsonFile = path.join(schemaDir, 'GeoJSON-schema.json');

/**
 * @param {string} target a file or an http(s) URL
 * @returns {Promise<Record<string, unknown>>}
 */
async function load(target) {
  if (/^https?:\/\//.test(target)) {
    const res = await fetch(target);
    if (!res.ok) throw new Error(`${target}: HTTP ${res.status}`);
    return /** @type {Record<string, unknown>} */ (await res.json());
  }
  return JSON.parse(readFileSync(target, 'utf8'));
}

(async () => {
  for (const file of [schemaFile, geojsonFile]) {
    if (!existsSync(file)) {
      console.error(`ninjs conformance: FAIL, the official schema is missing: ${file} (set NINJS_SCHEMA_DIR)`);
      process.exit(1);
    }
  }
  const targets = process.argv.slice(2);
  if (targets.length === 0) {
    console.error('usage: node scripts/ninjs-conformance.js <file-or-url> [...]');
    process.exit(2);
  }
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // The ninjs schema refers to GeoJSON by its public id; there is no network here.
  ajv.addSchema(JSON.parse(readFileSync(geojsonFile, 'utf8')), 'https://geojson.org/schema/GeoJSON.json');
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

  let failed = 0;
  for (const target of targets) {
    const document = await load(target);
    if (validate(document)) {
      console.log(`ninjs conformance: OK   ${target} (ninjs 2.2, ${Object.keys(document).length} properties)`);
    } else {
      failed += 1;
      console.error(`ninjs conformance: FAIL ${target}`);
      for (const error of validate.errors ?? []) console.error(`  ${error.instancePath || '(root)'} ${error.message} ${JSON.stringify(error.params)}`);
    }
  }
  process.exit(failed > 0 ? 1 : 0);
})().catch((/** @type {Error} */ error) => {
  console.error(`ninjs conformance: FAIL, ${error.message}`);
  process.exit(1);
});
