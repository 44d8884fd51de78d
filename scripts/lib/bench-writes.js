// @ts-check
'use strict';
/**
 * The write benchmark (`npm run bench -- --scenario writes`): what recording the
 * revision history costs a write. The same production server, on the same database,
 * with HISTORY_ENABLED on and off, twice each in alternation (on, off, on, off) so a
 * drift of the machine does not read as a difference. One editor's integration
 * writes one at a time through a full-access token, cycling over 20 articles:
 *   draft    PUT ?status=draft: a summary change saved as a draft
 *   publish  PUT: a summary change published at once (update, then publish)
 * For each: writes/s, p50/p95 latency, and the server's own CPU per write, read
 * from /proc/<pid>/stat (the client shares the 2 cores). A benchmark: it asserts nothing.
 */
const { readFileSync } = require('fs');
const { fullAccessToken, sql, startServer, stopServer } = require('./app-server');

const ADMIN = { email: 'bench-writes@newsroom.test', password: 'Quarry-Lantern-Saffron-73' };
const CLOCK_TICKS_PER_SECOND = 100;

/** @param {number} pid */
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are the 14th and 15th fields; [1] starts at the 3rd.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
};

/** @param {number[]} sorted @param {number} p */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * @param {{ database: string, writes: number, env: Record<string, string> }} opts
 * @returns {Promise<Array<{ mode: string, round: number, kind: string, writes: number, writesPerSecond: number, p50: number, p95: number, serverCpuMsPerWrite: number }>>}
 */
async function benchWrites({ database, writes, env }) {
  const rows = await sql(database, `select document_id from articles where locale = 'ar' and published_at is null order by id limit 20`);
  const articles = rows.map((r) => /** @type {string} */ (r.document_id));
  if (articles.length === 0) throw new Error('bench writes: no articles to write');
  const results = [];
  let round = 0;
  for (const history of [true, false, true, false]) {
    round += 1;
    const server = await startServer(
      {
        ...env,
        HISTORY_ENABLED: String(history),
        CRON_ENABLED: 'false',
        RATE_LIMIT_ENABLED: 'false',
        LOG_LEVEL: 'error',
        SEED_ON_BOOT: 'false',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      },
      { label: 'bench' },
    );
    try {
      const token = await fullAccessToken(server, ADMIN, `bench-writes-${round}`);
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
      let n = 0;
      /** @param {boolean} publish */
      const write = async (publish) => {
        n += 1;
        const documentId = articles[n % articles.length];
        const res = await fetch(`${server.baseUrl}/api/articles/${documentId}?locale=ar${publish ? '' : '&status=draft'}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ data: { summary: `Benchmark write ${round}.${n} at ${new Date().toISOString()}` } }),
        });
        if (!res.ok) throw new Error(`bench writes: PUT ${documentId} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
        await res.arrayBuffer();
      };
      for (const kind of ['draft', 'publish']) {
        for (let i = 0; i < 20; i++) await write(kind === 'publish');
        const latencies = [];
        const cpuBefore = cpuMs(server.child.pid ?? 0);
        const started = performance.now();
        for (let i = 0; i < writes; i++) {
          const t = performance.now();
          await write(kind === 'publish');
          latencies.push(performance.now() - t);
        }
        const seconds = (performance.now() - started) / 1000;
        const cpu = cpuMs(server.child.pid ?? 0) - cpuBefore;
        latencies.sort((a, b) => a - b);
        const result = {
          mode: history ? 'history on' : 'history off',
          round,
          kind,
          writes,
          writesPerSecond: Math.round((writes / seconds) * 10) / 10,
          p50: Math.round(percentile(latencies, 50) * 10) / 10,
          p95: Math.round(percentile(latencies, 95) * 10) / 10,
          serverCpuMsPerWrite: Math.round((cpu / writes) * 10) / 10,
        };
        results.push(result);
        console.log(
          `bench: ${result.mode.padEnd(11)} round ${round} ${kind.padEnd(7)} ${String(result.writesPerSecond).padStart(6)} writes/s  p50 ${result.p50} ms  p95 ${result.p95} ms  server CPU ${result.serverCpuMsPerWrite} ms/write`,
        );
      }
    } finally {
      await stopServer(server.child);
    }
  }
  return results;
}

/**
 * The two rounds of each mode pooled: mean CPU per write and mean p50, and how much slower history on is.
 * @param {Awaited<ReturnType<typeof benchWrites>>} results
 */
function summarizeWrites(results) {
  return ['draft', 'publish'].map((kind) => {
    /** @param {string} mode @param {'serverCpuMsPerWrite' | 'p50' | 'writesPerSecond'} key */
    const mean = (mode, key) => {
      const of = results.filter((r) => r.kind === kind && r.mode === mode);
      return of.reduce((sum, r) => sum + r[key], 0) / of.length;
    };
    const ratio = (/** @type {'serverCpuMsPerWrite' | 'p50'} */ key) => Math.round((mean('history on', key) / mean('history off', key)) * 1000) / 1000;
    return {
      kind,
      cpuOn: Math.round(mean('history on', 'serverCpuMsPerWrite') * 10) / 10,
      cpuOff: Math.round(mean('history off', 'serverCpuMsPerWrite') * 10) / 10,
      cpuRatio: ratio('serverCpuMsPerWrite'),
      p50On: Math.round(mean('history on', 'p50') * 10) / 10,
      p50Off: Math.round(mean('history off', 'p50') * 10) / 10,
      p50Ratio: ratio('p50'),
      writesPerSecondOn: Math.round(mean('history on', 'writesPerSecond') * 10) / 10,
      writesPerSecondOff: Math.round(mean('history off', 'writesPerSecond') * 10) / 10,
    };
  });
}

module.exports = { benchWrites, summarizeWrites };
