// @ts-check
'use strict';
/**
 * `npm run bench -- --scenario breaking-news [--readers 48] [--write-rate 2] [--duration 30]`:
 * readers and an editor's integration on the same articles at once, as on a breaking story.
 *
 * One production server (response cache on). `--readers` closed-loop readers, each
 * cycling through five kinds as fast as answers come: the story by slug (articles being
 * updated and articles that are not), the latest ten, the 25 newest articles mentioning
 * the busiest person, search, and the story over GraphQL. A writer updates the headline
 * and summary of the articles those reads contain (the story, which search and GraphQL
 * return; articles in the latest ten; articles mentioning the person) at `--write-rate`
 * a second through a full-access token, open loop: each write starts at its time on
 * the clock, whether or not the one before has been answered, and how late each start
 * was is recorded. Writes to one article never overlap (a busy article is skipped for
 * the next one), so the order of acknowledgements is the order of commits.
 *
 * Every read that contains a written article is judged (scripts/lib/freshness.js): once
 * a write is acknowledged, any read that started after it must show it or a later one;
 * one that shows an older headline is stale. After each acknowledgement the writer
 * also reads the article back anonymously by slug and in one list or GraphQL read that
 * contains it, so every write has a "next read" even when no reader reached it.
 *
 * The writer runs in a thread of its own (a worker): the readers keep the main thread's
 * event loop saturated (about 0.9 of a core), and a write's answer sat in that queue
 * before it was timed, adding about 50 ms to every write's latency that no editor's client,
 * on a machine of its own, would see. Reads and writes are timed on one clock
 * (performance.timeOrigin + performance.now()), and every read is judged once all writes
 * are in, in the order the reads started.
 *
 * Reported: per read kind count, p50, p95, max, errors (status ≥ 400, network, GraphQL
 * errors) and stale reads; writes count, achieved rate, p50/p95/max, errors, how late
 * they started; the server's CPU (utime + stime of its process tree) per request and its
 * peak RSS. A benchmark: no timing is asserted. It returns what it found; the caller
 * exits non-zero on errors or stale reads (docs/performance.md says why).
 */
const { randomBytes } = require('crypto');
const http = require('http');
const { isMainThread, parentPort, Worker, workerData } = require('worker_threads');
const { fullAccessToken, stopServer } = require('./app-server');
const { storyPath } = require('./bench-reads');
const { FreshnessLedger, headlinesIn, markHeadline, writeShown } = require('./freshness');
const { LatencyRecorder, round1 } = require('./latency-summary');
const { machineTicks, processTree, RssSampler, treeCpuMs } = require('./proc-stats');

const ADMIN = { email: 'bench-breaking-news@newsroom.test', password: 'Harbor-Juniper-Cobalt-58' };
const READ_KINDS = /** @type {const} */ (['story', 'latest', 'person', 'search', 'graphql']);
/** How many written articles of each list, besides the story. */
const TARGETS_PER_LIST = 5;
/** Articles read by slug that no write touches: their cached entries should survive the writes. */
const UNTOUCHED = 4;

/**
 * @typedef {typeof READ_KINDS[number]} ReadKind
 * @typedef {import('./bench-reads').Request} Request
 * @typedef {{ path: string, request?: Request }} Read
 * @typedef {{ status: number, text: string, hit: boolean }} Answer hit: the response cache answered (X-Cache: HIT)
 * @typedef {{ documentId: string, slug: string, headline: string, lists: ReadKind[] }} Target
 * @typedef {{ database: string, duration: number, readers: number, writeRate: number, warmup: number }} Options
 * @typedef {(extraEnv: Record<string, string>) => Promise<import('./app-server').AppProcess>} Start
 */

/**
 * A client on node:http with kept-alive sockets: lighter than fetch, and the client shares the server's two cores.
 * @param {string} baseUrl @param {number} sockets
 */
function client(baseUrl, sockets) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  // Writes on connections of their own: a kept-alive socket the server closes as idle just as a request goes out is reset, and
  // a write, unlike a read, cannot simply be sent again.
  const writeAgent = new http.Agent({ keepAlive: false });
  /**
   * @param {string} path @param {Request} [request] @param {boolean} [retried]
   * @returns {Promise<Answer>}
   */
  const send = (path, request = {}, retried = false) =>
    new Promise((resolve, reject) => {
      const method = request.method ?? 'GET';
      const req = http.request(`${baseUrl}${path}`, { agent: method === 'PUT' ? writeAgent : agent, method, headers: request.headers }, (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), hit: res.headers['x-cache'] === 'HIT' }));
        res.on('error', reject);
      });
      req.on('error', (error) => {
        // The race Node's documentation describes for kept-alive sockets: retried once, on a new socket; never a write.
        if (req.reusedSocket && !retried && method !== 'PUT' && /ECONNRESET|socket hang up/.test(String(error))) resolve(send(path, request, true));
        else reject(error);
      });
      req.end(request.body);
    });
  return { send, close: () => (agent.destroy(), writeAgent.destroy()) };
}

/** Milliseconds on a clock every thread of the process shares. */
const now = () => performance.timeOrigin + performance.now();

/**
 * A request whose network failure is an answer (status 0) to count, not an exception.
 * @param {ReturnType<typeof client>} http @param {string} path @param {Request} [request]
 * @returns {Promise<Answer>}
 */
async function sendOrFail(http, path, request) {
  try {
    return await http.send(path, request);
  } catch (error) {
    return { status: 0, text: String(error), hit: false };
  }
}

const WRITER_ROLE = 'breaking-news-writer';

/**
 * @typedef {{ kind: string, channel: 'story' | 'list', startedAt: number, ms: number, answer: Answer }} ReadResult
 * @typedef {{ role: string, baseUrl: string, auth: Record<string, string>, targets: Target[], reads: Record<ReadKind, Read>, run: string,
 *   t0: number, interval: number, planned: number }} WriterData
 * @typedef {{ type: 'write', seq: number, documentId: string, scheduledAt: number, startedAt: number, ackedAt: number, status: number, text: string }
 *   | ({ type: 'read' } & ReadResult) | { type: 'done', maxInFlight: number }} WriterMessage
 */

/**
 * The writer's thread: writes at their times on the clock, each followed by the anonymous reads back, every one reported to
 * the main thread as it happens.
 * @param {WriterData} d @param {(message: WriterMessage) => void} post
 */
async function writerThread(d, post) {
  const http = client(d.baseUrl, 4);
  // The story every other write (search, GraphQL and its page all show it), the others in turn between.
  const others = d.targets.slice(1);
  const order = others.length > 0 ? others.flatMap((t) => [d.targets[0], t]) : [d.targets[0]];
  /** @type {Set<string>} */
  const busy = new Set();
  /** @type {Array<{ seq: number, scheduledAt: number }>} */
  const waiting = [];
  let cursor = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  /** @type {Promise<void>[]} */
  const pending = [];

  /** @param {string} kind @param {'story' | 'list'} channel @param {string} path @param {Request} [request] */
  const readBack = async (kind, channel, path, request) => {
    const startedAt = now();
    const answer = await sendOrFail(http, path, request);
    post({ type: 'read', kind, channel, startedAt, ms: now() - startedAt, answer });
  };
  /** @param {number} seq @param {number} scheduledAt @param {Target} target */
  const write = async (seq, scheduledAt, target) => {
    busy.add(target.documentId);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const startedAt = now();
    const data = {
      headline: markHeadline(target.headline, d.run, seq),
      summary: `تحديث عاجل ${seq} · breaking update ${d.run}.${seq} at ${new Date().toISOString()}`,
    };
    const answer = await sendOrFail(http, `/api/articles/${target.documentId}?locale=ar`, { method: 'PUT', headers: d.auth, body: JSON.stringify({ data }) });
    const ackedAt = now();
    inFlight -= 1;
    post({
      type: 'write',
      seq,
      documentId: target.documentId,
      scheduledAt,
      startedAt,
      ackedAt,
      status: answer.status,
      text: answer.status === 200 ? '' : answer.text.slice(0, 160),
    });
    /** @type {Promise<void>[]} */
    const verifications = [];
    if (answer.status === 200) {
      // The next anonymous reads of what was just written, by slug and in one of the reads that list it, both started
      // before the article is free for its next write: so every write has a next read of each kind, even after the readers stop.
      const list = d.reads[target.lists[seq % target.lists.length] ?? 'graphql'];
      verifications.push(readBack('verify story', 'story', storyPath(target.slug)), readBack('verify list', 'list', list.path, list.request));
    }
    busy.delete(target.documentId);
    const next = waiting.shift();
    if (next) launch(next.seq, next.scheduledAt);
    await Promise.all(verifications);
  };
  /** @param {number} seq @param {number} scheduledAt */
  const launch = (seq, scheduledAt) => {
    for (let i = 0; i < order.length; i++) {
      const target = order[(cursor + i) % order.length];
      if (target && !busy.has(target.documentId)) {
        cursor = (cursor + i + 1) % order.length;
        pending.push(write(seq, scheduledAt, target));
        return;
      }
    }
    // Every article has a write in flight: this one starts when one is answered, and counts as late.
    waiting.push({ seq, scheduledAt });
  };

  for (let i = 0; i < d.planned; i++) {
    const scheduledAt = d.t0 + i * d.interval;
    setTimeout(() => launch(i + 1, scheduledAt), Math.max(0, scheduledAt - now()));
  }
  // Every planned write has started (or waits for an article) once the last is due; then wait for the last answers.
  while (pending.length < d.planned) await new Promise((resolve) => setTimeout(resolve, 20));
  await Promise.all(pending);
  http.close();
  post({ type: 'done', maxInFlight });
}

/** @param {Answer} answer a GraphQL error comes with a 200 */
const failed = (answer) => answer.status >= 400 || answer.status === 0 || answer.text.includes('"errors":[');

/** @param {Answer} answer @param {string} what @returns {any} the parsed JSON (`any`: each caller reads the fields it asked for) */
function json(answer, what) {
  if (failed(answer)) throw new Error(`bench breaking-news: ${what} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return JSON.parse(answer.text);
}

/**
 * The articles to write and where each is read, from what the anonymous reads return before any write.
 * @param {ReturnType<typeof client>} http @param {Record<ReadKind, Read>} reads @param {string} storySlug
 */
async function pickTargets(http, reads, storySlug) {
  const story = json(await http.send(storyPath(storySlug)), 'the story').data;
  /** @type {Record<string, Array<{ documentId: string, slug?: string, headline?: string, publishedDate?: string }>>} */
  const lists = {};
  for (const kind of /** @type {const} */ (['latest', 'person', 'search', 'graphql'])) {
    const body = json(await http.send(reads[kind].path, reads[kind].request), kind);
    lists[kind] = [...headlinesIn(body).keys()].map((documentId) => {
      const item = (Array.isArray(body.data) ? body.data : []).find((/** @type {{ documentId?: string }} */ d) => d.documentId === documentId);
      return { documentId, slug: item?.slug, headline: item?.headline, publishedDate: item?.publishedDate };
    });
  }
  /** @param {string} documentId @returns {ReadKind[]} */
  const containing = (documentId) => READ_KINDS.filter((kind) => kind !== 'story' && lists[kind]?.some((a) => a.documentId === documentId));
  /** @type {Target[]} */
  const targets = [{ documentId: story.documentId, slug: story.slug, headline: story.headline, lists: containing(story.documentId) }];
  const taken = new Set([story.documentId]);
  // Articles both in the latest ten and mentioning the person first: one write then changes two lists.
  // PostgreSQL returns articles of the same publishedDate in any order: one tied with the last of a page may leave the page after
  // a write, so only articles dated after the page's last are written, and in slug order, so that every run writes the same ones.
  /** @param {Array<{ documentId: string, slug?: string, headline?: string, publishedDate?: string }>} pool */
  const inside = (pool) => {
    const last = pool.map((a) => String(a.publishedDate)).sort()[0];
    return pool.filter((a) => String(a.publishedDate) > String(last)).sort((a, b) => String(a.slug).localeCompare(String(b.slug)));
  };
  const latest = inside(lists.latest ?? []);
  const person = inside(lists.person ?? []);
  const both = latest.filter((a) => person.some((p) => p.documentId === a.documentId));
  for (const pool of [both, latest, person]) {
    for (const a of pool) {
      const counted = (/** @type {ReadKind} */ kind) => targets.filter((t) => t.documentId !== story.documentId && t.lists.includes(kind)).length;
      if (taken.has(a.documentId) || !a.slug || !a.headline) continue;
      const where = containing(a.documentId);
      if (where.every((kind) => counted(kind) >= TARGETS_PER_LIST)) continue;
      targets.push({ documentId: a.documentId, slug: a.slug, headline: a.headline, lists: where });
      taken.add(a.documentId);
    }
  }
  const untouched = [...latest, ...person]
    .filter((a) => a.slug && !taken.has(a.documentId))
    .slice(0, UNTOUCHED)
    .map((a) => /** @type {string} */ (a.slug));
  if (targets[0]?.lists.length === 0) throw new Error('bench breaking-news: no list read contains the story; the GraphQL read should');
  for (const kind of /** @type {const} */ (['latest', 'person']))
    if (!targets.some((t) => t.lists.includes(kind)))
      console.log(`bench: warning: no article of the ${kind} read can be written (all tied on publishedDate); it measures no write`);
  return { targets, untouched };
}

/**
 * @param {Options} opts @param {Start} start
 * @param {{ storySlug: string, reads: Record<Exclude<ReadKind, 'story'>, Read> }} scenario
 */
async function benchBreakingNews(opts, start, scenario) {
  const server = await start({ CRON_ENABLED: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const pid = server.child.pid ?? 0;
  const http = client(server.baseUrl, opts.readers + 8);
  const rss = new RssSampler(pid);
  try {
    const tree = processTree(pid);
    console.log(`bench: server pid ${pid}; its process tree: ${tree.join(', ')} (CPU and RSS are summed over the tree)`);
    const token = await fullAccessToken(server, ADMIN, `bench-breaking-news-${Date.now()}`);
    const auth = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
    /** @type {Record<ReadKind, Read>} */
    const reads = { story: { path: storyPath(scenario.storySlug) }, ...scenario.reads };
    const { targets, untouched } = await pickTargets(http, reads, scenario.storySlug);
    const byId = new Map(targets.map((t) => [t.documentId, t]));
    for (const t of targets) console.log(`bench: writes to ${t.slug} (${t.documentId}), read in: story, ${t.lists.join(', ')}`);
    console.log(`bench: also read by slug, never written: ${untouched.join(', ')}`);
    const storySlugs = [...targets.map((t) => t.slug), ...untouched];

    // A new run id each run, so a database reused from an earlier run shows its markers as older than any write of this one.
    const run = randomBytes(3).toString('hex');
    const ledger = new FreshnessLedger(['story', 'list']);
    /** @type {Record<string, LatencyRecorder>} */
    const recorders = Object.fromEntries([...READ_KINDS, 'verify story', 'verify list'].map((k) => [k, new LatencyRecorder()]));
    /** @type {Record<string, number>} */
    const staleByKind = Object.fromEntries(Object.keys(recorders).map((k) => [k, 0]));
    /** @type {Record<string, number>} what the response cache answered itself: the share a write's evictions leave */
    const hitsByKind = Object.fromEntries(Object.keys(recorders).map((k) => [k, 0]));
    /** @type {string[]} */
    const errorSamples = [];
    let recording = false;

    /**
     * One read, timed and judged.
     * @param {string} kind the recorder @param {'story' | 'list'} channel @param {string} path @param {Request} [request]
     */
    const read = async (kind, channel, path, request) => {
      const startedAt = now();
      const answer = await sendOrFail(http, path, request);
      if (recording) settle({ kind, channel, startedAt, ms: now() - startedAt, answer });
    };
    /** @type {Array<{ documentId: string, shown: number, startedAt: number, channel: 'story' | 'list', kind: string }>} */
    const observations = [];
    /**
     * A timed read (the readers' own, or the writer's reads back): counted, and the written articles it shows kept for judging.
     * @param {ReadResult} r
     */
    const settle = ({ kind, channel, startedAt, ms, answer }) => {
      const recorder = /** @type {LatencyRecorder} */ (recorders[kind]);
      recorder.record(ms);
      if (answer.hit) hitsByKind[kind] = (hitsByKind[kind] ?? 0) + 1;
      if (failed(answer)) {
        recorder.error();
        if (errorSamples.length < 10) errorSamples.push(`${kind} ${answer.status} ${answer.text.slice(0, 160)}`);
        return;
      }
      // Parsing every answer would cost the client (on the server's cores) more than the reads; only those naming a written article.
      if (!targets.some((t) => answer.text.includes(t.documentId))) return;
      for (const [documentId, headlines] of headlinesIn(JSON.parse(answer.text))) {
        if (!byId.has(documentId)) continue;
        for (const headline of headlines) observations.push({ documentId, shown: writeShown(headline, run), startedAt, channel, kind });
      }
    };

    /** @param {number} index @param {number} until */
    const reader = async (index, until) => {
      let n = index;
      while (now() < until) {
        const kind = READ_KINDS[n % READ_KINDS.length] ?? 'story';
        const target =
          kind === 'story' ? { path: storyPath(storySlugs[Math.floor(n / READ_KINDS.length) % storySlugs.length] ?? scenario.storySlug) } : reads[kind];
        await read(kind, kind === 'story' ? 'story' : 'list', target.path, target.request);
        n += 1;
      }
    };

    if (opts.warmup > 0) {
      const until = now() + opts.warmup * 1000;
      await Promise.all(Array.from({ length: opts.readers }, (_, i) => reader(i, until)));
    }

    // The measured window.
    const writes = new LatencyRecorder();
    const sinceScheduled = new LatencyRecorder();
    const lateStarts = new LatencyRecorder();
    const interval = 1000 / opts.writeRate;
    const planned = Math.floor(opts.duration * opts.writeRate);
    let behind = 0;
    let acknowledged = 0;
    let lastAckAt = 0;

    recording = true;
    rss.resetPeak();
    const cpuBefore = treeCpuMs(pid);
    const machineBefore = machineTicks();
    const clientBefore = process.cpuUsage();
    const t0 = now();
    const until = t0 + opts.duration * 1000;
    /** @type {WriterData} */
    const writerData = { role: WRITER_ROLE, baseUrl: server.baseUrl, auth, targets, reads, run, t0, interval, planned };
    const writer = new Worker(__filename, { workerData: writerData });
    /** @type {Promise<{ maxInFlight: number }>} */
    const writerDone = new Promise((resolve, reject) => {
      writer.on('message', (/** @type {WriterMessage} */ m) => {
        if (m.type === 'read') return settle(m);
        if (m.type === 'done') return resolve(m);
        writes.record(m.ackedAt - m.startedAt);
        sinceScheduled.record(m.ackedAt - m.scheduledAt);
        lateStarts.record(m.startedAt - m.scheduledAt);
        if (m.startedAt - m.scheduledAt > interval) behind += 1;
        if (m.status === 200) {
          acknowledged += 1;
          lastAckAt = Math.max(lastAckAt, m.ackedAt);
          ledger.acknowledge(m.documentId, m.seq, m.ackedAt);
        } else {
          writes.error();
          if (errorSamples.length < 10) errorSamples.push(`write ${m.status} ${m.text}`);
        }
      });
      writer.on('error', reject);
      writer.on('exit', (code) => reject(new Error(`bench breaking-news: the writer thread exited (${code}) before it finished`)));
    });
    const [{ maxInFlight }] = await Promise.all([writerDone, Promise.all(Array.from({ length: opts.readers }, (_, i) => reader(i, until)))]);
    const seconds = (now() - t0) / 1000;
    await writer.terminate();
    // Judged once every acknowledgement is in, in the order the reads started: the first read after a write is its next read.
    observations.sort((a, b) => a.startedAt - b.startedAt);
    for (const o of observations)
      if (ledger.judge(o.documentId, o.shown, o.startedAt, o.channel) === 'stale') staleByKind[o.kind] = (staleByKind[o.kind] ?? 0) + 1;
    const serverCpuMs = treeCpuMs(pid) - cpuBefore;
    const machineAfter = machineTicks();
    const client = process.cpuUsage(clientBefore);
    recording = false;
    const peakRssMb = Math.round(rss.resetPeak() / 1024);

    const requests = Object.values(recorders).reduce((sum, r) => sum + r.count, 0) + writes.count;
    const readSummaries = Object.fromEntries(
      Object.entries(recorders).map(([kind, r]) => [kind, { ...r.summary(), stale: staleByKind[kind] ?? 0, cacheHits: hitsByKind[kind] ?? 0 }]),
    );
    const writeSummary = {
      ...writes.summary(),
      planned,
      acknowledged,
      // Acknowledged writes over the time from the first scheduled start to the last acknowledgement (at least the duration).
      achievedRate: round1(acknowledged / Math.max(opts.duration, (lastAckAt - t0) / 1000)),
      sinceScheduled: sinceScheduled.summary(),
      lateStart: lateStarts.summary(),
      behind,
      maxInFlight,
    };
    const errors = Object.values(readSummaries).reduce((sum, r) => sum + r.errors, 0) + writeSummary.errors;
    return {
      settings: { ...opts, run, serverProcessTree: tree },
      targets,
      untouched,
      // Readers stop after the duration; this is until the last write was answered and read back.
      seconds: round1(seconds),
      reads: readSummaries,
      writes: writeSummary,
      freshness: { judged: ledger.counts, nextRead: ledger.nextReads(), staleSamples: ledger.staleSamples },
      stale: ledger.counts.stale,
      errors,
      errorSamples,
      requests,
      server: {
        cpuMs: Math.round(serverCpuMs),
        cpuMsPerRequest: requests ? Math.round((serverCpuMs / requests) * 1000) / 1000 : 0,
        cpuCores: round1(serverCpuMs / 1000 / seconds),
        peakRssMb,
      },
      client: { cpuMs: Math.round((client.user + client.system) / 1000) },
      // The hypervisor's share. A partial sign of a contended host: in a slow period (steal 6.3-7.5%) the same build spent
      // 0.62-0.66 ms of server CPU a request, against 0.26-0.36 an hour earlier (docs/performance.md, fourth sitting).
      machine: { stealPercent: round1(((machineAfter.steal - machineBefore.steal) / Math.max(1, machineAfter.total - machineBefore.total)) * 100) },
    };
  } finally {
    rss.stop();
    http.close();
    await stopServer(server.child);
  }
}

/** @param {{ fresh: number, stale: number, none: number } | undefined} n */
const nextRead = (n) => (n ? `${n.fresh} / ${n.stale} / ${n.none}` : '-');

/**
 * The table the scenario prints, in docs/performance.md's layout.
 * @param {Awaited<ReturnType<typeof benchBreakingNews>>} r
 * @returns {string}
 */
function breakingNewsTable(r) {
  const rows = [
    '| read | requests | req/s | cache hits | p50 ms | p95 ms | max ms | errors | stale |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(r.reads).map(
      ([kind, s]) =>
        `| ${kind} | ${s.count} | ${kind.startsWith('verify') ? '-' : round1(s.count / r.settings.duration)} | ${s.count ? Math.round((s.cacheHits / s.count) * 100) : 0}% | ${s.p50} | ${s.p95} | ${s.max} | ${s.errors} | ${s.stale} |`,
    ),
    '',
    '| writes | planned | acknowledged | achieved /s | p50 ms | p95 ms | max ms | errors | started late (> 1 interval) | late start p50 / max ms | in flight max | p50 / p95 ms from its planned start |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| PUT headline + summary | ${r.writes.planned} | ${r.writes.acknowledged} | ${r.writes.achievedRate} | ${r.writes.p50} | ${r.writes.p95} | ${r.writes.max} | ${r.writes.errors} | ${r.writes.behind} | ${r.writes.lateStart.p50} / ${r.writes.lateStart.max} | ${r.writes.maxInFlight} | ${r.writes.sinceScheduled.p50} / ${r.writes.sinceScheduled.p95} |`,
    `readers ran ${r.settings.duration} s; the last write was answered and read back after ${r.seconds} s`,
    '',
    `stale: ${r.stale} of ${r.freshness.judged.fresh + r.freshness.judged.stale} written articles seen in reads after a write was acknowledged (${r.freshness.judged.unjudged} more seen in reads that started before any write of theirs was)`,
    `next read after each write (fresh / stale / none): by slug ${nextRead(r.freshness.nextRead.story)}, in a list or GraphQL ${nextRead(r.freshness.nextRead.list)}`,
    `server: ${r.server.cpuMsPerRequest} ms CPU per request (${r.requests} requests, ${r.server.cpuMs} ms, ${r.server.cpuCores} cores), peak RSS ${r.server.peakRssMb} MB; client ${r.client.cpuMs} ms CPU; steal ${r.machine.stealPercent}% of the machine's CPU time (the host's other guests: compare runs only when it is low)`,
  ];
  return rows.join('\n');
}

// In the writer's thread; a failure there reaches the main thread as the Worker's 'error'.
if (!isMainThread && workerData?.role === WRITER_ROLE) void writerThread(workerData, (message) => parentPort?.postMessage(message));

module.exports = { benchBreakingNews, breakingNewsTable, READ_KINDS };
