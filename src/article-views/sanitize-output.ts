import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';

/** The part of a Strapi model (content type or component) the output sanitizer reads. */
export interface SanitizedModel {
  uid?: string;
  attributes: Record<string, SanitizedAttribute | undefined>;
  options?: unknown;
}

export interface SanitizedAttribute {
  type: string;
  private?: boolean;
  relation?: string;
  target?: string;
  component?: string;
}

export type GetModel = (uid: string) => SanitizedModel | undefined;

const UPLOAD_FILE = 'plugin::upload.file';
const ROLE = 'plugin::users-permissions.role';
const USER = 'plugin::users-permissions.user';

const isObjectLike = (value: unknown): value is Record<string, unknown> => value !== null && (typeof value === 'object' || typeof value === 'function');

/** lodash's clone, as Strapi's walk copies each node, for what a database row can hold: a Date stays a Date. */
function shallowCopy(entity: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(entity)) return [...entity] as unknown as Record<string, unknown>;
  if (entity instanceof Date) return new Date(entity.getTime()) as unknown as Record<string, unknown>;
  const prototype = Object.getPrototypeOf(entity) as object | null;
  return prototype === Object.prototype || prototype === null ? { ...entity } : Object.assign(Object.create(prototype) as Record<string, unknown>, entity);
}

/** What Strapi's default output sanitizer and the users-permissions plugin's remove: passwords, private attributes, a role's users. */
function removed(schema: SanitizedModel, key: string, attribute: SanitizedAttribute): boolean {
  if (attribute.type === 'password') return true;
  if (attribute.private === true || contentTypes.isPrivateAttribute(schema as never, key)) return true;
  return attribute.type === 'relation' && attribute.target === USER && schema.uid === ROLE;
}

/**
 * `strapi.contentAPI.sanitize.output(entity, schema, {})`, the content API's answer to a
 * caller without credentials, done synchronously. Strapi's walks the entity twice (its
 * default sanitizer, then the users-permissions plugin's), awaiting per key and per
 * relation; building the article views of an import spent a fifth of its CPU there.
 * This follows the same walk (@strapi/utils traverse-entity: a shallow copy per node,
 * keys in order, relations by target or `__type`, media as upload files, components,
 * dynamic zones by `__component`) with the same removals, so the JSON is identical;
 * src/article-views/sanitize-output.test.ts holds it to Strapi's own functions.
 */
export function sanitizeOutputSync(entity: unknown, schema: SanitizedModel | undefined, getModel: GetModel): unknown {
  if (!isObjectLike(entity) || schema === undefined || schema === null) return entity;
  const copy = shallowCopy(entity);
  for (const key of Object.keys(copy)) {
    const attribute = schema.attributes[key];
    if (attribute === undefined || attribute === null) continue;
    if (removed(schema, key, attribute)) {
      delete copy[key];
      continue;
    }
    const value = copy[key];
    if (value === null || value === undefined) continue;
    const each = (item: unknown, model: (item: unknown) => SanitizedModel | undefined) => sanitizeOutputSync(item, model(item), getModel);
    const apply = (model: (item: unknown) => SanitizedModel | undefined) =>
      (copy[key] = Array.isArray(value) ? value.map((item) => each(item, model)) : each(value, model));
    if (attribute.type === 'relation') {
      const morph = (attribute.relation ?? '').toLowerCase().startsWith('morph');
      const target = morph ? undefined : getModel(attribute.target ?? '');
      apply((item) => (morph ? getModel(String((item as { __type?: unknown }).__type)) : target));
    } else if (attribute.type === 'media') {
      apply(() => getModel(UPLOAD_FILE));
    } else if (attribute.type === 'component') {
      const component = getModel(attribute.component ?? '');
      apply(() => component);
    } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
      copy[key] = value.map((item) =>
        item === null || item === undefined ? item : each(item, () => getModel(String((item as { __component?: unknown }).__component))),
      );
    }
  }
  return copy;
}

/**
 * The content API's output sanitizer for a caller without credentials: the synchronous
 * one when the only sanitizers Strapi would run are those it mirrors (Strapi's default
 * and, with the users-permissions plugin, that plugin's), Strapi's own otherwise (a plugin
 * that registers another output sanitizer is then honoured, at Strapi's cost).
 */
export function contentApiOutputSanitizer(strapi: Core.Strapi): (entity: unknown, uid: string) => Promise<unknown> {
  const registered = strapi.sanitizers.get('content-api.output').length;
  const mirrored = strapi.plugin('users-permissions') ? 1 : 0;
  const getModel: GetModel = (uid) => strapi.getModel(uid as never) as unknown as SanitizedModel | undefined;
  if (registered === mirrored) return async (entity, uid) => sanitizeOutputSync(entity, getModel(uid), getModel);
  return (entity, uid) => strapi.contentAPI.sanitize.output(entity as never, strapi.getModel(uid as never), {});
}
