import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, NEWSROOM_LOCALES } from '../domain/locales';

/** Strapi's built-in content roles; their content permissions are scoped to a list of locales. */
const CONTENT_ROLE_CODES = ['strapi-editor', 'strapi-author'];

/**
 * STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE only applies to an empty database, so an
 * existing database (or one first booted with the i18n default `en`) would keep
 * English as the default. Creating the locales and setting the default here makes
 * every boot converge on ar + en with ar as default, without touching other locales.
 */
export async function ensureNewsroomLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  const existing: Array<{ code: string }> = await locales.find();
  const codes = new Set(existing.map((l) => l.code));
  const created: string[] = [];
  for (const locale of NEWSROOM_LOCALES) {
    if (!codes.has(locale.code)) {
      await locales.create({ code: locale.code, name: locale.name });
      created.push(locale.code);
      strapi.log.info(`[locales] created locale ${locale.code}`);
    }
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
    strapi.log.info(`[locales] default locale set to ${DEFAULT_LOCALE}`);
  }
  if (created.length > 0) await grantLocalesToContentRoles(strapi, created);
}

/**
 * Strapi gives a new locale to the super admin only, and creates the Editor and
 * Author roles (at first boot) with content permissions that carry no `locales`
 * at all, so an editor sees no localized content until someone edits the role by
 * hand. When this boot created a newsroom locale, the content roles get it: a
 * permission on a localized type with no locales gets every locale, one with a
 * list gets the new ones. A restriction an admin makes later is kept, because this
 * only runs when a locale is new.
 */
async function grantLocalesToContentRoles(strapi: Core.Strapi, created: string[]): Promise<void> {
  const allCodes: string[] = (await strapi.plugin('i18n').service('locales').find()).map((l: { code: string }) => l.code);
  const isLocalized = (uid: string) => {
    const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    return Boolean(contentType && strapi.plugin('i18n').service('content-types').isLocalizedContentType(contentType));
  };
  const roles: Array<{ id: number }> = await strapi.db
    .query('admin::role')
    .findMany({ where: { code: { $in: CONTENT_ROLE_CODES } }, select: ['id'] });
  if (roles.length === 0) return;
  const permissions: Array<{ id: number; subject: string | null; properties: Record<string, unknown> | null }> = await strapi.db
    .query('admin::permission')
    .findMany({ where: { role: { id: { $in: roles.map((r) => r.id) } } }, select: ['id', 'subject', 'properties'] });

  let changed = 0;
  for (const permission of permissions) {
    if (!permission.subject || !isLocalized(permission.subject)) continue;
    const current = permission.properties?.locales;
    const locales = Array.isArray(current) ? [...current, ...created.filter((c) => !current.includes(c))] : allCodes;
    if (Array.isArray(current) && locales.length === current.length) continue;
    await strapi.db.query('admin::permission').update({
      where: { id: permission.id },
      data: { properties: { ...(permission.properties ?? {}), locales } },
    });
    changed += 1;
  }
  if (changed > 0) strapi.log.info(`[locales] gave the Editor and Author roles ${created.join(', ')} on ${changed} content permissions`);
}
