import { blocksProblems, jsonShapeProblems, storableJsonProblems } from './json-values';
import { VARCHAR_COLUMN_LENGTH, type Field, type MediaField, type Model, type Models, type RelationField } from './model';
import { expected, MAX_REPORTED_PROBLEMS, problem, type Problem, type Segment } from './problems';
import { INT32, textProblem, valueProblem } from './values';

/**
 * Write bodies, checked against the attribute types before Strapi sees them. Two
 * checks with two homes:
 * - writeValueProblems: every value has its attribute's type, range and shape. It runs
 *   on every write path (REST, GraphQL, the admin panel, scripts), in the Document
 *   Service.
 * - droppedKeyProblems: keys the content API would accept and then silently ignore
 *   (a `locale` or `publishedAt` in the data, private fields, unknown keys in a
 *   relation reference). It runs where clients send JSON (REST); GraphQL's input
 *   types already refuse unknown keys.
 */

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Keys the Content Manager puts on component entries and strips itself. */
const COMPONENT_BOOKKEEPING = new Set(['id', '__component', '__temp_key__']);

function fieldValue(models: Models, model: Model, field: Field, value: unknown, path: Segment[], out: Problem[]): void {
  if (value === undefined || value === null) return;
  switch (field.kind) {
    case 'json': {
      const unstorable = storableJsonProblems(value, path);
      out.push(...(unstorable.length > 0 ? unstorable : jsonShapeProblems(model.uid, field.name, value, path)));
      return;
    }
    case 'blocks': {
      const wrong = blocksProblems(value, path);
      out.push(...(wrong.length > 0 ? wrong : storableJsonProblems(value, path)));
      return;
    }
    case 'component': {
      const component = models.get(field.component);
      if (!component) return;
      if (field.repeatable) {
        if (!Array.isArray(value)) return void out.push(expected(path, `a list of ${component.displayName} entries`, value));
        value.forEach((entry, i) => componentEntry(models, component, entry, [...path, i], out));
      } else {
        componentEntry(models, component, value, path, out);
      }
      return;
    }
    case 'dynamiczone':
      if (!Array.isArray(value)) return void out.push(expected(path, 'a list of component entries', value));
      value.forEach((entry, i) => {
        const uid = isObject(entry) ? entry.__component : undefined;
        const component = typeof uid === 'string' && field.components.includes(uid) ? models.get(uid) : undefined;
        if (!component) out.push(expected([...path, i, '__component'], `one of ${field.components.join(', ')}`, uid));
        else componentEntry(models, component, entry, [...path, i], out);
      });
      return;
    case 'relation':
    case 'media':
      relationValue(field, value, path, out);
      return;
    default: {
      const wrong = valueProblem(field, value, 'write');
      if (wrong) out.push(expected(path, wrong, value));
    }
  }
}

function componentEntry(models: Models, component: Model, entry: unknown, path: Segment[], out: Problem[]): void {
  if (!isObject(entry)) return void out.push(expected(path, `a ${component.displayName} entry (an object)`, entry));
  for (const [key, value] of Object.entries(entry)) {
    if (COMPONENT_BOOKKEEPING.has(key)) continue;
    const field = component.fields.get(key);
    if (field) fieldValue(models, component, field, value, [...path, key], out);
  }
}

// ---------------------------------------------------------------------------------------------
// relations: documentId, id, { documentId, locale, status, position } or { connect, disconnect, set }

const REFERENCE_KEYS = new Set(['documentId', 'id', 'locale', 'status', 'position']);
const POSITION_KEYS = new Set(['before', 'after', 'start', 'end', 'locale', 'status']);
const OPERATION_KEYS = ['connect', 'disconnect', 'set'] as const;

const isReferenceObject = (value: Json) => 'documentId' in value || 'id' in value;
/** Row ids are PostgreSQL integers. */
const isRowId = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= INT32.max;

const BY_DOCUMENT_ID = 'a documentId (a row id names one version in one locale, so documents are linked by documentId)';

/**
 * A related document: by documentId, or for files also by row id. Strapi reads any
 * text that parseInt accepts as a row id, so text starting with a digit is one.
 */
function reference(value: unknown, path: Segment[], out: Problem[], filesById: boolean): void {
  const byId = filesById ? `a documentId or a file id from 1 to ${INT32.max}` : BY_DOCUMENT_ID;
  if (typeof value === 'string') {
    const text = textProblem(value);
    if (value.trim() === '' || value.length > VARCHAR_COLUMN_LENGTH) out.push(expected(path, 'a documentId', value));
    else if (text) out.push(expected(path, `a documentId (${text})`, value));
    else if (!Number.isNaN(Number.parseInt(value, 10)) && !(filesById && /^\d+$/.test(value) && isRowId(Number(value)))) out.push(expected(path, byId, value));
    return;
  }
  if (typeof value === 'number') {
    if (!filesById || !isRowId(value)) out.push(expected(path, byId, value));
    return;
  }
  if (!isObject(value) || !isReferenceObject(value)) return void out.push(expected(path, 'a documentId, or { documentId, locale, status, position }', value));
  if ('documentId' in value) {
    if (typeof value.documentId !== 'string') out.push(expected([...path, 'documentId'], 'a documentId', value.documentId));
    else reference(value.documentId, [...path, 'documentId'], out, false);
  } else if (!filesById || !isRowId(value.id)) {
    // With a documentId Strapi ignores the id (the admin panel sends both); alone it names a row.
    out.push(expected([...path, 'id'], byId, value.id));
  }
  if ('locale' in value && value.locale !== null && typeof value.locale !== 'string') out.push(expected([...path, 'locale'], 'a locale code', value.locale));
  if ('status' in value && value.status !== 'draft' && value.status !== 'published')
    out.push(expected([...path, 'status'], '"draft" or "published"', value.status));
  if ('position' in value && value.position !== undefined && !isObject(value.position))
    out.push(expected([...path, 'position'], '{ before | after: documentId } or { start | end: true }', value.position));
}

function references(value: unknown, path: Segment[], out: Problem[], filesById: boolean): void {
  if (Array.isArray(value)) value.forEach((item, i) => reference(item, [...path, i], out, filesById));
  else reference(value, path, out, filesById);
}

function relationValue(field: RelationField | MediaField, value: unknown, path: Segment[], out: Problem[]): void {
  const filesById = field.kind === 'media';
  if (Array.isArray(value)) {
    if (!field.many && value.length > 1) return void out.push(expected(path, `one related document (${field.name} holds one)`, value));
    return references(value, path, out, filesById);
  }
  if (isObject(value) && !isReferenceObject(value)) {
    const operations = OPERATION_KEYS.filter((key) => key in value);
    if (operations.length === 0) return void out.push(expected(path, 'a documentId, a list of them, or { connect, disconnect, set }', value));
    if ('set' in value && operations.length > 1) out.push(problem(path, 'set replaces the whole relation; it cannot be combined with connect or disconnect'));
    for (const key of operations) if (value[key] !== undefined && value[key] !== null) references(value[key], [...path, key], out, filesById);
    return;
  }
  reference(value, path, out, filesById);
}

/** Type, range and shape problems with the values of a write. */
export function writeValueProblems(models: Models, uid: string, data: unknown): Problem[] {
  const model = models.get(uid);
  if (!model || !isObject(data)) return [];
  const out: Problem[] = [];
  for (const [key, value] of Object.entries(data)) {
    const field = model.fields.get(key);
    // Strapi sets the system fields itself (the admin panel passes createdBy and updatedBy as row ids);
    // a client cannot: the content API refuses them before this runs.
    if (field?.writable) fieldValue(models, model, field, value, ['data', key], out);
    if (out.length >= MAX_REPORTED_PROBLEMS) break;
  }
  return out.slice(0, MAX_REPORTED_PROBLEMS);
}

// ---------------------------------------------------------------------------------------------
// keys the content API would drop without a word

function strictReference(value: unknown, path: Segment[], out: Problem[]): void {
  if (!isObject(value)) return;
  for (const key of Object.keys(value))
    if (!REFERENCE_KEYS.has(key)) out.push(problem([...path, key], `"${key}" is not part of a relation reference; use documentId, locale, status or position`));
  if (isObject(value.position)) {
    for (const key of Object.keys(value.position))
      if (!POSITION_KEYS.has(key)) out.push(problem([...path, 'position', key], `"${key}" is not a position; use before, after, start or end`));
  }
}

function strictRelation(value: unknown, path: Segment[], out: Problem[]): void {
  const each = (items: unknown, at: Segment[]) =>
    Array.isArray(items) ? items.forEach((item, i) => strictReference(item, [...at, i], out)) : strictReference(items, at, out);
  if (isObject(value) && !isReferenceObject(value)) {
    for (const key of Object.keys(value)) {
      if ((OPERATION_KEYS as readonly string[]).includes(key)) each(value[key], [...path, key]);
      else out.push(problem([...path, key], `"${key}" is not a relation operation; use connect, disconnect or set`));
    }
  } else {
    each(value, path);
  }
}

export function droppedKeyProblems(models: Models, uid: string, data: unknown): Problem[] {
  const model = models.get(uid);
  if (!model || !isObject(data)) return [];
  const out: Problem[] = [];
  for (const [key, value] of Object.entries(data)) {
    const at = ['data', key];
    if (key === 'locale') out.push(problem(at, 'the locale of a write is the locale query parameter (?locale=en), not a field of data'));
    else if (key === 'publishedAt') out.push(problem(at, 'publishing is not a field: write with ?status=published (the default) or ?status=draft'));
    else {
      const field = model.fields.get(key);
      if (field?.hidden) out.push(problem(at, `"${key}" is not a field of ${model.displayName}`));
      else if (field && (field.kind === 'relation' || field.kind === 'media') && value !== null && value !== undefined) strictRelation(value, at, out);
    }
  }
  return out.slice(0, MAX_REPORTED_PROBLEMS);
}
