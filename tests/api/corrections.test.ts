import type { Article, OneBody } from '../helpers/documents';
import { api, bearer, callers, tokens, type ErrorBody, type GraphqlBody } from '../helpers/http';

/**
 * Public corrections: an article's `corrections` are shown on every output, and once
 * a version with a correction has been public, no write path may remove, reorder or
 * rewrite it (REST, GraphQL, the admin panel's Content Manager, a publish), even
 * after the article is unpublished. Each locale keeps its own record.
 */

interface CorrectionInput {
  kind: 'correction' | 'clarification' | 'update';
  text: string;
  issuedAt: string;
}

const FIRST: CorrectionInput = { kind: 'correction', text: 'ورد اسم المتحدث خطأً في نسخة سابقة من هذا الخبر.', issuedAt: '2026-11-30T09:00:00.000Z' };
const SECOND: CorrectionInput = {
  kind: 'clarification',
  text: 'أوضح المتحدث لاحقاً أن الانسحاب يشمل القوات القتالية فقط.',
  issuedAt: '2026-11-30T11:30:00.000Z',
};
const ENGLISH: CorrectionInput = { kind: 'update', text: 'The ministry later confirmed the date.', issuedAt: '2026-11-30T12:00:00.000Z' };

const CM = '/content-manager/collection-types/api::article.article';
const asTool = bearer(tokens.fullAccess());
const asEditor = () => bearer(tokens.editorSession());

let documentId: string;

const put = (locale: string, data: Record<string, unknown>, status?: 'draft') =>
  api()
    .put(`/api/articles/${documentId}`)
    .query({ locale, populate: ['corrections'], ...(status && { status }) })
    .set(asTool)
    .send({ data });

const texts = (article: Pick<Article, 'corrections'>) => article.corrections.map((c) => c.text);

/** The 400 a refused write answers, with the path of the correction it names. */
function expectRefusal(body: ErrorBody, path: string, what: RegExp): void {
  expect(body.error).toMatchObject({ status: 400, name: 'ValidationError' });
  expect(body.error.message).toMatch(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: .*${what.source}`));
}

beforeAll(async () => {
  const created = await api()
    .post('/api/articles')
    .query({ locale: 'ar' })
    .set(asTool)
    .send({ data: { headline: 'خبر لاختبار التصحيحات', slug: 'corrections-test-story', corrections: [FIRST] } })
    .expect(201);
  documentId = created.body.data.documentId;
  await put('en', { headline: 'A story to test corrections', slug: 'corrections-test-story-en' }).expect(200);
});

afterAll(async () => {
  await api().delete(`/api/articles/${documentId}`).query({ locale: '*' }).set(asTool);
});

describe('where a correction shows', () => {
  it('is in the REST answer with the default populate, in order', async () => {
    const res = await callers.public.get(`/api/articles/${documentId}`).query({ locale: 'ar' }).expect(200);
    const article = (res.body as OneBody<Article>).data;
    expect(article.corrections).toEqual([expect.objectContaining(FIRST)]);
  });

  it('is in GraphQL', async () => {
    const res = await callers.public
      .graphql('query($id: ID!) { article(documentId: $id, locale: "ar") { corrections { kind text issuedAt } } }', { id: documentId })
      .expect(200);
    const body = res.body as GraphqlBody<{ article: { corrections: CorrectionInput[] } }>;
    expect(body.errors).toBeUndefined();
    expect(body.data?.article.corrections).toEqual([FIRST]);
  });

  it('is a schema.org CorrectionComment in JSON-LD', async () => {
    const res = await callers.public.get(`/api/articles/${documentId}/jsonld`).query({ locale: 'ar' }).expect(200);
    expect(res.body.correction).toEqual([{ '@type': 'CorrectionComment', text: FIRST.text, datePublished: FIRST.issuedAt }]);
  });

  it('is a ninjs description whose role is its kind', async () => {
    const res = await callers.public.get(`/api/articles/${documentId}/ninjs`).query({ locale: 'ar' }).expect(200);
    expect(res.body.descriptions).toContainEqual({ role: 'correction', contenttype: 'text/plain', value: FIRST.text });
  });

  it('belongs to its locale: the English version has none of the Arabic corrections', async () => {
    const res = await callers.public.get(`/api/articles/${documentId}`).query({ locale: 'en' }).expect(200);
    expect((res.body as OneBody<Article>).data.corrections).toEqual([]);
  });
});

describe('a published correction stays', () => {
  it('accepts a write that adds a correction after the published ones', async () => {
    const res = await put('ar', { corrections: [FIRST, SECOND] }).expect(200);
    expect(texts(res.body.data)).toEqual([FIRST.text, SECOND.text]);
  });

  it.each<[string, CorrectionInput[], string, RegExp]>([
    ['removing it', [SECOND], 'data.corrections[0]', /may not be rewritten or removed/],
    ['removing all', [], 'data.corrections[0]', /may not be removed/],
    ['rewriting its text', [{ ...FIRST, text: 'نص آخر' }, SECOND], 'data.corrections[0]', /may not be rewritten or removed/],
    ['changing its kind', [FIRST, { ...SECOND, kind: 'update' }], 'data.corrections[1]', /may not be rewritten/],
    ['changing its date', [FIRST, { ...SECOND, issuedAt: '2026-11-29T11:30:00.000Z' }], 'data.corrections[1]', /may not be rewritten/],
    ['reordering', [SECOND, FIRST], 'data.corrections[0]', /may not be moved \(now at 1\)/],
  ])('refuses %s over REST with a 400 naming the correction', async (_, corrections, path, what) => {
    const res = await put('ar', { corrections }).expect(400);
    expectRefusal(res.body, path, what);
    // Nothing was written: the draft still has both.
    const draft = await api().get(`/api/articles/${documentId}`).query({ locale: 'ar', status: 'draft' }).set(asTool).expect(200);
    expect(texts(draft.body.data)).toEqual([FIRST.text, SECOND.text]);
  });

  it('refuses it as a draft-only write too: the draft is what gets published next', async () => {
    const res = await put('ar', { corrections: [SECOND] }, 'draft').expect(400);
    expectRefusal(res.body, 'data.corrections[0]', /may not be rewritten or removed/);
  });

  it('refuses it over GraphQL with BAD_USER_INPUT naming the correction', async () => {
    const res = await callers.fullAccess
      .graphql('mutation($id: ID!) { updateArticle(documentId: $id, locale: "ar", data: { corrections: [] }) { documentId } }', { id: documentId })
      .expect(200);
    const body = res.body as GraphqlBody;
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors?.[0]?.message).toMatch(/^data\.corrections\[0\]: .*may not be removed/);
  });

  it('refuses it from the admin panel, and still after the article is unpublished', async () => {
    const removed = await api()
      .put(`${CM}/${documentId}`)
      .query({ locale: 'ar' })
      .set(asEditor())
      .send({ headline: 'خبر لاختبار التصحيحات', corrections: [SECOND] })
      .expect(400);
    expectRefusal(removed.body, 'data.corrections[0]', /may not be rewritten or removed/);

    await api().post(`${CM}/${documentId}/actions/unpublish`).query({ locale: 'ar' }).set(asEditor()).send({}).expect(200);
    const afterUnpublish = await api().put(`${CM}/${documentId}`).query({ locale: 'ar' }).set(asEditor()).send({ corrections: [] }).expect(400);
    expectRefusal(afterUnpublish.body, 'data.corrections[0]', /may not be removed/);

    await api().post(`${CM}/${documentId}/actions/publish`).query({ locale: 'ar' }).set(asEditor()).send({}).expect(200);
    const res = await callers.public.get(`/api/articles/${documentId}`).query({ locale: 'ar' }).expect(200);
    expect(texts(res.body.data)).toEqual([FIRST.text, SECOND.text]);
  });

  it('keeps each locale’s record apart: English adds and keeps its own', async () => {
    await put('en', { corrections: [ENGLISH] }).expect(200);
    const res = await put('en', { corrections: [] }).expect(400);
    expectRefusal(res.body, 'data.corrections[0]', /update issued 2026-11-30T12:00:00.000Z has been published and may not be removed/);
    // The Arabic record does not bind English, nor the other way round.
    expect(texts((await put('ar', { corrections: [FIRST, SECOND, ENGLISH] }).expect(200)).body.data)).toEqual([FIRST.text, SECOND.text, ENGLISH.text]);
  });

  it('leaves a write that does not send corrections alone', async () => {
    const res = await put('ar', { summary: 'ملخص جديد' }).expect(200);
    expect(res.body.data.corrections).toHaveLength(3);
  });

  it('refuses a correction without text or date, naming the field', async () => {
    const res = await put('ar', { corrections: [FIRST, SECOND, ENGLISH, { kind: 'correction', issuedAt: '2026-11-30T13:00:00.000Z' }] }).expect(400);
    expect((res.body as ErrorBody).error.message).toMatch(/text/);
  });
});
