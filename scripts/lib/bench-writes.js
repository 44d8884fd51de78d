// @ts-check
'use strict';
/**
 * The write benchmarks: what a feature in the write path costs a write.
 *   `npm run bench -- --scenario writes`    the revision history (HISTORY_ENABLED on and off)
 *   `npm run bench -- --scenario webhooks`  the webhook outbox (WEBHOOK_ENDPOINTS set and not), and how
 *                                           soon a receiver in this process gets each published change
 * The same production server, on the same database, with the feature on and off, twice
 * each in alternation (on, off, on, off) so a drift of the machine does not read as a
 * difference. One editor's integration writes one at a time through a full-access token,
 * cycling over 20 articles:
 *   draft    PUT ?status=draft: a summary change saved as a draft
 *   publish  PUT: a summary change published at once (update, then publish)
 * For each: writes/s, p50/p95 latency, and the server's own CPU per write, read
 * from /proc/<pid>/stat (the client shares the 2 cores). With webhooks on, each
 * published write also waits for its webhook, and the delay from the write's
 * acknowledgement to the receiver is reported (negative: the webhook came first).
 * A benchmark: it asserts nothing.
 */
const { randomBytes } = require('crypto');
const { createServer } = require('http');
const { fullAccessToken, sql, startServer, stopServer } = require('./app-server');
const { percentile } = require('./latency-summary');
const { cpuMs } = require('./proc-stats');

/**
 * The features a write benchmark can switch, and the environment that switches each.
 * @type {Record<'history' | 'webhooks', (on: boolean, receiverUrl: string) => Record<string, string>>}
 */
const FEATURES = {
  history: (on) => ({ HISTORY_ENABLED: String(on) }),
  webhooks: (on, receiverUrl) => ({
    WEBHOOK_ENDPOINTS: on ? receiverUrl : '',
    WEBHOOK_SECRET: on ? `whsec_${randomBytes(32).toString('base64')}` : '',
  }),
};

/**
 * A webhook receiver in this process: when each message for a document arrived.
 * @returns {Promise<{ url: string, arrivals: Map<string, number[]>, close: () => Promise<void> }>}
 */
async function startReceiver() {
  /** @type {Map<string, number[]>} */
  const arrivals = new Map();
  const server = createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      const documentId = /** @type {{ data: { documentId: string } }} */ (JSON.parse(Buffer.concat(chunks).toString('utf8'))).data.documentId;
      arrivals.set(documentId, [...(arrivals.get(documentId) ?? []), at]);
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    arrivals,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

const ADMIN = { email: 'bench-writes@newsroom.test', password: 'Quarry-Lantern-Saffron-73' };
/**
 * @param {{ database: string, writes: number, env: Record<string, string>, feature: keyof typeof FEATURES }} opts
 * @returns {Promise<Array<{ mode: string, round: number, kind: string, writes: number, writesPerSecond: number, p50: number, p95: number, serverCpuMsPerWrite: number, webhookAfterAck?: { p50: number, p95: number, max: number } }>>}
 */
async function benchWrites({ database, writes, env, feature }) {
  const rows = await sql(database, `select document_id from articles where locale = 'ar' and published_at is null order by id limit 20`);
  const articles = rows.map((r) => /** @type {string} */ (r.document_id));
  if (articles.length === 0) throw new Error('bench writes: no articles to write');
  const results = [];
  const receiver = await startReceiver();
  let round = 0;
  for (const on of [true, false, true, false]) {
    round += 1;
    const waitForWebhook = feature === 'webhooks' && on;
    const server = await startServer(
      {
        ...env,
        ...FEATURES[feature](on, receiver.url),
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
      /** @type {number[]} */
      const webhookDelays = [];
      /** @param {boolean} publish */
      const write = async (publish) => {
        n += 1;
        const documentId = /** @type {string} */ (articles[n % articles.length]);
        const seen = receiver.arrivals.get(documentId)?.length ?? 0;
        const res = await fetch(`${server.baseUrl}/api/articles/${documentId}?locale=ar${publish ? '' : '&status=draft'}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ data: { summary: `Benchmark write ${round}.${n} at ${new Date().toISOString()}` } }),
        });
        if (!res.ok) throw new Error(`bench writes: PUT ${documentId} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
        await res.arrayBuffer();
        const acknowledged = performance.now();
        if (!publish || !waitForWebhook) return;
        const deadline = acknowledged + 30_000;
        while ((receiver.arrivals.get(documentId)?.length ?? 0) <= seen) {
          if (performance.now() > deadline) throw new Error(`bench writes: no webhook for ${documentId} within 30 s`);
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        webhookDelays.push(/** @type {number} */ (receiver.arrivals.get(documentId)?.[seen]) - acknowledged);
      };
      for (const kind of ['draft', 'publish']) {
        for (let i = 0; i < 20; i++) await write(kind === 'publish');
        const latencies = [];
        webhookDelays.length = 0;
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
        webhookDelays.sort((a, b) => a - b);
        const result = {
          mode: `${feature} ${on ? 'on' : 'off'}`,
          round,
          kind,
          writes,
          writesPerSecond: Math.round((writes / seconds) * 10) / 10,
          p50: Math.round(percentile(latencies, 50) * 10) / 10,
          p95: Math.round(percentile(latencies, 95) * 10) / 10,
          serverCpuMsPerWrite: Math.round((cpu / writes) * 10) / 10,
          ...(webhookDelays.length > 0 && {
            webhookAfterAck: {
              p50: Math.round(percentile(webhookDelays, 50) * 10) / 10,
              p95: Math.round(percentile(webhookDelays, 95) * 10) / 10,
              max: Math.round((webhookDelays[webhookDelays.length - 1] ?? 0) * 10) / 10,
            },
          }),
        };
        results.push(result);
        console.log(
          `bench: ${result.mode.padEnd(12)} round ${round} ${kind.padEnd(7)} ${String(result.writesPerSecond).padStart(6)} writes/s  p50 ${result.p50} ms  p95 ${result.p95} ms  server CPU ${result.serverCpuMsPerWrite} ms/write` +
            (result.webhookAfterAck
              ? `  webhook after ack p50 ${result.webhookAfterAck.p50} ms p95 ${result.webhookAfterAck.p95} ms max ${result.webhookAfterAck.max} ms`
              : ''),
        );
      }
    } finally {
      await stopServer(server.child);
    }
  }
  await receiver.close();
  return results;
}

/**
 * The two rounds of each mode pooled: mean CPU per write and mean p50, and how much slower the feature on is.
 * @param {Awaited<ReturnType<typeof benchWrites>>} results
 * @param {keyof typeof FEATURES} feature
 */
function summarizeWrites(results, feature) {
  const [on, off] = [`${feature} on`, `${feature} off`];
  return ['draft', 'publish'].map((kind) => {
    /** @param {string} mode @param {'serverCpuMsPerWrite' | 'p50' | 'writesPerSecond'} key */
    const mean = (mode, key) => {
      const of = results.filter((r) => r.kind === kind && r.mode === mode);
      return of.reduce((sum, r) => sum + r[key], 0) / of.length;
    };
    const ratio = (/** @type {'serverCpuMsPerWrite' | 'p50'} */ key) => Math.round((mean(on, key) / mean(off, key)) * 1000) / 1000;
    return {
      kind,
      cpuOn: Math.round(mean(on, 'serverCpuMsPerWrite') * 10) / 10,
      cpuOff: Math.round(mean(off, 'serverCpuMsPerWrite') * 10) / 10,
      cpuRatio: ratio('serverCpuMsPerWrite'),
      p50On: Math.round(mean(on, 'p50') * 10) / 10,
      p50Off: Math.round(mean(off, 'p50') * 10) / 10,
      p50Ratio: ratio('p50'),
      writesPerSecondOn: Math.round(mean(on, 'writesPerSecond') * 10) / 10,
      writesPerSecondOff: Math.round(mean(off, 'writesPerSecond') * 10) / 10,
    };
  });
}

module.exports = { benchWrites, summarizeWrites, FEATURES };
