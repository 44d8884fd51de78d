import { runScript } from '../helpers/seed-cli';
import { appDatabase, createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** How the history recorded a load: revisions by actor and action, and how many drafts (document × locale) there are. */
async function historyOf(db: TestDatabase): Promise<{ revisions: Record<string, number>; drafts: number }> {
  const knex = appDatabase(db.env);
  try {
    const rows = (await knex('newsroom_revisions').select('actor_name', 'action').count({ n: '*' }).groupBy('actor_name', 'action')) as Array<{
      actor_name: string;
      action: string;
      n: number | string;
    }>;
    let drafts = 0;
    for (const table of ['articles', 'people', 'organizations', 'sources', 'quotes']) {
      const [{ n }] = (await knex(table).whereNull('published_at').count({ n: '*' })) as Array<{ n: number | string }>;
      drafts += Number(n);
    }
    return { revisions: Object.fromEntries(rows.map((r) => [`${r.actor_name} ${r.action}`, Number(r.n)])), drafts };
  } finally {
    await knex.destroy();
  }
}

/**
 * `npm run seed:synthetic` has two paths: the bundle loader (the real seed's path)
 * and the bulk path that large archives need. They must leave the same content: the
 * same stories loaded both ways, into two fresh databases, give equal canonical
 * dumps (every document and localization, draft and published, relations, figures
 * and the search index).
 */

/** The scripts always log at error level here, whatever the caller's environment says. */
const run = (script: string, args: string[], env: Record<string, string>) => runScript(script, args, { ...env, LOG_LEVEL: 'error' });

describe('seed:synthetic', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  it('writes the same content through the bulk path as through the bundle loader', async () => {
    const dumps: Record<string, unknown> = {};
    for (const loadPath of ['bundle', 'bulk']) {
      const db = await createTestDatabase();
      databases.push(db);
      const load = await run('seed-synthetic.js', ['--articles', '4', '--seed', '3', '--path', loadPath], db.env);
      expect({ loadPath, code: load.code, stderr: load.stderr }).toEqual({ loadPath, code: 0, stderr: '' });
      expect(load.stdout).toMatch(new RegExp(`loaded 4 articles through the ${loadPath} path in [\\d.]+ s \\([\\d.]+ articles/s`));
      const dump = await run('dump.js', [], db.env);
      expect(dump.code).toBe(0);
      dumps[loadPath] = JSON.parse(dump.stdout);
      // The history: the bulk path records one `import` per document and locale; the bundle loader records the seed's writes.
      const { revisions, drafts } = await historyOf(db);
      if (loadPath === 'bulk') expect(revisions).toEqual({ 'import import': drafts });
      else expect(revisions).toMatchObject({ 'seed create': drafts, 'seed publish': drafts });
    }
    const bundle = dumps.bundle as Record<string, Record<string, unknown>>;
    // 4 articles x 2 locales x draft and published; 9 quotes each.
    expect(Object.keys(bundle.article!)).toHaveLength(16);
    expect(Object.keys(bundle.quote!)).toHaveLength(144);
    expect(Object.keys(bundle.searchIndex!).length).toBeGreaterThan(160);
    expect(dumps.bulk).toEqual(dumps.bundle);
  });

  it('refuses bad options with a message', async () => {
    const db = databases[0]!;
    const bad = await run('seed-synthetic.js', ['--articles', 'many'], db.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('seed:synthetic: --articles must be a whole number of at least 1\n');
  });
});
