import { collectDocumentIds } from '../content-types';
import type { WindowEvent, WindowMark } from './stores/types';

/**
 * Which writes can change which list answers, derived from the list's own query.
 *
 * A read is tagged from its Document Service parameters (uid, locale, status, filters,
 * sort, limit); a write evicts from the document's rows before and after it (every locale
 * and status). The same vocabulary on both sides, so no rule is written per route:
 *
 *   eq:<scope>:<field>=<value>   lists filtered by field = value: evicted by writes whose row had or has that value
 *   rel:<scope>:<field>=<docId>  lists filtered by a related document (a person's articles): by writes that link or linked it
 *   win:<scope>:<field>:<dir>    an unfiltered page sorted by one field (the latest list): a window mark with the page's last
 *                                value; evicted by writes whose document sorts into or before the page, before or after the write
 *   member:<scope>               unfiltered counts (`meta.pagination.total`): by writes that add or remove a document of the scope
 *   set:<scope>                  everything else: by every write in the scope
 *
 * A scope is `<uid>@<locale>/<status>`; a read with no locale or status uses `*`, and writes
 * evict the `*` variants too. A document the answer contains is evicted by its own tag
 * (`doc:<id>`, ./tags.ts) whatever the list rules say; these rules decide only about
 * documents that may join, leave or move in it.
 *
 * Why one condition suffices: a list whose filter is C1 AND C2 can only change through a
 * document that meets C1 before or after the write, so the tag of one recognized conjunct
 * is enough; anything not recognized ($or, ranges, text operators) falls back to `set`.
 */

export type OrderKind = 'number' | 'time';

/** What the rules need to know of a content type. */
export interface TypeShape {
  /** Fields whose equality can tag a list: strings, uids, enumerations, booleans, integers; documentId included. */
  eqFields: ReadonlySet<string>;
  /** Fields a window can be ordered by. */
  orderFields: ReadonlyMap<string, OrderKind>;
  /** Relation fields to other content types, and their target uid. */
  relations: ReadonlyMap<string, string>;
}

export type ShapeOf = (uid: string) => TypeShape | undefined;

/** The Document Service parameters of a read, as the middleware sees them. */
export interface ReadParams {
  action: string;
  locale?: unknown;
  status?: unknown;
  filters?: unknown;
  sort?: unknown;
  limit?: unknown;
  documentId?: unknown;
}

/** Target documents to look up before a relation condition can tag: `filters[people][slug][$eq]=…`. */
export interface RelationLookup {
  scope: string;
  field: string;
  target: string;
  targetField: string;
  values: string[];
}

export interface ReadPlan {
  tags: string[];
  window: { tag: string; field: string; kind: OrderKind; direction: 'asc' | 'desc' } | null;
  lookups: RelationLookup[];
}

/** Longest value an equality tag is made of; longer values (body text) are not tags. */
const MAX_TAG_VALUE = 200;

/** A value as it appears in a tag, or null when it cannot be one. Query strings and rows must agree: 'true' and true both give 'true'. */
export function tagValue(value: unknown): string | null {
  if (typeof value === 'string') return value.length <= MAX_TAG_VALUE ? value : null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** A value's place in an order, or null (no value: a write with it evicts every page; a page ending with it is reached by every write). */
export function orderValue(value: unknown, kind: OrderKind): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'number') {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? n : null;
  }
  const t = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(t) ? t : null;
}

const scopeOf = (uid: string, locale: string, status: string) => `${uid}@${locale}/${status}`;

function readScope(uid: string, params: ReadParams): string {
  const locale = typeof params.locale === 'string' && params.locale !== '' ? params.locale : '*';
  const status = params.status === 'published' || params.status === 'draft' ? params.status : '*';
  return scopeOf(uid, locale, status);
}

/** Values of an equality condition (`v`, `{ $eq: v }`, `{ $in: [...] }`), or null when it is something else. */
function equalityValues(condition: unknown): string[] | null {
  const single = tagValue(condition);
  if (single !== null) return [single];
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return null;
  const entries = Object.entries(condition);
  if (entries.length !== 1) return null;
  const [operator, operand] = entries[0];
  if (operator === '$eq') {
    const value = tagValue(operand);
    return value === null ? null : [value];
  }
  if (operator === '$in' && Array.isArray(operand) && operand.length > 0) {
    const values = operand.map(tagValue);
    return values.every((v): v is string => v !== null) ? values : null;
  }
  return null;
}

/** The conjuncts of a filter: `$and` lists flattened, every other key one conjunct. */
function conjuncts(filters: unknown): Array<[string, unknown]> {
  if (filters === null || typeof filters !== 'object') return [];
  if (Array.isArray(filters)) return filters.flatMap(conjuncts);
  return Object.entries(filters).flatMap(([key, value]): Array<[string, unknown]> => (key === '$and' ? conjuncts(value) : [[key, value]]));
}

type Condition = { tags: string[]; lookup?: undefined } | { tags: []; lookup: RelationLookup };

function recognize(shapeOf: ShapeOf, shape: TypeShape, scope: string, field: string, value: unknown): Condition | null {
  if (shape.eqFields.has(field)) {
    const values = equalityValues(value);
    return values ? { tags: values.map((v) => `eq:${scope}:${field}=${v}`) } : null;
  }
  const target = shape.relations.get(field);
  if (!target || value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const inner = Object.entries(value);
  if (inner.length !== 1) return null;
  const [targetField, condition] = inner[0];
  const values = equalityValues(condition);
  if (!values) return null;
  // The related document's own writes count too: publishing or deleting it changes what the join finds.
  if (targetField === 'documentId')
    return { tags: values.flatMap((id) => [`rel:${scope}:${field}=${id}`, `eq:${scopeOf(target, '*', '*')}:documentId=${id}`]) };
  if (!shapeOf(target)?.eqFields.has(targetField)) return null;
  return { tags: [], lookup: { scope, field, target, targetField, values } };
}

/** Parses a single-field sort (`'f:desc'`, `['f:desc']`, `{ f: 'desc' }`, `[{ f: 'desc' }]`). */
function singleSort(sort: unknown): { field: string; direction: 'asc' | 'desc' } | null {
  const only = Array.isArray(sort) ? (sort.length === 1 ? sort[0] : null) : sort;
  let field: string;
  let direction: unknown;
  if (typeof only === 'string') [field, direction = 'asc'] = only.split(':');
  else if (only !== null && typeof only === 'object' && Object.keys(only).length === 1) [[field, direction]] = Object.entries(only);
  else return null;
  const dir = typeof direction === 'string' ? direction.toLowerCase() : '';
  return dir === 'asc' || dir === 'desc' ? { field, direction: dir } : null;
}

/** The tags (and window, and lookups) a read gives the answer it is part of. */
export function readPlan(shapeOf: ShapeOf, uid: string, params: ReadParams): ReadPlan {
  const shape = shapeOf(uid);
  const scope = readScope(uid, params);
  if (!shape) return { tags: [`set:${scope}`], window: null, lookups: [] };
  if (params.action === 'findOne') {
    const id = tagValue(params.documentId);
    return { tags: id === null ? [`set:${scope}`] : [`eq:${scope}:documentId=${id}`], window: null, lookups: [] };
  }
  const parts = conjuncts(params.filters);
  let best: Condition | null = null;
  for (const [field, value] of parts) {
    const condition = recognize(shapeOf, shape, scope, field, value);
    // A condition known without a lookup is preferred: it costs nothing.
    if (condition && (!best || (best.lookup && !condition.lookup))) best = condition;
  }
  if (best) return { tags: best.tags, window: null, lookups: best.lookup ? [best.lookup] : [] };
  if (parts.length > 0) return { tags: [`set:${scope}`], window: null, lookups: [] };
  if (params.action === 'count') return { tags: [`member:${scope}`], window: null, lookups: [] };
  const sort = singleSort(params.sort);
  const kind = sort ? shape.orderFields.get(sort.field) : undefined;
  if (!sort || !kind) return { tags: [`set:${scope}`], window: null, lookups: [] };
  return { tags: [], window: { tag: `win:${scope}:${sort.field}:${sort.direction}`, field: sort.field, kind, direction: sort.direction }, lookups: [] };
}

/** Tags of a resolved lookup: the related documents found, and the target's own equality (a document renamed into or out of the filter). */
export function lookupTags(lookup: RelationLookup, targetIds: readonly string[]): string[] {
  return [
    ...targetIds.map((id) => `rel:${lookup.scope}:${lookup.field}=${id}`),
    ...lookup.values.map((v) => `eq:${scopeOf(lookup.target, '*', '*')}:${lookup.targetField}=${v}`),
  ];
}

/**
 * The page's mark: the sort value of its last item. A page that is not full ends the list, so
 * any document of the scope may join it (score -Infinity); so may a page ending without a value.
 */
export function windowMark(window: NonNullable<ReadPlan['window']>, result: unknown, limit: unknown): WindowMark {
  const items = Array.isArray(result) ? result : result === null || result === undefined ? [] : [result];
  const size = typeof limit === 'number' ? limit : typeof limit === 'string' ? Number(limit) : NaN;
  const last = items[items.length - 1] as Record<string, unknown> | undefined;
  const value = Number.isFinite(size) && items.length >= size && last ? orderValue(last[window.field], window.kind) : null;
  if (value === null) return { tag: window.tag, score: -Infinity };
  return { tag: window.tag, score: window.direction === 'desc' ? value : -value };
}

/** One stored row of the written document: locale, publication, fields, relations as { documentId } (src/write-pipeline/linked-documents.ts). */
export interface WrittenRow {
  locale?: unknown;
  publishedAt?: unknown;
  [field: string]: unknown;
}

function linkedIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map((v) => (v as { documentId?: unknown }).documentId).filter((id): id is string => typeof id === 'string');
}

const rowStatus = (row: WrittenRow) => (row.publishedAt ? 'published' : 'draft');
const rowScopes = (uid: string, row: WrittenRow) => {
  const locale = typeof row.locale === 'string' ? row.locale : '*';
  const status = rowStatus(row);
  return [...new Set([scopeOf(uid, locale, status), scopeOf(uid, '*', status), scopeOf(uid, locale, '*'), scopeOf(uid, '*', '*')])];
};

/** What a write evicts under these rules, from the document's rows before and after it. */
export function writeEvictions(
  shape: TypeShape,
  uid: string,
  rowsBefore: readonly WrittenRow[],
  rowsAfter: readonly WrittenRow[],
): { tags: string[]; windows: WindowEvent[]; presenceChanged: boolean } {
  const tags = new Set<string>();
  const windows = new Map<string, number>();
  const event = (tag: string, value: number) => windows.set(tag, Math.max(windows.get(tag) ?? -Infinity, value));
  const scopesBefore = new Set(rowsBefore.flatMap((row) => rowScopes(uid, row)));
  const scopesAfter = new Set(rowsAfter.flatMap((row) => rowScopes(uid, row)));
  let presenceChanged = false;
  for (const scope of new Set([...scopesBefore, ...scopesAfter])) {
    tags.add(`set:${scope}`);
    if (scopesBefore.has(scope) !== scopesAfter.has(scope)) {
      tags.add(`member:${scope}`);
      presenceChanged = true;
    }
  }
  for (const row of [...rowsBefore, ...rowsAfter]) {
    for (const scope of rowScopes(uid, row)) {
      for (const field of shape.eqFields) {
        const value = tagValue(row[field]);
        if (value !== null) tags.add(`eq:${scope}:${field}=${value}`);
      }
      for (const field of shape.relations.keys()) for (const id of linkedIds(row[field])) tags.add(`rel:${scope}:${field}=${id}`);
      for (const [field, kind] of shape.orderFields) {
        const value = orderValue(row[field], kind);
        event(`win:${scope}:${field}:desc`, value === null ? Infinity : value);
        event(`win:${scope}:${field}:asc`, value === null ? Infinity : -value);
      }
    }
  }
  return { tags: [...tags], windows: [...windows].map(([tag, value]) => ({ tag, value })), presenceChanged };
}

/** A content type's shape from its attributes (Strapi's schema). */
export function shapeFromAttributes(attributes: Record<string, { type?: string; target?: string }>): TypeShape {
  const eqFields = new Set<string>(['documentId']);
  const orderFields = new Map<string, OrderKind>();
  const relations = new Map<string, string>();
  for (const [name, attribute] of Object.entries(attributes)) {
    const type = attribute.type ?? '';
    if (['string', 'uid', 'enumeration', 'boolean', 'integer', 'biginteger', 'email'].includes(type)) eqFields.add(name);
    if (['date', 'datetime', 'timestamp'].includes(type)) orderFields.set(name, 'time');
    if (['integer', 'biginteger', 'float', 'decimal'].includes(type)) orderFields.set(name, 'number');
    if (type === 'relation' && typeof attribute.target === 'string' && attribute.target.startsWith('api::')) relations.set(name, attribute.target);
  }
  return { eqFields, orderFields, relations };
}

/**
 * Documents a write linked or unlinked in some locale and status: their populated relation
 * lists gain or lose this document. Compared per row, so a link added in one locale while
 * another locale already had it still counts.
 */
export function relinkedDocuments(documentId: string, rowsBefore: readonly WrittenRow[], rowsAfter: readonly WrittenRow[]): string[] {
  const pairs = (rows: readonly WrittenRow[]) => {
    const out = new Set<string>();
    for (const row of rows) {
      const at = `${String(row.locale)}/${rowStatus(row)}/`;
      for (const id of collectDocumentIds(row, new Set())) if (id !== documentId) out.add(at + id);
    }
    return out;
  };
  const before = pairs(rowsBefore);
  const after = pairs(rowsAfter);
  const changed = new Set<string>();
  for (const pair of before) if (!after.has(pair)) changed.add(pair.slice(pair.lastIndexOf('/') + 1));
  for (const pair of after) if (!before.has(pair)) changed.add(pair.slice(pair.lastIndexOf('/') + 1));
  return [...changed];
}

/** Whether a populate asks for a filtered or paged relation list anywhere (REST `populate[x][filters]`, `[limit]`, `[start]`). */
export function populatesNestedLists(populate: unknown, depth = 0): boolean {
  if (depth > 10 || populate === null || typeof populate !== 'object') return false;
  return Object.entries(populate).some(([key, value]) => key === 'filters' || key === 'limit' || key === 'start' || populatesNestedLists(value, depth + 1));
}
