import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, NEWSROOM_LOCALES } from '../domain/locales';

/**
 * STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE only applies to an empty database, so an
 * existing database (or one first booted with the i18n default `en`) would keep
 * English as the default. Creating the locales and setting the default here makes
 * every boot converge on ar + en with ar as default, without touching other locales.
 */
/** Returns the codes of the locales this boot created. */
export async function ensureNewsroomLocales(strapi: Core.Strapi): Promise<string[]> {
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
  return created;
}
