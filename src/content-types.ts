import article from './api/article/content-types/article/schema.json';
import organization from './api/organization/content-types/organization/schema.json';
import person from './api/person/content-types/person/schema.json';
import quote from './api/quote/content-types/quote/schema.json';
import source from './api/source/content-types/source/schema.json';
import figure from './components/story/figure.json';

/**
 * The newsroom's public content types: the one list every feature that works
 * "on every type" reads (validation, caches, read models, seeds, tests), with the
 * schema each is defined by. A new type is added here and nowhere else.
 */
export interface ContentTypeSchema {
  collectionName: string;
  info: { singularName: string; pluralName: string; displayName: string };
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, Record<string, unknown> & { type: string }>;
}

export const CONTENT_TYPES = {
  'api::article.article': article,
  'api::person.person': person,
  'api::organization.organization': organization,
  'api::source.source': source,
  'api::quote.quote': quote,
} as const satisfies Record<string, ContentTypeSchema>;

export type ContentTypeUid = keyof typeof CONTENT_TYPES;
export const CONTENT_TYPE_UIDS = Object.keys(CONTENT_TYPES) as ContentTypeUid[];

/** The components the public types use, by uid (`<category>.<name>`). */
export const COMPONENTS = {
  'story.figure': figure,
} as const satisfies Record<string, Omit<ContentTypeSchema, 'info'> & { info: { displayName: string } }>;

export const isContentTypeUid = (uid: string): uid is ContentTypeUid => Object.prototype.hasOwnProperty.call(CONTENT_TYPES, uid);
