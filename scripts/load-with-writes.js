#!/usr/bin/env node
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
const { readFileSync } = require('fs');
const { sql, startServer, stopServer } = require('./lib/app-server');
require('./lib/quiet-pg-deprecation');

const STORY_SLUG = 'iraq-announces-end-of-coalition-combat-mission';
const ADMIN = { email: 'load-test@newsroom.test', password: 'Lantern-Orchard-Basalt-42' };

function options() {
  const out = { duration: 60, clients: 64, writers: 8, keep: false };
  const argv = process.argv.slice(2).filter((a) => a !== '--');
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].replace(/^--/, '').split('=', 2);
    if (name === 'keep') out.keep = true;
    else if (name in out) out[name] = Number(inline ?? argv[++i]);
    else throw new Error(`unknown option --${name}`);
  }
  if (!(out.writers >= 1 && out.clients > out.writers && out.duration >= 1)) throw new Error('need --duration >= 1 and --clients > --writers >= 1');
  return out;
}

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function json(res) {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function main() {
  const opts = options();
  const database = `newsroom_load_${Date.now()}`;
  await sql('postgres', `CREATE DATABASE "${database}"`);
  const failures = [];
  let server;
  try {
    server = await startServer({
      NODE_ENV: 'production',
      DATABASE_CLIENT: 'postgres',
      DATABASE_NAME: database,
      LOG_LEVEL: 'error',
      // One machine plays 64 clients from one address: the limit would be the test, not the app.
      RATE_LIMIT_ENABLED: 'false',
      CRON_ENABLED: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      // Production refuses development secrets; a throwaway run gets throwaway strong ones.
      ...Object.fromEntries(
        ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'].map((name) => [name, process.env[name] || require('crypto').randomBytes(24).toString('base64')]),
      ),
      APP_KEYS: process.env.APP_KEYS || [1, 2].map(() => require('crypto').randomBytes(24).toString('base64')).join(','),
    });
    const { child, base } = server;
    const login = await json(await fetch(`${base}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) }));
    const created = await json(
      await fetch(`${base}/admin/api-tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${login.data.token}` },
        body: JSON.stringify({ name: 'load-test', type: 'full-access', lifespan: null, description: 'load-with-writes' }),
      }),
    );
    const token = created.data.accessKey;
    const auth = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };

    const counts = { reads: 0, updates: 0, creates: 0, errors: 0 };
    const errorSamples = [];
    const fail = (what) => {
      counts.errors += 1;
      if (errorSamples.length < 10) errorSamples.push(what);
    };
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
    /** Milliseconds per kind of request, for the latency table. */
    const latencies = {};
    const timed = async (kind, call) => {
      const started = performance.now();
      try {
        return await call();
      } finally {
        (latencies[kind] ??= []).push(performance.now() - started);
      }
    };

    // Each writer owns its documents, so "the last acknowledged write" is well defined.
    const owned = [];
    for (let w = 0; w < opts.writers; w++) {
      const slug = `load-writer-${w}-${Date.now()}`;
      const res = await json(await fetch(`${base}/api/articles?locale=ar`, { method: 'POST', headers: auth, body: JSON.stringify({ data: { headline: `كاتب ${w}`, slug } }) }));
      owned.push({ documentId: res.data.documentId, lastHeadline: `كاتب ${w}`, createdArticles: [] });
    }

    const rss = [];
    const sampler = setInterval(() => rss.push(rssMb(child.pid)), 1000);
    const deadline = Date.now() + opts.duration * 1000;
    const reader = async () => {
      let i = 0;
      while (Date.now() < deadline) {
        const [kind, read] = READS[i++ % READS.length];
        const res = await timed(kind, async () => {
          const answer = await read();
          return { status: answer.status, body: await answer.text() };
        }).catch((e) => ({ status: 0, error: e }));
        if (res.status !== 200) fail(`${kind} ${res.status}${res.error ? ` ${res.error.message}` : ''}`);
        else if (res.body.includes('"errors"')) fail(`graphql errors: ${res.body.slice(0, 200)}`);
        counts.reads += 1;
      }
    };
    const writer = async (w) => {
      const mine = owned[w];
      let n = 0;
      while (Date.now() < deadline) {
        n += 1;
        if (n % 5 === 0) {
          // A new article, published, with a body only this write has.
          const slug = `load-${w}-${n}-${Date.now()}`;
          const data = { headline: `مقال جديد ${w}-${n}`, slug, summary: `ملخص ${w}-${n} ✓` };
          const res = await timed('create', async () => {
            const answer = await fetch(`${base}/api/articles?locale=ar`, { method: 'POST', headers: auth, body: JSON.stringify({ data }) });
            return { status: answer.status, body: await answer.text() };
          }).catch((e) => ({ status: 0, error: e }));
          if (res.status === 201) mine.createdArticles.push({ documentId: JSON.parse(res.body).data.documentId, data });
          else fail(`create ${res.status}${res.error ? ` ${res.error.message}` : ` ${res.body.slice(0, 200)}`}`);
          counts.creates += 1;
        } else {
          const headline = `تحديث ${w}-${n} ${Date.now()}`;
          const res = await timed('update', async () => {
            const answer = await fetch(`${base}/api/articles/${mine.documentId}?locale=ar`, { method: 'PUT', headers: auth, body: JSON.stringify({ data: { headline } }) });
            return { status: answer.status, body: await answer.text() };
          }).catch((e) => ({ status: 0, error: e }));
          if (res.status === 200) mine.lastHeadline = headline;
          else fail(`update ${res.status}${res.error ? ` ${res.error.message}` : ` ${res.body.slice(0, 200)}`}`);
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
      if (got.data.headline !== mine.lastHeadline) failures.push(`article ${mine.documentId}: headline "${got.data.headline}", last acknowledged "${mine.lastHeadline}"`);
      verified += 1;
      for (const { documentId, data } of mine.createdArticles) {
        const res = await fetch(`${base}/api/articles/${documentId}?locale=ar`);
        const body = res.status === 200 ? await res.json() : null;
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
          const at = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
          return [kind, { n: sorted.length, p50: at(0.5), p95: at(0.95), max: Math.round(sorted[sorted.length - 1]) }];
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

main().catch((error) => {
  console.error(`load-with-writes: ${error.message}`);
  process.exitCode = 1;
});
