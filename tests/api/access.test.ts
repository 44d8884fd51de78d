import { api, bearer, graphql, tokens } from '../helpers/http';
import { openTestDb, type TestDb } from '../helpers/test-database';
import { STORY_SLUG } from '../fixtures/story-000';

const COLLECTIONS = ['articles', 'people', 'organizations', 'sources', 'quotes'] as const;

const DRAFTS_MESSAGE = 'Drafts are not public. Send an API token that may read this type (Authorization: Bearer <token>) to use status=draft.';

describe('the public role', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db.close());

  it('may find and findOne the five types and search them, and nothing else', async () => {
    const rows = await db.rows<{ action: string }>(`
      select p.action from up_permissions p
      join up_permissions_role_lnk l on l.permission_id = p.id
      join up_roles r on r.id = l.role_id
      where r.type = 'public' order by p.action`);
    expect(rows.map((r) => r.action)).toEqual(
      [
        ...['article', 'organization', 'person', 'quote', 'source'].flatMap((t) => [`api::${t}.${t}.find`, `api::${t}.${t}.findOne`]),
        'api::search.search.find',
      ].sort(),
    );
  });
});

describe.each(COLLECTIONS)('public writes to /api/%s', (collection) => {
  let documentId: string;
  beforeAll(async () => {
    const res = await api().get(`/api/${collection}`).query({ locale: 'ar' }).expect(200);
    documentId = res.body.data[0].documentId;
  });

  it('refuses create', async () => {
    const res = await api()
      .post(`/api/${collection}`)
      .send({ data: { slug: 'public-write' } })
      .expect(403);
    expect(res.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError' } });
  });

  it('refuses update and leaves the document as it was', async () => {
    const before = await api().get(`/api/${collection}/${documentId}`).query({ locale: 'ar' }).expect(200);
    await api()
      .put(`/api/${collection}/${documentId}`)
      .send({ data: { slug: 'public-write' } })
      .expect(403);
    const after = await api().get(`/api/${collection}/${documentId}`).query({ locale: 'ar' }).expect(200);
    expect(after.body.data).toEqual(before.body.data);
  });

  it('refuses delete', async () => {
    await api().delete(`/api/${collection}/${documentId}`).expect(403);
    await api().get(`/api/${collection}/${documentId}`).query({ locale: 'ar' }).expect(200);
  });
});

describe('drafts', () => {
  const slug = 'draft-only-test-article';
  let documentId: string;

  beforeAll(async () => {
    const res = await api()
      .post('/api/articles')
      .query({ status: 'draft', locale: 'ar' })
      .set(bearer(tokens.fullAccess()))
      .send({ data: { headline: 'مسودة لم تنشر بعد', slug } })
      .expect(201);
    documentId = res.body.data.documentId;
    expect(res.body.data.publishedAt).toBeNull();
  });

  afterAll(async () => {
    await api().delete(`/api/articles/${documentId}`).query({ locale: 'ar' }).set(bearer(tokens.fullAccess())).expect(204);
  });

  it('are absent from public lists and 404 by documentId', async () => {
    const list = await api().get('/api/articles').query({ 'filters[slug][$eq]': slug }).expect(200);
    expect(list.body.data).toEqual([]);
    await api().get(`/api/articles/${documentId}`).expect(404);
  });

  it.each(['/api/articles', '/api/people', '/api/quotes'])('%s?status=draft is a 403 for the public', async (path) => {
    const res = await api().get(path).query({ status: 'draft' }).expect(403);
    expect(res.body).toMatchObject({ data: null, error: { status: 403, message: DRAFTS_MESSAGE } });
  });

  it('are a 403 by documentId with status=draft for the public', async () => {
    const res = await api().get(`/api/articles/${documentId}`).query({ status: 'draft' }).expect(403);
    expect(res.body.error.message).toBe(DRAFTS_MESSAGE);
  });

  it('are refused over GraphQL for the public', async () => {
    const res = await graphql(`
      {
        articles(status: DRAFT) {
          headline
        }
      }
    `);
    expect(res.body.data?.articles ?? null).toBeNull();
    expect(res.body.errors[0].message).toBe(DRAFTS_MESSAGE);
    const one = await graphql(
      `
        query ($id: ID!) {
          article(documentId: $id) {
            headline
          }
        }
      `,
      { id: documentId },
    );
    expect(one.body.data.article).toBeNull();
  });

  it('are visible with status=draft to a read-only API token', async () => {
    const res = await api().get('/api/articles').query({ status: 'draft', 'filters[slug][$eq]': slug }).set(bearer(tokens.readOnly())).expect(200);
    expect(res.body.data).toMatchObject([{ documentId, slug, publishedAt: null }]);
  });

  it('stay out of a token holder’s published reads', async () => {
    const res = await api().get('/api/articles').query({ 'filters[slug][$eq]': slug }).set(bearer(tokens.readOnly())).expect(200);
    expect(res.body.data).toEqual([]);
  });

  it('do not hide the published story from anybody', async () => {
    const res = await api().get('/api/articles').query({ 'filters[slug][$eq]': STORY_SLUG }).expect(200);
    expect(res.body.data).toHaveLength(1);
  });
});
