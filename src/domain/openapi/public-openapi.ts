/**
 * Turns the output of `strapi openapi generate` (experimental in Strapi 5) into a
 * correct description of this project's public, read-only API. What the generator
 * gets wrong, and what this fixes:
 * - documentIds are declared as UUIDs; Strapi 5 documentIds are 24 lower-case letters and digits;
 * - single-document paths name their parameter `id`; it is the documentId;
 * - relations and media are declared present and non-null; they appear only when
 *   populated, and an empty to-one relation or media field is `null`;
 * - optional fields are declared non-null, and blocks fields required; Strapi returns `null` for empty ones;
 * - components are declared without the `id` every stored component has;
 * - list and single responses are declared without `meta` (pagination), with
 *   `additionalProperties: false`, so every real response would fail validation;
 * - `publishedAt` has a default of the moment the document was generated;
 * - custom routes (search, JSON-LD, ninjs, feeds, sitemaps) are declared with no parameters and no response;
 * - every operation requires a JWT; the public reads need no credentials, and drafts an API token;
 * - the servers list has an empty URL; the content API lives under /api.
 * Only GET operations of the public content API are kept: that is the public API.
 */

import { CONTENT_TYPE_UIDS } from '../../content-types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Schema = JsonObject;

export interface OpenApiDocument extends JsonObject {
  paths: { [path: string]: JsonObject };
  components: JsonObject;
}

const PUBLIC_COLLECTIONS = ['articles', 'people', 'organizations', 'sources', 'quotes'];

export const DOCUMENT_ID_SCHEMA: Schema = {
  type: 'string',
  pattern: '^[a-z0-9]{24}$',
  description: 'The document ID: the same for every locale and for the draft and published versions of a document.',
  examples: ['vptc7nctkirkrzpuuzb6sk7l'],
};

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `schema`, or null as well. */
function nullable(schema: Schema): Schema {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.type)) return schema.type.includes('null') ? schema : { ...schema, type: [...schema.type, 'null'] };
  const { description, ...rest } = schema;
  return { ...(description !== undefined && { description }), anyOf: [rest, { type: 'null' }] };
}

const RELATIONAL = /^A (relational|media) field$/;
/** The generator marks every blocks field required; an empty one is null. */
const ALWAYS_OPTIONAL = /^A blocks field$/;

/** Fixes one object schema (an entity, a component or an envelope) in place-free fashion. */
function fixObjectSchema(schema: Schema, name?: string): Schema {
  const properties = schema.properties as { [key: string]: Schema } | undefined;
  if (!isObject(properties)) return schema;
  const required = new Set((Array.isArray(schema.required) ? schema.required : []).filter((r): r is string => typeof r === 'string'));
  const fixed: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(properties)) {
    let property: Schema = { ...value };
    if (key === 'documentId') property = DOCUMENT_ID_SCHEMA;
    if (typeof property.default === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(property.default)) delete property.default;
    const description = typeof property.description === 'string' ? property.description : '';
    if (RELATIONAL.test(description) || ALWAYS_OPTIONAL.test(description) || key === 'localizations') required.delete(key);
    if (key === 'publishedAt') required.delete(key);
    if (!required.has(key) && key !== 'documentId' && key !== 'id') property = nullable(property);
    fixed[key] = property;
  }
  // Every stored component carries an id.
  if (name?.endsWith('Entry') && !('id' in fixed)) fixed.id = { type: 'integer' };
  return { ...schema, properties: fixed, required: [...required] };
}

const PAGINATION: Schema = {
  type: 'object',
  properties: {
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    pageCount: { type: 'integer' },
    total: { type: 'integer' },
  },
  required: ['page', 'pageSize', 'pageCount', 'total'],
};

export const ERROR_SCHEMA: Schema = {
  type: 'object',
  description: "Strapi's error envelope; `message` says what was wrong with the request.",
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      properties: {
        status: { type: 'integer' },
        name: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'object' },
      },
      required: ['status', 'name', 'message'],
    },
  },
  required: ['data', 'error'],
};

const errorResponse = (description: string): JsonObject => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const retryAfter: JsonObject = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } },
};

const ERROR_RESPONSES: JsonObject = {
  '400': errorResponse('Bad request: an unknown locale, query parameter or value; the message names it'),
  '403': errorResponse('Forbidden: drafts (status=draft) need an API token'),
  '404': errorResponse('No such document in that locale and status'),
  '429': { ...errorResponse('Too many requests from this address (RATE_LIMIT_MAX per RATE_LIMIT_WINDOW_SECONDS)'), headers: retryAfter },
  '503': { ...errorResponse('The database is unavailable for a moment'), headers: retryAfter },
};

const documentIdParameter: JsonObject = { name: 'documentId', in: 'path', required: true, schema: DOCUMENT_ID_SCHEMA };
const localeParameter: JsonObject = {
  name: 'locale',
  in: 'query',
  required: false,
  description: 'The locale: ar (default) or en. An unknown locale is a 400.',
  schema: { type: 'string', examples: ['ar', 'en'] },
};
const statusParameter: JsonObject = {
  name: 'status',
  in: 'query',
  required: false,
  description: 'published (default), or draft with an API token.',
  schema: { type: 'string', enum: ['published', 'draft'] },
};

/** Walks any JSON value, fixing every object schema that has properties. */
function walk(value: Json, name?: string): Json {
  if (Array.isArray(value)) return value.map((item) => walk(item));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) out[key] = walk(child, key);
  return isObject(out.properties) ? fixObjectSchema(out, name) : out;
}

/** The 200 response envelope of a content-type read: data, plus meta (pagination for lists). */
function withMeta(operation: JsonObject, list: boolean): JsonObject {
  const responses = operation.responses as JsonObject;
  const ok = responses['200'] as JsonObject;
  const schema = ((ok.content as JsonObject)['application/json'] as JsonObject).schema as Schema;
  const meta: Schema = list ? { type: 'object', properties: { pagination: PAGINATION }, required: ['pagination'] } : { type: 'object' };
  const envelope: Schema = {
    ...schema,
    properties: { ...(schema.properties as JsonObject), meta },
    required: ['data', 'meta'],
  };
  return {
    ...operation,
    security: [{}, { apiToken: [] }],
    responses: { '200': { ...ok, content: { 'application/json': { schema: envelope } } }, ...ERROR_RESPONSES },
  };
}

const SEARCH_HIT: Schema = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['article', 'quote', 'person'] },
    documentId: DOCUMENT_ID_SCHEMA,
    slug: { type: ['string', 'null'] },
    locale: { type: 'string' },
    title: { type: 'string', description: 'Headline, quote text or name, as stored.' },
    snippet: { type: 'string', description: 'An excerpt around the first match, in the original spelling.' },
    score: { type: 'number' },
    speaker: { description: 'Quotes: who said it.', anyOf: [{ type: 'object' }, { type: 'null' }] },
    speakerOrganization: { description: 'Quotes: the body that issued it.', anyOf: [{ type: 'object' }, { type: 'null' }] },
    source: { description: 'Quotes: the outlet it was reported through.', anyOf: [{ type: 'object' }, { type: 'null' }] },
    article: { description: 'Quotes: the article it appears in.', anyOf: [{ type: 'object' }, { type: 'null' }] },
  },
  required: ['type', 'documentId', 'slug', 'locale', 'title', 'snippet', 'score', 'speaker', 'speakerOrganization', 'source', 'article'],
  additionalProperties: false,
};

function searchPath(): JsonObject {
  const query = (name: string, description: string, schema: Schema, required = false): JsonObject => ({ name, in: 'query', required, description, schema });
  return {
    get: {
      operationId: 'search',
      tags: ['search'],
      summary: 'Arabic-aware search over articles, quotes and people',
      description:
        'The query and the index are normalized alike: alef forms, teh marbuta, alef maksura, hamza carriers, diacritics, tatweel, Arabic-Indic digits and Latin case all fold, so الاعرجي finds الأعرجي. Every word must match; results are ranked (the whole query in a title first) and paged.',
      security: [{}, { apiToken: [] }],
      parameters: [
        query('q', 'The query: 1 to 200 characters.', { type: 'string', minLength: 1, maxLength: 200 }, true),
        query('type', 'Only this type.', { type: 'string', enum: ['article', 'quote', 'person'] }),
        localeParameter,
        statusParameter,
        query('page', 'Page number, from 1.', { type: 'integer', minimum: 1 }),
        query('pageSize', 'Results per page, 1 to 50 (default 10).', { type: 'integer', minimum: 1, maximum: 50 }),
      ],
      responses: {
        '200': {
          description: 'A page of hits, best first',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  data: { type: 'array', items: { $ref: '#/components/schemas/SearchHit' } },
                  meta: {
                    type: 'object',
                    properties: {
                      pagination: PAGINATION,
                      query: { type: 'object', properties: { q: { type: 'string' }, terms: { type: 'array', items: { type: 'string' } } } },
                    },
                    required: ['pagination'],
                  },
                },
                required: ['data', 'meta'],
              },
            },
          },
        },
        ...ERROR_RESPONSES,
      },
    },
  };
}

function formatPath(kind: 'jsonld' | 'ninjs'): JsonObject {
  const jsonld = kind === 'jsonld';
  return {
    get: {
      operationId: `article${jsonld ? 'JsonLd' : 'Ninjs'}`,
      tags: ['article'],
      summary: jsonld ? 'The article as schema.org NewsArticle (JSON-LD)' : 'The article as IPTC ninjs 2.2',
      security: [{}, { apiToken: [] }],
      parameters: [documentIdParameter, localeParameter, statusParameter],
      responses: {
        '200': {
          description: jsonld ? 'schema.org NewsArticle' : 'A ninjs 2.2 news item',
          content: {
            [jsonld ? 'application/ld+json' : 'application/json']: {
              schema: jsonld
                ? {
                    type: 'object',
                    properties: { '@context': { const: 'https://schema.org' }, '@type': { const: 'NewsArticle' } },
                    required: ['@context', '@type', 'headline', 'articleBody', 'inLanguage'],
                  }
                : {
                    type: 'object',
                    description: 'Validates against http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json',
                    required: ['uri'],
                  },
            },
          },
        },
        ...ERROR_RESPONSES,
      },
    },
  };
}

const xmlResponse = (description: string, mediaType: string): JsonObject => ({
  description,
  content: { [mediaType]: { schema: { type: 'string', description } } },
});

const XML_ERRORS: JsonObject = {
  '400': ERROR_RESPONSES['400']!,
  '404': errorResponse('Not found: past the last article sitemap, or no article dated in the last two days'),
  '429': ERROR_RESPONSES['429']!,
  '503': ERROR_RESPONSES['503']!,
};

/** The feeds and sitemaps (src/api/feed, src/api/sitemap): XML for aggregators and search engines. */
function feedPath(format: 'rss' | 'atom'): JsonObject {
  const rss = format === 'rss';
  return {
    get: {
      operationId: rss ? 'feedRss' : 'feedAtom',
      tags: ['feed'],
      summary: rss ? 'RSS 2.0 feed of the 50 newest published articles' : 'Atom 1.0 feed of the 50 newest published articles',
      security: [{}, { apiToken: [] }],
      parameters: [
        { name: 'locale', in: 'path', required: true, description: 'ar or en; any other is a 400.', schema: { type: 'string', enum: ['ar', 'en'] } },
        {
          name: 'section',
          in: 'query',
          required: false,
          description: 'Only articles of this section (exact match).',
          schema: { type: 'string', minLength: 1, maxLength: 120 },
        },
      ],
      responses: {
        '200': xmlResponse(rss ? 'An RSS 2.0 document' : 'An Atom 1.0 document', rss ? 'application/rss+xml' : 'application/atom+xml'),
        ...XML_ERRORS,
      },
    },
  };
}

function sitemapPath(operationId: string, summary: string, parameters: JsonObject[] = []): JsonObject {
  return {
    get: {
      operationId,
      tags: ['sitemap'],
      summary,
      security: [{}, { apiToken: [] }],
      parameters,
      responses: { '200': xmlResponse('A sitemap (sitemaps.org 0.9)', 'application/xml'), ...XML_ERRORS },
    },
  };
}

export function publicOpenApi(raw: OpenApiDocument, { version }: { version: string }): OpenApiDocument {
  const walked = walk(raw as unknown as Json) as unknown as OpenApiDocument;
  const paths: { [path: string]: JsonObject } = {};
  for (const collection of PUBLIC_COLLECTIONS) {
    const list = walked.paths[`/${collection}`]?.get as JsonObject | undefined;
    const one = walked.paths[`/${collection}/{id}`]?.get as JsonObject | undefined;
    if (!list || !one) throw new Error(`the generated document has no GET /${collection} or /${collection}/{id}`);
    paths[`/${collection}`] = { get: withMeta(list, true) };
    const parameters = (one.parameters as JsonObject[]).map((p) => (p.in === 'path' && p.name === 'id' ? documentIdParameter : p));
    paths[`/${collection}/{documentId}`] = { get: withMeta({ ...one, parameters }, false) };
  }
  const byDocumentId = paths['/articles/{documentId}']!.get as JsonObject;
  paths['/articles/slug/{slug}'] = {
    get: {
      operationId: 'articleBySlug',
      tags: ['article'],
      summary: 'One article by slug, with the default populate (from the read model)',
      security: [{}, { apiToken: [] }],
      parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9-_.~]+$' } }, localeParameter, statusParameter],
      responses: byDocumentId.responses,
    },
  };
  paths['/articles/{documentId}/jsonld'] = formatPath('jsonld');
  paths['/articles/{documentId}/ninjs'] = formatPath('ninjs');
  paths['/search'] = searchPath();
  paths['/feeds/{locale}/rss'] = feedPath('rss');
  paths['/feeds/{locale}/atom'] = feedPath('atom');
  paths['/sitemaps/index.xml'] = sitemapPath('sitemapIndex', 'Sitemap index: the news sitemap and every article sitemap');
  paths['/sitemaps/articles/{page}.xml'] = sitemapPath('sitemapArticles', 'One page of article URLs with their language versions (hreflang) and lastmod', [
    { name: 'page', in: 'path', required: true, description: 'From 1; past the last page is a 404.', schema: { type: 'integer', minimum: 1 } },
  ]);
  paths['/sitemaps/news.xml'] = sitemapPath('sitemapNews', 'Google News sitemap: articles dated within the last two days, at most 1,000, newest first');

  const schemas = walked.components.schemas as JsonObject;
  return {
    openapi: raw.openapi,
    info: {
      title: 'Newsroom CMS public API',
      version,
      description:
        'Published articles, people, organizations, sources and quotes, in Arabic (ar, default) and English (en). Reads need no credentials; drafts need an API token. Articles come with their people, organizations, sources, quotes (speaker, source), figures, publisher and cover populated unless `populate` says otherwise.',
    },
    servers: [{ url: '/api', description: 'The content API of this server' }],
    security: [{}, { apiToken: [] }],
    components: {
      securitySchemes: { apiToken: { type: 'http', scheme: 'bearer', description: 'A Strapi API token (Settings > API Tokens); needed for drafts only.' } },
      schemas: { ...schemas, SearchHit: SEARCH_HIT, Error: ERROR_SCHEMA, WebhookEvent: WEBHOOK_EVENT },
    },
    paths,
    webhooks: { contentChanged: webhookOperation() },
  };
}

const ARTICLE_REF: Schema = {
  type: 'object',
  required: ['documentId', 'locale', 'slug'],
  additionalProperties: false,
  properties: { documentId: DOCUMENT_ID_SCHEMA, locale: { type: 'string', enum: ['ar', 'en'] }, slug: { type: ['string', 'null'] } },
};

/** What src/webhooks/payload.ts sends: the Standard Webhooks shape. */
const WEBHOOK_EVENT: Schema = {
  type: 'object',
  required: ['type', 'timestamp', 'data'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', enum: ['entry.published', 'entry.updated', 'entry.unpublished', 'entry.deleted'] },
    timestamp: { type: 'string', format: 'date-time', description: 'When the change was committed.' },
    data: {
      type: 'object',
      required: ['uid', 'documentId', 'locale', 'slug', 'version', 'affectedArticles'],
      additionalProperties: false,
      properties: {
        uid: { type: 'string', enum: [...CONTENT_TYPE_UIDS] },
        documentId: DOCUMENT_ID_SCHEMA,
        locale: { type: 'string', enum: ['ar', 'en'] },
        slug: { type: ['string', 'null'] },
        version: {
          type: 'integer',
          minimum: 1,
          description:
            'Grows with every event of this document in this locale. Delivery is not held in order: keep the highest version seen per uid, documentId and locale, and drop a lower one.',
        },
        affectedArticles: { type: 'array', items: ARTICLE_REF, description: 'The published articles whose public JSON this change altered, in this locale.' },
      },
    },
  },
};

function webhookOperation(): JsonObject {
  const header = (name: string, description: string) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } });
  return {
    post: {
      operationId: 'contentChanged',
      summary: 'A public version changed (signed per Standard Webhooks; sent to WEBHOOK_ENDPOINTS, retried until a 2xx)',
      parameters: [
        header('webhook-id', 'The message id: the same on every attempt, so a repeat can be dropped.'),
        header('webhook-timestamp', 'Seconds since the epoch when this attempt was signed.'),
        header('webhook-signature', '`v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the shared secret.'),
      ],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookEvent' } } } },
      responses: { '2XX': { description: 'Received; anything else is retried with backoff.' } },
    },
  };
}
