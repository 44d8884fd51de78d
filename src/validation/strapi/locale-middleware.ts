import type { Core } from '@strapi/strapi';
import { knownLocales, unknownLocaleMessage } from './known-locales';

/**
 * `?locale=xx` with a locale that is not configured makes Strapi answer with a 500
 * or an empty list depending on the route. A reader or frontend deserves a 400 that
 * says which locales exist.
 */
const validateLocale: Core.MiddlewareFactory = (_config, { strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const locales = knownLocales(strapi);

  return async (ctx, next) => {
    const { locale } = ctx.query;
    if (locale === undefined || !ctx.path.startsWith(`${prefix}/`)) return next();
    // '*' is the Document Service's "every locale".
    if (typeof locale === 'string' && (locale === '*' || (locale !== '' && (await locales.has(locale))))) return next();
    const available = await locales.list();
    return ctx.badRequest(unknownLocaleMessage(locale, available), { locale, available });
  };
};

export default validateLocale;
