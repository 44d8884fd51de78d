import { api, bearer, tokens } from '../helpers/http';
import { openTestDb } from '../helpers/test-database';
import { STORY_SLUG } from '../fixtures/story-000';
import type { Article, Person } from '../helpers/documents';

const asTool = () => bearer(tokens.fullAccess());

async function core(slug: string, locale: string, headers: Record<string, string> = {}, status = 'published'): Promise<Article> {
  const res = await api().get('/api/articles').query({ locale, status, 'filters[slug][$eq]': slug }).set(headers).expect(200);
  return res.body.data[0];
}

describe('GET /api/articles/slug/:slug (the article read model)', () => {
  it.each(['ar', 'en'])('returns exactly what the core request returns, in %s', async (locale) => {
    const res = await api().get(`/api/articles/slug/${STORY_SLUG}`).query({ locale }).expect(200);
    expect(res.body).toEqual({ data: await core(STORY_SLUG, locale), meta: {} });
  });

  it('follows writes to the article and to everything inside it', async () => {
    const person = (await api().get('/api/people').query({ locale: 'ar', 'filters[slug][$eq]': 'tahseen-al-khafaji' }).expect(200)).body.data[0];
    await api()
      .put(`/api/people/${person.documentId}`)
      .query({ locale: 'ar' })
      .set(asTool())
      .send({ data: { jobTitle: 'متحدث (معدل)' } })
      .expect(200);
    try {
      const view: Article = (await api().get(`/api/articles/slug/${STORY_SLUG}`).query({ locale: 'ar' }).expect(200)).body.data;
      expect(view.people.find((p) => p.slug === 'tahseen-al-khafaji')?.jobTitle).toBe('متحدث (معدل)');
      expect(view).toEqual(await core(STORY_SLUG, 'ar'));
    } finally {
      await api()
        .put(`/api/people/${person.documentId}`)
        .query({ locale: 'ar' })
        .set(asTool())
        .send({ data: { jobTitle: 'المتحدث باسم قيادة العمليات المشتركة فى العراق' } })
        .expect(200);
    }
    const restored = (await api().get(`/api/articles/slug/${STORY_SLUG}`).query({ locale: 'ar' }).expect(200)).body.data;
    expect(restored).toEqual(await core(STORY_SLUG, 'ar'));
  });

  it('rebuilds only the locales a write changed, and a locale Strapi copied a shared field into', async () => {
    const db = await openTestDb();
    interface ViewRow {
      id: number;
      locale: string;
      body: string;
    }
    const viewRows = async (locale: string) =>
      db.rows<ViewRow>(`SELECT id, locale, body FROM newsroom_article_views WHERE slug = '${STORY_SLUG}' AND locale = '${locale}' ORDER BY id`);
    const person = async (locale: string): Promise<Person> =>
      (await api().get('/api/people').query({ locale, 'filters[slug][$eq]': 'tahseen-al-khafaji' }).expect(200)).body.data[0];
    const ar = await person('ar');
    const aliases = (await person('en')).aliases as string[];
    const write = (data: Partial<Person>) => api().put(`/api/people/${ar.documentId}`).query({ locale: 'ar' }).set(asTool()).send({ data }).expect(200);
    try {
      const [arBefore, enBefore] = [await viewRows('ar'), await viewRows('en')];
      await write({ jobTitle: 'متحدث (للغة واحدة)' });
      // The Arabic views were rewritten; the English ones, which show the English person, were left alone.
      expect((await viewRows('ar')).map((v) => v.id)).not.toEqual(arBefore.map((v) => v.id));
      expect(await viewRows('en')).toEqual(enBefore);
      expect((await api().get(`/api/articles/slug/${STORY_SLUG}`).query({ locale: 'ar' }).expect(200)).body.data).toEqual(await core(STORY_SLUG, 'ar'));

      // aliases is shared: written in Arabic, Strapi copies it into the English person, whose views and index follow.
      await write({ aliases: [...aliases, 'zzlocaleprobe'] });
      const en: Article = (await api().get(`/api/articles/slug/${STORY_SLUG}`).query({ locale: 'en' }).expect(200)).body.data;
      expect(en.people.find((p) => p.slug === 'tahseen-al-khafaji')?.aliases).toContain('zzlocaleprobe');
      expect(en).toEqual(await core(STORY_SLUG, 'en'));
      const found = await api().get('/api/search').query({ q: 'zzlocaleprobe', locale: 'en' }).expect(200);
      // The person, and the English quotes he is the speaker of (quotes are found by their speaker's names too).
      expect(found.body.data.map((hit: { slug: string }) => hit.slug).sort()).toEqual(
        ['tahseen-al-khafaji', ...[3, 4, 5].map((n) => `${STORY_SLUG}-q${n}`)].sort(),
      );
    } finally {
      await write({ jobTitle: ar.jobTitle, aliases });
      await db.close();
    }
  });

  it("keeps the other locales' dependencies when a write rebuilds one locale: an English-only person still updates the English view", async () => {
    const probe = 'views-locale-deps-probe';
    const person = await api()
      .post('/api/people')
      .query({ locale: 'en' })
      .set(asTool())
      .send({ data: { name: 'Locale Probe', slug: `${probe}-person` } })
      .expect(201);
    const personId: string = person.body.data.documentId;
    const article = await api()
      .post('/api/articles')
      .set(asTool())
      .send({ data: { headline: 'اختبار الاعتماديات', slug: probe } })
      .expect(201);
    const articleId: string = article.body.data.documentId;
    try {
      // The English version links a person who has no Arabic version, so the Arabic one cannot.
      await api()
        .put(`/api/articles/${articleId}`)
        .query({ locale: 'en' })
        .set(asTool())
        .send({ data: { headline: 'Dependency probe', slug: probe, people: [personId] } })
        .expect(200);
      // A write of the Arabic version rebuilds the Arabic views only...
      await api()
        .put(`/api/articles/${articleId}`)
        .query({ locale: 'ar' })
        .set(asTool())
        .send({ data: { summary: 'تحديث عربي' } })
        .expect(200);
      // ...and the English view must still follow the person only it shows.
      await api()
        .put(`/api/people/${personId}`)
        .query({ locale: 'en' })
        .set(asTool())
        .send({ data: { name: 'Locale Probe (renamed)' } })
        .expect(200);
      const en: Article = (await api().get(`/api/articles/slug/${probe}`).query({ locale: 'en' }).expect(200)).body.data;
      expect(en.people.map((p) => p.name)).toEqual(['Locale Probe (renamed)']);
      expect(en).toEqual(await core(probe, 'en'));
    } finally {
      await api().delete(`/api/articles/${articleId}`).query({ locale: '*' }).set(asTool()).expect(204);
      await api().delete(`/api/people/${personId}`).query({ locale: '*' }).set(asTool()).expect(204);
    }
  });

  it('rebuilds a row missing after a write that bypassed Strapi (an import, a restore), instead of a 404', async () => {
    const db = await openTestDb();
    try {
      await db.rows(`DELETE FROM newsroom_article_views WHERE slug = '${STORY_SLUG}' AND locale = 'en'`);
      expect(await db.rows(`SELECT id FROM newsroom_article_views WHERE slug = '${STORY_SLUG}' AND locale = 'en'`)).toHaveLength(0);
      const res = await api().get(`/api/articles/slug/${STORY_SLUG}`).query({ locale: 'en' }).expect(200);
      expect(res.body).toEqual({ data: await core(STORY_SLUG, 'en'), meta: {} });
      // Rebuilt for later reads: the published version and the draft.
      expect(await db.rows(`SELECT id FROM newsroom_article_views WHERE slug = '${STORY_SLUG}' AND locale = 'en'`)).toHaveLength(2);
    } finally {
      await db.close();
    }
    await api().get('/api/articles/slug/no-such-article').query({ locale: 'en' }).expect(404);
  });

  it('has drafts only for tokens, and new articles at once', async () => {
    const created = await api()
      .post('/api/articles')
      .query({ status: 'draft' })
      .set(asTool())
      .send({ data: { headline: 'مسودة للقراءة', slug: 'views-draft-probe' } })
      .expect(201);
    const { documentId } = created.body.data;
    try {
      await api().get('/api/articles/slug/views-draft-probe').expect(404);
      await api().get('/api/articles/slug/views-draft-probe').query({ status: 'draft' }).expect(403);
      const draft = await api().get('/api/articles/slug/views-draft-probe').query({ status: 'draft' }).set(bearer(tokens.readOnly())).expect(200);
      expect(draft.body.data).toEqual(await core('views-draft-probe', 'ar', bearer(tokens.readOnly()), 'draft'));
      await api()
        .put(`/api/articles/${documentId}`)
        .set(asTool())
        .send({ data: { summary: 'نشر' } })
        .expect(200);
      const published = await api().get('/api/articles/slug/views-draft-probe').expect(200);
      expect(published.body.data).toMatchObject({ documentId, summary: 'نشر' });
    } finally {
      await api().delete(`/api/articles/${documentId}`).query({ locale: '*' }).set(asTool()).expect(204);
    }
    await api().get('/api/articles/slug/views-draft-probe').expect(404);
  });

  it('refuses unknown parameters and locales with a 400', async () => {
    await api().get(`/api/articles/slug/${STORY_SLUG}`).query({ populate: '*' }).expect(400);
    await api().get(`/api/articles/slug/${STORY_SLUG}`).query({ locale: 'xx' }).expect(400);
  });
});
