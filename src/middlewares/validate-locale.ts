import type { Core } from '@strapi/strapi';

/**
 * `?locale=xx` with a locale that is not configured makes Strapi answer with a 500
 * or an empty list depending on the route. A reader or frontend deserves a 400 that
 * says which locales exist. Locales are cached and re-read on a miss, so a locale an
 * admin adds is accepted at once without a query on every request.
 */
const validateLocale: Core.MiddlewareFactory = (_config, { strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  let cached: Set<string> | null = null;

  const load = async (): Promise<Set<string>> => {
    const rows: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
    cached = new Set(rows.map((r) => r.code));
    return cached;
  };
  const isKnown = async (locale: string) => (cached ?? (await load())).has(locale) || (await load()).has(locale);

  return async (ctx, next) => {
    const { locale } = ctx.query;
    if (locale === undefined || !ctx.path.startsWith(`${prefix}/`)) return next();
    // '*' is the Document Service's "every locale".
    if (typeof locale === 'string' && (locale === '*' || (locale !== '' && (await isKnown(locale))))) return next();

    const available = [...(cached ?? (await load()))].sort();
    const problem =
      typeof locale === 'string'
        ? `Unknown locale "${locale}".`
        : 'The locale parameter must be given once, as a single locale code.';
    return ctx.badRequest(`${problem} Available locales: ${available.join(', ')}.`, { locale, available });
  };
};

export default validateLocale;
