import type { AnyDocument, Article } from '../helpers/documents';
import { api, bearer, tokens } from '../helpers/http';

/** What the tests link and compare: documents, by documentId. */
type Doc = Pick<AnyDocument, 'documentId'>;

const ARTICLE = '/content-manager/collection-types/api::article.article';
const QUOTE = '/content-manager/collection-types/api::quote.quote';
const PERSON = '/content-manager/collection-types/api::person.person';
const untouched = { connect: [], disconnect: [] };

const asTool = () => bearer(tokens.fullAccess());

/** The draft of a document over REST (full-access token), with the relations populated. */
async function draft<T extends AnyDocument = Article>(collection: string, documentId: string, locale: string, populate: string[]): Promise<T> {
  const res = await api().get(`/api/${collection}/${documentId}`).query({ locale, status: 'draft', populate }).set(asTool()).expect(200);
  return res.body.data;
}

async function storyRelations(): Promise<Record<string, Doc[]>> {
  const res = await api().get('/api/articles').query({ locale: 'ar', 'filters[slug][$eq]': 'iraq-announces-end-of-coalition-combat-mission' }).expect(200);
  const story = res.body.data[0];
  return { people: story.people, organizations: story.organizations, sources: story.sources };
}

const connect = (docs: Doc[], locale = 'ar') => ({ connect: docs.map((d) => ({ documentId: d.documentId, locale })), disconnect: [] });
const ids = (docs: Doc[]) => docs.map((d) => d.documentId);

describe('creating the English localization of a new article in the admin', () => {
  let token: string;
  let related: Record<string, Doc[]>;
  let articleId: string;
  let quoteId: string;
  let newPersonId: string;
  const created: Array<[string, string]> = [];

  beforeAll(async () => {
    token = tokens.editorSession();
    related = await storyRelations();

    // A person who exists only in Arabic so far.
    const person = await api().post(PERSON).query({ locale: 'ar' }).set(bearer(token)).send({ name: 'شخص جديد', slug: 'locale-sync-new-person' }).expect(201);
    newPersonId = person.body.data.documentId;
    created.push(['people', newPersonId]);

    const article = await api()
      .post(ARTICLE)
      .query({ locale: 'ar' })
      .set(bearer(token))
      .send({
        headline: 'مقال لاختبار مزامنة اللغات',
        slug: 'locale-sync-article',
        people: connect([...related.people!, { documentId: newPersonId }]),
        organizations: connect(related.organizations!),
        sources: connect(related.sources!),
      })
      .expect(201);
    articleId = article.body.data.documentId;
    created.push(['articles', articleId]);

    const quote = await api()
      .post(QUOTE)
      .query({ locale: 'ar' })
      .set(bearer(token))
      .send({
        text: 'قول للاختبار',
        slug: 'locale-sync-quote',
        kind: 'direct',
        speaker: connect([related.people![0]!]),
        source: connect([related.sources![0]!]),
        article: connect([{ documentId: articleId }]),
      })
      .expect(201);
    quoteId = quote.body.data.documentId;
    created.push(['quotes', quoteId]);

    // What the admin sends when an editor switches to English and saves the new localization.
    await api()
      .put(`${ARTICLE}/${articleId}`)
      .query({ locale: 'en' })
      .set(bearer(token))
      .send({ headline: 'An article to test locale sync', people: untouched, organizations: untouched, sources: untouched, quotes: untouched })
      .expect(200);
  });

  afterAll(async () => {
    for (const [collection, documentId] of created.reverse()) {
      await api().delete(`/api/${collection}/${documentId}`).query({ locale: '*' }).set(asTool());
    }
  });

  it('links the English versions of its people, organizations and sources, in the Arabic order', async () => {
    const en = await draft('articles', articleId, 'en', ['people', 'organizations', 'sources', 'quotes']);
    expect(en).toMatchObject({ locale: 'en', headline: 'An article to test locale sync', slug: 'locale-sync-article' });
    expect(ids(en.people)).toEqual(ids(related.people!));
    expect(en.people.map((p) => p.locale)).toEqual(['en', 'en', 'en']);
    expect(en.people.map((p) => p.name)).toEqual(['Qasim al-Araji', 'Tahseen al-Khafaji', 'John Brennan']);
    expect(ids(en.organizations)).toEqual(ids(related.organizations!));
    expect(ids(en.sources)).toEqual(ids(related.sources!));
  });

  it('reports, rather than drops, what has no English version yet', async () => {
    const res = await api().get(`${ARTICLE}/${articleId}`).query({ locale: 'en' }).set(bearer(token)).expect(200);
    expect(res.body.data.translationGaps).toEqual([
      { field: 'people', documentId: newPersonId, label: 'شخص جديد', locale: 'en' },
      { field: 'quotes', documentId: quoteId, label: 'قول للاختبار', locale: 'en' },
    ]);
  });

  it('links the quote once it is translated, with its speaker and source, and closes that gap', async () => {
    await api().put(`${QUOTE}/${quoteId}`).query({ locale: 'en' }).set(bearer(token)).send({ text: 'A saying for the test' }).expect(200);
    const quote = await draft('quotes', quoteId, 'en', ['speaker', 'source', 'article']);
    expect(quote).toMatchObject({
      slug: 'locale-sync-quote',
      speaker: { documentId: related.people![0]!.documentId, locale: 'en' },
      source: { documentId: related.sources![0]!.documentId, locale: 'en' },
      article: { documentId: articleId, locale: 'en' },
    });
    const en = await draft('articles', articleId, 'en', ['quotes']);
    expect(ids(en.quotes)).toEqual([quoteId]);

    const res = await api().get(`${ARTICLE}/${articleId}`).query({ locale: 'en' }).set(bearer(token)).expect(200);
    expect(res.body.data.translationGaps).toEqual([{ field: 'people', documentId: newPersonId, label: 'شخص جديد', locale: 'en' }]);
  });

  it('links the person once they are translated, and the last gap closes', async () => {
    await api().put(`${PERSON}/${newPersonId}`).query({ locale: 'en' }).set(bearer(token)).send({ name: 'A new person' }).expect(200);
    const en = await draft('articles', articleId, 'en', ['people']);
    expect(ids(en.people)).toEqual(expect.arrayContaining([...ids(related.people!), newPersonId]));
    const res = await api().get(`${ARTICLE}/${articleId}`).query({ locale: 'en' }).set(bearer(token)).expect(200);
    expect(res.body.data.translationGaps).toBeNull();
  });

  it('keeps translationGaps out of the public API', async () => {
    const res = await api().get(`/api/articles/${articleId}`).query({ locale: 'en', status: 'draft' }).set(asTool()).expect(200);
    expect(res.body.data).not.toHaveProperty('translationGaps');
  });
});

describe('translating the quote before its article', () => {
  const created: Array<[string, string]> = [];
  afterAll(async () => {
    for (const [collection, documentId] of created.reverse()) {
      await api().delete(`/api/${collection}/${documentId}`).query({ locale: '*' }).set(asTool());
    }
  });

  it('links the English quote when the English article is created, and closes the quote’s gap', async () => {
    const token = tokens.editorSession();
    const related = await storyRelations();
    const article = await api()
      .post(ARTICLE)
      .query({ locale: 'ar' })
      .set(bearer(token))
      .send({ headline: 'مقال يترجم بعد قوله', slug: 'quote-first-article', people: connect([related.people![1]!]) })
      .expect(201);
    const articleId = article.body.data.documentId;
    created.push(['articles', articleId]);
    const quote = await api()
      .post(QUOTE)
      .query({ locale: 'ar' })
      .set(bearer(token))
      .send({
        text: 'قول أول',
        slug: 'quote-first-quote',
        kind: 'indirect',
        speaker: connect([related.people![1]!]),
        article: connect([{ documentId: articleId }]),
      })
      .expect(201);
    const quoteId = quote.body.data.documentId;
    created.push(['quotes', quoteId]);

    await api().put(`${QUOTE}/${quoteId}`).query({ locale: 'en' }).set(bearer(token)).send({ text: 'A first saying' }).expect(200);
    const before = await api().get(`${QUOTE}/${quoteId}`).query({ locale: 'en' }).set(bearer(token)).expect(200);
    expect(before.body.data.translationGaps).toEqual([{ field: 'article', documentId: articleId, label: 'مقال يترجم بعد قوله', locale: 'en' }]);

    await api()
      .put(`${ARTICLE}/${articleId}`)
      .query({ locale: 'en' })
      .set(bearer(token))
      .send({ headline: 'An article translated after its quote', people: untouched, quotes: untouched })
      .expect(200);
    const en = await draft('articles', articleId, 'en', ['people', 'quotes']);
    expect(ids(en.quotes)).toEqual([quoteId]);
    expect(ids(en.people)).toEqual([related.people![1]!.documentId]);
    const after = await api().get(`${QUOTE}/${quoteId}`).query({ locale: 'en' }).set(bearer(token)).expect(200);
    expect(after.body.data.translationGaps).toBeNull();
  });
});

describe('locale sync through REST and its limits', () => {
  const created: Array<[string, string]> = [];
  afterAll(async () => {
    for (const [collection, documentId] of created.reverse()) {
      await api().delete(`/api/${collection}/${documentId}`).query({ locale: '*' }).set(asTool());
    }
  });

  it('fills relations when a REST PUT creates the localization, but an explicit relation wins', async () => {
    const related = await storyRelations();
    const article = await api()
      .post('/api/articles')
      .query({ locale: 'ar' })
      .set(asTool())
      .send({ data: { headline: 'مقال عبر الواجهة', slug: 'locale-sync-rest', people: ids(related.people!), sources: ids(related.sources!) } })
      .expect(201);
    const documentId = article.body.data.documentId;
    created.push(['articles', documentId]);

    await api()
      .put(`/api/articles/${documentId}`)
      .query({ locale: 'en' })
      .set(asTool())
      .send({ data: { headline: 'An article through REST', sources: [related.sources![1]!.documentId] } })
      .expect(200);
    const en = await draft('articles', documentId, 'en', ['people', 'sources']);
    expect(ids(en.people)).toEqual(ids(related.people!));
    expect(ids(en.sources)).toEqual([related.sources![1]!.documentId]);
  });

  it('refuses to translate a quote whose speaker has no version in that locale, naming the speaker', async () => {
    const token = tokens.editorSession();
    const person = await api()
      .post(PERSON)
      .query({ locale: 'ar' })
      .set(bearer(token))
      .send({ name: 'متحدث بلا ترجمة', slug: 'untranslated-speaker' })
      .expect(201);
    created.push(['people', person.body.data.documentId]);
    const quote = await api()
      .post(QUOTE)
      .query({ locale: 'ar' })
      .set(bearer(token))
      .send({ text: 'قول', slug: 'untranslated-speaker-quote', kind: 'direct', speaker: connect([person.body.data]) })
      .expect(201);
    created.push(['quotes', quote.body.data.documentId]);

    const res = await api().put(`${QUOTE}/${quote.body.data.documentId}`).query({ locale: 'en' }).set(bearer(token)).send({ text: 'A saying' }).expect(400);
    expect(res.body.error.message).toBe(
      `This quote cannot be translated into en yet: speaker: "متحدث بلا ترجمة" (${person.body.data.documentId}) has no en version. Translate the speaker first.`,
    );
    const en = await api().get(`/api/quotes/${quote.body.data.documentId}`).query({ locale: 'en', status: 'draft' }).set(asTool());
    expect(en.status).toBe(404);
  });
});
