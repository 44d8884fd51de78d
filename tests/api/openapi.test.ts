import { readFileSync } from 'fs';
import path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { compileErrors, validate } from '@readme/openapi-parser';
import { api } from '../helpers/http';
import { STORY_SLUG } from '../fixtures/story-000';
import type { Article } from '../helpers/documents';

/** What the tests read of the document; its own validator checks the rest of its shape. */
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: { ApiArticleArticleDocument: { properties: { documentId: { pattern: string } } } } };
}

const document: OpenApiDocument = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8'));

/** A validator for the 200 response of one operation, resolving $refs within the document. */
function responseValidator(route: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, 'openapi.json');
  const pointer = `/paths/${route.replace(/~/g, '~0').replace(/\//g, '~1')}/get/responses/200/content/application~1json/schema`;
  return ajv.compile({ $ref: `openapi.json#${pointer}` });
}

function expectValid(route: string, body: unknown) {
  const check = responseValidator(route);
  const valid = check(body);
  expect({ route, errors: valid ? [] : check.errors?.slice(0, 5) }).toEqual({ route, errors: [] });
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (readme/openapi-parser)', async () => {
    const result = await validate(structuredClone(document) as unknown as Parameters<typeof validate>[0]);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(document.openapi).toMatch(/^3\.1\./);
  });

  it('describes the public, read-only API and nothing else', () => {
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/articles',
        '/articles/{documentId}',
        '/articles/slug/{slug}',
        '/articles/{documentId}/jsonld',
        '/articles/{documentId}/ninjs',
        '/organizations',
        '/organizations/{documentId}',
        '/people',
        '/people/{documentId}',
        '/quotes',
        '/quotes/{documentId}',
        '/search',
        '/feeds/{locale}/rss',
        '/feeds/{locale}/atom',
        '/sitemaps/index.xml',
        '/sitemaps/articles/{page}.xml',
        '/sitemaps/news.xml',
        '/sources',
        '/sources/{documentId}',
      ].sort(),
    );
    for (const item of Object.values(document.paths)) expect(Object.keys(item)).toEqual(['get']);
  });

  it('is served at /api/openapi.json as committed', async () => {
    const res = await api().get('/api/openapi.json').expect(200);
    expect(res.body).toEqual(document);
  });
});

describe.each(['ar', 'en'])('live responses for the story in %s match the OpenAPI document', (locale) => {
  let article: Article;
  beforeAll(async () => {
    const res = await api().get('/api/articles').query({ locale, 'filters[slug][$eq]': STORY_SLUG }).expect(200);
    article = res.body.data[0];
  });

  it('GET /articles (default populate)', async () => {
    const res = await api().get('/api/articles').query({ locale }).expect(200);
    expectValid('/articles', res.body);
  });

  it('GET /articles/{documentId} and /articles/slug/{slug}', async () => {
    const res = await api().get(`/api/articles/${article.documentId}`).query({ locale }).expect(200);
    expectValid('/articles/{documentId}', res.body);
    const bySlug = await api().get(`/api/articles/slug/${STORY_SLUG}`).query({ locale }).expect(200);
    expectValid('/articles/slug/{slug}', bySlug.body);
  });

  it.each(['people', 'organizations', 'sources', 'quotes'])('GET /%s and one of them, populated', async (collection) => {
    const list = await api().get(`/api/${collection}`).query({ locale, populate: '*' }).expect(200);
    expectValid(`/${collection}`, list.body);
    const one = await api().get(`/api/${collection}/${list.body.data[0].documentId}`).query({ locale }).expect(200);
    expectValid(`/${collection}/{documentId}`, one.body);
  });

  it('GET /search', async () => {
    const res = await api()
      .get('/api/search')
      .query({ locale, q: locale === 'ar' ? 'التحالف' : 'coalition' })
      .expect(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expectValid('/search', res.body);
  });

  it('documentIds in the responses match the documented pattern', () => {
    expect(article.documentId).toMatch(new RegExp(document.components.schemas.ApiArticleArticleDocument.properties.documentId.pattern));
  });
});

describe('the document would catch a wrong response', () => {
  it('rejects a list without pagination and an article with a UUID documentId', async () => {
    const res = await api().get('/api/articles').query({ locale: 'ar' }).expect(200);
    const check = responseValidator('/articles');
    expect(check({ data: res.body.data })).toBe(false);
    const broken = structuredClone(res.body);
    broken.data[0].documentId = '9b2f6c1e-8a5d-4f3e-9c7b-2d1e0f4a6b8c';
    expect(check(broken)).toBe(false);
  });
});
