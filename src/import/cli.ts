import { stat } from 'fs/promises';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { SIGNAL_POLL_MS } from '../cache/cross-process';
import { responseCache } from '../cache/response-cache';
import type { BatchItem } from '../domain/story-bundle/batch';
import { BulkWriter, type OutcomeCounts } from '../seed/bulk-load';
import { waitForDatabaseIdle } from '../seed/database-idle';
import { useScriptEnvironment } from '../settings';
import { parseImportArgs, USAGE, type ImportArgs } from './args';
import { Batches } from './batches';
import { batchKeys, Overlap } from './overlap';
import { describeBadLine, parseLine, readLines } from './lines';
import { formatDuration, progressLine, rate, type ProgressState } from './progress';
import { analyzeTablesWithoutStatistics } from './statistics';

interface AppContext {
  appDir: string;
  distDir: string;
}

/** Where progress and bad lines go: a bar on a terminal, plain lines otherwise. */
interface Reporter {
  update(state: ProgressState): void;
  problem(text: string): void;
  stop(): void;
}

function terminalReporter(totalBytes: number, out: NodeJS.WriteStream, err: NodeJS.WritableStream): Reporter {
  const bars = new MultiBar(
    {
      stream: out,
      format: 'import {bar} {percentage}% | {bundles} bundles{bad} | {rate} bundles/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  const bar: SingleBar = bars.create(Math.max(totalBytes, 1), 0, { bundles: 0, bad: '', rate: '0.0' });
  return {
    update: (state) => bar.update(state.bytesRead, { bundles: state.bundles, bad: state.bad ? ` (${state.bad} bad)` : '', rate: rate(state).toFixed(1) }),
    // Above the bar when both go to the terminal; to stderr as usual when errors are redirected.
    problem: (text) => {
      if (process.stderr.isTTY) bars.log(`${text}\n`);
      else err.write(`${text}\n`);
    },
    stop: () => bars.stop(),
  };
}

function plainReporter(out: NodeJS.WritableStream, err: NodeJS.WritableStream, everyMs = 2000): Reporter {
  let last = 0;
  return {
    update: (state) => {
      if (state.elapsedMs - last < everyMs && state.bytesRead < state.totalBytes) return;
      last = state.elapsedMs;
      out.write(`${progressLine(state)}\n`);
    },
    problem: (text) => void err.write(`${text}\n`),
    stop: () => undefined,
  };
}

function summary(counts: OutcomeCounts): string {
  return Object.entries(counts)
    .map(([kind, c]) => `${kind}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`)
    .join('; ');
}

function addCounts(total: OutcomeCounts, batch: OutcomeCounts) {
  for (const [kind, c] of Object.entries(batch) as Array<[keyof OutcomeCounts, OutcomeCounts[keyof OutcomeCounts]]>) {
    total[kind].created += c.created;
    total[kind].updated += c.updated;
    total[kind].unchanged += c.unchanged;
  }
}

/**
 * `npm run import -- [--stop-on-error] [--batch N] [--parallel N] FILE.ndjson`: streams an
 * archive of story bundles, one per line, into the database in batched transactions
 * (src/seed/bulk-load.ts), up to N at once where they share no document (src/import/overlap.ts), with progress, and returns the exit code: 0 when every line
 * was imported, 1 when any line was bad or the import failed, 2 for bad arguments.
 */
export async function runImportCli(
  argv: string[],
  appContext: AppContext,
  out: NodeJS.WriteStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const args = parseImportArgs(argv);
  if (typeof args === 'string') {
    err.write(`import: ${args}\n${USAGE}\n`);
    return 2;
  }
  const file = path.resolve(process.cwd(), args.file);
  let totalBytes: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    totalBytes = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    err.write(`import: cannot read ${args.file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}\n`);
    return 1;
  }

  useScriptEnvironment();
  let strapi: Core.Strapi | undefined;
  try {
    strapi = await createStrapi(appContext).load();
    return await importFile(strapi, args, file, totalBytes, out, err);
  } catch (error) {
    err.write(
      `import: failed: ${(error as Error).message}\n` +
        'import: the batch being written was rolled back; batches committed before it stay. Run the same command again to finish: what is already imported is skipped.\n',
    );
    return 1;
  } finally {
    if (strapi) {
      await waitForDatabaseIdle(strapi);
      await strapi.destroy();
    }
  }
}

async function importFile(
  strapi: Core.Strapi,
  args: ImportArgs,
  file: string,
  totalBytes: number,
  out: NodeJS.WriteStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const writer = new BulkWriter(strapi);
  const reporter = out.isTTY ? terminalReporter(totalBytes, out, err) : plainReporter(out, err);
  const started = Date.now();
  const state: ProgressState = { bundles: 0, bad: 0, bytesRead: 0, totalBytes, elapsedMs: 0 };
  const counts = Object.fromEntries(
    ['organization', 'source', 'person', 'article', 'quote'].map((k) => [k, { created: 0, updated: 0, unchanged: 0 }]),
  ) as OutcomeCounts;
  let stoppedAt: number | null = null;
  let lastChange = 0;
  let removedQuotes = 0;
  const batches = new Batches(args.batch);

  const written = () => Object.values(counts).reduce((sum, c) => sum + c.created + c.updated, 0);
  const bad = (line: number, problems: string[]) => {
    state.bad += 1;
    for (const text of describeBadLine(line, problems)) reporter.problem(`import: ${text}`);
  };
  // --stop-on-error must know a batch's outcome before it reads on; SQLite has one writer anyway.
  const overlap = new Overlap(args.stopOnError || strapi.db.dialect.client !== 'postgres' ? 1 : args.parallel);
  const write = async (items: BatchItem[], bytesRead: number) => {
    if (items.length === 0) return;
    if (args.stopOnError) return writeNow(items, bytesRead);
    await overlap.submit(batchKeys(items), () => writeNow(items, bytesRead));
  };
  // Once, after the first batch that wrote: enough for the whole load (src/import/statistics.ts).
  let statisticsGiven = strapi.db.dialect.client !== 'postgres';
  const giveThePlannerStatistics = async () => {
    if (statisticsGiven) return;
    statisticsGiven = true;
    await analyzeTablesWithoutStatistics(strapi.db.connection as unknown as Knex);
  };
  const writeNow = async (items: BatchItem[], bytesRead: number) => {
    const report = await writer.write(items, { stopAtFirstRejected: args.stopOnError });
    for (const rejected of report.rejected) bad(rejected.line, rejected.problems);
    addCounts(counts, report.counts);
    removedQuotes += report.removedQuotes;
    if (report.changed) {
      // After the commit: a server on this database drops what it cached (at once with Redis, within its poll with a memory cache).
      await responseCache()?.flush();
      lastChange = Date.now();
      await giveThePlannerStatistics();
    }
    if (args.stopOnError && report.rejected.length > 0) stoppedAt = report.rejected[0]!.line;
    state.bytesRead = Math.max(state.bytesRead, bytesRead);
    state.elapsedMs = Date.now() - started;
    reporter.update(state);
  };

  try {
    let bytesRead = 0;
    for await (const numbered of readLines(file)) {
      const parsed = parseLine(numbered);
      if (parsed.kind === 'blank') continue;
      state.bundles += 1;
      if (parsed.kind === 'bad') {
        if (args.stopOnError) {
          // What came before the bad line is imported; nothing after it is read.
          await write(batches.take(), bytesRead);
          if (stoppedAt === null) {
            bad(parsed.line, parsed.problems);
            stoppedAt = parsed.line;
          }
          break;
        }
        bad(parsed.line, parsed.problems);
        continue;
      }
      bytesRead = numbered.bytesRead;
      const full = batches.add(parsed.item);
      if (full) await write(full, bytesRead);
      if (stoppedAt !== null) break;
    }
    if (stoppedAt === null) await write(batches.take(), totalBytes);
    await overlap.drain();
  } catch (error) {
    // The batches still in flight finish (or roll back) before the error is reported and Strapi stops.
    await overlap.drain().catch(() => undefined);
    throw error;
  } finally {
    state.elapsedMs = Date.now() - started;
    reporter.stop();
  }

  // After a large load, for the servers that read it next: fresh statistics, and the visibility map a VACUUM sets, without
  // which PostgreSQL cannot count a list's matches from an index alone (a pagination total: 268 ms a request at 100,000
  // articles, 16 ms with it). Autovacuum does the same, later; on a server where it is off, never. During the load one
  // ANALYZE of the tables that had none is enough (src/import/statistics.ts); after every doubling as well was tried: 55
  // against 75 bundles/s.
  if (strapi.db.dialect.client === 'postgres' && written() >= 10_000) await strapi.db.connection.raw('VACUUM (ANALYZE)');

  // A server with a memory cache polls the signal; the import ends only once each has had its turn to see the last batch.
  const sinceChange = Date.now() - lastChange;
  if (lastChange > 0 && sinceChange < SIGNAL_POLL_MS + 200) await new Promise((resolve) => setTimeout(resolve, SIGNAL_POLL_MS + 200 - sinceChange));

  const seconds = state.elapsedMs / 1000;
  out.write(
    `import: ${state.bundles} bundles in ${seconds.toFixed(1)} s (${rate(state).toFixed(1)} bundles/s, ${formatDuration(Math.round(seconds))}); ` +
      `${state.bad} bad line${state.bad === 1 ? '' : 's'}; ${summary(counts)}` +
      (removedQuotes > 0 ? `; quotes no longer in their bundles, deleted: ${removedQuotes}` : '') +
      '\n',
  );
  if (stoppedAt !== null) {
    err.write(`import: stopped at line ${stoppedAt} (--stop-on-error). The good lines before it are imported and stay; nothing after it was imported.\n`);
  } else if (state.bad > 0) {
    err.write(
      `import: ${state.bad} bad line${state.bad === 1 ? ' was' : 's were'} not imported (nothing from ${state.bad === 1 ? 'it' : 'them'}); every other line was.\n`,
    );
  }
  return state.bad > 0 ? 1 : 0;
}
