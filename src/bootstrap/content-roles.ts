import type { Core } from '@strapi/strapi';
import { PUBLIC_READABLE_TYPES } from './public-permissions';

/** Strapi's built-in content roles; their content permissions are scoped to a list of locales. */
const CONTENT_ROLE_CODES = ['strapi-editor', 'strapi-author'];
const EDITOR_ROLE_CODE = 'strapi-editor';
const NEWSROOM_TYPES: readonly string[] = PUBLIC_READABLE_TYPES;

/** What the Editor role's description promises ("manage and publish contents"), beyond what Strapi grants. */
const EDITOR_ACTIONS_WITHOUT_FIELDS = ['plugin::content-manager.explorer.delete', 'plugin::content-manager.explorer.publish'];
/** Bump when completeEditorRole changes, so existing installs get the change once. */
const EDITOR_ROLE_VERSION = 1;

interface PermissionRow {
  id: number;
  action: string;
  subject: string | null;
  properties: Record<string, unknown> | null;
}

async function localeCodes(strapi: Core.Strapi): Promise<string[]> {
  return (await strapi.plugin('i18n').service('locales').find()).map((l: { code: string }) => l.code);
}

function isLocalized(strapi: Core.Strapi, uid: string): boolean {
  const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
  return Boolean(contentType && strapi.plugin('i18n').service('content-types').isLocalizedContentType(contentType));
}

async function rolePermissions(strapi: Core.Strapi, roleIds: number[]): Promise<PermissionRow[]> {
  return strapi.db.query('admin::permission').findMany({ where: { role: { id: { $in: roleIds } } }, select: ['id', 'action', 'subject', 'properties'] });
}

/**
 * Strapi gives a new locale to the super admin only, and creates the Editor and
 * Author roles (at first boot) with content permissions that carry no `locales` at
 * all, so an editor sees no localized content until someone edits the role by hand.
 * When this boot created locales, the content roles get them: a permission on a
 * localized type with no locales gets every locale, one with a list gets the new
 * ones. A later restriction by an admin is kept, because this only runs for new locales.
 */
export async function grantLocalesToContentRoles(strapi: Core.Strapi, created: string[]): Promise<void> {
  if (created.length === 0) return;
  const allCodes = await localeCodes(strapi);
  const roles: Array<{ id: number }> = await strapi.db.query('admin::role').findMany({ where: { code: { $in: CONTENT_ROLE_CODES } }, select: ['id'] });
  if (roles.length === 0) return;

  let changed = 0;
  for (const permission of await rolePermissions(
    strapi,
    roles.map((r) => r.id),
  )) {
    if (!permission.subject || !isLocalized(strapi, permission.subject)) continue;
    const current = permission.properties?.locales;
    const locales = Array.isArray(current) ? [...current, ...created.filter((c) => !current.includes(c))] : allCodes;
    if (Array.isArray(current) && locales.length === current.length) continue;
    await strapi.db.query('admin::permission').update({
      where: { id: permission.id },
      data: { properties: { ...(permission.properties ?? {}), locales } },
    });
    changed += 1;
  }
  if (changed > 0) strapi.log.info(`[roles] gave the Editor and Author roles ${created.join(', ')} on ${changed} content permissions`);
}

/**
 * Strapi's first boot gives the Editor role create/read/update on each content type
 * but not delete or publish (it only creates permissions for actions that have
 * fields), although the role is described as "manage and publish contents". This
 * adds delete and publish on the newsroom's types, in every locale, once per
 * EDITOR_ROLE_VERSION: an admin who narrows the role afterwards keeps their change.
 */
export async function completeEditorRole(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'newsroom' });
  if (((await store.get({ key: 'editor-role-version' })) as number | null) === EDITOR_ROLE_VERSION) return;
  const role: { id: number } | null = await strapi.db.query('admin::role').findOne({ where: { code: EDITOR_ROLE_CODE }, select: ['id'] });
  if (!role) return;

  const allCodes = await localeCodes(strapi);
  const have = new Set((await rolePermissions(strapi, [role.id])).map((p) => `${p.action}|${p.subject}`));
  let added = 0;
  for (const subject of NEWSROOM_TYPES) {
    for (const action of EDITOR_ACTIONS_WITHOUT_FIELDS) {
      if (have.has(`${action}|${subject}`)) continue;
      await strapi.db.query('admin::permission').create({
        data: { action, actionParameters: {}, subject, properties: isLocalized(strapi, subject) ? { locales: allCodes } : {}, conditions: [], role: role.id },
      });
      added += 1;
    }
  }
  await store.set({ key: 'editor-role-version', value: EDITOR_ROLE_VERSION });
  if (added > 0) strapi.log.info(`[roles] gave the Editor role delete and publish on the newsroom types (${added} permissions)`);
}
