import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Context } from 'koa';
import { docTag, tagCurrentResponse } from '../cache/tags';
import { ARTICLE_DEFAULT_POPULATE } from '../api/article/middlewares/default-populate';
import { bodiesInPageOrder, canonicalBody, leadingKeys, listBody, listFromViewsRefusal, type PageItem } from './list-request';
import { canonicalOrder, shapeOfPopulate, type ViewShape } from './populate-shape';
import { findArticleViews } from './read-model';

const ARTICLE = 'api::article.article';
const DEFAULT_SHAPE = shapeOfPopulate(ARTICLE_DEFAULT_POPULATE);

/** What the list needs of the core controller: its own query validation and sanitization, with the caller's auth. */
export interface CoreQueryPipeline {
  validateQuery(ctx: Context): Promise<unknown>;
  sanitizeQuery(ctx: Context): Promise<unknown>;
}

/** The route's default populate marks the request so an explicit populate (even an identical one) is told apart. */
export interface DefaultPopulateState {
  articleDefaultPopulate?: boolean;
}

interface FoundPage {
  results: Array<Record<string, unknown>>;
  pagination: unknown;
}

/**
 * GET /api/articles with the default populate, answered from the article read model:
 * the page's articles are found by the core service itself (same validation, filters,
 * sort, pagination, locale, status, draft rule and list cache tags), selecting only what
 * identifies them and what a sorted page's cache mark needs; their stored JSON is then
 * spliced in page order. Null when the core controller must answer (see ./list-request.ts,
 * or a version without a view row: a draft without a slug, an import not yet audited).
 */
export async function articleListFromViews(strapi: Core.Strapi, ctx: Context, core: CoreQueryPipeline): Promise<string | null> {
  const refusal = listFromViewsRefusal({
    query: ctx.query as Record<string, unknown>,
    defaultPopulate: (ctx.state as DefaultPopulateState).articleDefaultPopulate === true,
    headers: ctx.headers,
  });
  if (refusal !== null) return null;
  // Core's output sanitizer drops a populated relation whose type the caller may not `find`; the rows hold them all.
  if (!(await mayFindEveryPopulatedType(strapi, ctx.state.auth))) return null;
  await core.validateQuery(ctx);
  const sanitized = (await core.sanitizeQuery(ctx)) as Record<string, unknown>;
  delete sanitized.populate;
  const { results, pagination } = (await strapi.service(ARTICLE).find({ ...sanitized, fields: idFields(strapi) })) as FoundPage;
  const page: PageItem[] = [];
  for (const item of results) {
    if (typeof item.documentId !== 'string' || typeof item.locale !== 'string') return null;
    page.push({ documentId: item.documentId, locale: item.locale });
  }
  const published = sanitized.status !== 'draft';
  const { views, dependencies } = await findArticleViews(strapi.db.connection as unknown as Knex, page, published);
  const stored = bodiesInPageOrder(page, views);
  if (stored === null) return null;
  const leading = results.length > 0 ? leadingKeys(results[0]) : [];
  const bodies: string[] = [];
  for (const body of stored) {
    const ordered = canonicalBody(body, DEFAULT_SHAPE, leading);
    if (ordered === null) return null;
    bodies.push(ordered);
  }
  // The list read tagged the answer with its query's rules and the articles; what the articles show is the views' part.
  tagCurrentResponse(ctx.state as { cacheTags?: Set<string> }, dependencies.map(docTag));
  return listBody(bodies, pagination);
}

let populatedTypes: string[] | null = null;

/** The content types the default populate reaches through relations, at any depth (media and components are not permission-checked). */
function populatedRelationTypes(strapi: Core.Strapi): string[] {
  if (populatedTypes) return populatedTypes;
  const found = new Set<string>();
  const visit = (uid: string, shape: ViewShape) => {
    const attributes = strapi.getModel(uid as Parameters<typeof strapi.getModel>[0]).attributes as Record<
      string,
      { type?: string; target?: string; component?: string }
    >;
    for (const [name, inner] of shape.relations) {
      const attribute = attributes[name];
      const target = attribute?.type === 'relation' ? attribute.target : attribute?.type === 'component' ? attribute.component : undefined;
      if (!target) continue;
      if (attribute.type === 'relation') found.add(target);
      visit(target, inner);
    }
  };
  visit(ARTICLE, DEFAULT_SHAPE);
  populatedTypes = [...found];
  return populatedTypes;
}

async function mayFindEveryPopulatedType(strapi: Core.Strapi, auth: unknown): Promise<boolean> {
  for (const uid of populatedRelationTypes(strapi)) {
    try {
      await strapi.auth.verify(auth as Parameters<typeof strapi.auth.verify>[0], { scope: [`${uid}.find`] });
    } catch {
      return false;
    }
  }
  return true;
}

let cachedIdFields: string[] | null = null;

/** documentId and locale, plus every date and number field: a page sorted by one is marked by its last value (src/cache/list-rules.ts windowMark). */
function idFields(strapi: Core.Strapi): string[] {
  if (cachedIdFields) return cachedIdFields;
  const attributes = strapi.contentType(ARTICLE).attributes as Record<string, { type?: string }>;
  const ordered = Object.entries(attributes)
    .filter(([, attribute]) => ['date', 'datetime', 'timestamp', 'integer', 'biginteger', 'float', 'decimal'].includes(attribute.type ?? ''))
    .map(([name]) => name);
  cachedIdFields = ['documentId', 'locale', ...ordered];
  return cachedIdFields;
}

/**
 * The core answer's articles in the fixed key order of ./populate-shape.ts canonicalOrder (for
 * a populate given as an object, the default's included), so the core path and the views give
 * the same bytes and one answer computed twice has one ETag.
 */
export function canonicalCoreList(response: unknown, populate: unknown): unknown {
  if (populate === null || typeof populate !== 'object' || Array.isArray(populate)) return response;
  if (response === null || typeof response !== 'object' || !Array.isArray((response as { data?: unknown }).data)) return response;
  const shape = shapeOfPopulate(populate as Record<string, unknown>);
  const { data, ...rest } = response as { data: unknown[] };
  return { data: canonicalOrder(data, shape), ...rest };
}
