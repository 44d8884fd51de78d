// @ts-check
'use strict';
/**
 * `npm run bench -- --scenario hits`: what a cache hit costs the server, against a bare
 * node:http server sending the identical bytes with the same headers, for three kinds of
 * hit (the REST story by slug, the GraphQL story POST, the same query as a persisted GET),
 * in three states: a fresh cache, a cache filled to CACHE_MAX_MB (thousands of distinct
 * list, search and GraphQL keys, until entries are evicted by size), and after a phase of
 * mixed traffic (hits, misses and writes together). The cost is server CPU per request:
 * utime+stime of the serving process from /proc/<pid>/stat over the run, divided by the
 * requests; req/s and latency are beside it, but on a shared machine CPU per request is
 * the number to compare.
 */
const { execFileSync, fork } = require('child_process');
const { readFileSync } = require('fs');
const { createHash } = require('crypto');
const autocannon = require('autocannon');
const { fullAccessToken, sql, startServer, stopServer } = require('./app-server');

const CLOCK_TICKS_PER_SECOND = 100;
const ADMIN = { email: 'bench-hits@newsroom.test', password: 'Quarry-Lantern-Saffron-73' };
/** Headers of one exchange: the ceiling sends its own. */
const PER_EXCHANGE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** @param {number} pid */
function cpuMicros(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are the 14th and 15th fields; [1] starts at the 3rd.
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_SECOND;
}

/**
 * @typedef {{ method?: 'GET' | 'POST', headers?: Record<string, string>, body?: string }} Request
 * @typedef {{ name: string, label: string, path: string, request: Request }} Kind
 * @typedef {{ cpuMicrosPerRequest: number, requestsPerSecond: number, p50: number, p99: number, requests: number, errors: number }} Run
 */

/**
 * @param {string} url @param {Request} request @param {number} pid @param {{ connections: number, duration: number, rate?: number }} opts
 * @returns {Promise<Run>}
 */
async function measure(url, request, pid, opts) {
  const before = cpuMicros(pid);
  // A fixed rate (req/s across all connections) makes the server and the ceiling do the same work per second, unsaturated.
  const rate = opts.rate ? { overallRate: opts.rate } : {};
  const result = await autocannon({ url, connections: opts.connections, duration: opts.duration, ...rate, ...request });
  const spent = cpuMicros(pid) - before;
  const requests = result.requests.total;
  return {
    cpuMicrosPerRequest: requests ? Math.round((spent / requests) * 10) / 10 : 0,
    requestsPerSecond: Math.round((requests / result.duration) * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * Every thread of a process onto one CPU (`taskset`): with --pin the server and the ceiling
 * share CPU 0 and the load generator keeps CPU 1, so neither takes the other's core.
 * @param {number} pid @param {number} cpu
 */
function pinTo(pid, cpu) {
  execFileSync('taskset', ['--all-tasks', '--pid', '--cpu-list', String(cpu), String(pid)], { stdio: 'ignore' });
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The server against the ceiling in `rounds` alternating slices of `duration / rounds`
 * seconds each: a machine whose background load drifts during the run weighs on both
 * sides alike. The ratio is the median of the rounds' ratios; CPU per request and req/s
 * are over all rounds.
 * @param {{ url: string, pid: number }} server @param {{ url: string, pid: number }} ceiling @param {Request} request
 * @param {{ connections: number, duration: number, rounds: number, rate: number }} opts
 * @returns {Promise<{ server: Run, ceiling: Run, ratio: number, roundRatios: number[] }>}
 */
async function measurePair(server, ceiling, request, opts) {
  const slice = { connections: opts.connections, duration: Math.max(1, Math.round(opts.duration / opts.rounds)), rate: opts.rate };
  /** @type {Run[]} */
  const serverRuns = [];
  /** @type {Run[]} */
  const ceilingRuns = [];
  for (let round = 0; round < opts.rounds; round += 1) {
    serverRuns.push(await measure(server.url, request, server.pid, slice));
    ceilingRuns.push(await measure(ceiling.url, request, ceiling.pid, slice));
  }
  const roundRatios = serverRuns.map((run, i) => Math.round((run.cpuMicrosPerRequest / (ceilingRuns[i]?.cpuMicrosPerRequest || 1)) * 100) / 100);
  return { server: pool(serverRuns), ceiling: pool(ceilingRuns), ratio: median(roundRatios), roundRatios };
}

/** @param {Run[]} runs @returns {Run} */
function pool(runs) {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const cpu = runs.reduce((n, r) => n + r.cpuMicrosPerRequest * r.requests, 0);
  const seconds = runs.reduce((n, r) => n + (r.requestsPerSecond ? r.requests / r.requestsPerSecond : 0), 0);
  return {
    cpuMicrosPerRequest: requests ? Math.round((cpu / requests) * 10) / 10 : 0,
    requestsPerSecond: seconds ? Math.round((requests / seconds) * 10) / 10 : 0,
    p50: median(runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
    requests,
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

/**
 * A bare node:http server in its own process, sending these bytes with these headers.
 * @param {Buffer} body @param {Record<string, string>} headers
 * @returns {Promise<{ child: import('child_process').ChildProcess, port: number }>}
 */
function ceilingServer(body, headers) {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--ceiling-child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve({ child, port: /** @type {{ port: number }} */ (message).port }));
    child.once('error', reject);
    child.send({ body: body.toString('base64'), headers });
  });
}

if (process.argv.includes('--ceiling-child')) {
  process.once('message', (message) => {
    const { body, headers } = /** @type {{ body: string, headers: Record<string, string> }} */ (message);
    const bytes = Buffer.from(body, 'base64');
    const server = require('http').createServer((req, res) => {
      // Reads the request body as any server must, then sends the stored answer.
      req.resume();
      req.on('end', () => {
        res.writeHead(200, headers);
        res.end(bytes);
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

/** @param {string} url @param {Request} request */
async function call(url, request) {
  const res = await fetch(url, { method: request.method ?? 'GET', headers: request.headers, body: request.body });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/**
 * Asks until the answer is a hit; returns it.
 * @param {string} base @param {Kind} kind
 */
async function prime(base, kind) {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const res = await call(`${base}${kind.path}`, kind.request);
    if (res.status !== 200) throw new Error(`bench hits: ${kind.name} answered ${res.status}: ${res.body.toString('utf8').slice(0, 300)}`);
    if (res.headers.get('x-cache') === 'HIT') return res;
  }
  throw new Error(`bench hits: ${kind.name} is never a cache hit`);
}

/** @param {string} slug @returns {Kind[]} */
function kinds(slug) {
  const query = `query Story($slug: String!, $locale: I18NLocaleCode) {
      articles(locale: $locale, filters: { slug: { eq: $slug } }) {
        documentId headline summary publishedDate section
        quotes(sort: "position:asc") { position kind text speaker { name jobTitle } speakerOrganization { name } source { name shortName } }
        people { name jobTitle } sources { name shortName }
      }
    }`;
  const variables = { slug, locale: 'ar' };
  const hash = createHash('sha256').update(query).digest('hex');
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
  return [
    { name: 'rest-story', label: 'REST story hit, GET /api/articles/slug/:slug', path: `/api/articles/slug/${slug}?locale=ar`, request: {} },
    {
      name: 'graphql-post',
      label: 'GraphQL POST hit, the story with quotes, speakers, sources',
      path: '/graphql',
      request: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) },
    },
    {
      name: 'graphql-get',
      label: 'GraphQL persisted GET hit, the same query by hash',
      path: `/graphql?${new URLSearchParams({ operationName: 'Story', variables: JSON.stringify(variables), extensions })}`,
      request: { headers: { 'apollo-require-preflight': 'true' } },
      // Registered by the first prime (see register below).
    },
  ];
}

/** The registering POST a persisted GET needs first. @param {string} base @param {Kind[]} list */
async function register(base, list) {
  const post = list.find((k) => k.name === 'graphql-post');
  if (!post?.request.body) return;
  const { query, variables } = JSON.parse(post.request.body);
  const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
  const res = await call(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables, extensions }),
  });
  if (res.status !== 200) throw new Error(`bench hits: registering the persisted query answered ${res.status}`);
}

/**
 * Distinct cacheable reads, endlessly: list pages of every size (small field selections and fully populated ones),
 * searches and GraphQL variables, so the cache fills with thousands of entries of many sizes.
 * @returns {Generator<{ path: string, request: Request }>}
 */
function* distinctReads() {
  const words = ['العراق', 'بغداد', 'الحكومة', 'البرلمان', 'النفط', 'الانتخابات', 'الاعرجي', 'وزير', 'الأمن', 'الاقتصاد', 'Iraq', 'oil', 'minister'];
  const gql = 'query Page($page: Int, $size: Int) { articles(locale: "ar", pagination: { page: $page, pageSize: $size }) { documentId headline slug } }';
  for (let round = 0; ; round += 1) {
    const order = `sort=publishedDate:${round % 2 ? 'asc' : 'desc'}`;
    for (let size = 1; size <= 20; size += 1) {
      for (let page = 1; page <= 50; page += 1) {
        const n = round * 1000 + size * 50 + page;
        // A fully populated page is large (about 16 KB an article); one in ten keeps the sizes mixed.
        if (page % 10 === 0) yield { path: `/api/articles?locale=ar&pagination[pageSize]=${size}&pagination[page]=${page + round * 50}&${order}`, request: {} };
        yield {
          path: `/api/search?${new URLSearchParams({ q: `${words[n % words.length]} ${words[(n * 7) % words.length]}`, locale: 'ar', pageSize: String(size), page: String(page + round * 50) })}`,
          request: {},
        };
        yield {
          path: '/graphql',
          request: {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: gql, variables: { page: page + round * 50, size } }),
          },
        };
      }
    }
  }
}

/**
 * Waits out the rest of a worker's turn when its requests are paced: a worker of `workers` that shares
 * `perSecond` requests a second starts one every workers/perSecond seconds. 0 is flat out.
 * @param {number} startedAt @param {number} workers @param {number} perSecond
 */
async function pace(startedAt, workers, perSecond) {
  if (perSecond <= 0) return;
  const wait = (workers * 1000) / perSecond - (Date.now() - startedAt);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * Reads from `reads` with `concurrency` workers while `more()`, counting into `stats` (misses are what got stored).
 * @param {string} base @param {Iterator<{ path: string, request: Request }>} reads @param {number} concurrency @param {() => boolean} more
 * @param {{ requests: number, bytes: number, misses: number, first: { path: string, request: Request } | null }} stats
 * @param {number} [perSecond] all workers' requests a second; 0 is flat out
 */
async function readMany(base, reads, concurrency, more, stats, perSecond = 0) {
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (more()) {
        const next = reads.next().value;
        if (!next) return;
        stats.first ??= next;
        const startedAt = Date.now();
        const res = await call(`${base}${next.path}`, next.request);
        await pace(startedAt, concurrency, perSecond);
        stats.requests += 1;
        if (res.headers.get('x-cache') === 'MISS') {
          stats.misses += 1;
          stats.bytes += res.body.length;
        }
      }
    }),
  );
  return stats;
}

/**
 * @param {{ env: Record<string, string>, database: string, duration: number, connections: number, warmup: number, cacheMb: number, mixedSeconds: number, mixedRate: number, rounds: number, rate: number, pin: boolean }} opts
 */
async function benchHits(opts) {
  const [story] = await sql(opts.database, `select slug from articles where locale = 'ar' and published_at is not null and slug = $1 limit 1`, [
    'iraq-announces-end-of-coalition-combat-mission',
  ]);
  if (!story) throw new Error('bench hits: the story is not in the database');
  const server = await startServer(
    {
      ...opts.env,
      CACHE_ENABLED: 'true',
      CACHE_MAX_MB: String(opts.cacheMb),
      RATE_LIMIT_ENABLED: 'false',
      CRON_ENABLED: 'false',
      LOG_LEVEL: 'error',
      SEED_ON_BOOT: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
    { label: 'bench' },
  );
  const pid = server.child.pid ?? 0;
  if (opts.pin) {
    pinTo(pid, 0);
    pinTo(process.pid, 1);
  }
  const base = server.baseUrl;
  const list = kinds(story.slug);
  /** @type {Array<{ phase: string, kind: string, label: string, server: Run, ceiling: Run, ratio: number, roundRatios: number[] }>} */
  const results = [];
  /** @type {Map<string, { child: import('child_process').ChildProcess, port: number }>} */
  const ceilings = new Map();
  const reads = distinctReads();
  try {
    await register(base, list);
    /** @param {string} phase */
    const runPhase = async (phase) => {
      for (const kind of list) {
        const hit = await prime(base, kind);
        if (!ceilings.has(kind.name)) {
          /** @type {Record<string, string>} */
          const headers = {};
          hit.headers.forEach((value, name) => {
            if (!PER_EXCHANGE.has(name)) headers[name] = value;
          });
          const started = await ceilingServer(hit.body, headers);
          if (opts.pin) pinTo(started.child.pid ?? 0, 0);
          ceilings.set(kind.name, started);
        }
        const ceiling = /** @type {{ child: import('child_process').ChildProcess, port: number }} */ (ceilings.get(kind.name));
        const url = `${base}${kind.path}`;
        const ceilingUrl = `http://127.0.0.1:${ceiling.port}${kind.path}`;
        const ceilingPid = ceiling.child.pid ?? 0;
        await measure(url, kind.request, pid, { connections: opts.connections, duration: opts.warmup, rate: opts.rate });
        await measure(ceilingUrl, kind.request, ceilingPid, { connections: opts.connections, duration: opts.warmup, rate: opts.rate });
        const {
          server: serverRun,
          ceiling: ceilingRun,
          ratio,
          roundRatios,
        } = await measurePair({ url, pid }, { url: ceilingUrl, pid: ceilingPid }, kind.request, opts);
        // Still a hit at the end: a run that turned into misses measures something else.
        if ((await call(url, kind.request)).headers.get('x-cache') !== 'HIT') throw new Error(`bench hits: ${kind.name} stopped being a hit during ${phase}`);
        results.push({ phase, kind: kind.name, label: kind.label, server: serverRun, ceiling: ceilingRun, ratio, roundRatios });
        console.log(
          `bench: ${phase.padEnd(6)} ${kind.name.padEnd(13)} server ${serverRun.cpuMicrosPerRequest} µs/req (${serverRun.requestsPerSecond} req/s, errors ${serverRun.errors}), ceiling ${ceilingRun.cpuMicrosPerRequest} µs/req (${ceilingRun.requestsPerSecond} req/s): ${ratio}x (rounds ${roundRatios.join(', ')})`,
        );
      }
    };

    await runPhase('fresh');

    // Fill: distinct keys until more than the budget was stored and the first key stored is gone (evicted by size; nothing was written).
    const budget = opts.cacheMb * 1024 * 1024;
    const started = Date.now();
    /** @type {{ requests: number, bytes: number, misses: number, first: { path: string, request: Request } | null }} */
    const fill = { requests: 0, bytes: 0, misses: 0, first: null };
    let evicted = false;
    // The store counts more than the bodies (key, headers), so bodies over the budget mean the budget was reached.
    for (let target = budget; !evicted; target += budget * 0.1) {
      await readMany(base, reads, 8, () => fill.bytes < target, fill);
      if (fill.first) evicted = (await call(`${base}${fill.first.path}`, fill.first.request)).headers.get('x-cache') === 'MISS';
      if (Date.now() - started > 30 * 60_000) throw new Error('bench hits: the cache did not fill within 30 minutes');
    }
    console.log(
      `bench: filled the cache: ${fill.misses} distinct entries stored (${Math.round(fill.bytes / 1024 / 1024)} MB of bodies, budget ${opts.cacheMb} MB) in ${Math.round((Date.now() - started) / 1000)} s; the first is evicted`,
    );
    await runPhase('full');

    // Mixed: hits of every kind, new distinct reads (misses) and writes, together.
    // Named per run: a kept database already holds the tokens of earlier runs.
    const token = await fullAccessToken(server, ADMIN, `bench-hits-${Date.now()}`);
    const articles = (
      await sql(opts.database, `select document_id from articles where locale = 'ar' and published_at is not null order by id desc limit 50`)
    ).map((r) => /** @type {string} */ (r.document_id));
    const until = Date.now() + opts.mixedSeconds * 1000;
    const more = () => Date.now() < until;
    let writes = 0;
    let hits = 0;
    const writer = (async () => {
      while (more()) {
        const documentId = articles[writes % articles.length];
        const res = await fetch(`${base}/api/articles/${documentId}?locale=ar`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ data: { summary: `bench hits write ${writes} at ${new Date().toISOString()}` } }),
        });
        if (!res.ok) throw new Error(`bench hits: PUT answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
        await res.arrayBuffer();
        writes += 1;
        // Paced runs are long: a write every 2 s keeps them a background load.
        await new Promise((resolve) => setTimeout(resolve, opts.mixedRate ? 2000 : 250));
      }
    })();
    // Paced, two thirds of the reads are hits and a third distinct reads, as flat out they roughly are.
    const hitters = Array.from({ length: 8 }, async () => {
      while (more()) {
        const kind = list[hits % list.length];
        if (!kind) return;
        const startedAt = Date.now();
        await call(`${base}${kind.path}`, kind.request);
        hits += 1;
        await pace(startedAt, 8, (opts.mixedRate * 2) / 3);
      }
    });
    const misses = readMany(base, reads, 4, more, { requests: 0, bytes: 0, misses: 0, first: null }, opts.mixedRate / 3);
    const [missStats] = await Promise.all([misses, writer, ...hitters]);
    console.log(
      `bench: mixed traffic for ${opts.mixedSeconds} s${opts.mixedRate ? ` at ${opts.mixedRate} reads/s` : ''}: ${hits} hit-kind requests, ${missStats.requests} distinct reads (${missStats.misses} misses), ${writes} writes`,
    );
    await runPhase('mixed');
  } finally {
    for (const { child } of ceilings.values()) child.kill();
    await stopServer(server.child);
  }
  return results;
}

module.exports = { benchHits };
