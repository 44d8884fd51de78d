import { createWriteStream } from 'fs';
import { once } from 'events';
import { createStrapi, type Core } from '@strapi/strapi';
import { waitForDatabaseIdle } from './database-idle';
import { responseCache } from '../cache/response-cache';
import { BulkWriter } from './bulk-load';
import { loadStoryBundle } from './load-story-bundle';
import { syntheticBundles } from './synthetic/generate';
import type { StoryBundleInput } from '../domain/story-bundle/schema';
import { useScriptEnvironment } from '../settings';

interface AppContext {
  appDir: string;
  distDir: string;
}

export interface SyntheticArgs {
  articles: number;
  seed: number;
  prefix: string;
  path: 'bulk' | 'bundle';
  batch: number;
  shape: 'story' | 'small';
  /** Write the bundles to this NDJSON file (one per line, for `npm run import`) instead of loading them. */
  ndjson: string | null;
}

export function parseSyntheticArgs(argv: string[]): SyntheticArgs | string {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (!arg.startsWith('--')) return `unexpected argument "${arg}"`;
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    args[name] = inline ?? argv[++i] ?? '';
  }
  const known = new Set(['articles', 'seed', 'prefix', 'path', 'batch', 'shape', 'ndjson']);
  const unknown = Object.keys(args).filter((k) => !known.has(k));
  if (unknown.length > 0) return `unknown option(s): ${unknown.map((u) => `--${u}`).join(', ')}`;
  const articles = Number(args.articles);
  if (!Number.isInteger(articles) || articles < 1) return '--articles must be a whole number of at least 1';
  const path = (args.path ?? 'bulk') as SyntheticArgs['path'];
  if (path !== 'bulk' && path !== 'bundle') return '--path must be bulk or bundle';
  const seed = args.seed === undefined ? 1 : Number(args.seed);
  if (!Number.isInteger(seed)) return '--seed must be a whole number';
  const prefix = args.prefix ?? 'syn';
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(prefix)) return '--prefix must be lowercase Latin letters and digits';
  const batch = args.batch === undefined ? 250 : Number(args.batch);
  if (!Number.isInteger(batch) || batch < 1) return '--batch must be a whole number of at least 1';
  const shape = (args.shape ?? 'story') as SyntheticArgs['shape'];
  if (shape !== 'story' && shape !== 'small') return '--shape must be story or small';
  const ndjson = args.ndjson ?? null;
  if (ndjson === '') return '--ndjson needs a file name';
  return { articles, seed, prefix, path, batch, shape, ndjson };
}

/**
 * `npm run seed:synthetic -- --articles N [--path bulk|bundle] [--seed S] [--prefix P]`:
 * generates N realistic bilingual stories (src/seed/synthetic/generate.ts) and loads
 * them through the bundle loader (`--path bundle`, the real seed's path) or the bulk
 * path (the default; same rows, batched), then prints the throughput.
 */
export async function runSyntheticCli(argv: string[], appContext: AppContext, out = process.stdout, err = process.stderr): Promise<number> {
  const args = parseSyntheticArgs(argv);
  if (typeof args === 'string') {
    err.write(`seed:synthetic: ${args}\n`);
    return 2;
  }
  if (args.ndjson) return writeNdjson(args, args.ndjson, out, err);
  useScriptEnvironment();
  let strapi: Core.Strapi | undefined;
  try {
    strapi = await createStrapi(appContext).load();
    const started = Date.now();
    const bundles = syntheticBundles({ articles: args.articles, seed: args.seed, prefix: args.prefix, shape: args.shape });
    let done = 0;
    const progress = () => {
      if (done % Math.max(args.batch, Math.ceil(args.articles / 20)) === 0 || done === args.articles) {
        const seconds = (Date.now() - started) / 1000;
        out.write(`seed:synthetic: ${done}/${args.articles} articles, ${(done / seconds).toFixed(1)} articles/s\n`);
      }
    };
    if (args.path === 'bundle') {
      for (const bundle of bundles) {
        await loadStoryBundle(strapi, bundle);
        done += 1;
        progress();
      }
    } else {
      const loader = new BulkWriter(strapi);
      let batch: StoryBundleInput[] = [];
      for (const bundle of bundles) {
        batch.push(bundle);
        if (batch.length === args.batch) {
          await loader.load(batch);
          done += batch.length;
          batch = [];
          progress();
        }
      }
      if (batch.length > 0) {
        await loader.load(batch);
        done += batch.length;
        progress();
      }
      // Fresh statistics: right after a bulk load the planner would otherwise think the
      // tables nearly empty and pick scans over the search and relation indexes.
      if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('ANALYZE');
    }
    // A running instance sharing this store (Redis) must not serve what predates the load.
    await responseCache()?.flush();
    const seconds = (Date.now() - started) / 1000;
    out.write(
      `seed:synthetic: loaded ${args.articles} articles through the ${args.path} path in ${seconds.toFixed(1)} s ` +
        `(${(args.articles / seconds).toFixed(1)} articles/s)\n`,
    );
    return 0;
  } catch (error) {
    err.write(`seed:synthetic: failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    if (strapi) {
      await waitForDatabaseIdle(strapi);
      await strapi.destroy();
    }
  }
}

/** The synthetic stories as an archive file for `npm run import`: no database, no boot. */
async function writeNdjson(args: SyntheticArgs, file: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const stream = createWriteStream(file);
  try {
    for (const bundle of syntheticBundles({ articles: args.articles, seed: args.seed, prefix: args.prefix, shape: args.shape })) {
      if (!stream.write(`${JSON.stringify(bundle)}\n`)) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'finish');
  } catch (error) {
    err.write(`seed:synthetic: cannot write ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  out.write(`seed:synthetic: wrote ${args.articles} ${args.shape} bundles to ${file}\n`);
  return 0;
}
