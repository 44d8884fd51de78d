import type { AnyDocument, Article } from '../helpers/documents';
import { api, bearer, callers, tokens, type GraphqlBody } from '../helpers/http';

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

describe('relation edits after both locales exist are carried to the other locale’s draft', () => {
  const created: Array<[string, string]> = [];
  let articleId: string;
  /** People with both versions, made for this block, and one with only the version of the locale it is named for. */
  const people: Record<'a' | 'b' | 'c' | 'onlyAr' | 'onlyEn', string> = { a: '', b: '', c: '', onlyAr: '', onlyEn: '' };
  let n = 0;

  async function person(ar: string | null, en: string | null): Promise<string> {
    const slug = `carry-person-${Date.now().toString(36)}-${(n += 1)}`;
    const first = ar !== null ? 'ar' : 'en';
    const res = await api()
      .post('/api/people')
      .query({ locale: first })
      .set(asTool())
      .send({ data: { name: (ar ?? en)!, slug } })
      .expect(201);
    const documentId = res.body.data.documentId as string;
    created.push(['people', documentId]);
    if (ar !== null && en !== null)
      await api()
        .put(`/api/people/${documentId}`)
        .query({ locale: 'en' })
        .set(asTool())
        .send({ data: { name: en, slug } })
        .expect(200);
    return documentId;
  }

  const peopleOf = async (locale: string) => ids((await draft('articles', articleId, locale, ['people'])).people);
  const gapsOf = async (locale: string) =>
    (await api().get(`${ARTICLE}/${articleId}`).query({ locale }).set(bearer(tokens.editorSession())).expect(200)).body.data.translationGaps;
  const publishedPeople = async (locale: string) =>
    ids(
      (
        await api()
          .get(`/api/articles/${articleId}`)
          .query({ locale, populate: ['people'] })
          .expect(200)
      ).body.data.people as Doc[],
    );

  beforeAll(async () => {
    people.a = await person('الشخص أ', 'Person A');
    people.b = await person('الشخص ب', 'Person B');
    people.c = await person('الشخص ج', 'Person C');
    people.onlyAr = await person('شخص بالعربية فقط', null);
    people.onlyEn = await person(null, 'English only person');
    const article = await api()
      .post('/api/articles')
      .query({ locale: 'ar' })
      .set(asTool())
      .send({ data: { headline: 'خبر لنقل الروابط', slug: `carry-article-${Date.now().toString(36)}`, people: [people.a] } })
      .expect(201);
    articleId = article.body.data.documentId;
    created.push(['articles', articleId]);
    // The English localization, filled from the Arabic (person A), and published.
    await api()
      .put(`/api/articles/${articleId}`)
      .query({ locale: 'en' })
      .set(asTool())
      .send({ data: { headline: 'A story to carry links', slug: `carry-article-en-${Date.now().toString(36)}` } })
      .expect(200);
    expect(await peopleOf('en')).toEqual([people.a]);
  });

  afterAll(async () => {
    for (const [collection, documentId] of created.reverse()) await api().delete(`/api/${collection}/${documentId}`).query({ locale: '*' }).set(asTool());
  });

  it('REST, Arabic to English: linking a person links their English version in the English draft, which is not published', async () => {
    await api()
      .put(`/api/articles/${articleId}`)
      .query({ locale: 'ar' })
      .set(asTool())
      .send({ data: { people: { connect: [people.b] } } })
      .expect(200);
    expect((await peopleOf('en')).sort()).toEqual([people.a, people.b].sort());
    // The English public version is as it was: an editor publishes the change when ready.
    expect(await publishedPeople('en')).toEqual([people.a]);
  });

  it('GraphQL, English to Arabic: linking a person links their Arabic version in the Arabic draft', async () => {
    const res = await callers.fullAccess
      .graphql('mutation($id: ID!, $people: [ID]) { updateArticle(documentId: $id, locale: "en", status: DRAFT, data: { people: $people }) { documentId } }', {
        id: articleId,
        people: [people.a, people.b, people.c],
      })
      .expect(200);
    expect((res.body as GraphqlBody).errors).toBeUndefined();
    expect((await peopleOf('ar')).sort()).toEqual([people.a, people.b, people.c].sort());
  });

  it('the admin panel, Arabic to English: unlinking a person unlinks them in the English draft', async () => {
    await api()
      .put(`${ARTICLE}/${articleId}`)
      .query({ locale: 'ar' })
      .set(bearer(tokens.editorSession()))
      .send({ people: { connect: [], disconnect: [{ documentId: people.b, locale: 'ar' }] } })
      .expect(200);
    expect((await peopleOf('en')).sort()).toEqual([people.a, people.c].sort());
  });

  it('the admin panel, English to Arabic: unlinking in English unlinks in the Arabic draft', async () => {
    await api()
      .put(`${ARTICLE}/${articleId}`)
      .query({ locale: 'en' })
      .set(bearer(tokens.editorSession()))
      .send({ people: { connect: [], disconnect: [{ documentId: people.c, locale: 'en' }] } })
      .expect(200);
    expect(await peopleOf('ar')).toEqual([people.a]);
  });

  it('Arabic to English: a person with no English version is reported as a translation gap, not dropped silently', async () => {
    await api()
      .put(`/api/articles/${articleId}`)
      .query({ locale: 'ar', status: 'draft' })
      .set(asTool())
      .send({ data: { people: { connect: [people.onlyAr] } } })
      .expect(200);
    expect(await peopleOf('en')).toEqual([people.a]);
    expect(await gapsOf('en')).toEqual([{ field: 'people', documentId: people.onlyAr, label: 'شخص بالعربية فقط', locale: 'en' }]);
  });

  it('English to Arabic: a person with no Arabic version is a gap in the Arabic draft; unlinking it closes the gap', async () => {
    await api()
      .put(`/api/articles/${articleId}`)
      .query({ locale: 'en', status: 'draft' })
      .set(asTool())
      .send({ data: { people: { connect: [people.onlyEn] } } })
      .expect(200);
    expect(await gapsOf('ar')).toEqual([{ field: 'people', documentId: people.onlyEn, label: 'English only person', locale: 'ar' }]);
    await api()
      .put(`/api/articles/${articleId}`)
      .query({ locale: 'en', status: 'draft' })
      .set(asTool())
      .send({ data: { people: { disconnect: [people.onlyEn] } } })
      .expect(200);
    expect(await gapsOf('ar')).toBeNull();
  });

  it('a write that touches no relation carries nothing', async () => {
    const before = await peopleOf('en');
    await api()
      .put(`/api/articles/${articleId}`)
      .query({ locale: 'ar', status: 'draft' })
      .set(asTool())
      .send({ data: { summary: 'ملخص' } })
      .expect(200);
    expect(await peopleOf('en')).toEqual(before);
  });
});
