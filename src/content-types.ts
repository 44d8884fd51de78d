import article from './api/article/content-types/article/schema.json';
import organization from './api/organization/content-types/organization/schema.json';
import person from './api/person/content-types/person/schema.json';
import quote from './api/quote/content-types/quote/schema.json';
import source from './api/source/content-types/source/schema.json';
import correction from './components/story/correction.json';
import figure from './components/story/figure.json';

/**
 * The newsroom's public content types: the one list every feature that works "on
 * every type" reads (validation, the write pipeline, caches, read models, search,
 * seeds, permissions, tests), with the facts each needs, derived from the schema
 * each type is defined by. A new type is added here and nowhere else.
 */
export interface ContentTypeSchema {
  collectionName: string;
  info: { singularName: string; pluralName: string; displayName: string };
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, Record<string, unknown> & { type: string }>;
}

export const CONTENT_TYPES = {
  'api::organization.organization': organization,
  'api::source.source': source,
  'api::person.person': person,
  'api::article.article': article,
  'api::quote.quote': quote,
} as const satisfies Record<string, ContentTypeSchema>;

export type ContentTypeUid = keyof typeof CONTENT_TYPES;

/**
 * In dependency order: what a type links to comes first (organizations before the
 * people affiliated with them, articles before their quotes), as loaders write them.
 */
export const CONTENT_TYPE_UIDS = Object.keys(CONTENT_TYPES) as ContentTypeUid[];

/** The components the public types use, by uid (`<category>.<name>`). */
export const COMPONENTS = {
  'story.figure': figure,
  'story.correction': correction,
} as const satisfies Record<string, Omit<ContentTypeSchema, 'info' | 'collectionName'> & { collectionName: string; info: { displayName: string } }>;

export const isContentTypeUid = (uid: string): uid is ContentTypeUid => Object.prototype.hasOwnProperty.call(CONTENT_TYPES, uid);

export interface RelationInfo {
  name: string;
  target: string;
  many: boolean;
}

export interface ContentTypeInfo {
  uid: ContentTypeUid;
  /** `article`: how story bundles and seeds name the type. */
  kind: string;
  pluralName: string;
  table: string;
  /** What an editor knows a document by: its headline, name or text. */
  titleField: string;
  /** Differ per locale. */
  localizedFields: string[];
  /** Shared by every locale of a document: an edit in one changes all. */
  sharedFields: string[];
  /** Relations to other documents (per locale), media excluded. */
  relations: RelationInfo[];
  /** Relation and media attributes: what a document links to. */
  links: string[];
}

const TITLE_FIELDS = ['headline', 'name', 'text'];

function infoOf(uid: ContentTypeUid): ContentTypeInfo {
  const schema: ContentTypeSchema = CONTENT_TYPES[uid];
  const attributes = Object.entries(schema.attributes);
  const localized = (attribute: Record<string, unknown>) =>
    (attribute.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized !== false;
  const fields = attributes.filter(([, a]) => a.type !== 'relation');
  return {
    uid,
    kind: schema.info.singularName,
    pluralName: schema.info.pluralName,
    table: schema.collectionName,
    titleField: TITLE_FIELDS.find((name) => name in schema.attributes) ?? 'documentId',
    localizedFields: fields.filter(([, a]) => localized(a)).map(([name]) => name),
    sharedFields: fields.filter(([, a]) => !localized(a)).map(([name]) => name),
    relations: attributes
      .filter(([, a]) => a.type === 'relation')
      .map(([name, a]) => ({ name, target: String(a.target), many: String(a.relation).endsWith('Many') })),
    links: attributes.filter(([, a]) => a.type === 'relation' || a.type === 'media').map(([name]) => name),
  };
}

export const CONTENT_TYPE_INFO: Readonly<Record<ContentTypeUid, ContentTypeInfo>> = Object.fromEntries(
  CONTENT_TYPE_UIDS.map((uid) => [uid, infoOf(uid)]),
) as Record<ContentTypeUid, ContentTypeInfo>;

export const contentTypeOfKind = (kind: string): ContentTypeInfo => {
  const found = Object.values(CONTENT_TYPE_INFO).find((info) => info.kind === kind);
  if (!found) throw new Error(`no content type of kind "${kind}"`);
  return found;
};

/** The Document Service actions that change content, and those that read it. */
export const WRITE_ACTIONS: ReadonlySet<string> = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);
export const LIST_READ_ACTIONS: ReadonlySet<string> = new Set(['findMany', 'findFirst', 'count']);
export const READ_ACTIONS: ReadonlySet<string> = new Set([...LIST_READ_ACTIONS, 'findOne']);

/** Every `documentId` anywhere in a value (rows with populated relations, response bodies). */
export function collectDocumentIds(value: unknown, into: Set<string>, depth = 0): Set<string> {
  if (depth > 12 || value === null || typeof value !== 'object') return into;
  if (Array.isArray(value)) {
    for (const item of value) collectDocumentIds(item, into, depth + 1);
    return into;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.documentId === 'string') into.add(record.documentId);
  for (const child of Object.values(record)) if (child !== null && typeof child === 'object') collectDocumentIds(child, into, depth + 1);
  return into;
}
