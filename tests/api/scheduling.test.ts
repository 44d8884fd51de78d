import type { ErrorBody, GraphqlBody } from '../helpers/http';
import { api, bearer, callers, tokens } from '../helpers/http';
import { openTestDb } from '../helpers/test-database';

/**
 * Scheduled publishing: publishAt and unpublishAt per locale, the rules every write
 * path applies (order, embargo), and the scheduler itself, which the test app runs
 * every 2 s (SCHEDULE_INTERVAL_SECONDS in tests/helpers/global-setup.ts).
 */

const INTERVAL_MS = 2000;
/** "Public within one interval plus a few seconds." */
const PUBLIC_WITHIN_MS = INTERVAL_MS + 3000;
const CM = '/content-manager/collection-types/api::article.article';
const asTool = bearer(tokens.fullAccess());
const asEditor = () => bearer(tokens.editorSession());
const created: string[] = [];

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const HOUR_AHEAD = () => inSeconds(3600);

async function draftArticle(slug: string, data: Record<string, unknown> = {}, locale = 'ar'): Promise<string> {
  const res = await api()
    .post('/api/articles')
    .query({ locale, status: 'draft' })
    .set(asTool)
    .send({ data: { headline: `خبر مجدول ${slug}`, slug, ...data } })
    .expect(201);
  created.push(res.body.data.documentId);
  return res.body.data.documentId as string;
}

const publicStatus = async (documentId: string, locale = 'ar') => (await callers.public.get(`/api/articles/${documentId}`).query({ locale })).status;

/** Polls until the public answer for the article is `status`; returns how long that took. */
async function untilPublic(documentId: string, status: 200 | 404, locale = 'ar', limitMs = PUBLIC_WITHIN_MS + 5000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if ((await publicStatus(documentId, locale)) === status) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`article ${documentId} (${locale}) did not answer ${status} publicly within ${limitMs} ms`);
}

function expectRefusal(body: ErrorBody, message: RegExp): void {
  expect(body.error).toMatchObject({ status: 400, name: 'ValidationError' });
  expect(body.error.message).toMatch(message);
}

afterAll(async () => {
  for (const documentId of created) await api().delete(`/api/articles/${documentId}`).query({ locale: '*' }).set(asTool);
});

describe('the schedule’s rules, on every write path', () => {
  const ORDER = /^data\.unpublishAt: unpublishAt \(2027-01-01T09:00:00\.000Z\) must be later than publishAt \(2027-01-01T10:00:00\.000Z\)/;
  const backwards = { publishAt: '2027-01-01T10:00:00.000Z', unpublishAt: '2027-01-01T09:00:00.000Z' };

  it('refuses unpublishAt before publishAt over REST, naming both', async () => {
    const res = await api()
      .post('/api/articles')
      .query({ locale: 'ar', status: 'draft' })
      .set(asTool)
      .send({ data: { headline: 'x', slug: 'schedule-order', ...backwards } });
    expect(res.status).toBe(400);
    expectRefusal(res.body, ORDER);
  });

  it('compares with the stored value when a write sends only one of them', async () => {
    const documentId = await draftArticle('schedule-order-stored', { publishAt: backwards.publishAt });
    const res = await api()
      .put(`/api/articles/${documentId}`)
      .query({ locale: 'ar', status: 'draft' })
      .set(asTool)
      .send({ data: { unpublishAt: backwards.unpublishAt } });
    expect(res.status).toBe(400);
    expectRefusal(res.body, ORDER);
  });

  it('refuses it over GraphQL and from the admin panel', async () => {
    const documentId = await draftArticle('schedule-order-paths');
    const graphql = await callers.fullAccess
      .graphql('mutation($id: ID!, $data: ArticleInput!) { updateArticle(documentId: $id, locale: "ar", status: DRAFT, data: $data) { documentId } }', {
        id: documentId,
        data: backwards,
      })
      .expect(200);
    const body = graphql.body as GraphqlBody;
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors?.[0]?.message).toMatch(ORDER);

    const admin = await api().put(`${CM}/${documentId}`).query({ locale: 'ar' }).set(asEditor()).send(backwards);
    expect(admin.status).toBe(400);
    expectRefusal(admin.body, ORDER);
  });

  it('refuses publishing an embargoed locale on every path, saying until when and how to save it', async () => {
    const publishAt = HOUR_AHEAD();
    const EMBARGO = new RegExp(`publishAt: embargoed until ${new Date(publishAt).toISOString().replace(/\./g, '\\.')}: the scheduler publishes it then`);
    // REST writes publish unless they say status=draft.
    const rest = await api()
      .post('/api/articles')
      .query({ locale: 'ar' })
      .set(asTool)
      .send({ data: { headline: 'x', slug: 'schedule-embargo-rest', publishAt } });
    expect(rest.status).toBe(400);
    expectRefusal(rest.body, EMBARGO);

    const documentId = await draftArticle('schedule-embargo', { publishAt });
    const put = await api()
      .put(`/api/articles/${documentId}`)
      .query({ locale: 'ar' })
      .set(asTool)
      .send({ data: { summary: 'ملخص' } });
    expect(put.status).toBe(400);
    expectRefusal(put.body, EMBARGO);

    const graphql = await callers.fullAccess
      .graphql('mutation($id: ID!) { updateArticle(documentId: $id, locale: "ar", status: PUBLISHED, data: { summary: "ملخص" }) { documentId } }', {
        id: documentId,
      })
      .expect(200);
    expect((graphql.body as GraphqlBody).errors?.[0]?.message).toMatch(EMBARGO);

    const admin = await api().post(`${CM}/${documentId}/actions/publish`).query({ locale: 'ar' }).set(asEditor()).send({});
    expect(admin.status).toBe(400);
    expectRefusal(admin.body, /embargoed until .* \(locale "ar"\)/);

    // Saving the draft is fine, and nothing of it is public on any read path.
    await api()
      .put(`/api/articles/${documentId}`)
      .query({ locale: 'ar', status: 'draft' })
      .set(asTool)
      .send({ data: { summary: 'ملخص' } })
      .expect(200);
    expect(await publicStatus(documentId)).toBe(404);
    expect((await callers.public.get('/api/articles/slug/schedule-embargo').query({ locale: 'ar' })).status).toBe(404);
    expect((await callers.public.get(`/api/articles/${documentId}/jsonld`).query({ locale: 'ar' })).status).toBe(404);
    const search = await callers.public.get('/api/search').query({ q: 'schedule-embargo', locale: 'ar' }).expect(200);
    expect(JSON.stringify(search.body)).not.toContain(documentId);
    const gql = await callers.public.graphql('query($id: ID!) { article(documentId: $id, locale: "ar") { documentId } }', { id: documentId }).expect(200);
    expect((gql.body as GraphqlBody<{ article: unknown }>).data?.article).toBeNull();
  });

  it('lets a publish through once the time has come, or when publishAt is cleared', async () => {
    const documentId = await draftArticle('schedule-cleared', { publishAt: HOUR_AHEAD() });
    await api()
      .put(`/api/articles/${documentId}`)
      .query({ locale: 'ar' })
      .set(asTool)
      .send({ data: { publishAt: null } })
      .expect(200);
    expect(await publicStatus(documentId)).toBe(200);
    const past = await draftArticle('schedule-past', { publishAt: inSeconds(-60) });
    await api().post(`${CM}/${past}/actions/publish`).query({ locale: 'ar' }).set(asEditor()).send({}).expect(200);
    expect(await publicStatus(past)).toBe(200);
  });
});

describe('concurrent publishes of one document', () => {
  it('all succeed, one after the other (the scheduler and an editor can publish the same locale at the same moment)', async () => {
    // A past publishAt: each publish also records the schedule as done, and the scheduler joins in.
    const documentId = await draftArticle('concurrent-publish', { publishAt: inSeconds(-5) });
    const publish = (i: number) =>
      i % 2 === 0
        ? api().post(`${CM}/${documentId}/actions/publish`).query({ locale: 'ar' }).set(asEditor()).send({})
        : api()
            .put(`/api/articles/${documentId}`)
            .query({ locale: 'ar' })
            .set(asTool)
            .send({ data: { summary: `نسخة ${i}` } });
    const statuses = (await Promise.all(Array.from({ length: 12 }, (_, i) => publish(i)))).map((res) => res.status);
    expect(statuses).toEqual(Array.from({ length: 12 }, () => 200));
    expect(await publicStatus(documentId)).toBe(200);
  });
});

describe('the scheduler', () => {
  it('publishes a draft when its publishAt comes, within one interval plus a few seconds, and only that locale', async () => {
    const documentId = await draftArticle('scheduled-publish', { publishAt: inSeconds(2) });
    await api()
      .put(`/api/articles/${documentId}`)
      .query({ locale: 'en', status: 'draft' })
      .set(asTool)
      .send({ data: { headline: 'Scheduled story', slug: 'scheduled-publish-en' } })
      .expect(200);
    expect(await publicStatus(documentId)).toBe(404);
    const dueAt = Date.now() + 2000;
    await untilPublic(documentId, 200);
    expect(Date.now() - dueAt).toBeLessThan(PUBLIC_WITHIN_MS);
    // The English draft had no schedule of its own.
    expect(await publicStatus(documentId, 'en')).toBe(404);
  });

  it('does not publish again a locale an editor unpublished after its scheduled time', async () => {
    const documentId = await draftArticle('scheduled-then-withdrawn', { publishAt: inSeconds(1) });
    await untilPublic(documentId, 200);
    await api().post(`${CM}/${documentId}/actions/unpublish`).query({ locale: 'ar' }).set(asEditor()).send({}).expect(200);
    await new Promise((r) => setTimeout(r, 2 * INTERVAL_MS + 500));
    expect(await publicStatus(documentId)).toBe(404);
  });

  it('unpublishes when unpublishAt comes, and the cached answer goes with it', async () => {
    const documentId = await draftArticle('scheduled-unpublish');
    await api().post(`${CM}/${documentId}/actions/publish`).query({ locale: 'ar' }).set(asEditor()).send({}).expect(200);
    // Cached, as a busy story would be.
    await callers.public.get(`/api/articles/${documentId}`).query({ locale: 'ar' }).expect(200);
    expect((await callers.public.get(`/api/articles/${documentId}`).query({ locale: 'ar' })).headers['x-cache']).toBe('HIT');
    await api()
      .put(`/api/articles/${documentId}`)
      .query({ locale: 'ar', status: 'draft' })
      .set(asTool)
      .send({ data: { unpublishAt: inSeconds(2) } })
      .expect(200);
    const dueAt = Date.now() + 2000;
    await untilPublic(documentId, 404);
    expect(Date.now() - dueAt).toBeLessThan(PUBLIC_WITHIN_MS);
  });

  it('records each run in the job history', async () => {
    const db = await openTestDb();
    try {
      const runs = await db.rows<{ outcome: string | null }>(`SELECT outcome FROM newsroom_job_runs WHERE job = 'scheduled-publishing' ORDER BY tick`);
      expect(runs.some((r) => /^published [1-9]/.test(r.outcome ?? ''))).toBe(true);
      expect(runs.some((r) => /unpublished [1-9]/.test(r.outcome ?? ''))).toBe(true);
    } finally {
      await db.close();
    }
  });
});
