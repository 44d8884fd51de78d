import fc from 'fast-check';
import { COMPONENTS, CONTENT_TYPES, type ContentTypeUid } from '../../src/content-types';

/**
 * The public types as the tests see them, read from the same schema files the app
 * is built from, so tests generated from them cover a new attribute or type
 * without being edited. Strapi adds the system attributes every type has.
 */
export interface TestAttribute {
  name: string;
  type: string;
  /** Relation or media target uid; component uid for components. */
  target?: string;
  many?: boolean;
  enum?: readonly string[];
  private?: boolean;
  localized: boolean;
  system: boolean;
  schema: Record<string, unknown>;
}

export interface TestType {
  uid: ContentTypeUid;
  /** The table its rows are in. */
  collectionName: string;
  singularName: string;
  pluralName: string;
  /** The GraphQL type name (Strapi's naming: the singular name in PascalCase). */
  graphqlType: string;
  attributes: TestAttribute[];
}

const pascal = (name: string) => name.replace(/(^|[-_])(\w)/g, (_m, _sep, c: string) => c.toUpperCase());

const SYSTEM: Array<Pick<TestAttribute, 'name' | 'type'>> = [
  { name: 'id', type: 'integer' },
  { name: 'documentId', type: 'string' },
  { name: 'createdAt', type: 'datetime' },
  { name: 'updatedAt', type: 'datetime' },
  { name: 'publishedAt', type: 'datetime' },
  { name: 'locale', type: 'string' },
];

function attributesOf(attributes: Record<string, Record<string, unknown>>): TestAttribute[] {
  return Object.entries(attributes).map(([name, schema]) => {
    const type = String(schema.type);
    const i18n = (schema.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n;
    const relation = typeof schema.relation === 'string' ? schema.relation : undefined;
    return {
      name,
      type,
      target: type === 'media' ? 'plugin::upload.file' : ((schema.target ?? schema.component) as string | undefined),
      many: relation ? relation.endsWith('Many') : schema.repeatable === true || schema.multiple === true,
      enum: Array.isArray(schema.enum) ? (schema.enum as string[]) : undefined,
      private: schema.private === true,
      localized: i18n?.localized !== false,
      system: false,
      schema,
    };
  });
}

// fast-check prints a counterexample's type by its uid, not its whole schema.
const printedAsUid = <T extends { uid: string }>(type: T): T => Object.defineProperty(type, fc.toStringMethod, { value: () => type.uid, enumerable: false });

export const TEST_TYPES: TestType[] = (Object.entries(CONTENT_TYPES) as Array<[ContentTypeUid, (typeof CONTENT_TYPES)[ContentTypeUid]]>).map(([uid, schema]) =>
  printedAsUid({
    uid,
    collectionName: schema.collectionName,
    singularName: schema.info.singularName,
    pluralName: schema.info.pluralName,
    graphqlType: pascal(schema.info.singularName),
    attributes: [
      ...attributesOf(schema.attributes as Record<string, Record<string, unknown>>),
      ...SYSTEM.map((a) => ({ ...a, localized: false, system: true, schema: { type: a.type } })),
    ],
  }),
);

export const TEST_COMPONENTS: Record<string, TestAttribute[]> = Object.fromEntries(
  Object.entries(COMPONENTS).map(([uid, schema]) => [uid, attributesOf(schema.attributes as Record<string, Record<string, unknown>>)]),
);

export const testType = (uid: string): TestType => {
  const found = TEST_TYPES.find((t) => t.uid === uid);
  if (!found) throw new Error(`no public type ${uid}`);
  return found;
};

/** Attributes a public client may name in filters: not private, not a password. */
export const filterableAttributes = (type: TestType): TestAttribute[] =>
  type.attributes.filter((a) => !a.private && a.type !== 'password' && a.type !== 'dynamiczone');
