import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import path from 'path';
import type { TestDb } from './test-database';

const appDir = path.resolve(__dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run seed` as a newsroom script would, against the test database (dist/ is already compiled). */
export function runSeed(...args: string[]): Promise<CliResult> {
  return runSeedWith({}, ...args);
}

/** runSeed with extra environment variables (e.g. LOG_LEVEL=info to inspect what a boot logs). */
export function runSeedWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  return runScript('seed.js', args, { LOG_LEVEL: 'error', ...env });
}

/**
 * Runs one of scripts/ with the test database's environment (dist/ is already
 * compiled) and collects its output as text. Decoded as a stream: a chunk boundary
 * can fall inside a multi-byte character (most Arabic letters are two bytes), and
 * decoding chunks one by one would corrupt it.
 */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return startScript(script, args, env).done;
}

/** startScript's handle: the child (to kill it mid-run) and its result once it has exited. */
export interface RunningScript {
  child: ChildProcessWithoutNullStreams;
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

/** runScript without waiting: for tests that interrupt a script. */
export function startScript(script: string, args: string[], env: NodeJS.ProcessEnv): RunningScript {
  const child = spawn(process.execPath, [path.join(appDir, 'scripts', script), '--no-compile', ...args], {
    cwd: appDir,
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
  });
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export const fixture = (name: string) => path.join(appDir, 'tests/fixtures/bundles', name);

const CONTENT_TABLES = ['articles', 'people', 'organizations', 'sources', 'quotes'];
const LINK_TABLES = [
  'articles_people_lnk',
  'articles_organizations_lnk',
  'articles_sources_lnk',
  'articles_publisher_lnk',
  'people_affiliation_lnk',
  'quotes_article_lnk',
  'quotes_speaker_lnk',
  'quotes_speaker_organization_lnk',
  'quotes_source_lnk',
  'components_story_figures',
];

/** Every content row (id, documentId, locale, timestamps) and every relation count: what "the same rows" means. */
export async function snapshotContent(db: TestDb) {
  const rows: Record<string, unknown> = {};
  for (const table of CONTENT_TABLES) {
    rows[table] = await db.rows(`select id, document_id, locale, published_at, updated_at from ${table} order by id`);
  }
  const counts: Record<string, number> = {};
  for (const table of LINK_TABLES) {
    const [row] = await db.rows<{ n: number | string }>(`select count(*) as n from ${table}`);
    counts[table] = Number(row?.n);
  }
  return { rows, counts };
}
