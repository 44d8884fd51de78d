import { api, bearer, tokens } from '../helpers/http';
import { fixture, runSeed, snapshotContent } from '../helpers/seed-cli';
import { openTestDb, type TestDb } from '../helpers/test-database';
import { STORY_SLUG } from '../fixtures/story-000';
import type { AnyDocument, Article } from '../helpers/documents';

const asTool = () => bearer(tokens.fullAccess());

async function findBySlug<T extends AnyDocument = Article>(collection: string, slug: string, locale = 'ar'): Promise<T[]> {
  const res = await api().get(`/api/${collection}`).query({ locale, status: 'draft', 'filters[slug][$eq]': slug }).set(asTool()).expect(200);
  return res.body.data;
}

describe('npm run seed', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db.close());

  it('leaves exactly the same rows when the story is seeded twice more', async () => {
    // Test files that run earlier write the story's documents and put them back; which of them run
    // first depends on jest's order. One seed first makes the rows the bundle's again, whatever they left.
    const first = await runSeed();
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    const bootSeeded = await snapshotContent(db);
    // Two locales, each with a draft and a published version: 9 quotes -> 36 links, 3 people -> 12, 2 figures -> 8.
    expect(bootSeeded.counts).toMatchObject({ quotes_article_lnk: 36, articles_people_lnk: 12, components_story_figures: 8 });

    for (let run = 1; run <= 2; run++) {
      const result = await runSeed();
      expect(result.stderr).toBe('');
      expect(result).toMatchObject({ code: 0 });
      expect(result.stdout).toContain(
        'organization: 0 created, 0 updated, 5 unchanged; source: 0 created, 0 updated, 4 unchanged; person: 0 created, 0 updated, 3 unchanged; article: 0 created, 0 updated, 1 unchanged; quote: 0 created, 0 updated, 9 unchanged',
      );
      expect(await snapshotContent(db)).toEqual(bootSeeded);
    }
  });

  it('refuses an invalid bundle with messages that name each field, and writes nothing', async () => {
    const before = await snapshotContent(db);
    const result = await runSeed(fixture('invalid-story.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('seed: nothing was written; fix these first:');
    for (const message of [
      'article.slug: must be lowercase Latin letters and digits separated by single hyphens',
      'article.headline.en: is required',
      'article.publishedDate: is not a real calendar date',
    ]) {
      expect(result.stderr).toContain(`invalid-story.json: ${message}`);
    }
    expect(await snapshotContent(db)).toEqual(before);
  });

  it('refuses a bundle that names a person neither it nor the database has', async () => {
    const before = await snapshotContent(db);
    const result = await runSeed(fixture('unknown-reference-story.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('article.people[0]: no person with slug "no-such-person" in this bundle or in the database');
    expect(await snapshotContent(db)).toEqual(before);
  });

  it('rolls the whole bundle back when it fails midway, leaving no half-linked article', async () => {
    const before = await snapshotContent(db);
    const result = await runSeed(fixture('conflicting-quote-story.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('rolled back entirely');
    expect(result.stderr).toContain(`quotes[0].slug: "${STORY_SLUG}-q1" already belongs to the article "${STORY_SLUG}"`);
    // The person and the article were written before the quote failed; neither survives.
    expect(await findBySlug('articles', 'rollback-probe-article')).toEqual([]);
    expect(await findBySlug('people', 'rollback-probe-person')).toEqual([]);
    expect(await snapshotContent(db)).toEqual(before);
  });

  describe('with a bundle file from a newsroom script', () => {
    const slug = 'follow-up-al-araji-training-mission';

    afterAll(async () => {
      // Leave the shared database as the other suites expect it: the story only.
      for (const [collection, s] of [
        ['quotes', `${slug}-q1`],
        ['articles', slug],
        ['sources', 'follow-up-test-agency'],
      ] as const) {
        for (const doc of await findBySlug(collection, s)) {
          await api().delete(`/api/${collection}/${doc.documentId}`).query({ locale: '*' }).set(asTool());
        }
      }
    });

    it('loads it, linking existing people and sources by slug in both locales', async () => {
      const result = await runSeed(fixture('follow-up-story.json'));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);

      const [story] = await findBySlug('articles', STORY_SLUG);
      const storyAraji = story!.people.find((p) => p.slug === 'qasim-al-araji');
      for (const locale of ['ar', 'en']) {
        const res = await api().get('/api/articles').query({ locale, 'filters[slug][$eq]': slug }).expect(200);
        expect(res.body.data).toHaveLength(1);
        const article: Article = res.body.data[0];
        expect(article.people).toMatchObject([{ slug: 'qasim-al-araji', documentId: storyAraji?.documentId, locale }]);
        expect(article.sources.map((s) => s.slug)).toEqual(['follow-up-test-agency', 'nina']);
        expect(article.quotes).toMatchObject([{ kind: 'direct', speaker: { slug: 'qasim-al-araji' }, source: { slug: 'follow-up-test-agency' } }]);
      }
    });

    it('is idempotent for that bundle too', async () => {
      const before = await snapshotContent(db);
      const result = await runSeed(fixture('follow-up-story.json'));
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('article: 0 created, 0 updated, 1 unchanged; quote: 0 created, 0 updated, 1 unchanged');
      expect(await snapshotContent(db)).toEqual(before);
    });
  });

  it('reports unreadable and malformed files without booting', async () => {
    const missing = await runSeed('does-not-exist.json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/does-not-exist\.json: cannot be read/);
    const notJson = await runSeed(fixture('../story-000.ts'));
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/story-000\.ts: is not valid JSON/);
  });
});
