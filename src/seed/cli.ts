import { readFile } from 'fs/promises';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import { DEFAULT_STORIES } from '../../database/seed';
import { BundleValidationError, validateStoryBundle } from '../domain/story-bundle/validate';
import { waitForDatabaseIdle } from './database-idle';
import { loadStoryBundle, type LoadReport } from './load-story-bundle';
import { useScriptEnvironment } from '../settings';

interface AppContext {
  appDir: string;
  distDir: string;
}

interface NamedBundle {
  name: string;
  data: unknown;
}

/** Reads and validates every bundle before Strapi boots, so a typo costs a second, not a boot. */
async function readBundles(paths: string[], cwd: string): Promise<{ bundles: NamedBundle[]; problems: string[] }> {
  if (paths.length === 0) {
    return { bundles: DEFAULT_STORIES.map((data) => ({ name: `default story "${data.article.slug}"`, data })), problems: [] };
  }
  const bundles: NamedBundle[] = [];
  const problems: string[] = [];
  for (const file of paths) {
    const absolute = path.resolve(cwd, file);
    let data: unknown;
    try {
      data = JSON.parse(await readFile(absolute, 'utf8'));
    } catch (error) {
      problems.push(`${file}: ${error instanceof SyntaxError ? `is not valid JSON (${error.message})` : `cannot be read (${(error as Error).message})`}`);
      continue;
    }
    const result = validateStoryBundle(data);
    if (!result.ok) problems.push(...result.problems.map((p) => `${file}: ${p}`));
    else bundles.push({ name: file, data });
  }
  return { bundles, problems };
}

function summary(report: LoadReport): string {
  return Object.entries(report.counts)
    .map(([kind, c]) => `${kind}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`)
    .join('; ');
}

/**
 * `npm run seed [-- bundle.json ...]`: loads Strapi without its HTTP server,
 * upserts each bundle in its own transaction, and returns the exit code.
 */
export async function runSeedCli(argv: string[], appContext: AppContext, out = process.stdout, err = process.stderr): Promise<number> {
  const paths = argv.filter((arg) => arg !== '--');
  const { bundles, problems } = await readBundles(paths, process.cwd());
  if (problems.length > 0) {
    err.write(`seed: nothing was written; fix these first:\n  - ${problems.join('\n  - ')}\n`);
    return 1;
  }

  // The CLI loads the stories itself and reports on them; the boot-time seeding would only race it.
  useScriptEnvironment();
  let strapi: Core.Strapi | undefined;
  try {
    strapi = await createStrapi(appContext).load();
    for (const bundle of bundles) {
      const started = Date.now();
      const report = await loadStoryBundle(strapi, bundle.data);
      out.write(`seed: ${bundle.name} -> article ${report.article.documentId} in ${Date.now() - started} ms (${summary(report)})\n`);
      if (report.removedQuotes.length > 0) out.write(`seed: removed quotes no longer in the bundle: ${report.removedQuotes.join(', ')}\n`);
    }
    return 0;
  } catch (error) {
    const message = error instanceof BundleValidationError ? error.message : `${(error as Error).name}: ${(error as Error).message}`;
    err.write(`seed: failed, and the failing bundle was rolled back entirely.\n${message}\n`);
    return 1;
  } finally {
    if (strapi) {
      await waitForDatabaseIdle(strapi);
      await strapi.destroy();
    }
  }
}
