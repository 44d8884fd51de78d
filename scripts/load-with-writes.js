#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run load -- [--duration 60] [--clients 64] [--writers 8]`
 *
 * The production build (`npm run build` first) on a fresh PostgreSQL database, seeded
 * on first boot. `--clients` concurrent clients: `--writers` of them are editors'
 * integrations updating and creating articles through a full-access API token, the
 * rest are public readers (the story, lists, search, GraphQL). Fails (exit 1) on any
 * error, on any acknowledged write that is not readable afterwards with exactly what
 * was written, and on resident memory that keeps growing. CI runs it for 10 s; the
 * 60 s run is the documented long form (docs/security.md).
 */
const { parseArgs } = require('util');
const { fullAccessToken, productionEnvironment, sql, startServer, stopServer } = require('./lib/app-server');
const { percentile } = require('./lib/latency-summary');
const { rssKb } = require('./lib/proc-stats');
require('./lib/quiet-pg-deprecation');

const STORY_SLUG = 'iraq-announces-end-of-coalition-combat-mission';
const ADMIN = { email: 'load-test@newsroom.test', password: 'Lantern-Orchard-Basalt-42' };

/** @returns {{ duration: number, clients: number, writers: number, keep: boolean }} */
function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      duration: { type: 'string', default: '60' },
      clients: { type: 'string', default: '64' },
      writers: { type: 'string', default: '8' },
      keep: { type: 'boolean', default: false },
    },
  });
  const out = { duration: Number(values.duration), clients: Number(values.clients), writers: Number(values.writers), keep: values.keep ?? false };
  if (!(out.writers >= 1 && out.clients > out.writers && out.duration >= 1)) throw new Error('need --duration >= 1 and --clients > --writers >= 1');
  return out;
}

/** @param {number} pid */
const rssMb = (pid) => rssKb(pid) / 1024;

/**
 * The JSON body of a successful answer.
 * @param {Response} res
 * @returns {Promise<any>} what the API answered (`any`: each caller reads the fields it asked for)
 */
async function json(res) {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function main() {
  const opts = options();
  const database = `newsroom_load_${Date.now()}`;
  await sql('postgres', `CREATE DATABASE "${database}"`);
  /** @type {string[]} */
  const failures = [];
  /** @type {import('./lib/app-server').AppProcess | undefined} */
  let server;
  try {
    server = await startServer(
      {
        // Production refuses development secrets; a throwaway run gets throwaway strong ones.
        ...productionEnvironment(),
        DATABASE_CLIENT: 'postgres',
        DATABASE_NAME: database,
        LOG_LEVEL: 'error',
        // One machine plays 64 clients from one address: the limit would be the test, not the app.
        RATE_LIMIT_ENABLED: 'false',
        CRON_ENABLED: 'false',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      },
      { label: 'load' },
    );
    const { child, baseUrl: base } = server;
    const token = await fullAccessToken(server, ADMIN, 'load-test');
    const auth = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };

    const counts = { reads: 0, updates: 0, creates: 0, errors: 0 };
    /** @type {string[]} */
    const errorSamples = [];
    /** @param {string} what */
    const fail = (what) => {
      counts.errors += 1;
      if (errorSamples.length < 10) errorSamples.push(what);
    };
    /** @type {Array<[string, () => Promise<Response>]>} */
    const READS = [
      ['story', () => fetch(`${base}/api/articles/slug/${STORY_SLUG}?locale=ar`)],
      ['latest', () => fetch(`${base}/api/articles?locale=ar&sort=publishedDate:desc&pagination[pageSize]=10`)],
      ['search', () => fetch(`${base}/api/search?q=${encodeURIComponent('الاعرجي')}`)],
      [
        'graphql',
        () =>
          fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ query: '{ articles(locale: "ar", pagination: { pageSize: 10 }) { headline slug quotes { text speaker { name } } } }' }),
          }),
      ],
    ];
    /** @type {Record<string, number[]>} Milliseconds per kind of request, for the latency table. */
    const latencies = {};
    /**
     * @template T
     * @param {string} kind @param {() => Promise<T>} call
     * @returns {Promise<T>}
     */
    const timed = async (kind, call) => {
      const started = performance.now();
      try {
        return await call();
      } finally {
        (latencies[kind] ??= []).push(performance.now() - started);
      }
    };

    // Each writer owns its documents, so "the last acknowledged write" is well defined.
    /** @type {Array<{ documentId: string, lastHeadline: string, createdArticles: Array<{ documentId: string, data: { headline: string, slug: string, summary: string } }> }>} */
    const owned = [];
    for (let w = 0; w < opts.writers; w++) {
      const slug = `load-writer-${w}-${Date.now()}`;
      const res = await json(
        await fetch(`${base}/api/articles?locale=ar`, { method: 'POST', headers: auth, body: JSON.stringify({ data: { headline: `كاتب ${w}`, slug } }) }),
      );
      owned.push({ documentId: res.data.documentId, lastHeadline: `كاتب ${w}`, createdArticles: [] });
    }

    /** @type {number[]} */
    const rss = [];
    const sampler = setInterval(() => rss.push(rssMb(child.pid ?? 0)), 1000);
    const deadline = Date.now() + opts.duration * 1000;
    const reader = async () => {
      let i = 0;
      while (Date.now() < deadline) {
        const [kind, read] = READS[i++ % READS.length] ?? READS[0];
        /** @type {{ status: number, body?: string, error?: Error }} */
        const res = await timed(kind, async () => {
          const answer = await read();
          return { status: answer.status, body: await answer.text() };
        }).catch((/** @type {Error} */ e) => ({ status: 0, error: e }));
        if (res.status !== 200) fail(`${kind} ${res.status}${res.error ? ` ${res.error.message}` : ''}`);
        else if (res.body?.includes('"errors"')) fail(`graphql errors: ${res.body.slice(0, 200)}`);
        counts.reads += 1;
      }
    };
    /** @param {number} w */
    const writer = async (w) => {
      const mine = owned[w];
      if (!mine) return;
      let n = 0;
      while (Date.now() < deadline) {
        n += 1;
        if (n % 5 === 0) {
          // A new article, published, with a body only this write has.
          const slug = `load-${w}-${n}-${Date.now()}`;
          const data = { headline: `مقال جديد ${w}-${n}`, slug, summary: `ملخص ${w}-${n} ✓` };
          /** @type {{ status: number, body?: string, error?: Error }} */
          const res = await timed('create', async () => {
            const answer = await fetch(`${base}/api/articles?locale=ar`, { method: 'POST', headers: auth, body: JSON.stringify({ data }) });
            return { status: answer.status, body: await answer.text() };
          }).catch((/** @type {Error} */ e) => ({ status: 0, error: e }));
          if (res.status === 201) mine.createdArticles.push({ documentId: JSON.parse(res.body ?? '{}').data.documentId, data });
          else fail(`create ${res.status}${res.error ? ` ${res.error.message}` : ` ${(res.body ?? '').slice(0, 200)}`}`);
          counts.creates += 1;
        } else {
          const headline = `تحديث ${w}-${n} ${Date.now()}`;
          /** @type {{ status: number, body?: string, error?: Error }} */
          const res = await timed('update', async () => {
            const answer = await fetch(`${base}/api/articles/${mine.documentId}?locale=ar`, {
              method: 'PUT',
              headers: auth,
              body: JSON.stringify({ data: { headline } }),
            });
            return { status: answer.status, body: await answer.text() };
          }).catch((/** @type {Error} */ e) => ({ status: 0, error: e }));
          if (res.status === 200) mine.lastHeadline = headline;
          else fail(`update ${res.status}${res.error ? ` ${res.error.message}` : ` ${(res.body ?? '').slice(0, 200)}`}`);
          counts.updates += 1;
        }
      }
    };
    const started = Date.now();
    await Promise.all([...Array.from({ length: opts.clients - opts.writers }, reader), ...owned.map((_, w) => writer(w))]);
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);

    // Every acknowledged write, read back anonymously (cache included): exactly what was written.
    let verified = 0;
    for (const mine of owned) {
      const got = await json(await fetch(`${base}/api/articles/${mine.documentId}?locale=ar`));
      if (got.data.headline !== mine.lastHeadline)
        failures.push(`article ${mine.documentId}: headline "${got.data.headline}", last acknowledged "${mine.lastHeadline}"`);
      verified += 1;
      for (const { documentId, data } of mine.createdArticles) {
        const res = await fetch(`${base}/api/articles/${documentId}?locale=ar`);
        /** @type {{ data: { headline: string, slug: string, summary: string } } | null} */
        const body = res.status === 200 ? /** @type {{ data: { headline: string, slug: string, summary: string } }} */ (await res.json()) : null;
        if (!body || body.data.headline !== data.headline || body.data.slug !== data.slug || body.data.summary !== data.summary) {
          failures.push(`created article ${documentId}: ${res.status} ${JSON.stringify(body?.data ?? null).slice(0, 200)}`);
        }
        verified += 1;
      }
    }

    // Flat: the peak of the last third of the run is within 25 % of the peak of the first third.
    const third = Math.max(1, Math.floor(rss.length / 3));
    const early = Math.max(...rss.slice(0, third));
    const late = Math.max(...rss.slice(-third));
    const summary = {
      seconds: Number(seconds.toFixed(1)),
      clients: opts.clients,
      writers: opts.writers,
      ...counts,
      readsPerSecond: Math.round(counts.reads / seconds),
      writesPerSecond: Number(((counts.updates + counts.creates) / seconds).toFixed(1)),
      writesVerified: verified,
      latencyMs: Object.fromEntries(
        Object.entries(latencies).map(([kind, values]) => {
          const sorted = [...values].sort((a, b) => a - b);
          /** @param {number} p */
          const at = (p) => Math.round(percentile(sorted, p));
          return [kind, { n: sorted.length, p50: at(50), p95: at(95), max: Math.round(sorted[sorted.length - 1] ?? 0) }];
        }),
      ),
      rssMb: { first: Math.round(rss[0] ?? 0), earlyPeak: Math.round(early), latePeak: Math.round(late), max: Math.round(Math.max(...rss)) },
    };
    console.log(JSON.stringify(summary, null, 2));
    if (counts.errors > 0) failures.push(`${counts.errors} errors, e.g. ${errorSamples.join('; ')}`);
    if (child.exitCode !== null) failures.push(`the server exited with ${child.exitCode}`);
    if (rss.length >= 6 && late > early * 1.25) failures.push(`resident memory grew from ${Math.round(early)} MB to ${Math.round(late)} MB`);
  } finally {
    if (server) await stopServer(server.child);
    if (!opts.keep) await sql('postgres', `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
  if (failures.length > 0) {
    console.error(`load-with-writes: FAILED\n- ${failures.join('\n- ')}`);
    process.exitCode = 1;
  } else console.log('load-with-writes: OK (no errors, every acknowledged write read back exactly, memory flat)');
}

main().catch((/** @type {Error} */ error) => {
  console.error(`load-with-writes: ${error.message}`);
  process.exitCode = 1;
});
