import type { Core } from '@strapi/strapi';
import type { ContentTypeUid } from '../content-types';

/**
 * The locales a Document Service call acts on, as Strapi reads its `locale`
 * parameter: one locale; none meaning the default locale; '*' meaning every locale
 * the document has (for a publish: every locale with a draft).
 */
export async function localesOfWrite(strapi: Core.Strapi, uid: ContentTypeUid, documentId: string, locale: unknown): Promise<string[]> {
  if (typeof locale === 'string' && locale !== '*') return [locale];
  if (Array.isArray(locale)) return locale.map(String);
  if (locale === undefined || locale === null) return [await strapi.plugin('i18n').service('locales').getDefaultLocale()];
  const drafts = (await strapi.db.query(uid).findMany({ where: { documentId, publishedAt: null }, select: ['locale'] })) as Array<{ locale: string }>;
  return drafts.map((d) => d.locale);
}
