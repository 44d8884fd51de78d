import { api, bearer, tokens } from '../helpers/http';
import type { Article, ListBody } from '../helpers/documents';
import { runScript, snapshotContent, startScript, type CliResult } from '../helpers/seed-cli';
import { appDatabase, createTestDatabase, databaseClient, openTestDb, type TestDatabase, type TestDb } from '../helpers/test-database';
import { importBundle, importWord, withoutEnglishHeadline, writeArchive } from '../fixtures/import-bundles';
import { syntheticBundles } from '../../src/seed/synthetic/generate';

/**
 * `npm run import`: the archive import, run as a process against the suite's database
 * while the suite's server keeps running on it (and, for resume, against fresh databases).
 */

const runImport = (args: string[], env: Record<string, string> = {}): Promise<CliResult> => runScript('import.js', args, { ...env, LOG_LEVEL: 'error' });

interface RevisionCount {
  document_id: string;
  locale: string;
  action: string;
  n: number | string;
}

/** The revisions of the documents with these slugs, per document, locale and action. */
async function revisionsOf(db: TestDb, slugs: string[]): Promise<Array<{ key: string; n: number }>> {
  const list = slugs.map((s) => `'${s}'`).join(', ');
  const union = ['articles', 'people', 'organizations', 'sources', 'quotes'].map((t) => `select document_id from ${t} where slug in (${list})`).join(' union ');
  const rows = await db.rows<RevisionCount>(
    `select document_id, locale, action, count(*) as n from newsroom_revisions where document_id in (${union}) group by document_id, locale, action order by document_id, locale, action`,
  );
  return rows.map((r) => ({ key: `${r.document_id} ${r.locale} ${r.action}`, n: Number(r.n) }));
}

const slugsOf = (slug: string) => [slug, `${slug}-org`, `${slug}-source`, `${slug}-person`, `${slug}-q1`, `${slug}-q2`];

const latestEnglish = () =>
  api()
    .get('/api/articles')
    .query({ locale: 'en', sort: 'publishedDate:desc', 'pagination[pageSize]': '3', 'fields[0]': 'slug', 'fields[1]': 'publishedDate' });

/**
 * Deletes what these tests imported into the suite's database (through the API, as an
 * editor's tool would), so the tests that count the story's rows find only the story.
 */
async function deleteImported(db: TestDb): Promise<void> {
  for (const [table, plural] of [
    ['quotes', 'quotes'],
    ['articles', 'articles'],
    ['people', 'people'],
    ['organizations', 'organizations'],
    ['sources', 'sources'],
  ] as const) {
    const rows = await db.rows<{ document_id: string }>(`select distinct document_id from ${table} where slug like 'import-%'`);
    for (const { document_id } of rows) await api().delete(`/api/${plural}/${document_id}`).query({ locale: '*' }).set(bearer(tokens.fullAccess())).expect(204);
  }
}

describe('npm run import', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await deleteImported(db);
    await db.close();
  });

  it('imports the good lines, reports each bad one by line number and schema path, and writes nothing from a bad bundle', async () => {
    const good1 = importBundle('import-good-one', '2031-01-02');
    const good2 = importBundle('import-good-two');
    const unknownSlug = importBundle('import-bad-ref');
    unknownSlug.article.people = ['import-bad-ref-person', 'nobody-by-this-slug'];
    const file = writeArchive('mixed.ndjson', [
      good2,
      { raw: '{"version": 1, "article": ' },
      withoutEnglishHeadline(importBundle('import-bad-schema')),
      unknownSlug,
      { raw: '' },
      good1,
    ]);

    // What the running server has cached before: a 404 for the story, and the latest list without it.
    await api().get('/api/articles/slug/import-good-one').query({ locale: 'en' }).expect(404);
    await latestEnglish().expect(200);
    const cachedBefore = await latestEnglish().expect(200);
    expect(cachedBefore.headers['x-cache']).toBe('HIT');

    // A reader keeps the latest list cached while the import runs (after its boot, which flushes too), so only the flush after the batch can make it fresh.
    const running = startScript('import.js', ['--batch', '1', file], { LOG_LEVEL: 'error' });
    let reading = true;
    const reader = (async () => {
      while (reading) {
        await latestEnglish().expect(200);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const result = await running.done;
    reading = false;
    await reader;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('import: line 2: is not valid JSON');
    expect(result.stderr).toContain('import: line 3: article.headline.en: is required\n');
    expect(result.stderr).toContain(
      'import: line 4: article.people[1]: no person with slug "nobody-by-this-slug" in this bundle, in the database or in an earlier line\n',
    );
    expect(result.stderr).toContain('import: 3 bad lines were not imported (nothing from them); every other line was.');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toMatch(/import: 5 bundles in [\d.]+ s .*; 3 bad lines; .*article: 2 created, 0 updated, 0 unchanged/);

    // Nothing of the bad bundles: not even the person and organization line 4 defines correctly.
    for (const slug of ['import-bad-schema', 'import-bad-ref']) {
      const list = slugsOf(slug)
        .map((s) => `'${s}'`)
        .join(', ');
      for (const table of ['articles', 'people', 'organizations', 'sources', 'quotes'])
        expect(await db.rows(`select id from ${table} where slug in (${list})`)).toEqual([]);
    }

    // The running server serves the new story at once, in both locales, with its quotes, and its cached list is fresh.
    const story = await api().get('/api/articles/slug/import-good-one').query({ locale: 'en' }).expect(200);
    expect(story.body.data).toMatchObject({ slug: 'import-good-one', quotes: [{ slug: 'import-good-one-q1' }, { slug: 'import-good-one-q2' }] });
    await api().get('/api/articles/slug/import-good-two').query({ locale: 'ar' }).expect(200);
    const latest = (await latestEnglish().expect(200)).body as ListBody<Article>;
    expect(latest.data[0]).toMatchObject({ slug: 'import-good-one', publishedDate: '2031-01-02' });

    // Searchable, and one `import` revision per document and locale.
    const search = await api()
      .get('/api/search')
      .query({ q: importWord('import-good-two'), locale: 'en' })
      .expect(200);
    expect(JSON.stringify(search.body)).toContain('import-good-two');
    const revisions = await revisionsOf(db, [...slugsOf('import-good-one'), ...slugsOf('import-good-two')]);
    expect(revisions).toHaveLength(2 * 6 * 2);
    for (const revision of revisions) expect(revision).toEqual({ key: expect.stringMatching(/ (ar|en) import$/), n: 1 });

    // Again: nothing changes (rows, ids, timestamps, revisions), and the same lines are reported.
    const before = { content: await snapshotContent(db), revisions: await db.rows('select count(*) as n from newsroom_revisions') };
    const again = await runImport([file]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('article: 0 created, 0 updated, 2 unchanged; quote: 0 created, 0 updated, 4 unchanged');
    expect({ content: await snapshotContent(db), revisions: await db.rows('select count(*) as n from newsroom_revisions') }).toEqual(before);
  });

  it('updates what a changed bundle changes, in place: documentIds kept, a dropped quote deleted, the story and search fresh', async () => {
    const original = importBundle('import-changed');
    await runImport([writeArchive('original.ndjson', [original])]).then((r) => expect(r).toMatchObject({ code: 0, stderr: '' }));
    const before = (await api().get('/api/articles/slug/import-changed').query({ locale: 'en' }).expect(200)).body.data as Article;

    const changed = importBundle('import-changed');
    changed.article.headline = { ar: 'خبر معدل', en: 'Changed story importrenamedmarker' };
    changed.people![0]!.name = { ar: 'اسم جديد', en: 'Renamed Person' };
    changed.quotes = changed.quotes!.slice(0, 1);
    const result = await runImport([writeArchive('changed.ndjson', [changed])]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(
      'person: 0 created, 1 updated, 0 unchanged; article: 0 created, 1 updated, 0 unchanged; quote: 0 created, 0 updated, 1 unchanged',
    );
    expect(result.stdout).toContain('; quotes no longer in their bundles, deleted: 1');

    const after = (await api().get('/api/articles/slug/import-changed').query({ locale: 'en' }).expect(200)).body.data as Article & {
      quotes: Array<{ slug: string; speaker: { name: string } }>;
    };
    expect(after.documentId).toBe(before.documentId);
    expect(after.headline).toBe('Changed story importrenamedmarker');
    expect(after.quotes.map((q) => [q.slug, q.speaker.name])).toEqual([['import-changed-q1', 'Renamed Person']]);
    expect(await db.rows("select id from quotes where slug = 'import-changed-q2'")).toEqual([]);
    const search = await api().get('/api/search').query({ q: 'importrenamedmarker', locale: 'en' }).expect(200);
    expect(JSON.stringify(search.body)).toContain('import-changed');
    // A second `import` revision for what changed, none for what did not.
    const revisions = await revisionsOf(db, ['import-changed', 'import-changed-org']);
    expect(revisions.map((r) => r.n).sort()).toEqual([1, 1, 2, 2]);
  });

  it('writes batches that share no slug at once, and still rebuilds a stored story two of them change from both', async () => {
    await runImport([writeArchive('shared.ndjson', [importBundle('import-shared')])]).then((r) => expect(r).toMatchObject({ code: 0, stderr: '' }));
    // Two bundles of new articles, one renaming the story's person and one its source: no slug in common,
    // so with --batch 1 they are written together, and each changes the stored story's view and quotes.
    const renamesPerson = importBundle('import-shared-p');
    renamesPerson.people = [
      { slug: 'import-shared-person', name: { ar: 'اسم الشخص الجديد', en: 'Renamed shared person' }, affiliation: 'import-shared-org', aliases: [] },
    ];
    Object.assign(renamesPerson.article, { people: ['import-shared-person'], organizations: [], sources: [], figures: [] });
    Object.assign(renamesPerson, { organizations: [], sources: [], quotes: [] });
    const renamesSource = importBundle('import-shared-s');
    renamesSource.sources = [{ slug: 'import-shared-source', name: { ar: 'وكالة جديدة', en: 'Renamed shared agency' }, kind: 'news_agency' }];
    Object.assign(renamesSource.article, { people: [], organizations: [], sources: ['import-shared-source'], figures: [] });
    Object.assign(renamesSource, { organizations: [], people: [], quotes: [] });
    const result = await runImport(['--batch', '1', '--parallel', '2', writeArchive('renames.ndjson', [renamesPerson, renamesSource])]);
    expect(result).toMatchObject({ code: 0, stderr: '' });

    const story = (await api().get('/api/articles/slug/import-shared').query({ locale: 'en' }).expect(200)).body.data as Article & {
      people: Array<{ name: string }>;
      sources: Array<{ name: string }>;
      quotes: Array<{ speaker: { name: string }; source: { name: string } | null }>;
    };
    expect(story.people.map((p) => p.name)).toEqual(['Renamed shared person']);
    expect(story.sources.map((s) => s.name)).toEqual(['Renamed shared agency']);
    expect(story.quotes.map((q) => [q.speaker.name, q.source?.name ?? null])).toEqual([
      ['Renamed shared person', 'Renamed shared agency'],
      ['Renamed shared person', null],
    ]);
    // The quotes' search rows carry both new names too.
    const search = await api().get('/api/search').query({ q: 'Renamed shared agency', locale: 'en' }).expect(200);
    expect(JSON.stringify(search.body)).toContain('import-shared-q1');
  });

  it('stops at the first bad line with --stop-on-error, keeping what came before it', async () => {
    const file = writeArchive('stop.ndjson', [
      importBundle('import-stop-before'),
      withoutEnglishHeadline(importBundle('import-stop-bad')),
      importBundle('import-stop-after'),
    ]);
    const result = await runImport(['--stop-on-error', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('import: line 2: article.headline.en: is required\n');
    expect(result.stderr).toContain(
      'import: stopped at line 2 (--stop-on-error). The good lines before it are imported and stay; nothing after it was imported.',
    );
    await api().get('/api/articles/slug/import-stop-before').query({ locale: 'ar' }).expect(200);
    expect(await db.rows("select id from articles where slug in ('import-stop-bad', 'import-stop-after')")).toEqual([]);
  });

  it('refuses bad arguments and a missing file with a message, not a stack trace', async () => {
    const missing = await runImport(['/nonexistent/archive.ndjson']);
    expect(missing).toMatchObject({ code: 1, stderr: 'import: cannot read /nonexistent/archive.ndjson: no such file\n' });
    const usage = await runImport(['--batch', 'lots', 'x.ndjson']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^import: --batch must be a whole number from 1 to 5000\nusage: npm run import/);
  });

  describe('on a database no one has analyzed', () => {
    let fresh: TestDatabase;
    afterAll(async () => {
      await fresh?.drop();
    });

    it(`leaves the planner statistics for the tables it filled on ${databaseClient() === 'postgres' ? 'PostgreSQL' : 'SQLite (which plans without them)'}`, async () => {
      fresh = await createTestDatabase();
      const file = writeArchive('statistics.ndjson', [...syntheticBundles({ articles: 6, seed: 9, prefix: 'stats', shape: 'small' })]);
      const result = await runImport(['--batch', '2', file], fresh.env);
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      const knex = appDatabase(fresh.env);
      try {
        if (databaseClient() === 'postgres') {
          // The test machine's PostgreSQL runs without autovacuum, so only the import can have analyzed them.
          const rows = (
            await knex.raw(
              `select relname as "table", greatest(last_analyze, last_autoanalyze) is not null as "analyzed" from pg_stat_user_tables
                where relname in ('articles', 'quotes', 'quotes_article_lnk', 'people', 'newsroom_search', 'newsroom_article_views') order by relname`,
            )
          ).rows as Array<{ table: string; analyzed: boolean }>;
          expect(rows).toEqual(
            ['articles', 'newsroom_article_views', 'newsroom_search', 'people', 'quotes', 'quotes_article_lnk'].map((table) => ({ table, analyzed: true })),
          );
        } else {
          const [{ n }] = (await knex('articles').count({ n: '*' })) as Array<{ n: number | string }>;
          expect(Number(n)).toBe(6 * 4);
        }
      } finally {
        await knex.destroy();
      }
    });
  });

  describe('killed mid-import and run again', () => {
    const databases: TestDatabase[] = [];
    afterAll(async () => {
      for (const database of databases) await database.drop();
    });

    it('ends where a clean import ends', async () => {
      const bundles = [...syntheticBundles({ articles: 24, seed: 5, prefix: 'resume', shape: 'small' })];
      const file = writeArchive('resume.ndjson', bundles);
      const clean = await createTestDatabase();
      const resumed = await createTestDatabase();
      databases.push(clean, resumed);

      // SIGKILL once some batches are committed, well before the last one.
      const running = startScript('import.js', ['--batch', '2', file], { ...resumed.env, LOG_LEVEL: 'error' });
      const knex = appDatabase(resumed.env);
      const articleRows = async () => {
        try {
          const [{ n }] = (await knex('articles').count({ n: '*' })) as Array<{ n: number | string }>;
          return Number(n);
        } catch {
          return 0; // not migrated yet
        }
      };
      let partial: number;
      try {
        while (running.child.exitCode === null && (await articleRows()) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        running.child.kill('SIGKILL');
        expect((await running.done).signal).toBe('SIGKILL');
        partial = await articleRows();
      } finally {
        await knex.destroy();
      }
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(bundles.length * 4);

      const rerun = await runImport([file], resumed.env);
      expect({ code: rerun.code, stderr: rerun.stderr }).toEqual({ code: 0, stderr: '' });
      const reference = await runImport([file], clean.env);
      expect({ code: reference.code, stderr: reference.stderr }).toEqual({ code: 0, stderr: '' });

      const dump = async (database: TestDatabase) => JSON.parse((await runScript('dump.js', [], database.env)).stdout) as Record<string, unknown>;
      const [resumedDump, cleanDump] = [await dump(resumed), await dump(clean)];
      expect(Object.keys(resumedDump.article as object)).toHaveLength(bundles.length * 4);
      expect(resumedDump).toEqual(cleanDump);

      // The history too: exactly one `import` per document and locale, none from the killed batch.
      const history = appDatabase(resumed.env);
      try {
        const counts = (await history('newsroom_revisions')
          .select('document_id', 'locale', 'action')
          .count({ n: '*' })
          .groupBy('document_id', 'locale', 'action')) as Array<Omit<RevisionCount, 'document_id'> & { document_id: string }>;
        // 60 bundles x (article, 2 people, organization, source, 3 quotes) x 2 locales.
        expect(counts).toHaveLength(bundles.length * 8 * 2);
        expect(counts.filter((c) => c.action !== 'import' || Number(c.n) !== 1)).toEqual([]);
      } finally {
        await history.destroy();
      }
    });
  });
});
