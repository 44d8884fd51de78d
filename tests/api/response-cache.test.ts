import { adminLogin, api, bearer, graphql, tokens } from '../helpers/http';
import { runSeed } from '../helpers/seed-cli';
import { SUPER_ADMIN } from '../fixtures/accounts';
import { STORY_SLUG } from '../fixtures/story-000';
import type { Person, Quote } from '../helpers/documents';

const asTool = () => bearer(tokens.fullAccess());
const storyQuery = { locale: 'en', 'filters[slug][$eq]': STORY_SLUG };

/** Requests until the response comes from the cache (the first may be a miss), then returns it. */
async function cachedGet(path: string, query: Record<string, string>) {
  await api().get(path).query(query).expect(200);
  const res = await api().get(path).query(query).expect(200);
  expect(res.headers['x-cache']).toBe('HIT');
  return res;
}

describe('the response cache', () => {
  it('answers a repeated public read from the cache with the same status, headers and bytes', async () => {
    const first = await api().get('/api/people').query({ locale: 'ar', sort: 'name' }).expect(200);
    const second = await api().get('/api/people').query({ sort: 'name', locale: 'ar' }).expect(200);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.text).toBe(first.text);
    for (const header of ['content-type', 'etag', 'cache-control', 'content-security-policy', 'x-content-type-options', 'x-frame-options']) {
      expect({ header, value: second.headers[header] }).toEqual({ header, value: first.headers[header] });
    }
    expect(second.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(second.headers.etag).toMatch(/^"[\w-]+"$/);
  });

  it('answers If-None-Match with 304 and no body', async () => {
    const res = await cachedGet('/api/sources', { locale: 'en' });
    const revalidated = await api().get('/api/sources').query({ locale: 'en' }).set('If-None-Match', res.headers.etag).expect(304);
    expect(revalidated.text).toBe('');
    expect(revalidated.headers.etag).toBe(res.headers.etag);
  });

  it('never answers a request with credentials from the cache, and marks its response private', async () => {
    await cachedGet('/api/organizations', { locale: 'ar' });
    const res = await api().get('/api/organizations').query({ locale: 'ar' }).set(bearer(tokens.readOnly())).expect(200);
    expect(res.headers['x-cache']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('does not cache errors', async () => {
    await api().get('/api/articles').query({ locale: 'xx' }).expect(400);
    const again = await api().get('/api/articles').query({ locale: 'xx' }).expect(400);
    expect(again.headers['x-cache']).toBeUndefined();
  });
});

describe('the cache is never stale', () => {
  let araji: Person;
  beforeAll(async () => {
    const res = await api().get('/api/people').query({ locale: 'en', 'filters[slug][$eq]': 'qasim-al-araji' }).expect(200);
    araji = res.body.data[0];
  });

  it('a renamed person is renamed inside every cached article, REST and GraphQL', async () => {
    const query = `query ($slug: String!) { articles(locale: "en", filters: { slug: { eq: $slug } }) { quotes(sort: "position:asc") { speaker { name } } people { name } } }`;
    await cachedGet('/api/articles', storyQuery);
    await graphql(query, { slug: STORY_SLUG }).expect(200);
    const gqlHit = await graphql(query, { slug: STORY_SLUG }).expect(200);
    expect(gqlHit.headers['x-cache']).toBe('HIT');

    await api()
      .put(`/api/people/${araji.documentId}`)
      .query({ locale: 'en' })
      .set(asTool())
      .send({ data: { name: 'Qasim al-Araji (renamed)' } })
      .expect(200);
    try {
      const rest = await api().get('/api/articles').query(storyQuery).expect(200);
      expect(rest.headers['x-cache']).toBe('MISS');
      expect(rest.body.data[0].people[0].name).toBe('Qasim al-Araji (renamed)');
      expect(rest.body.data[0].quotes[0].speaker.name).toBe('Qasim al-Araji (renamed)');
      const gql = await graphql(query, { slug: STORY_SLUG }).expect(200);
      expect(gql.body.data.articles[0].people[0].name).toBe('Qasim al-Araji (renamed)');
      expect(gql.body.data.articles[0].quotes[0].speaker.name).toBe('Qasim al-Araji (renamed)');
    } finally {
      await api()
        .put(`/api/people/${araji.documentId}`)
        .query({ locale: 'en' })
        .set(asTool())
        .send({ data: { name: 'Qasim al-Araji' } })
        .expect(200);
    }
    const restored = await api().get('/api/articles').query(storyQuery).expect(200);
    expect(restored.body.data[0].people[0].name).toBe('Qasim al-Araji');
  });

  it('a quote published later joins its cached article, and a new article joins a cached list', async () => {
    const story = (await cachedGet('/api/articles', storyQuery)).body.data[0];
    const listQuery = { locale: 'en', 'filters[people][slug][$eq]': 'qasim-al-araji', sort: 'publishedDate:desc' };
    const list = (await cachedGet('/api/articles', listQuery)).body;

    const quote = await api()
      .post('/api/quotes')
      .query({ locale: 'en' })
      .set(asTool())
      .send({ data: { text: 'A later quote', slug: 'cache-probe-quote', kind: 'direct', speaker: araji.documentId, article: story.documentId, position: 10 } })
      .expect(201);
    const article = await api()
      .post('/api/articles')
      .query({ locale: 'en' })
      .set(asTool())
      .send({ data: { headline: 'A newer article', slug: 'cache-probe-article', publishedDate: '2030-01-01', people: [araji.documentId] } })
      .expect(201);
    try {
      const withQuote = await api().get('/api/articles').query(storyQuery).expect(200);
      expect(withQuote.body.data[0].quotes.map((q: Quote) => q.slug)).toContain('cache-probe-quote');
      const newList = await api().get('/api/articles').query(listQuery).expect(200);
      expect(newList.body.data[0].slug).toBe('cache-probe-article');
      expect(newList.body.meta.pagination.total).toBe(list.meta.pagination.total + 1);
    } finally {
      await api().delete(`/api/quotes/${quote.body.data.documentId}`).query({ locale: '*' }).set(asTool()).expect(204);
      await api().delete(`/api/articles/${article.body.data.documentId}`).query({ locale: '*' }).set(asTool()).expect(204);
    }
    const after = await api().get('/api/articles').query(storyQuery).expect(200);
    expect(after.body.data[0].quotes.map((q: Quote) => q.slug)).not.toContain('cache-probe-quote');
  });

  it('an article read by slug stays cached while unrelated articles are written, and follows its slug', async () => {
    const storyPath = `/api/articles/slug/${STORY_SLUG}`;
    await cachedGet(storyPath, { locale: 'ar' });
    const other = await api()
      .post('/api/articles')
      .query({ locale: 'ar' })
      .set(asTool())
      .send({ data: { headline: 'مادة لا علاقة لها', slug: 'cache-probe-unrelated' } })
      .expect(201);
    const { documentId } = other.body.data;
    try {
      // A newsroom writes all day; an article's page must not be recomputed for every other article's save.
      const still = await api().get(storyPath).query({ locale: 'ar' }).expect(200);
      expect(still.headers['x-cache']).toBe('HIT');

      // A slug handed from one article to another: the new owner is served, never the old one.
      const probePath = '/api/articles/slug/cache-probe-unrelated';
      await cachedGet(probePath, { locale: 'ar' });
      await api()
        .put(`/api/articles/${documentId}`)
        .query({ locale: 'ar' })
        .set(asTool())
        .send({ data: { slug: 'cache-probe-renamed' } })
        .expect(200);
      await api().get(probePath).query({ locale: 'ar' }).expect(404);
      const heir = await api()
        .post('/api/articles')
        .query({ locale: 'ar' })
        .set(asTool())
        .send({ data: { headline: 'الوريث', slug: 'cache-probe-unrelated' } })
        .expect(201);
      try {
        const served = await api().get(probePath).query({ locale: 'ar' }).expect(200);
        expect(served.body.data).toMatchObject({ documentId: heir.body.data.documentId, headline: 'الوريث' });
      } finally {
        await api().delete(`/api/articles/${heir.body.data.documentId}`).query({ locale: '*' }).set(asTool()).expect(204);
      }
    } finally {
      await api().delete(`/api/articles/${documentId}`).query({ locale: '*' }).set(asTool()).expect(204);
    }
  });

  it('a deleted document stops being served at once', async () => {
    const person = await api()
      .post('/api/people')
      .set(asTool())
      .send({ data: { name: 'شخص للحذف', slug: 'cache-probe-deleted' } })
      .expect(201);
    const { documentId } = person.body.data;
    await cachedGet(`/api/people/${documentId}`, { locale: 'ar' });
    await api().delete(`/api/people/${documentId}`).query({ locale: '*' }).set(asTool()).expect(204);
    await api().get(`/api/people/${documentId}`).query({ locale: 'ar' }).expect(404);
  });

  it('a write made by another process on the same database (npm run seed) reaches the in-memory cache within seconds', async () => {
    const query = { locale: 'en', 'filters[slug][$eq]': 'qasim-al-araji' };
    await api()
      .put(`/api/people/${araji.documentId}`)
      .query({ locale: 'en' })
      .set(asTool())
      .send({ data: { jobTitle: 'Edited by hand' } })
      .expect(200);
    expect((await cachedGet('/api/people', query)).body.data[0].jobTitle).toBe('Edited by hand');

    // The seed restores the story's values from its own process, with its own cache.
    const seeded = await runSeed();
    // The whole result on failure: the seed's stderr says why it refused.
    expect(seeded).toEqual(expect.objectContaining({ code: 0 }));
    let jobTitle = '';
    for (let attempt = 0; attempt < 30 && jobTitle !== araji.jobTitle; attempt++) {
      await new Promise((r) => setTimeout(r, 100));
      jobTitle = (await api().get('/api/people').query(query).expect(200)).body.data[0].jobTitle;
    }
    expect(jobTitle).toBe(araji.jobTitle);
  });

  it('a public permission revoked in the admin takes effect at once', async () => {
    await cachedGet('/api/sources', { locale: 'ar', sort: 'slug' });
    const token = await adminLogin(SUPER_ADMIN);
    const roles = (await api().get('/users-permissions/roles').set(bearer(token)).expect(200)).body.roles as Array<{ id: number; type: string; name: string }>;
    const publicRole = roles.find((r) => r.type === 'public')!;
    const role = (await api().get(`/users-permissions/roles/${publicRole.id}`).set(bearer(token)).expect(200)).body.role;
    const setFind = async (enabled: boolean) => {
      role.permissions['api::source'].controllers.source.find.enabled = enabled;
      await api()
        .put(`/users-permissions/roles/${publicRole.id}`)
        .set(bearer(token))
        .send({ name: role.name, description: role.description, permissions: role.permissions })
        .expect(200);
    };
    await setFind(false);
    try {
      await api().get('/api/sources').query({ locale: 'ar', sort: 'slug' }).expect(403);
    } finally {
      await setFind(true);
    }
    await api().get('/api/sources').query({ locale: 'ar', sort: 'slug' }).expect(200);
  });
});
