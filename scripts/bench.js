#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run bench -- [--articles 1000] [--duration 10] [--connections 32] [--database NAME] [--reuse] [--keep]`
 * `npm run bench -- --scenario writes [--articles 1000] [--writes 200]`: what the revision
 * history costs a write; `--scenario webhooks`: what the webhook outbox costs a write, and
 * how soon the webhook arrives (scripts/lib/bench-writes.js).
 * `npm run bench -- --scenario breaking-news [--articles 1000] [--duration 30] [--readers 48] [--write-rate 2]`:
 * readers of five kinds flat out while a writer updates, at a fixed rate, the articles
 * they read; latency per kind, write rate and latency, stale reads, server CPU per
 * request and peak RSS (scripts/lib/bench-breaking-news.js). It exits 1 when any read
 * or write failed or any read was stale, after printing and writing its results.
 * `npm run bench -- --scenario hits [--cache-mb 8] [--mixed 120] [--mixed-rate 0]`: server CPU per cache hit
 * against a bare node:http server, fresh, with the cache full and after mixed traffic
 * (scripts/lib/bench-hits.js).
 *
 * Starts the production build (`strapi start`, NODE_ENV=production) on a PostgreSQL
 * database holding the story plus N synthetic articles, warms up, and measures each
 * scenario in turn with autocannon, first with the response cache off, then on:
 *   core      the plain core request for the story: GET /api/articles?filters[slug][$eq]=… (default populate)
 *   story     (1) the story by slug with everything populated: GET /api/articles/slug/:slug
 *   mentions  (2) the 25 newest articles that mention a given person
 *   latest    (2b) the 10 newest articles with the default populate (the list the article read model answers)
 *   search    (3) search for a name typed without its hamza (الاعرجي finds الأعرجي)
 *   graphql   (4) the story with its quotes, speakers and sources over GraphQL
 * and the ceiling: a bare node:http server, in its own process, sending the exact
 * bytes of (1). For each: requests/s, p50/p95/p99 latency, errors, ratio to the
 * ceiling, server CPU per request (/proc, the process tree) and the server's peak RSS. Prints a table and writes JSON to bench/results/.
 * Every scenario prepares the database the same way (the story plus N synthetic
 * articles, written as an NDJSON archive and loaded with `npm run import`; `--reuse`
 * keeps one prepared earlier, `--keep` keeps this one).
 * A benchmark, not a test: nothing here asserts a timing.
 */
const { spawnSync, fork } = require('child_process');
const { mkdirSync, rmSync, writeFileSync } = require('fs');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');
const autocannon = require('autocannon');
require('./lib/quiet-pg-deprecation');

const { appDir, START_NODE_OPTIONS, ensureBuild, productionEnvironment, sql, startServer, stopServer } = require('./lib/app-server');
const { benchWrites, summarizeWrites } = require('./lib/bench-writes');
const { LATEST_PATH, STORY_SLUG, readScenarios } = require('./lib/bench-reads');
const { benchBreakingNews, breakingNewsTable } = require('./lib/bench-breaking-news');
const { microsecondHistogram } = require('./lib/latency-summary');
const { RssSampler, treeCpuMs } = require('./lib/proc-stats');
const { benchHits } = require('./lib/bench-hits');

/**
 * @typedef {{ articles: number, duration: number, connections: number, warmup: number, database: string, reuse: boolean, keep: boolean, modes: string, scenario: Scenario, writes: number, readers: number, writeRate: number, cacheMb: number, mixed: number, mixedRate: number, rounds: number, hitRate: number, pin: boolean }} Options
 * @typedef {'reads' | 'writes' | 'webhooks' | 'breaking-news' | 'hits'} Scenario
 */

/** @returns {Options} */
function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      articles: { type: 'string', default: '1000' },
      // 10 s per read scenario, 30 s for breaking news.
      duration: { type: 'string' },
      connections: { type: 'string', default: '32' },
      warmup: { type: 'string', default: '3' },
      database: { type: 'string' },
      reuse: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      modes: { type: 'string', default: 'uncached,cached' },
      scenario: { type: 'string', default: 'reads' },
      writes: { type: 'string', default: '200' },
      readers: { type: 'string', default: '48' },
      'write-rate': { type: 'string', default: '2' },
      'cache-mb': { type: 'string', default: '8' },
      mixed: { type: 'string', default: '120' },
      // Reads a second across the mixed phase's readers; 0 is flat out. A paced phase can run for hours beside other work.
      'mixed-rate': { type: 'string', default: '0' },
      // The hits scenario: server and ceiling in alternating slices, at a fixed rate (0: flat out), on CPUs of their own.
      rounds: { type: 'string', default: '5' },
      'hit-rate': { type: 'string', default: '0' },
      pin: { type: 'boolean', default: false },
    },
  });
  /** @type {Scenario[]} */
  const known = ['reads', 'writes', 'webhooks', 'breaking-news', 'hits'];
  const scenario = known.find((s) => s === values.scenario);
  if (!scenario) throw new Error(`--scenario must be ${known.join(', ')}; got "${values.scenario}"`);
  values.duration ??= scenario === 'breaking-news' ? '30' : '10';
  /** @param {'articles' | 'duration' | 'connections' | 'warmup' | 'writes' | 'readers' | 'cache-mb' | 'mixed' | 'mixed-rate' | 'rounds' | 'hit-rate'} name @param {number} min */
  const count = (name, min) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${min}; got "${values[name]}"`);
    return value;
  };
  const writeRate = Number(values['write-rate']);
  if (!(writeRate > 0 && writeRate <= 100))
    throw new Error(`--write-rate must be a number of writes per second above 0 and at most 100; got "${values['write-rate']}"`);
  const articles = count('articles', 0);
  return {
    articles,
    duration: count('duration', 1),
    connections: count('connections', 1),
    warmup: count('warmup', 0),
    database: values.database ?? `newsroom_bench_${articles}`,
    reuse: values.reuse ?? false,
    keep: values.keep ?? false,
    modes: values.modes ?? 'uncached,cached',
    scenario,
    writes: count('writes', 1),
    readers: count('readers', 1),
    writeRate,
    cacheMb: count('cache-mb', 1),
    mixed: count('mixed', 1),
    mixedRate: count('mixed-rate', 0),
    rounds: count('rounds', 1),
    hitRate: count('hit-rate', 0),
    pin: values.pin ?? false,
  };
}

/**
 * @param {string} command @param {string[]} args @param {Record<string, string>} env @param {string} label
 * @returns {{ output: string, seconds: number }}
 */
function run(command, args, env, label) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: appDir, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return { output: result.stdout.trim(), seconds: (Date.now() - started) / 1000 };
}

/**
 * @param {Options} opts @param {Record<string, string>} env
 * @returns {Promise<string | null>} what the seed loaded, null when an existing database was reused
 */
async function prepareDatabase(opts, env) {
  const exists = (await sql('postgres', 'select 1 from pg_database where datname = $1', [opts.database])).length > 0;
  if (exists && opts.reuse) {
    // What autovacuum does in production; this machine's PostgreSQL has it off (conf.d/90-ci.conf), and a reused
    // database otherwise carries the dead rows of every earlier run's writes (after thirty breaking-news runs the
    // view dependencies had twice as many dead rows as live ones). It did not, by itself, undo a slow period.
    const started = Date.now();
    await sql(opts.database, 'vacuum (analyze)');
    console.log(`bench: reusing database ${opts.database} (vacuumed and analyzed in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return null;
  }
  if (exists) await sql('postgres', `drop database "${opts.database}" with (force)`);
  await sql('postgres', `create database "${opts.database}"`);
  // The scripts' own summary lines, not the log lines Strapi prints around them.
  /** @param {string} output @param {RegExp} pattern */
  const summary = (output, pattern) =>
    output
      .split('\n')
      .filter((line) => pattern.test(line))
      .pop() ?? '(no summary printed)';
  const story = run(process.execPath, ['scripts/seed.js', '--no-compile'], env, 'seed');
  console.log(`bench: ${summary(story.output, /^seed:/)}`);
  // The synthetic articles as an archive, loaded the way a newsroom loads one: npm run import.
  const archive = path.join(os.tmpdir(), `newsroom-bench-${process.pid}-${opts.articles}.ndjson`);
  run(process.execPath, ['scripts/seed-synthetic.js', '--no-compile', '--articles', String(opts.articles), '--ndjson', archive], env, 'seed:synthetic');
  try {
    const imported = run(process.execPath, ['scripts/import.js', '--no-compile', archive], env, 'import');
    const loaded = summary(imported.output, /^import: \d+ bundles in/);
    console.log(`bench: ${loaded}`);
    return loaded;
  } finally {
    rmSync(archive, { force: true });
  }
}

/** @param {Record<string, string>} env @param {boolean} cacheEnabled @param {Record<string, string>} [extraEnv] */
function startBenchServer(env, cacheEnabled, extraEnv = {}) {
  return startServer(
    {
      ...env,
      ...extraEnv,
      CACHE_ENABLED: String(cacheEnabled),
      // One machine plays every client from one address; the production rate limit would measure itself.
      RATE_LIMIT_ENABLED: 'false',
      LOG_LEVEL: 'error',
      SEED_ON_BOOT: 'false',
    },
    { label: 'bench' },
  );
}

/**
 * @typedef {{ requestsPerSecond: number, p50: number, p95: number, p99: number, errors: number, requests: number, bytesPerRequest: number }} Stats
 * @typedef {import('./lib/bench-reads').Request} Request
 */

/**
 * @param {string} url @param {Request} request @param {Options} opts @param {number} seconds
 * @returns {Promise<Stats>}
 */
function measure(url, request, opts, seconds) {
  return new Promise((resolve, reject) => {
    const histogram = microsecondHistogram();
    const instance = autocannon({ url, connections: opts.connections, duration: seconds, ...request }, (error, result) => {
      if (error) return reject(error);
      resolve({
        requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
        p50: histogram.getValueAtPercentile(50) / 1000,
        p95: histogram.getValueAtPercentile(95) / 1000,
        p99: histogram.getValueAtPercentile(99) / 1000,
        errors: result.errors + result.timeouts + result.non2xx,
        requests: result.requests.total,
        bytesPerRequest: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
      });
    });
    // Response times in microseconds, for percentiles autocannon does not report (p95).
    instance.on('response', (_client, _status, _bytes, /** @type {number} */ responseTime) =>
      histogram.recordValue(Math.max(1, Math.round(responseTime * 1000))),
    );
  });
}

/**
 * @param {Buffer} body @param {string} contentType
 * @returns {Promise<{ child: import('child_process').ChildProcess, port: number }>}
 */
function ceilingServer(body, contentType) {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--ceiling-child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve({ child, port: /** @type {{ port: number }} */ (message).port }));
    child.once('error', reject);
    child.send({ body: body.toString('base64'), contentType });
  });
}

if (process.argv.includes('--ceiling-child')) {
  // The ceiling: the same bytes, from node:http with nothing in front.
  process.once('message', (message) => {
    const { body, contentType } = /** @type {{ body: string, contentType: string }} */ (message);
    const bytes = Buffer.from(body, 'base64');
    const server = require('http').createServer((_req, res) => {
      res.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
      res.end(bytes);
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
} else {
  main().catch((/** @type {Error} */ error) => {
    console.error(`bench: ${error.stack || error.message}`);
    process.exitCode = 1;
  });
}

/**
 * The write benchmark: history on against off, pooled over two rounds each.
 * @param {Options} opts @param {Record<string, string>} env @param {string | null} seeded
 */
async function writesScenario(opts, env, seeded) {
  const feature = opts.scenario === 'webhooks' ? 'webhooks' : 'history';
  const results = await benchWrites({ database: opts.database, writes: opts.writes, env, feature });
  const summary = summarizeWrites(results, feature);
  console.log(`\n| write | server CPU ms/write, ${feature} on | off | on/off | p50 ms on | off | on/off | writes/s on | off |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const s of summary)
    console.log(
      `| ${s.kind} | ${s.cpuOn} | ${s.cpuOff} | ${s.cpuRatio} | ${s.p50On} | ${s.p50Off} | ${s.p50Ratio} | ${s.writesPerSecondOn} | ${s.writesPerSecondOff} |`,
    );
  mkdirSync(path.join(appDir, 'bench', 'results'), { recursive: true });
  const file = path.join(appDir, 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}-${opts.scenario}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), articles: opts.articles, seeded, writes: opts.writes, results, summary }, null, 2)}\n`,
  );
  console.log(`bench: wrote ${path.relative(appDir, file)}`);
  if (!opts.keep && !opts.reuse) await sql('postgres', `drop database "${opts.database}" with (force)`);
}

/**
 * Readers and writes on the same articles at once (scripts/lib/bench-breaking-news.js), the response cache on.
 * @param {Options} opts @param {Record<string, string>} env @param {string | null} seeded
 */
async function breakingNewsScenario(opts, env, seeded) {
  const { list } = await readScenarios(opts.database);
  /** @param {string} name */
  const get = (name) => {
    const scenario = list.find((s) => s.name === name);
    if (!scenario) throw new Error(`bench: no read scenario ${name}`);
    return { path: scenario.path, request: scenario.request };
  };
  const [{ count: articles }] = await sql(opts.database, `select count(distinct document_id) as count from articles`);
  console.log(
    `bench: breaking news on ${articles} articles; ${opts.readers} readers, ${opts.writeRate} writes/s, ${opts.duration} s after ${opts.warmup} s of reads to warm up`,
  );
  const result = await benchBreakingNews(
    { database: opts.database, duration: opts.duration, readers: opts.readers, writeRate: opts.writeRate, warmup: opts.warmup },
    (extraEnv) => startBenchServer(env, true, extraEnv),
    { storySlug: STORY_SLUG, reads: { latest: { path: LATEST_PATH }, person: get('mentions'), search: get('search'), graphql: get('graphql') } },
  );
  console.log(`\n${breakingNewsTable(result)}`);
  mkdirSync(path.join(appDir, 'bench', 'results'), { recursive: true });
  const file = path.join(appDir, 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}-breaking-news.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), articles: Number(articles), seeded, nodeOptions: process.env.NODE_OPTIONS || START_NODE_OPTIONS, ...result }, null, 2)}\n`,
  );
  console.log(`bench: wrote ${path.relative(appDir, file)}`);
  if (!opts.keep && !opts.reuse) await sql('postgres', `drop database "${opts.database}" with (force)`);
  // A stale read or an error is a wrong answer, not a slow one: say so in the exit code, after everything is written down.
  if (result.stale > 0 || result.errors > 0) {
    console.error(
      `bench: breaking news: ${result.stale} stale reads, ${result.errors} errors${result.errorSamples.length ? `, e.g. ${result.errorSamples.join('; ')}` : ''}`,
    );
    process.exitCode = 1;
  }
}

/**
 * The hit-cost benchmark: server CPU per hit against the ceiling's, fresh, full and after mixed traffic.
 * @param {Options} opts @param {Record<string, string>} env @param {string | null} seeded
 */
async function hitsScenario(opts, env, seeded) {
  const results = await benchHits({
    env,
    database: opts.database,
    duration: opts.duration,
    connections: opts.connections,
    warmup: opts.warmup,
    cacheMb: opts.cacheMb,
    mixedSeconds: opts.mixed,
    mixedRate: opts.mixedRate,
    rounds: opts.rounds,
    rate: opts.hitRate,
    pin: opts.pin,
  });
  console.log(`\n| cache | hit | server CPU µs/req | ceiling CPU µs/req | ratio | req/s | ceiling req/s | p50 ms | p99 ms | errors |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results)
    console.log(
      `| ${r.phase} | ${r.kind} | ${r.server.cpuMicrosPerRequest} | ${r.ceiling.cpuMicrosPerRequest} | ${r.ratio}x | ${r.server.requestsPerSecond} | ${r.ceiling.requestsPerSecond} | ${r.server.p50} | ${r.server.p99} | ${r.server.errors} |`,
    );
  mkdirSync(path.join(appDir, 'bench', 'results'), { recursive: true });
  const file = path.join(appDir, 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}-hits.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), articles: opts.articles, seeded, cacheMb: opts.cacheMb, mixedSeconds: opts.mixed, mixedRate: opts.mixedRate, connections: opts.connections, duration: opts.duration, rounds: opts.rounds, hitRate: opts.hitRate, pin: opts.pin, results }, null, 2)}\n`,
  );
  console.log(`bench: wrote ${path.relative(appDir, file)}`);
  if (!opts.keep && !opts.reuse) await sql('postgres', `drop database "${opts.database}" with (force)`);
}

async function main() {
  const opts = options();
  // The production build, made once when there is none.
  ensureBuild(true, 'bench');
  const env = { ...productionEnvironment(), DATABASE_CLIENT: 'postgres', DATABASE_NAME: opts.database };
  const seeded = await prepareDatabase(opts, env);
  if (opts.scenario === 'breaking-news') return breakingNewsScenario(opts, env, seeded);
  if (opts.scenario === 'hits') return hitsScenario(opts, env, seeded);
  if (opts.scenario !== 'reads') return writesScenario(opts, env, seeded);
  const { list, busiest } = await readScenarios(opts.database);
  const [{ count: articles }] = await sql(opts.database, `select count(distinct document_id) as count from articles`);
  console.log(`bench: ${articles} articles; ${opts.connections} connections, ${opts.duration} s per scenario after ${opts.warmup} s of warm-up`);

  /** @type {Array<Stats & { scenario: string, label: string, mode: string, peakRssMb: number | null, cpuMsPerRequest?: number | null, ratioToCeiling?: number, ratioToCore?: number }>} */
  const results = [];
  /** @type {Record<string, number>} */
  const overallRss = {};
  /** @type {Buffer | null} */
  let storyBytes = null;
  let storyType = 'application/json; charset=utf-8';
  for (const mode of opts.modes.split(',')) {
    const { child, baseUrl: base } = await startBenchServer(env, mode === 'cached');
    const rss = new RssSampler(child.pid ?? 0);
    try {
      for (const scenario of list) {
        const url = `${base}${scenario.path}`;
        /** @type {Request} */
        const request = scenario.request ?? {};
        const first = await fetch(url, request.method ? { method: request.method, headers: request.headers, body: request.body } : {});
        if (!first.ok) throw new Error(`${scenario.name}: ${url} answered ${first.status}: ${(await first.text()).slice(0, 300)}`);
        const body = Buffer.from(await first.arrayBuffer());
        if (scenario.name === 'story' && !storyBytes) {
          storyBytes = body;
          storyType = first.headers.get('content-type') ?? storyType;
        }
        await measure(url, request, opts, opts.warmup);
        rss.resetPeak();
        const cpuBefore = treeCpuMs(child.pid ?? 0);
        const stats = await measure(url, request, opts, opts.duration);
        // Server CPU per answered request: on 2 cores autocannon competes with the server, so req/s alone understates a saving.
        const cpuMsPerRequest = stats.requests > 0 ? Math.round(((treeCpuMs(child.pid ?? 0) - cpuBefore) / stats.requests) * 100) / 100 : null;
        results.push({ scenario: scenario.name, label: scenario.label, mode, ...stats, cpuMsPerRequest, peakRssMb: Math.round(rss.resetPeak() / 1024) });
        console.log(
          `bench: ${mode.padEnd(8)} ${scenario.name.padEnd(8)} ${String(stats.requestsPerSecond).padStart(8)} req/s  p95 ${stats.p95} ms  CPU ${cpuMsPerRequest} ms/req  errors ${stats.errors}`,
        );
      }
    } finally {
      rss.stop();
      await stopServer(child);
    }
    overallRss[mode] = Math.round(rss.overallKb / 1024);
    console.log(`bench: ${mode} server peak RSS over its whole run: ${overallRss[mode]} MB`);
  }

  if (!storyBytes) throw new Error('the story scenario did not run; no bytes for the ceiling');
  const { child: ceilingChild, port } = await ceilingServer(storyBytes, storyType);
  await measure(`http://127.0.0.1:${port}/`, {}, opts, opts.warmup);
  const ceiling = await measure(`http://127.0.0.1:${port}/`, {}, opts, opts.duration);
  ceilingChild.kill();
  results.push({ scenario: 'ceiling', label: 'bare node:http, the bytes of (1)', mode: '-', ...ceiling, peakRssMb: null });

  const core = results.find((r) => r.scenario === 'core' && r.mode === 'uncached');
  for (const r of results) {
    r.ratioToCeiling = Math.round((r.requestsPerSecond / ceiling.requestsPerSecond) * 1000) / 1000;
    // No ratio when no core request finished within the duration (it can take seconds each).
    if (r.scenario === 'story' && core?.requestsPerSecond) r.ratioToCore = Math.round((r.requestsPerSecond / core.requestsPerSecond) * 100) / 100;
  }

  const header = ['scenario', 'mode', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'x ceiling', 'CPU ms/req', 'peak RSS MB'];
  const rows = results.map((r) => [
    r.scenario,
    r.mode,
    r.requestsPerSecond,
    r.p50,
    r.p95,
    r.p99,
    r.errors,
    r.ratioToCeiling ?? '-',
    r.cpuMsPerRequest ?? '-',
    r.peakRssMb ?? '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  /** @param {Array<string | number>} cells */
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${rows.map(line).join('\n')}`);
  const story = results.filter((r) => r.scenario === 'story');
  for (const r of results.filter((row) => row.mode !== '-' && row.requests === 0)) {
    console.log(`bench: warning: no ${r.mode} ${r.scenario} request finished in ${opts.duration} s; use a longer --duration`);
  }
  for (const r of story)
    console.log(
      `bench: (1) ${r.mode}: ${((r.ratioToCeiling ?? 0) * 100).toFixed(1)}% of the ceiling${r.ratioToCore ? `, ${r.ratioToCore}x the plain core request` : ''}`,
    );

  mkdirSync(path.join(appDir, 'bench', 'results'), { recursive: true });
  const file = path.join(appDir, 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}-${articles}-articles.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), articles: Number(articles), busiestPerson: busiest, seeded, settings: { connections: opts.connections, duration: opts.duration, warmup: opts.warmup, nodeOptions: process.env.NODE_OPTIONS || START_NODE_OPTIONS }, overallPeakRssMb: overallRss, results }, null, 2)}\n`,
  );
  console.log(`bench: wrote ${path.relative(appDir, file)}`);
  if (!opts.keep && !opts.reuse) await sql('postgres', `drop database "${opts.database}" with (force)`);
}
