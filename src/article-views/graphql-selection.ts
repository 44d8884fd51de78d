/**
 * When a GraphQL `articles` selection can take its relations from the article read model.
 * Pure: the glue is ./graphql.ts.
 *
 * A view row holds each article with the default populate (sanitized for the content API).
 * GraphQL resolves every relation with its own query; those answers can come from the row
 * instead when the selection asks only for what the row holds, with the arguments the row
 * was built with: relations the default populate populates, to its depth, with no arguments
 * except the populate's own sort, and no directives or connections (anything unusual takes
 * the normal resolvers, which are always right).
 */

import type { ViewShape } from './populate-shape';

export type { ViewShape };

/** One field of a selection, with its arguments' values and its own selection (null for a leaf). */
export interface SelectedField {
  name: string;
  args: Readonly<Record<string, unknown>>;
  hasDirectives: boolean;
  children: readonly SelectedField[] | null;
}

const sortList = (value: unknown): string[] | null =>
  typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;

function sameSort(asked: unknown, held: readonly string[] | null): boolean {
  const list = sortList(asked);
  return held !== null && list !== null && list.length === held.length && list.every((s, i) => s === held[i]);
}

/** Why this selection below an object of the given shape needs the normal resolvers, or null when the row answers it. */
export function selectionRefusal(shape: ViewShape, fields: readonly SelectedField[], path = ''): string | null {
  for (const field of fields) {
    const at = `${path}${field.name}`;
    if (field.hasDirectives) return `a directive on ${at}`;
    const argNames = Object.keys(field.args);
    if (field.children === null) {
      if (argNames.length > 0) return `arguments on ${at}`;
      continue;
    }
    const inner = shape.relations.get(field.name);
    if (!inner) return `${at} is not in the view`;
    if (inner.sort === null ? argNames.length > 0 : argNames.length !== 1 || !sameSort(field.args.sort, inner.sort)) {
      return `${at} asks for other arguments than the view was built with`;
    }
    const refusal = selectionRefusal(inner, field.children, `${at}.`);
    if (refusal) return refusal;
  }
  return null;
}

/** Root arguments the row cannot stand for even when the Document Service finds the articles (publication filters). */
export function rootArgsRefusal(args: Readonly<Record<string, unknown>>): string | null {
  for (const name of ['publicationFilter', 'hasPublishedVersion']) if (args[name] !== undefined && args[name] !== null) return `the argument ${name}`;
  return null;
}

/**
 * Whether the row's lists read as the resolvers would list them: GraphQL pages every relation
 * list (at most `limit` items when no pagination is given), and a list sorted by fields whose
 * values tie may come back in another order from another query, so ties are left to the resolvers.
 */
export function listsMatchResolvers(view: unknown, shape: ViewShape, limit: number): boolean {
  if (view === null || typeof view !== 'object') return true;
  const record = view as Record<string, unknown>;
  for (const [name, inner] of shape.relations) {
    const value = record[name];
    const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
    if (Array.isArray(value)) {
      if (value.length > limit) return false;
      if (inner.sort && !distinctSortKeys(value, inner.sort)) return false;
    }
    for (const item of items) if (!listsMatchResolvers(item, inner, limit)) return false;
  }
  return true;
}

function distinctSortKeys(items: readonly unknown[], sort: readonly string[]): boolean {
  const fields = sort.map((s) => s.split(':')[0]);
  const keys = items.map((item) => JSON.stringify(fields.map((f) => (item as Record<string, unknown> | null)?.[f] ?? null)));
  return new Set(keys).size === keys.length;
}
