import { targetOf, type Field, type Model, type Models, type ScalarField } from './model';
import { ATTRIBUTE_OPERATORS, isOperatorKey, LOGICAL_OPERATORS, MAX_LIST_VALUES, type OperatorRule } from './operators';
import { expected, MAX_REPORTED_PROBLEMS, problem, type Problem, type Segment } from './problems';
import { INT32, JSON_KINDS, textProblem, valueProblem } from './values';

/**
 * Checks the read parameters of a request against the models, before any query
 * runs: filters, sort, fields, populate (with their nested filters, sort, fields and
 * populate), pagination, status and locale. It accepts every form Strapi documents
 * and reads correctly, and refuses, naming the parameter, what Strapi would turn
 * into a database error, a silent no-op or a silently different question.
 *
 * REST and GraphQL share it: a `Dialect` says how each spells operators (`$eq` in a
 * query string, `eq` in a GraphQL filter input).
 */
export interface Dialect {
  /** The operator a key names (`$eq`), or null when the key names a field. */
  operator(key: string): string | null;
  /** How the client spells an operator: `$null` in a query string, `null` in GraphQL. */
  spell(operator: string): string;
}

export const REST_DIALECT: Dialect = { operator: (key) => (key.startsWith('$') ? key : null), spell: (operator) => operator };
export const GRAPHQL_DIALECT: Dialect = {
  operator: (key) => (isOperatorKey(`$${key}`) ? `$${key}` : null),
  spell: (operator) => operator.slice(1),
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** qs stops at 20 levels; GraphQL at the depth limit. This keeps a hand-built object from recursing further. */
const MAX_NESTING = 24;
const ID_FIELD: ScalarField = { name: 'id', kind: 'integer', hidden: false, writable: false };
const BOOLEAN_WORDS = new Set<unknown>([true, false, 'true', 'false', 't', 'f', '1', '0', 1, 0]);
const KIND_NAMES: Record<string, string> = {
  integer: 'an integer',
  biginteger: 'an integer',
  decimal: 'a number',
  float: 'a number',
  date: 'a date',
  datetime: 'a datetime',
  time: 'a time',
  boolean: 'a boolean',
  enumeration: 'an enumeration',
  json: 'a JSON field',
  blocks: 'a blocks field',
};
const kindName = (field: Field) => KIND_NAMES[field.kind] ?? (field.kind === 'relation' || field.kind === 'media' ? 'a relation' : 'text');

class Collector {
  readonly problems: Problem[] = [];
  constructor(
    readonly models: Models,
    readonly dialect: Dialect,
  ) {}

  add(found: Problem): void {
    if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push(found);
  }

  get full(): boolean {
    return this.problems.length >= MAX_REPORTED_PROBLEMS;
  }
}

/** A field a client may name: known to the model and not private. */
function visibleField(model: Model, key: string): Field | undefined {
  const field = model.fields.get(key);
  return field && !field.hidden ? field : undefined;
}

const unknownField = (model: Model, path: Segment[], key: string) => problem(path, `"${key}" is not a field of ${model.displayName}`);
const onlyNullChecks = (c: Collector) => `only ${c.dialect.spell('$null')} and ${c.dialect.spell('$notNull')} apply`;

// ---------------------------------------------------------------------------------------------
// filters

function filterObject(c: Collector, model: Model, value: unknown, path: Segment[], depth: number): void {
  if (c.full) return;
  if (depth > MAX_NESTING) return c.add(problem(path, 'filters are nested too deeply'));
  // A bare list of filter objects breaks Strapi's query layer (the locale and status it adds are spread into it).
  if (Array.isArray(value)) return c.add(expected(path, `an object of conditions on the fields of ${model.displayName} (combine several with $and)`, value));
  if (!isObject(value)) return c.add(expected(path, `an object of conditions on the fields of ${model.displayName}`, value));
  for (const [key, inner] of Object.entries(value)) {
    const at = [...path, key];
    const operator = c.dialect.operator(key);
    if (operator === '$and' || operator === '$or') {
      if (!Array.isArray(inner)) c.add(expected(at, 'a list of filter objects', inner));
      else inner.forEach((item, i) => filterObject(c, model, item, [...at, i], depth + 1));
    } else if (operator === '$not') {
      filterObject(c, model, inner, at, depth + 1);
    } else if (operator !== null) {
      c.add(
        isOperatorKey(operator)
          ? problem(at, `${key} needs a field to apply to; only ${['$and', '$or', '$not'].map(c.dialect.spell).join(', ')} combine whole filters`)
          : problem(at, `unknown operator ${key}`),
      );
    } else {
      const field = visibleField(model, key);
      if (!field) c.add(unknownField(model, at, key));
      else fieldFilter(c, field, inner, at, depth + 1);
    }
  }
}

function fieldFilter(c: Collector, field: Field, value: unknown, path: Segment[], depth: number): void {
  switch (field.kind) {
    case 'dynamiczone':
      return c.add(problem(path, `${field.name} is a dynamic zone, which cannot be filtered`));
    case 'relation':
    case 'media':
    case 'component': {
      if (field.kind === 'relation' && (field.morph || field.virtual)) return c.add(problem(path, `${field.name} cannot be filtered`));
      const target = targetOf(c.models, field);
      if (!target) return c.add(problem(path, `${field.name} cannot be filtered`));
      return relationFilter(c, target, value, path, depth);
    }
    default:
      return attributeCondition(c, field, value, path, depth);
  }
}

/**
 * On a relation (or component, or media field) Strapi takes either conditions on the
 * related document's fields, or one operator, which then applies to its id.
 */
function relationFilter(c: Collector, target: Model, value: unknown, path: Segment[], depth: number): void {
  if (!isObject(value)) return attributeCondition(c, ID_FIELD, value, path, depth);
  const keys = Object.keys(value);
  const operators = keys.filter((key) => c.dialect.operator(key) !== null);
  if (operators.length === 0) return filterObject(c, target, value, path, depth);
  if (operators.length !== keys.length) {
    return c.add(problem(path, `a relation takes either conditions on ${target.displayName}'s fields or one operator on its id, not both`));
  }
  if (operators.length > 1) return c.add(problem(path, `a relation takes one operator at a time; combine several with $and`));
  const operator = c.dialect.operator(operators[0]!);
  if (operator === '$and' || operator === '$or') return filterObject(c, target, value, path, depth);
  return attributeCondition(c, ID_FIELD, value, path, depth);
}

/** What Strapi accepts at an attribute: an operator object, a list (any of), null (is null) or a value (equals). */
function attributeCondition(c: Collector, field: ScalarField, value: unknown, path: Segment[], depth: number): void {
  if (c.full) return;
  if (depth > MAX_NESTING) return c.add(problem(path, 'filters are nested too deeply'));
  if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) operatorCondition(c, field, key, inner, [...path, key], depth + 1);
    return;
  }
  if (value === null) return;
  if (JSON_KINDS.has(field.kind)) return c.add(problem(path, `${field.name} is ${kindName(field)}: ${onlyNullChecks(c)}`));
  if (Array.isArray(value)) return listOfValues(c, field, value, path);
  checkValue(c, field, value, path);
}

function operatorCondition(c: Collector, field: ScalarField, key: string, value: unknown, path: Segment[], depth: number): void {
  const operator = c.dialect.operator(key) ?? key;
  const rule: OperatorRule | undefined = ATTRIBUTE_OPERATORS[operator];
  if (!rule) {
    if (LOGICAL_OPERATORS.has(operator))
      return c.add(problem(path, `${key} combines whole filters; on a field use its operators, or ${c.dialect.spell('$not')}`));
    return c.add(problem(path, `unknown operator ${key}`));
  }
  if (!rule.appliesTo(field.kind)) {
    const hint = JSON_KINDS.has(field.kind) ? `; ${onlyNullChecks(c)}` : '';
    return c.add(problem(path, `${key} applies to ${rule.scope}; ${field.name} is ${kindName(field)}${hint}`));
  }
  switch (rule.value) {
    case 'nested':
      if (!isObject(value)) return c.add(expected(path, 'an object of conditions', value));
      return attributeCondition(c, field, value, path, depth);
    case 'boolean':
      return BOOLEAN_WORDS.has(value) ? undefined : c.add(expected(path, 'true or false', value));
    case 'pair':
      if (!Array.isArray(value) || value.length !== 2) return c.add(expected(path, 'exactly 2 values', value));
      return value.forEach((item, i) => checkValue(c, field, item, [...path, i]));
    case 'list':
      if (Array.isArray(value)) return listOfValues(c, field, value, path);
      // A single value is a list of one, as Strapi reads `$in=x`.
      if (value === null || isObject(value)) return c.add(expected(path, 'a non-empty list of values', value));
      return checkValue(c, field, value, path);
    case 'one':
      if (value === null) {
        return operator === '$eq' || operator === '$ne' ? undefined : c.add(expected(path, `a value for ${key}`, value));
      }
      if (Array.isArray(value)) return listOfValues(c, field, value, path);
      if (isObject(value)) return c.add(expected(path, `a value for ${key}`, value));
      return checkValue(c, field, value, path, operator);
  }
}

function listOfValues(c: Collector, field: ScalarField, values: unknown[], path: Segment[]): void {
  if (values.length === 0) return c.add(expected(path, 'a non-empty list of values', values));
  if (values.length > MAX_LIST_VALUES) return c.add(expected(path, `at most ${MAX_LIST_VALUES} values`, values));
  values.forEach((item, i) => checkValue(c, field, item, [...path, i]));
}

const TEXT_OPERATORS = new Set([
  '$eqi',
  '$nei',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
]);

function checkValue(c: Collector, field: ScalarField, value: unknown, path: Segment[], operator?: string): void {
  if (value === null || typeof value === 'object') return c.add(expected(path, 'a single value', value));
  if (operator && TEXT_OPERATORS.has(operator)) {
    const text = typeof value === 'string' ? textProblem(value) : 'text';
    if (text) c.add(expected(path, text, value));
    return;
  }
  const wrong = valueProblem(field, value, 'filter');
  if (wrong) c.add(expected(path, wrong, value));
}

// ---------------------------------------------------------------------------------------------
// sort

const ORDERS = new Set(['asc', 'desc']);
const isScalar = (field: Field): field is ScalarField =>
  field.kind !== 'relation' && field.kind !== 'media' && field.kind !== 'component' && field.kind !== 'dynamiczone';
const isSortable = (field: Field) => isScalar(field) && !JSON_KINDS.has(field.kind);
const isTraversable = (field: Field) => (field.kind === 'relation' && !field.morph && !field.virtual) || field.kind === 'media' || field.kind === 'component';

/** Resolves `people.name` to a sortable field, reporting the first segment that does not lead there. */
function sortField(c: Collector, model: Model, names: string[], path: Segment[]): void {
  let current: Model | undefined = model;
  for (const [i, name] of names.entries()) {
    const last = i === names.length - 1;
    if (!current) return;
    // Strapi's virtual sort key on draft-and-publish types.
    if (last && name === 'status' && current.draftAndPublish) return;
    const field = visibleField(current, name);
    if (!field) return c.add(unknownField(current, path, name));
    if (last) {
      if (!isSortable(field)) {
        return c.add(
          problem(
            path,
            isTraversable(field) ? `sort by a field of ${name}, as in ${name}.<field>:asc` : `${name} is ${kindName(field)}, which cannot be sorted`,
          ),
        );
      }
      return;
    }
    if (!isTraversable(field)) return c.add(problem(path, `${name} has no fields to sort by`));
    current = targetOf(c.models, field);
  }
}

function sortString(c: Collector, model: Model, text: string, path: Segment[]): void {
  for (const segment of text.split(',').map((s) => s.trim())) {
    if (segment === '') continue;
    const [field = '', order = 'asc', ...extra] = segment.split(':').map((s) => s.trim());
    if (field === '') continue;
    if (extra.length > 0 || !ORDERS.has(order.toLowerCase())) {
      c.add(expected(path, `field:asc or field:desc in "${segment}"`, order));
      continue;
    }
    sortField(c, model, field.split('.'), path);
  }
}

function sortObject(c: Collector, model: Model, value: Json, path: Segment[], depth: number): void {
  if (depth > MAX_NESTING) return c.add(problem(path, 'sort is nested too deeply'));
  for (const [key, inner] of Object.entries(value)) {
    const at = [...path, key];
    if (typeof inner === 'string') {
      // An empty order is no sort (Strapi drops it), but only on a field that could be sorted.
      if (inner.trim() !== '' && !ORDERS.has(inner.trim().toLowerCase())) c.add(expected(at, 'asc or desc', inner));
      else sortField(c, model, [key], at);
    } else if (isObject(inner)) {
      const field = visibleField(model, key);
      if (!field) c.add(unknownField(model, at, key));
      else if (!isTraversable(field)) c.add(problem(at, `${key} has no fields to sort by`));
      else {
        const target = targetOf(c.models, field);
        if (target) sortObject(c, target, inner, at, depth + 1);
      }
    } else {
      c.add(expected(at, 'asc or desc', inner));
    }
  }
}

function sortParameter(c: Collector, model: Model, value: unknown, path: Segment[]): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string') return sortString(c, model, value, path);
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (item === null) return;
      if (typeof item === 'string') sortString(c, model, item, [...path, i]);
      else if (isObject(item)) sortObject(c, model, item, [...path, i], 1);
      else c.add(expected([...path, i], 'a field to sort by, such as title:asc', item));
    });
    return;
  }
  if (isObject(value)) return sortObject(c, model, value, path, 1);
  c.add(expected(path, 'a field to sort by, such as title:asc', value));
}

// ---------------------------------------------------------------------------------------------
// fields and populate

function fieldsParameter(c: Collector, model: Model, value: unknown, path: Segment[]): void {
  if (value === '*') return;
  const names = typeof value === 'string' ? [{ text: value, at: path }] : Array.isArray(value) ? value.map((text, i) => ({ text, at: [...path, i] })) : null;
  if (!names) return c.add(expected(path, 'field names, as fields=title,slug or fields[0]=title', value));
  for (const { text, at } of names) {
    if (typeof text !== 'string') {
      c.add(expected(at, 'a field name', text));
      continue;
    }
    for (const name of text.split(',').map((s) => s.trim())) {
      const field = visibleField(model, name);
      if (!field) c.add(name === '' ? expected(at, 'a field name', name) : unknownField(model, at, name));
      else if (!isScalar(field)) c.add(problem(at, `${name} is not a plain field; use populate for relations, media and components`));
    }
  }
}

const isPopulatable = (field: Field) => !isScalar(field);

/** The field `name` names, when it can be populated; otherwise the problem is reported. */
function populatableField(c: Collector, model: Model, name: string, path: Segment[]): Field | undefined {
  const field = visibleField(model, name);
  if (!field) c.add(unknownField(model, path, name));
  else if (!isPopulatable(field)) c.add(problem(path, `${name} is not a relation, media or component field, so there is nothing to populate`));
  else return field;
  return undefined;
}
const NESTED_POPULATE_KEYS = new Set(['populate', 'fields', 'filters', 'sort', 'count', 'ordering', 'page', 'pageSize', 'start', 'limit']);

function populatePaths(c: Collector, model: Model, text: string, path: Segment[]): void {
  // Strapi drops empty segments (`populate=people,`), but not an empty whole.
  if (text.trim() === '') return c.add(expected(path, 'a field to populate', text));
  for (const dotted of text.split(',').map((s) => s.trim())) {
    if (dotted === '') continue;
    let current: Model | undefined = model;
    for (const name of dotted.split('.')) {
      if (!current) {
        c.add(problem(path, `"${dotted}" goes past a field that has nothing to populate`));
        break;
      }
      const field = populatableField(c, current, name, path);
      if (!field) break;
      current = field.kind === 'dynamiczone' || field.kind === 'media' ? undefined : targetOf(c.models, field);
    }
  }
}

function populateParameter(c: Collector, model: Model, value: unknown, path: Segment[], depth: number): void {
  if (c.full) return;
  if (depth > MAX_NESTING) return c.add(problem(path, 'populate is nested too deeply'));
  if (value === '*' || value === true) return;
  if (typeof value === 'string') return populatePaths(c, model, value, path);
  if (Array.isArray(value)) {
    value.forEach((item, i) =>
      typeof item === 'string' ? populatePaths(c, model, item, [...path, i]) : c.add(expected([...path, i], 'a field to populate', item)),
    );
    return;
  }
  if (!isObject(value)) return c.add(expected(path, "'*', field names or an object of fields to populate", value));
  for (const [key, inner] of Object.entries(value)) {
    const at = [...path, key];
    const field = populatableField(c, model, key, at);
    if (!field) continue;
    if (inner === '*' || BOOLEAN_WORDS.has(inner)) continue;
    if (!isObject(inner)) {
      c.add(expected(at, "true, '*' or an object such as { fields, filters, sort, populate }", inner));
      continue;
    }
    const polymorphic = field.kind === 'dynamiczone' || (field.kind === 'relation' && field.morph);
    if (polymorphic) {
      dynamicPopulate(c, inner, at, depth);
      continue;
    }
    const target = targetOf(c.models, field);
    if (target) nestedPopulate(c, target, inner, at, depth + 1);
  }
}

/** Dynamic zones and morph relations take `on` (per component), `populate: '*'` or `count`. */
function dynamicPopulate(c: Collector, value: Json, path: Segment[], depth: number): void {
  for (const [key, inner] of Object.entries(value)) {
    const at = [...path, key];
    if (key === 'populate') {
      if (inner !== '*') c.add(expected(at, "'*' (a dynamic zone populates all or per component with `on`)", inner));
    } else if (key === 'count') {
      if (!BOOLEAN_WORDS.has(inner)) c.add(expected(at, 'true or false', inner));
    } else if (key === 'on') {
      if (!isObject(inner)) {
        c.add(expected(at, 'an object keyed by component', inner));
        continue;
      }
      for (const [component, query] of Object.entries(inner)) {
        const target = c.models.get(component);
        if (!target) c.add(problem([...at, component], `"${component}" is not a component`));
        else if (query === true || query === '*' || BOOLEAN_WORDS.has(query)) continue;
        else if (!isObject(query)) c.add(expected([...at, component], 'an object such as { fields, populate }', query));
        else nestedPopulate(c, target, query, [...at, component], depth + 1);
      }
    } else {
      c.add(problem(at, `"${key}" is not a populate option here; use on, populate or count`));
    }
  }
}

function nestedPopulate(c: Collector, target: Model, value: Json, path: Segment[], depth: number): void {
  for (const [key, inner] of Object.entries(value)) {
    const at = [...path, key];
    if (!NESTED_POPULATE_KEYS.has(key)) {
      c.add(
        problem(
          at,
          key === 'on'
            ? '"on" only applies to dynamic zones and polymorphic relations'
            : `"${key}" is not a populate option; use ${[...NESTED_POPULATE_KEYS].join(', ')}`,
        ),
      );
      continue;
    }
    if (key === 'populate') populateParameter(c, target, inner, at, depth + 1);
    else if (key === 'fields') fieldsParameter(c, target, inner, at);
    else if (key === 'filters') filterObject(c, target, inner, at, depth + 1);
    else if (key === 'sort') sortParameter(c, target, inner, at);
    else if (key === 'count') {
      if (!BOOLEAN_WORDS.has(inner)) c.add(expected(at, 'true or false', inner));
    } else if (key === 'ordering') {
      if (typeof inner !== 'string' || !ORDERS.has(inner.toLowerCase())) c.add(expected(at, 'asc or desc', inner));
    }
  }
  paginationValues(c, value, path);
}

// ---------------------------------------------------------------------------------------------
// pagination, status, locale

const PAGINATION_RULES: Record<string, { min: number; what: string }> = {
  page: { min: 1, what: `an integer from 1 to ${INT32.max}` },
  pageSize: { min: 1, what: `an integer from 1 to ${INT32.max}` },
  start: { min: 0, what: `an integer from 0 to ${INT32.max}` },
  // -1 is Strapi's "as many as allowed".
  limit: { min: -1, what: `-1 or an integer from 0 to ${INT32.max}` },
};

function paginationValues(c: Collector, value: Json, path: Segment[]): void {
  for (const [key, rule] of Object.entries(PAGINATION_RULES)) {
    if (!(key in value) || value[key] === undefined || value[key] === null) continue;
    const raw = value[key];
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isInteger(n) || n < rule.min || n > INT32.max) c.add(expected([...path, key], rule.what, raw));
  }
  const present = (key: string) => value[key] !== undefined && value[key] !== null;
  if ((present('page') || present('pageSize')) && (present('start') || present('limit'))) {
    c.add(problem([...path, present('start') ? 'start' : 'limit'], 'use either page and pageSize, or start and limit, not both'));
  }
}

function paginationParameter(c: Collector, value: unknown, path: Segment[]): void {
  if (!isObject(value)) return c.add(expected(path, 'an object such as pagination[page]=1&pagination[pageSize]=25', value));
  for (const key of Object.keys(value)) {
    if (!(key in PAGINATION_RULES) && key !== 'withCount')
      c.add(problem([...path, key], `"${key}" is not a pagination parameter; use page, pageSize, start, limit or withCount`));
  }
  if ('withCount' in value && !BOOLEAN_WORDS.has(value.withCount)) c.add(expected([...path, 'withCount'], 'true or false', value.withCount));
  paginationValues(c, value, path);
}

export interface QueryOptions {
  /** GraphQL types status and locale itself; REST leaves them to this check. */
  checkStatusAndLocale: boolean;
}

/** The problems with a read query for `uid`, in the order met; empty when it may run. */
export function queryProblems(models: Models, dialect: Dialect, uid: string, query: Json, options: QueryOptions): Problem[] {
  const model = models.get(uid);
  if (!model) return [];
  const c = new Collector(models, dialect);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (key === 'filters') {
      if (value !== null) filterObject(c, model, value, ['filters'], 0);
    } else if (key === 'sort') sortParameter(c, model, value, ['sort']);
    else if (key === 'fields') fieldsParameter(c, model, value, ['fields']);
    else if (key === 'populate') populateParameter(c, model, value, ['populate'], 0);
    else if (key === 'pagination') {
      if (value !== null) paginationParameter(c, value, ['pagination']);
    } else if (key === '_q') {
      const text = typeof value === 'string' ? textProblem(value) : 'text';
      if (text) c.add(expected(['_q'], text, value));
    } else if (options.checkStatusAndLocale && key === 'status') {
      if (value !== 'draft' && value !== 'published') c.add(expected(['status'], '"draft" or "published"', value));
    } else if (options.checkStatusAndLocale && key === 'locale') {
      if (typeof value !== 'string') c.add(expected(['locale'], 'one locale code', value));
    }
  }
  // Top-level page, pageSize, start and limit are Strapi's older spelling of pagination.
  paginationValues(c, query, []);
  return c.problems;
}
