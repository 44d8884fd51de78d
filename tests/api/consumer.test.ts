import { strapi as strapiClient } from '@strapi/client';
import createClient from 'openapi-fetch';
import type { paths } from '../../types/api/openapi';
import { baseUrl } from '../helpers/http';
import { EXPECTED, STORY_SLUG } from '../fixtures/story-000';
import type { Article, Person } from '../helpers/documents';

/**
 * The story read exactly as a frontend would: with Strapi's official client over
 * REST, with a plain GraphQL request, and with a client typed from our OpenAPI
 * document. Nothing here uses the test helpers' knowledge of the server.
 */

const STORY_GRAPHQL = `
  query Story($slug: String!, $locale: I18NLocaleCode) {
    articles(locale: $locale, filters: { slug: { eq: $slug } }) {
      documentId
      headline
      people { name jobTitle }
      quotes(sort: "position:asc") { kind text speaker { name } speakerOrganization { name } source { shortName } }
      figures { value qualifier unit }
    }
  }
`;

describe.each(['ar', 'en'] as const)('a frontend reading the story in %s', (locale) => {
  const expected = EXPECTED[locale];

  it('with @strapi/client over REST', async () => {
    const client = strapiClient({ baseURL: `${baseUrl()}/api` });
    const articles = client.collection('articles');
    const list = (await articles.find({ locale, filters: { slug: { $eq: STORY_SLUG } } })) as unknown as { data: Article[] };
    expect(list.data).toHaveLength(1);
    const [article] = list.data;
    expect(article).toMatchObject({ headline: expected.headline, locale, people: expected.people, figures: expected.figures });
    expect(article!.quotes.map((q) => q.speaker?.slug ?? q.speakerOrganization?.slug)).toEqual(expected.quotes.map((q) => q.speaker ?? q.speakerOrganization));

    const one = (await articles.findOne(article!.documentId, { locale })) as unknown as { data: Article };
    expect(one.data).toMatchObject({ documentId: article!.documentId, headline: expected.headline });
    const people = (await client.collection('people').find({ locale, sort: 'name' })) as unknown as { data: Person[] };
    expect(people.data.map((p) => p.name).sort()).toEqual(expected.people.map((p) => p.name).sort());
  });

  it('with a plain GraphQL request', async () => {
    const res = await fetch(`${baseUrl()}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: STORY_GRAPHQL, variables: { slug: STORY_SLUG, locale } }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { articles: Article[] }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const [article] = body.data.articles;
    expect(article).toMatchObject({ headline: expected.headline, people: expected.people.map(({ name, jobTitle }) => ({ name, jobTitle })) });
    expect(article!.quotes).toHaveLength(9);
    expect(article!.quotes[1]).toMatchObject({ kind: 'direct', speaker: { name: expected.people[0]!.name } });
  });

  it('with a client typed from docs/openapi.json (openapi-fetch)', async () => {
    const client = createClient<paths>({ baseUrl: `${baseUrl()}/api` });
    const list = await client.GET('/articles', { params: { query: { locale } } });
    expect(list.response.status).toBe(200);
    const article = list.data!.data.find((a) => a.slug === STORY_SLUG)!;
    // Typed access: the compiler knows `headline`, `documentId` and `meta.pagination`.
    expect(article.headline).toBe(expected.headline);
    expect(list.data!.meta.pagination.total).toBeGreaterThanOrEqual(1);

    const one = await client.GET('/articles/{documentId}', { params: { path: { documentId: article.documentId }, query: { locale } } });
    expect(one.data!.data.headline).toBe(expected.headline);

    const hits = await client.GET('/search', { params: { query: { q: locale === 'ar' ? 'الاعرجي' : 'al-Araji', type: 'person', locale } } });
    expect(hits.data!.data[0]).toMatchObject({ type: 'person', slug: 'qasim-al-araji' });
  });
});
