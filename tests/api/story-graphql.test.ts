import { graphql } from '../helpers/http';
import type { Article } from '../helpers/documents';
import { EXPECTED, ORGANIZATION_SLUGS, PUBLISHER_SLUG, SOURCE_SLUGS, STORY_SLUG } from '../fixtures/story-000';

const STORY_QUERY = /* GraphQL */ `
  query Story($slug: String!, $locale: I18NLocaleCode) {
    articles(locale: $locale, filters: { slug: { eq: $slug } }) {
      documentId
      locale
      headline
      section
      coverCaption
      publishedDate
      figures {
        value
        unit
        label
        qualifier
      }
      people {
        slug
        name
        jobTitle
        affiliation {
          slug
        }
      }
      organizations {
        slug
      }
      sources {
        slug
        shortName
      }
      publisher {
        slug
        name
      }
      quotes(sort: "position:asc") {
        position
        kind
        text
        speaker {
          slug
          name
        }
        speakerOrganization {
          slug
          name
        }
        source {
          slug
          shortName
        }
      }
    }
  }
`;

describe.each(['ar', 'en'] as const)('the story over GraphQL in %s', (locale) => {
  const expected = EXPECTED[locale];
  let article: Article;

  beforeAll(async () => {
    const res = await graphql(STORY_QUERY, { slug: STORY_SLUG, locale }).expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articles).toHaveLength(1);
    article = res.body.data.articles[0];
  });

  it('has the headline, people with roles and figures', () => {
    expect(article).toMatchObject({
      locale,
      headline: expected.headline,
      section: expected.section,
      coverCaption: expected.coverCaption,
      publishedDate: '2024-04-28',
      people: expected.people,
      figures: expected.figures,
      publisher: { slug: PUBLISHER_SLUG },
    });
    expect(article.organizations.map((o) => o.slug)).toEqual(ORGANIZATION_SLUGS);
    expect(article.sources.map((s) => s.slug)).toEqual(SOURCE_SLUGS);
  });

  it('has every quote with its speaker and source', () => {
    expect(article.quotes).toHaveLength(expected.quotes.length);
    article.quotes.forEach((quote, i) => {
      const want = expected.quotes[i]!;
      expect(quote).toMatchObject({ position: want.position, kind: want.kind });
      expect(quote.text).toContain(want.excerpt);
      expect(quote.speaker?.slug ?? null).toBe(want.speaker);
      expect(quote.speakerOrganization?.slug ?? null).toBe(want.speakerOrganization);
      expect(quote.source?.slug ?? null).toBe(want.source);
    });
  });

  it('finds the same article by documentId', async () => {
    const res = await graphql(
      `
        query ($id: ID!, $locale: I18NLocaleCode) {
          article(documentId: $id, locale: $locale) {
            headline
            quotes {
              position
            }
          }
        }
      `,
      { id: article.documentId, locale },
    ).expect(200);
    expect(res.body.data.article).toMatchObject({ headline: expected.headline });
    expect(res.body.data.article.quotes).toHaveLength(9);
  });
});

describe('GraphQL limits and errors', () => {
  it('caps page sizes at maxLimit (100)', async () => {
    const res = await graphql(`
      {
        people_connection(pagination: { pageSize: 1000 }) {
          pageInfo {
            pageSize
          }
        }
      }
    `).expect(200);
    expect(res.body.data.people_connection.pageInfo.pageSize).toBe(100);
  });

  it('applies defaultLimit (25) when no page size is given', async () => {
    const res = await graphql(`
      {
        people_connection {
          pageInfo {
            pageSize
          }
        }
      }
    `).expect(200);
    expect(res.body.data.people_connection.pageInfo.pageSize).toBe(25);
  });

  it('rejects a query deeper than depthLimit (10) with a 400', async () => {
    const deep = `{ articles { quotes { article { quotes { article { quotes { article { quotes { article { quotes { article { headline } } } } } } } } } } } }`;
    const res = await graphql(deep).expect(400);
    expect(res.body.errors[0].message).toMatch(/exceeds maximum operation depth of 10/);
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('rejects a query wider than amountLimit (250 fields) with a 400', async () => {
    const aliases = Array.from({ length: 130 }, (_, i) => `a${i}: articles { headline }`).join('\n');
    const res = await graphql(`query Wide { ${aliases} }`).expect(400);
    expect(res.body.errors[0].message).toBe(
      'Operation "Wide" selects 260 fields (aliases and fragments included); the limit is 250. Split it into smaller queries.',
    );
  });

  it('rejects an unknown locale with a 400 and no stack trace', async () => {
    const res = await graphql(`
      {
        articles(locale: "xx") {
          headline
        }
      }
    `).expect(400);
    expect(res.body.errors[0].message).toMatch(/Unknown locale/);
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('refuses mutations from the public', async () => {
    const res = await graphql(`
      mutation {
        createArticle(data: { headline: "x", slug: "x" }) {
          documentId
        }
      }
    `);
    expect(res.body.data?.createArticle ?? null).toBeNull();
    expect(res.body.errors[0]).toMatchObject({ message: 'Forbidden access', extensions: { code: 'FORBIDDEN' } });
  });
});
