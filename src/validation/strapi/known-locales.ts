import type { Core } from '@strapi/strapi';

/**
 * The configured locale codes, cached and re-read on a miss, so a locale an admin
 * adds is accepted at once without a query on every request. Shared by the REST
 * locale check (src/middlewares/validate-locale.ts) and GraphQL's (./graphql.ts).
 */
export interface KnownLocales {
  has(code: string): Promise<boolean>;
  list(): Promise<string[]>;
}

export function knownLocales(strapi: Core.Strapi): KnownLocales {
  let cached: Set<string> | null = null;
  const load = async (): Promise<Set<string>> => {
    const rows: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
    cached = new Set(rows.map((r) => r.code));
    return cached;
  };
  return {
    has: async (code) => (cached ?? (await load())).has(code) || (await load()).has(code),
    list: async () => [...(cached ?? (await load()))].sort(),
  };
}

/** The message both APIs give for a locale that is not configured. */
export const unknownLocaleMessage = (locale: unknown, available: string[]) =>
  `${typeof locale === 'string' ? `Unknown locale "${locale}".` : 'The locale parameter must be given once, as a single locale code.'} Available locales: ${available.join(', ')}.`;
