import { api, bearer, tokens } from '../helpers/http';
import { EXPECTED, STORY_SLUG } from '../fixtures/story-000';
import type { Ninjs22 } from '../../src/domain/formats/ninjs-types';

/** What the test reads of the JSON-LD: schema.org things, each with its type and the properties checked. */
interface JsonLdThing {
  '@type': string;
  name?: string;
  jobTitle?: string;
  affiliation?: JsonLdThing;
  spokenByCharacter: JsonLdThing;
  isBasedOn: JsonLdThing;
}
interface JsonLdArticle {
  '@id': string;
  url: string;
  articleBody: string;
  mentions: JsonLdThing[];
  hasPart: JsonLdThing[];
}

let documentId: string;
beforeAll(async () => {
  const res = await api().get('/api/articles').query({ 'filters[slug][$eq]': STORY_SLUG }).expect(200);
  documentId = res.body.data[0].documentId;
});

/** The structural check: every property the newsroom promises search engines, with its type. */
function expectNewsArticle(jsonld: JsonLdArticle, locale: 'ar' | 'en') {
  expect(jsonld).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: EXPECTED[locale].headline,
    datePublished: '2024-04-28',
    inLanguage: locale,
    articleSection: EXPECTED[locale].section,
    publisher: { '@type': 'NewsMediaOrganization', name: expect.any(String) },
  });
  expect(typeof jsonld.articleBody).toBe('string');
  expect(jsonld.articleBody.split('\n')).toHaveLength(8);
  expect(jsonld['@id']).toBe(jsonld.url);

  const people = jsonld.mentions.filter((m) => m['@type'] === 'Person');
  const organizations = jsonld.mentions.filter((m) => m['@type'] === 'Organization');
  expect(people.map((p) => ({ name: p.name, jobTitle: p.jobTitle }))).toEqual(EXPECTED[locale].people.map(({ name, jobTitle }) => ({ name, jobTitle })));
  expect(people[1]?.affiliation).toMatchObject({ '@type': 'Organization', name: expect.any(String) });
  expect(organizations).toHaveLength(4);

  expect(jsonld.hasPart).toHaveLength(9);
  for (const quotation of jsonld.hasPart) {
    expect(quotation).toMatchObject({ '@type': 'Quotation', text: expect.any(String), inLanguage: locale });
    expect(['Person', 'Organization']).toContain(quotation.spokenByCharacter['@type']);
    expect(quotation.isBasedOn).toMatchObject({ '@type': 'CreativeWork', publisher: { '@type': 'NewsMediaOrganization' } });
  }
}

describe('GET /api/articles/:documentId/jsonld', () => {
  it.each(['ar', 'en'] as const)('is a schema.org NewsArticle in %s with mentions and quotations', async (locale) => {
    const res = await api().get(`/api/articles/${documentId}/jsonld`).query({ locale }).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    expectNewsArticle(res.body, locale);
  });

  it('says who said each quote and whose report it is based on', async () => {
    const res = await api().get(`/api/articles/${documentId}/jsonld`).query({ locale: 'en' }).expect(200);
    const [first] = res.body.hasPart;
    expect(first.spokenByCharacter).toMatchObject({ '@type': 'Person', name: 'Qasim al-Araji', jobTitle: 'Iraq’s National Security Adviser' });
    expect(first.isBasedOn.publisher).toMatchObject({ name: 'National Iraqi News Agency', alternateName: 'NINA' });
    expect(res.body.hasPart[6].spokenByCharacter).toMatchObject({ '@type': 'Organization', name: 'Joint Operations Command (Iraq)' });
  });

  it('links the two locales: the Arabic original and its English translation', async () => {
    const ar = (await api().get(`/api/articles/${documentId}/jsonld`).query({ locale: 'ar' }).expect(200)).body;
    const en = (await api().get(`/api/articles/${documentId}/jsonld`).query({ locale: 'en' }).expect(200)).body;
    expect(ar.workTranslation).toEqual([expect.objectContaining({ '@id': en['@id'], inLanguage: 'en' })]);
    expect(en.translationOfWork).toMatchObject({ '@id': ar['@id'], inLanguage: 'ar' });
    expect(ar).not.toHaveProperty('translationOfWork');
  });
});

describe('GET /api/articles/:documentId/ninjs', () => {
  it.each(['ar', 'en'] as const)('is an IPTC ninjs 2.2 news item in %s', async (locale) => {
    const res = await api().get(`/api/articles/${documentId}/ninjs`).query({ locale }).expect(200);
    const ninjs: Ninjs22 = res.body;
    expect(ninjs).toMatchObject({
      uri: expect.stringMatching(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/api/articles/${documentId}\\?locale=${locale}$`)),
      type: 'text',
      representationtype: 'full',
      pubstatus: 'usable',
      language: locale,
      contentcreated: '2024-04-28T00:00:00Z',
      headlines: [{ role: 'main', value: EXPECTED[locale].headline }],
      slugline: STORY_SLUG,
    });
    for (const field of ['firstcreated', 'versioncreated'] as const) expect(new Date(ninjs[field] ?? '').toISOString()).toBe(ninjs[field]);
    expect((ninjs.bodies ?? []).map((b) => b.contenttype)).toEqual(['text/plain', 'text/html']);
    expect(ninjs.bodies?.[1]?.value).toMatch(/^<p>.*<\/p>$/s);
    expect((ninjs.people ?? []).map((p) => p.name)).toEqual(EXPECTED[locale].people.map((p) => p.name));
    expect(ninjs.organisations).toHaveLength(4);
    expect((ninjs.infosources ?? []).map((s) => s.role)).toEqual(['publisher', 'source', 'source', 'source', 'source']);
    expect(ninjs.associations).toHaveLength(9);
    expect(ninjs.associations?.[1]).toMatchObject({
      name: 'quote2',
      type: 'text',
      genres: [{ literal: 'direct' }],
      people: [{ literal: 'qasim-al-araji', rel: 'speaker' }],
      infosources: [{ literal: 'nina', role: 'source' }],
    });
  });
});

describe('the format endpoints follow the content API’s rules', () => {
  it.each(['jsonld', 'ninjs'])('%s: 404 for an unknown document, 400 for a bad locale or parameter', async (format) => {
    await api().get(`/api/articles/abcdefghijklmnopqrstuvwx/${format}`).expect(404);
    const locale = await api().get(`/api/articles/${documentId}/${format}`).query({ locale: 'fr' }).expect(400);
    expect(locale.body.error.message).toContain('Unknown locale "fr"');
    const param = await api().get(`/api/articles/${documentId}/${format}`).query({ populate: '*' }).expect(400);
    expect(param.body.error.message).toBe('unknown parameter(s): populate; only locale and status are accepted');
  });

  describe('with a draft', () => {
    let draftId: string;
    beforeAll(async () => {
      const res = await api()
        .post('/api/articles')
        .query({ status: 'draft' })
        .set(bearer(tokens.fullAccess()))
        .send({ data: { headline: 'مسودة للصيغ', slug: 'formats-draft-probe' } })
        .expect(201);
      draftId = res.body.data.documentId;
    });
    afterAll(async () => {
      await api().delete(`/api/articles/${draftId}`).query({ locale: '*' }).set(bearer(tokens.fullAccess()));
    });

    it.each(['jsonld', 'ninjs'])('%s hides it from the public and shows it to a token with status=draft', async (format) => {
      await api().get(`/api/articles/${draftId}/${format}`).expect(404);
      const refused = await api().get(`/api/articles/${draftId}/${format}`).query({ status: 'draft' }).expect(403);
      expect(refused.body.error.message).toMatch(/Drafts are not public/);
      const res = await api().get(`/api/articles/${draftId}/${format}`).query({ status: 'draft' }).set(bearer(tokens.readOnly())).expect(200);
      if (format === 'ninjs') expect(res.body).toMatchObject({ pubstatus: 'withheld', headlines: [{ value: 'مسودة للصيغ' }] });
      else expect(res.body).toMatchObject({ '@type': 'NewsArticle', headline: 'مسودة للصيغ' });
    });
  });
});
