/**
 * When GET /api/articles may be answered from the article read model, and how its
 * answer is assembled. Pure: the glue is ./list-from-views.ts.
 *
 * A view row holds exactly what the core answer holds for one article with the default
 * populate, sanitized for the content API. So a list can be spliced from rows only when
 * the request asks for that shape and nothing that changes it: no `fields`, no populate
 * of its own (even one equal to the default: that is how tests get the core answer), no
 * response-format header. Anything not recognized goes to the core controller, which is
 * always correct.
 */

import { canonicalOrder, type ViewShape } from './populate-shape';

/** Query parameters that only choose which articles and in which order, never their shape. */
const SELECTING_PARAMS = new Set(['locale', 'status', 'filters', 'sort', 'pagination']);

export interface ListRequest {
  query: Readonly<Record<string, unknown>>;
  /** Whether the route's default populate filled in `populate` (the request sent none). */
  defaultPopulate: boolean;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Why a list request must take the core path, or null when the read model answers it exactly. */
export function listFromViewsRefusal({ query, defaultPopulate, headers }: ListRequest): string | null {
  if (!defaultPopulate) return 'an explicit populate';
  for (const key of Object.keys(query)) if (key !== 'populate' && !SELECTING_PARAMS.has(key)) return `the parameter ${key}`;
  // Core's transformResponse reshapes the data for these (v4 attributes, source maps).
  if (headers['strapi-response-format'] !== undefined) return 'a strapi-response-format header';
  if (headers['strapi-encode-source-maps'] !== undefined) return 'a strapi-encode-source-maps header';
  if (query.locale !== undefined && typeof query.locale !== 'string') return 'a locale that is not one string';
  if (query.status !== undefined && query.status !== 'published' && query.status !== 'draft') return 'a status other than published or draft';
  return null;
}

export interface PageItem {
  documentId: string;
  locale: string;
}

export interface StoredView {
  documentId: string;
  locale: string;
  body: string;
}

/** The stored bodies in page order, or null when any item of the page has no row (the core path builds it). */
export function bodiesInPageOrder(page: readonly PageItem[], views: readonly StoredView[]): string[] | null {
  const byKey = new Map(views.map((view) => [`${view.documentId}\u0000${view.locale}`, view.body]));
  const bodies: string[] = [];
  for (const item of page) {
    const body = byKey.get(`${item.documentId}\u0000${item.locale}`);
    if (body === undefined) return null;
    bodies.push(body);
  }
  return bodies;
}

/**
 * Columns the query engine moved before `id` in a page's rows. With a join (a filter on a
 * relation) it selects the sort columns first (SELECT DISTINCT needs them), so the core
 * answer's articles start with those keys; the page's own rows, read with the same filters
 * and sort, show which.
 */
export function leadingKeys(row: Readonly<Record<string, unknown>>): string[] {
  const keys = Object.keys(row);
  const id = keys.indexOf('id');
  return id > 0 ? keys.slice(0, id) : [];
}

/**
 * A stored body in the order core answers give it (./populate-shape.ts canonicalOrder), with
 * the page's leading keys first; null when one of those is not in the body (a column core would
 * show and the view cannot).
 */
export function canonicalBody(body: string, shape: ViewShape, leading: readonly string[]): string | null {
  const view = JSON.parse(body) as Record<string, unknown>;
  if (!leading.every((key) => Object.prototype.hasOwnProperty.call(view, key))) return null;
  return JSON.stringify(canonicalOrder(view, shape, leading));
}

/** The core list answer's bytes, `{ data, meta: { pagination } }` as Koa serializes it, around stored JSON bodies. */
export function listBody(bodies: readonly string[], pagination: unknown): string {
  return `{"data":[${bodies.join(',')}],"meta":{"pagination":${JSON.stringify(pagination)}}}`;
}
