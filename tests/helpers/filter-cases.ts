import fc from 'fast-check';
import qs from 'qs';
import { filterableAttributes, TEST_COMPONENTS, TEST_TYPES, type TestAttribute, type TestType } from './schemas';

/**
 * Filters as a new user would try them: every filterable attribute of every public
 * type (a relation's own id, and one attribute of a component), every operator
 * Strapi documents, and value shapes from the sensible to the broken. Shared by the
 * sampled property tests (tests/api/query-validation.test.ts) and the exhaustive
 * sweep (`npm run sweep`), so both are generated from the schemas.
 */
export const WHERE_OPERATORS = [
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$notIn',
  '$null',
  '$notNull',
  '$between',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$not',
] as const;

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Value shapes: scalars of every kind, empty, lists of 1, 2 and 3, nested objects, out of range, NUL, malformed dates. */
export const VALUE_SHAPES: Array<{ label: string; value: Json }> = [
  { label: 'text', value: 'x' },
  { label: 'empty string', value: '' },
  { label: 'integer', value: 3 },
  { label: 'fraction', value: 1.5 },
  { label: 'negative', value: -1 },
  { label: 'int32 overflow', value: 2147483648 },
  { label: 'huge number', value: 1e20 },
  { label: 'infinite number text', value: '1e309' },
  { label: 'date', value: '2026-11-30' },
  { label: 'impossible date', value: '2026-02-30' },
  { label: 'datetime', value: '2026-11-30T10:00:00.000Z' },
  { label: 'malformed date', value: 'not-a-date' },
  { label: 'true', value: true },
  { label: 'false', value: false },
  { label: 'enumeration value', value: 'direct' },
  { label: 'NUL byte', value: 'a\u0000b' },
  { label: 'null', value: null },
  { label: 'empty list', value: [] },
  { label: 'list of 1', value: ['x'] },
  { label: 'list of 2', value: ['a', 'b'] },
  { label: 'list of 3', value: ['a', 'b', 'c'] },
  { label: 'list of 2 numbers', value: [1, 2] },
  { label: 'list of 3 numbers', value: [1, 2, 3] },
  { label: 'list of 2 dates', value: ['2024-01-01', '2026-12-31'] },
  { label: 'nested object', value: { x: 'a' } },
  { label: 'nested operator', value: { $eq: 'a' } },
];

export interface FilterCase {
  type: TestType;
  /** The attribute path inside `filters`, e.g. ['people', 'id'] or ['position']. */
  path: string[];
  attribute: TestAttribute;
  operator: (typeof WHERE_OPERATORS)[number];
  shape: string;
  value: Json;
}

/** The attribute paths filters can name on a type: scalars, relations themselves (their id), and into components. */
export function filterPaths(type: TestType): Array<{ path: string[]; attribute: TestAttribute }> {
  const paths: Array<{ path: string[]; attribute: TestAttribute }> = [];
  for (const attribute of filterableAttributes(type)) {
    if (attribute.type === 'component') {
      const inner = TEST_COMPONENTS[attribute.target ?? ''] ?? [];
      for (const child of inner) paths.push({ path: [attribute.name, child.name], attribute: child });
    } else {
      paths.push({ path: [attribute.name], attribute });
    }
  }
  return paths;
}

export function allFilterCases(): FilterCase[] {
  const cases: FilterCase[] = [];
  for (const type of TEST_TYPES) {
    for (const { path, attribute } of filterPaths(type)) {
      for (const operator of WHERE_OPERATORS) {
        for (const { label, value } of VALUE_SHAPES) {
          const c: FilterCase = { type, path, attribute, operator, shape: label, value };
          // How fast-check prints a counterexample.
          Object.defineProperty(c, fc.toStringMethod, { value: () => `${type.pluralName} ${restParameter(c)} = ${label}`, enumerable: false });
          cases.push(c);
        }
      }
    }
  }
  return cases;
}

const setPath = (path: string[], leaf: Json): Json => path.reduceRight<Json>((inner, key) => ({ [key]: inner }), leaf);

/** GraphQL spells operators without the dollar sign, at every level. */
export function toGraphqlFilter(value: Json): Json {
  if (Array.isArray(value)) return value.map(toGraphqlFilter);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.startsWith('$') ? k.slice(1) : k, toGraphqlFilter(v)]));
  }
  return value;
}

export function filtersOf(c: FilterCase): Json {
  return setPath(c.path, { [c.operator]: c.value });
}

/** The REST query string, as qs (Strapi's parser) writes it: `filters[a][$op][0]=…`. */
export function restFilterQuery(c: FilterCase, extra: Record<string, Json> = {}): string {
  return qs.stringify({ filters: filtersOf(c), ...extra }, { encodeValuesOnly: true, strictNullHandling: true });
}

/** The parameter a refusal must name, REST style (`filters[position][$eq]`) and GraphQL style (`filters.position.eq`). */
export function restParameter(c: FilterCase): string {
  return `filters${[...c.path, c.operator].map((p) => `[${p}]`).join('')}`;
}

export function graphqlParameter(c: FilterCase): string {
  return ['filters', ...c.path, c.operator.slice(1)].join('.');
}

/** A list query over GraphQL with the filter as a variable, as frontends send it. */
export function graphqlFilterRequest(c: FilterCase): { query: string; variables: Record<string, Json> } {
  return {
    query: `query Sweep($filters: ${c.type.graphqlType}FiltersInput) { ${c.type.pluralName}(filters: $filters) { documentId } }`,
    variables: { filters: toGraphqlFilter(filtersOf(c)) },
  };
}
