/**
 * What the validator knows about each content type and component, derived once at
 * boot from the schemas Strapi loaded (never a hand-written list of fields): for
 * every attribute its kind, the limits its column and its schema set, and where a
 * relation, media field or component leads.
 */

export const SCALAR_KINDS = [
  'integer',
  'biginteger',
  'decimal',
  'float',
  'date',
  'datetime',
  'time',
  'boolean',
  'enumeration',
  'string',
  'text',
  'richtext',
  'uid',
  'email',
  'password',
  'json',
  'blocks',
] as const;
export type ScalarKind = (typeof SCALAR_KINDS)[number];

interface FieldBase {
  name: string;
  /** Never readable or filterable by API clients (Strapi's `private`, passwords). */
  hidden: boolean;
  /** Clients may not set it (Strapi's `writable: false`, timestamps, ids). */
  writable: boolean;
}

export interface ScalarField extends FieldBase {
  kind: ScalarKind;
  enum?: readonly string[];
  /** Characters, the smaller of the schema's maxLength and the column's size. */
  maxLength?: number;
  /** Schema bounds for numbers (Strapi checks them on writes too). */
  min?: number;
  max?: number;
}

export interface RelationField extends FieldBase {
  kind: 'relation';
  target: string;
  many: boolean;
  /** Polymorphic (morph) relations: Strapi cannot filter or sort through them. */
  morph: boolean;
  /** Strapi 5's computed `localizations`: populate only. */
  virtual: boolean;
}

export interface MediaField extends FieldBase {
  kind: 'media';
  target: 'plugin::upload.file';
  many: boolean;
}

export interface ComponentField extends FieldBase {
  kind: 'component';
  component: string;
  repeatable: boolean;
}

export interface DynamicZoneField extends FieldBase {
  kind: 'dynamiczone';
  components: readonly string[];
}

export type Field = ScalarField | RelationField | MediaField | ComponentField | DynamicZoneField;

export interface Model {
  uid: string;
  /** How messages name the type: its display name, e.g. "Article". */
  displayName: string;
  fields: ReadonlyMap<string, Field>;
  draftAndPublish: boolean;
  isComponent: boolean;
}

export type Models = ReadonlyMap<string, Model>;

/** A schema as Strapi hands it over (strapi.contentTypes, strapi.components). */
export interface LoadedSchema {
  uid: string;
  modelType?: string;
  info?: { displayName?: string; singularName?: string };
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, Record<string, unknown>>;
}

/** varchar(255): Strapi's column for string, uid, email, enumeration and password attributes. */
export const VARCHAR_COLUMN_LENGTH = 255;
const VARCHAR_KINDS = new Set<ScalarKind>(['string', 'uid', 'email', 'enumeration', 'password']);

/** Written by Strapi itself; a client's value would be ignored. */
const SYSTEM_MANAGED = new Set(['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

const isScalarKind = (type: string): type is ScalarKind => (SCALAR_KINDS as readonly string[]).includes(type);
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export function fieldOf(name: string, attribute: Record<string, unknown>): Field | null {
  const type = String(attribute.type);
  const hidden = attribute.private === true || type === 'password';
  const writable = attribute.writable !== false && !SYSTEM_MANAGED.has(name);
  const base = { name, hidden, writable };
  if (type === 'relation') {
    const relation = String(attribute.relation ?? '');
    return {
      ...base,
      kind: 'relation',
      target: String(attribute.target ?? ''),
      many: /Many$/.test(relation),
      morph: relation.startsWith('morph'),
      virtual: attribute.unstable_virtual === true,
    };
  }
  if (type === 'media') return { ...base, kind: 'media', target: 'plugin::upload.file', many: attribute.multiple === true };
  if (type === 'component') return { ...base, kind: 'component', component: String(attribute.component), repeatable: attribute.repeatable === true };
  if (type === 'dynamiczone') return { ...base, kind: 'dynamiczone', components: (attribute.components as string[] | undefined) ?? [] };
  // Strapi's `increments` (the id column) and `timestamp` read as integer and datetime.
  const kind = type === 'increments' ? 'integer' : type === 'timestamp' ? 'datetime' : type;
  if (!isScalarKind(kind)) return null;
  const schemaMax = num(attribute.maxLength);
  const maxLength = VARCHAR_KINDS.has(kind) ? Math.min(schemaMax ?? VARCHAR_COLUMN_LENGTH, VARCHAR_COLUMN_LENGTH) : schemaMax;
  return {
    ...base,
    kind,
    ...(Array.isArray(attribute.enum) && { enum: attribute.enum as string[] }),
    ...(maxLength !== undefined && { maxLength }),
    ...(num(attribute.min) !== undefined && { min: num(attribute.min) }),
    ...(num(attribute.max) !== undefined && { max: num(attribute.max) }),
  };
}

/** Every type and component, with `id` and `documentId` (not attributes in Strapi, but filterable and sortable). */
export function buildModels(schemas: Iterable<LoadedSchema>): Models {
  const models = new Map<string, Model>();
  for (const schema of schemas) {
    const isComponent = schema.modelType === 'component';
    const fields = new Map<string, Field>();
    fields.set('id', { name: 'id', kind: 'integer', hidden: false, writable: false });
    if (!isComponent) fields.set('documentId', { name: 'documentId', kind: 'string', hidden: false, writable: false });
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      const field = fieldOf(name, attribute);
      if (field) fields.set(name, field);
    }
    models.set(schema.uid, {
      uid: schema.uid,
      displayName: schema.info?.displayName ?? schema.info?.singularName ?? schema.uid,
      fields,
      draftAndPublish: schema.options?.draftAndPublish === true,
      isComponent,
    });
  }
  return models;
}

/** The model a relation, media field or component leads to. */
export function targetOf(models: Models, field: Field): Model | undefined {
  if (field.kind === 'relation' || field.kind === 'media') return models.get(field.target);
  if (field.kind === 'component') return models.get(field.component);
  return undefined;
}
