import type { Core } from '@strapi/strapi';

/**
 * Strapi's built-in Author role; its content permissions are scoped to a list of
 * locales. (The Editor and Reporter roles are reconciled whole at every boot: src/editorial-roles/.)
 */
const CONTENT_ROLE_CODES = ['strapi-author'];

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
 * Strapi gives a new locale to the super admin only, and creates the Author role
 * (at first boot) with content permissions that carry no `locales` at
 * all, so an author sees no localized content until someone edits the role by hand.
 * When this boot created locales, the Author role gets them: a permission on a
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
  if (changed > 0) strapi.log.info(`[roles] gave the Author role ${created.join(', ')} on ${changed} content permissions`);
}
