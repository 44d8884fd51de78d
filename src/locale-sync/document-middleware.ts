import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CONTENT_TYPE_INFO, isContentTypeUid } from '../content-types';
import { describeGaps, planLocaleSync, relationSpecified, type RelatedDocument, type TranslationGap } from './plan';

/** The types whose relations are kept in step across locales: every relation of an article and of a quote. */
const SYNCED_RELATIONS: Record<string, string[]> = Object.fromEntries(
  (['api::article.article', 'api::quote.quote'] as const).map((uid) => [uid, CONTENT_TYPE_INFO[uid].relations.map((r) => r.name)]),
);

/** The field an editor knows each related document by. */
const labelFieldOf = (uid: string) => (isContentTypeUid(uid) ? CONTENT_TYPE_INFO[uid].titleField : 'documentId');

type Row = Record<string, unknown> & { documentId: string };

function asList(value: unknown): Row[] {
  if (Array.isArray(value)) return value as Row[];
  return value ? [value as Row] : [];
}

function label(row: Row, targetUid: string): string {
  const text = String(row[labelFieldOf(targetUid)] ?? row.documentId);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * When a localization of an article or quote is created (an `update` for a locale the
 * document does not have yet: that is how the admin, REST and the Document Service all
 * add one), its relations are filled with the same-locale versions of what the
 * default-locale version links to. Related documents with no version in that locale
 * are reported: logged, and kept on the localization in `translationGaps` (a private
 * field, shown to editors in the admin, refreshed on every save of that locale).
 * A quote whose speaker cannot be linked is refused with a message that says which
 * document to translate first. When a missing document is translated later, it is
 * linked where it was missing and the gap closes.
 */
export function registerLocaleSync(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.action !== 'update' || !isContentTypeUid(context.uid)) return next();
    const params = context.params as { documentId?: string; locale?: string; data?: Record<string, unknown> };
    const { documentId, locale } = params;
    if (!documentId || !locale || locale === '*') return next();
    const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    if (locale === defaultLocale) return next();

    const isNewLocalization = (await strapi.db.query(context.uid).count({ where: { documentId, locale } })) === 0;
    if (SYNCED_RELATIONS[context.uid]) {
      params.data = await syncedData(strapi, context.uid, { documentId, locale, defaultLocale, isNewLocalization, data: params.data ?? {} });
    }
    const result = await next();
    if (isNewLocalization) await closeGaps(strapi, context.uid, documentId, locale);
    return result;
  });
}

/** The write's data with relations filled (new localization) and translationGaps refreshed. */
async function syncedData(
  strapi: Core.Strapi,
  uid: string,
  target: { documentId: string; locale: string; defaultLocale: string; isNewLocalization: boolean; data: Record<string, unknown> },
): Promise<Record<string, unknown>> {
  const { documentId, locale, defaultLocale, isNewLocalization } = target;
  const fields = SYNCED_RELATIONS[uid]!;
  const attributes = strapi.contentType(uid as Parameters<typeof strapi.contentType>[0]).attributes as Record<string, { target?: string }>;
  const targetOf = (field: string) => attributes[field]?.target as string;

  const source = await strapi.db.query(uid as Parameters<typeof strapi.db.query>[0]).findOne({
    where: { documentId, locale: defaultLocale, publishedAt: null },
    populate: Object.fromEntries(fields.map((f) => [f, { select: ['documentId', labelFieldOf(targetOf(f))] }])),
  });
  if (!source) return target.data;

  const defaultRelations: Record<string, RelatedDocument[]> = {};
  const existing = new Set<string>();
  for (const field of fields) {
    defaultRelations[field] = asList(source[field]).map((row) => ({ documentId: row.documentId, label: label(row, targetOf(field)) }));
    const ids = defaultRelations[field]!.map((r) => r.documentId);
    if (ids.length === 0) continue;
    const rows: Array<{ documentId: string }> = await strapi.db
      .query(targetOf(field) as Parameters<typeof strapi.db.query>[0])
      .findMany({ where: { documentId: { $in: ids }, locale }, select: ['documentId'] });
    rows.forEach((row) => existing.add(`${field}:${row.documentId}`));
  }
  const existsInLocale = (field: string, id: string) => existing.has(`${field}:${id}`);

  const data = { ...target.data };
  const specified = new Set(fields.filter((f) => relationSpecified(data[f])));
  // Only a new localization gets its relations filled; later saves are the editor's own.
  const plan = planLocaleSync({ locale, defaultRelations, specified: isNewLocalization ? specified : new Set(fields), existsInLocale });
  // Gaps are recomputed on every save of the localization, so the list stays current.
  const gaps = planLocaleSync({ locale, defaultRelations, specified: new Set(), existsInLocale }).gaps;

  if (isNewLocalization && uid === 'api::quote.quote') assertQuoteStaysAttributed(locale, defaultRelations, specified, data, plan.fill, gaps);

  for (const [field, ids] of Object.entries(plan.fill)) data[field] = { set: ids.map((id) => ({ documentId: id })) };
  // A uid is per locale but rarely needs to differ; a new localization without one keeps the default locale's.
  if (isNewLocalization && !data.slug && typeof source.slug === 'string') data.slug = source.slug;
  data.translationGaps = gaps.length > 0 ? gaps : null;
  if (isNewLocalization && gaps.length > 0) {
    strapi.log.warn(`[locale-sync] ${uid} ${documentId} (${locale}) created with related documents missing in ${locale}: ${describeGaps(gaps)}`);
  }
  return data;
}

/** A translated quote must keep a speaker: refuse early, naming what to translate first. */
function assertQuoteStaysAttributed(
  locale: string,
  defaultRelations: Record<string, RelatedDocument[]>,
  specified: Set<string>,
  data: Record<string, unknown>,
  fill: Record<string, string[]>,
  gaps: TranslationGap[],
): void {
  const attributed = ['speaker', 'speakerOrganization'];
  const hadAttribution = attributed.some((f) => (defaultRelations[f]?.length ?? 0) > 0);
  const willHave = attributed.some((f) => (specified.has(f) ? relationSpecified(data[f]) : (fill[f]?.length ?? 0) > 0));
  if (!hadAttribution || willHave) return;
  const missing = gaps.filter((g) => attributed.includes(g.field));
  throw new errors.ValidationError(`This quote cannot be translated into ${locale} yet: ${describeGaps(missing)}. Translate the speaker first.`, {
    errors: missing.map((g) => ({ path: [g.field], message: `"${g.label}" has no ${locale} version`, name: 'ValidationError' })),
  });
}

/**
 * A document that was a gap now has this locale: link it where the default locale
 * links it, in every article and quote of this locale that reported it missing. The
 * nested update recomputes their translationGaps, which closes the gap.
 */
async function closeGaps(strapi: Core.Strapi, uid: string, documentId: string, locale: string): Promise<void> {
  for (const [syncedUid, fields] of Object.entries(SYNCED_RELATIONS)) {
    const attributes = strapi.contentType(syncedUid as Parameters<typeof strapi.contentType>[0]).attributes as Record<string, { target?: string }>;
    const rows: Array<{ documentId: string; translationGaps: TranslationGap[] | null }> = await strapi.db
      .query(syncedUid as Parameters<typeof strapi.db.query>[0])
      .findMany({ where: { locale, publishedAt: null, translationGaps: { $notNull: true } }, select: ['documentId', 'translationGaps'] });
    for (const row of rows) {
      const closing = (row.translationGaps ?? []).filter(
        (gap) => gap.documentId === documentId && fields.includes(gap.field) && attributes[gap.field]?.target === uid,
      );
      if (closing.length === 0) continue;
      const data = Object.fromEntries(closing.map((gap) => [gap.field, { connect: [{ documentId }] }]));
      try {
        await (strapi.documents(syncedUid as Parameters<typeof strapi.documents>[0]) as unknown as DocumentsUpdate).update({
          documentId: row.documentId,
          locale,
          data,
        });
        strapi.log.info(`[locale-sync] linked ${uid} ${documentId} into ${syncedUid} ${row.documentId} (${locale})`);
      } catch (error) {
        strapi.log.error(`[locale-sync] could not link ${uid} ${documentId} into ${syncedUid} ${row.documentId} (${locale}): ${(error as Error).message}`);
      }
    }
  }
}

/** The one Document Service call closeGaps makes, typed for any of the synced types. */
interface DocumentsUpdate {
  update(params: { documentId: string; locale: string; data: Record<string, unknown> }): Promise<unknown>;
}
