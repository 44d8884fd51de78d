import type { Field, Model, Models } from './model';
import { problem, type Problem, type Segment } from './problems';

/**
 * Strapi checks that related documents exist (it must look them up to link them)
 * but its refusal names only the documentId: `Document with id "x", locale "en" not
 * found`. This finds which field of the write named it, so the refusal can say
 * `data.people[1]: no Person with documentId "x" in locale en`.
 */
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

interface Reference {
  path: Segment[];
  field: Field;
  documentId?: string;
  id?: number;
}

function referencesIn(value: unknown, path: Segment[], field: Field, out: Reference[]): void {
  if (typeof value === 'string') out.push({ path, field, documentId: value });
  else if (typeof value === 'number') out.push({ path, field, id: value });
  else if (Array.isArray(value)) value.forEach((item, i) => referencesIn(item, [...path, i], field, out));
  else if (isObject(value)) {
    if (typeof value.documentId === 'string') out.push({ path, field, documentId: value.documentId });
    else if (typeof value.id === 'number') out.push({ path, field, id: value.id });
    for (const key of ['connect', 'set'] as const) if (key in value) referencesIn(value[key], [...path, key], field, out);
  }
}

function collect(models: Models, model: Model, data: Json, path: Segment[], out: Reference[]): void {
  for (const [key, value] of Object.entries(data)) {
    const field = model.fields.get(key);
    if (!field || value === null || value === undefined) continue;
    if (field.kind === 'relation' || field.kind === 'media') referencesIn(value, [...path, key], field, out);
    else if (field.kind === 'component') {
      const component = models.get(field.component);
      const entries = Array.isArray(value) ? value : [value];
      if (component)
        entries.forEach((entry, i) => isObject(entry) && collect(models, component, entry, Array.isArray(value) ? [...path, key, i] : [...path, key], out));
    }
  }
}

const targetUid = (field: Field) => (field.kind === 'relation' || field.kind === 'media' ? field.target : undefined);

export function locateMissingReference(models: Models, uid: string, data: unknown, message: string): Problem | null {
  const model = models.get(uid);
  if (!model || !isObject(data)) return null;
  const references: Reference[] = [];
  collect(models, model, data, ['data'], references);

  const byDocument = /^Document with id "(.*)", locale "(.*)" not found$/.exec(message);
  if (byDocument) {
    const [, documentId, locale] = byDocument;
    const found = references.find((r) => r.documentId === documentId);
    if (!found) return null;
    const target = models.get(targetUid(found.field) ?? '');
    const where = locale && locale !== 'null' ? ` in locale ${locale}` : '';
    return problem(found.path, `no ${target?.displayName ?? 'document'} with documentId "${documentId}"${where}`);
  }
  const byCount = /^(\d+) relation\(s\) of type (\S+) associated with this entity do not exist$/.exec(message);
  if (byCount) {
    const [, count, type] = byCount;
    const found = references.find((r) => targetUid(r.field) === type);
    if (!found) return null;
    const target = models.get(type ?? '');
    return problem(found.path.slice(0, 2), `${count} of the ${target?.displayName ?? 'document'} references it holds do not exist`);
  }
  return null;
}
