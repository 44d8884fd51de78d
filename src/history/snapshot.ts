import { isDeepStrictEqual } from 'node:util';
import { COMPONENTS, CONTENT_TYPES, type ContentTypeUid } from '../content-types';

/**
 * What a revision keeps of a document in one locale: every attribute an editor
 * writes, as plain JSON (relations as documentIds, media as file ids, components
 * without their row ids), so two revisions compare value for value and a snapshot
 * can be written back. Not kept: ids, timestamps, the locale and status columns,
 * private attributes (derived bookkeeping such as translationGaps), and the inverse
 * side of a relation (below).
 */
export type Snapshot = Record<string, unknown>;

type Attribute = Record<string, unknown> & { type: string };
type Row = Record<string, unknown>;

interface Field {
  name: string;
  attribute: Attribute;
}

/**
 * Relations whose other side owns the link are left out: an article's quotes are
 * each quote's own (quote.article), recorded in the quote's history, and a restore of
 * the article must not move them.
 */
const fieldsOf = (attributes: Record<string, Attribute>): Field[] =>
  Object.entries(attributes)
    .filter(([, attribute]) => attribute.private !== true && attribute.mappedBy === undefined)
    .map(([name, attribute]) => ({ name, attribute }));

const FIELDS = Object.fromEntries(
  Object.entries(CONTENT_TYPES).map(([uid, schema]) => [uid, fieldsOf(schema.attributes as Record<string, Attribute>)]),
) as Record<ContentTypeUid, Field[]>;

const COMPONENT_FIELDS: Record<string, Field[]> = Object.fromEntries(
  Object.entries(COMPONENTS).map(([uid, schema]) => [uid, fieldsOf(schema.attributes as Record<string, Attribute>)]),
);

/** The attribute names a snapshot of this type holds, in schema order. */
export const snapshotFields = (uid: ContentTypeUid): string[] => FIELDS[uid].map((f) => f.name);

/** The populate a row needs for snapshotOf(): relations' documentIds, media ids, components whole. */
export function snapshotPopulate(uid: ContentTypeUid): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const { name, attribute } of FIELDS[uid]) {
    if (attribute.type === 'relation') populate[name] = { select: ['documentId'] };
    else if (attribute.type === 'media') populate[name] = { select: ['id'] };
    else if (attribute.type === 'component') populate[name] = true;
  }
  return populate;
}

/** Components only: for a row whose links were read already (the write pipeline's rows). */
export function componentPopulate(uid: ContentTypeUid): Record<string, true> {
  return Object.fromEntries(FIELDS[uid].filter(({ attribute }) => attribute.type === 'component').map(({ name }) => [name, true]));
}

/** The names of the relation and media attributes a snapshot holds. */
export const linkFields = (uid: ContentTypeUid): string[] =>
  FIELDS[uid].filter(({ attribute }) => attribute.type === 'relation' || attribute.type === 'media').map(({ name }) => name);

const isMany = (attribute: Attribute) =>
  attribute.type === 'relation' ? String(attribute.relation).endsWith('Many') : attribute.multiple === true || attribute.repeatable === true;

function scalar(attribute: Attribute, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (attribute.type === 'datetime') return new Date(value as string | number | Date).toISOString();
  if (attribute.type === 'decimal' || attribute.type === 'float') return Number(value);
  if (attribute.type === 'boolean') return Boolean(value);
  return value;
}

function componentValue(uid: string, value: unknown): Snapshot | null {
  if (value === null || typeof value !== 'object') return null;
  const row = value as Row;
  return Object.fromEntries((COMPONENT_FIELDS[uid] ?? []).map(({ name, attribute }) => [name, scalar(attribute, row[name])]));
}

function fieldValue({ attribute }: Field, value: unknown): unknown {
  const many = isMany(attribute);
  const one = (item: unknown): unknown => {
    if (item === null || typeof item !== 'object') return null;
    if (attribute.type === 'relation') return (item as Row).documentId ?? null;
    if (attribute.type === 'media') return (item as Row).id ?? null;
    return componentValue(String(attribute.component), item);
  };
  if (['relation', 'media', 'component'].includes(attribute.type)) {
    if (many) return Array.isArray(value) ? value.map(one).filter((v) => v !== null) : [];
    return one(value);
  }
  return scalar(attribute, value);
}

/** A stored row (populated with snapshotPopulate()) as a snapshot. */
export function snapshotOf(uid: ContentTypeUid, row: Row): Snapshot {
  return Object.fromEntries(FIELDS[uid].map((field) => [field.name, fieldValue(field, row[field.name])]));
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * The attributes whose values differ between two snapshots, in schema order. Against
 * nothing (a document's first revision, or its deletion) every attribute that holds a
 * value has changed.
 */
export function changedFields(uid: ContentTypeUid, previous: Snapshot | null, next: Snapshot | null): string[] {
  return snapshotFields(uid).filter((name) => {
    if (!previous) return next !== null && !isEmpty(next[name]);
    if (!next) return !isEmpty(previous[name]);
    return !isDeepStrictEqual(previous[name] ?? null, next[name] ?? null);
  });
}

/** The relation and media attributes of a type, with their targets, for checking what a restore can link to. */
export function linksOf(uid: ContentTypeUid): Array<{ name: string; kind: 'relation' | 'media'; target: string; many: boolean }> {
  return FIELDS[uid]
    .filter(({ attribute }) => attribute.type === 'relation' || attribute.type === 'media')
    .map(({ name, attribute }) => ({
      name,
      kind: attribute.type as 'relation' | 'media',
      target: attribute.type === 'relation' ? String(attribute.target) : 'plugin::upload.file',
      many: isMany(attribute),
    }));
}
