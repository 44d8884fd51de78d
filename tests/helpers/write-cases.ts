import type { Json } from './filter-cases';
import type { TestAttribute, TestType } from './schemas';

/**
 * Write bodies with one attribute set to a value from a pool of shapes, right and
 * wrong for every attribute kind, on top of a minimal valid document generated from
 * the schema's required attributes. tests/api/query-validation.test.ts sends them.
 */
export const WRITE_VALUES: Array<{ label: string; value: Json }> = [
  { label: 'text', value: 'x' },
  { label: 'empty string', value: '' },
  { label: 'enumeration value', value: 'direct' },
  { label: 'another enumeration value', value: 'news_agency' },
  { label: 'country code', value: 'IQ' },
  { label: 'url', value: 'https://example.org/a' },
  { label: 'integer', value: 3 },
  { label: 'zero', value: 0 },
  { label: 'negative', value: -1 },
  { label: 'fraction', value: 1.5 },
  { label: 'three decimals', value: 1.005 },
  { label: 'decimal', value: 2100.5 },
  { label: 'over a decimal column', value: 1e9 },
  { label: 'int32 overflow', value: 2147483648 },
  { label: 'integer as text', value: '3' },
  { label: 'true', value: true },
  { label: 'false', value: false },
  { label: 'null', value: null },
  { label: 'empty list', value: [] },
  { label: 'list of strings', value: ['a', 'b'] },
  { label: 'list of names', value: ['الأعرجي', 'Al-Araji'] },
  { label: 'list with a number', value: ['a', 1] },
  { label: 'empty object', value: {} },
  { label: 'object', value: { a: 1 } },
  { label: 'NUL byte', value: 'a\u0000b' },
  { label: 'over a varchar column', value: 'ع'.repeat(300) },
  { label: 'date', value: '2026-11-30' },
  { label: 'impossible date', value: '2026-02-30' },
  { label: 'datetime', value: '2026-11-30T10:00:00.000Z' },
  { label: 'blocks', value: [{ type: 'paragraph', children: [{ type: 'text', text: 'p' }] }] },
  { label: 'a single block', value: { type: 'paragraph', children: [{ type: 'text', text: 'p' }] } },
  { label: 'figures', value: [{ value: 5, label: 'l', qualifier: 'exact' }] },
  { label: 'figure with a text value', value: [{ value: '5', label: 'l', qualifier: 'exact' }] },
  { label: 'relation operations', value: { connect: ['missing-document'] } },
];

/** What a client may write: no system attribute, nothing private. */
export const writableAttributes = (type: TestType): TestAttribute[] => type.attributes.filter((a) => !a.system && !a.private);

/** A value the schema accepts for a required attribute; `marker` keeps the document findable. */
function requiredValue(attribute: TestAttribute, marker: string): Json {
  if (attribute.enum) return attribute.enum[0] ?? null;
  if (attribute.type === 'uid') return marker;
  return `${attribute.name} ${marker}`;
}

/** The smallest valid document of a type, identified by `marker` in its slug. */
export function minimalDocument(type: TestType, marker: string, extra: Record<string, Json> = {}): Record<string, Json> {
  const data: Record<string, Json> = {};
  for (const attribute of type.attributes) if (attribute.schema.required === true && !attribute.system) data[attribute.name] = requiredValue(attribute, marker);
  return { ...data, ...extra };
}

/** The field a write's refusal names: in its message or in the details' paths. */
export function refusalNames(body: { error?: { message?: string; details?: { errors?: Array<{ path?: string[] }> } } }, attribute: string): boolean {
  const message = body.error?.message ?? '';
  return message.includes(attribute) || (body.error?.details?.errors ?? []).some((e) => (e.path ?? []).includes(attribute));
}

const isDatetime = (text: unknown): text is string => typeof text === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(text);
const sortKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortKeys)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, sortKeys(v)]),
        )
      : value;

/**
 * The value as it should read back: the same value in the form the API returns it
 * (an instant in UTC's ISO form, a component entry without its id, no entries as []).
 */
export function asReadBack(attribute: TestAttribute, sent: Json, read: unknown): { sent: unknown; read: unknown } {
  if (attribute.type === 'component' && attribute.many) {
    // Each entry as sent; what was not sent reads back as null or the schema's default.
    const sentEntries = Array.isArray(sent) ? (sent as Array<Record<string, Json>>) : [];
    const readEntries = Array.isArray(read) ? (read as Array<Record<string, unknown>>) : [];
    const picked = readEntries.map((entry, i) => sortKeys(Object.fromEntries(Object.keys(sentEntries[i] ?? {}).map((k) => [k, entry[k]]))));
    return { sent: sentEntries.map(sortKeys), read: picked };
  }
  if ((attribute.type === 'relation' || attribute.type === 'media') && attribute.many) {
    const ids = (value: unknown) =>
      Array.isArray(value) ? value.map((v) => (typeof v === 'object' && v ? (v as { documentId?: string }).documentId : v)) : [];
    return { sent: ids(sent), read: ids(read) };
  }
  if (attribute.type === 'relation' || attribute.type === 'media') {
    // A to-one relation: a list of at most one is the same as its item, an empty one as null.
    const one = (value: unknown): unknown => {
      const item = Array.isArray(value) ? (value[0] ?? null) : value;
      return item !== null && typeof item === 'object' ? ((item as { documentId?: string; id?: number }).documentId ?? (item as { id?: number }).id) : item;
    };
    return { sent: one(sent), read: one(read) };
  }
  if (attribute.type === 'datetime' && isDatetime(sent) && isDatetime(read)) return { sent: Date.parse(sent), read: Date.parse(read) };
  if (attribute.type === 'decimal' || attribute.type === 'float') return { sent, read: typeof read === 'string' ? Number(read) : read };
  return { sent: sortKeys(sent), read: sortKeys(read) };
}
