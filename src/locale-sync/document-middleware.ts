import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CONTENT_TYPE_INFO, isContentTypeUid } from '../content-types';
import { describeGaps, planLocaleSync, relationSpecified, type RelatedDocument, type TranslationGap } from './plan';
import { propagate, relationChanges, type RelationIds } from './relation-changes';

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
 *
 * Once both locales exist, a write that links or unlinks related documents in one
 * locale is carried to the other locales' drafts (carryRelationChanges), both ways,
 * never publishing them.
 */
export function registerLocaleSync(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.action !== 'update' || !isContentTypeUid(context.uid)) return next();
    const params = context.params as { documentId?: string; locale?: string; data?: Record<string, unknown> };
    const { documentId } = params;
    if (!documentId || params.locale === '*') return next();
    const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const locale = params.locale ?? defaultLocale;
    const fields = SYNCED_RELATIONS[context.uid];

    const isNewLocalization = (await strapi.db.query(context.uid).count({ where: { documentId, locale } })) === 0;
    // A relation edit in a locale that already exists is carried to the other locales (below).
    const carried = fields && !isNewLocalization && !carrying.getStore() && fields.some((f) => relationSpecified(params.data?.[f]));
    const before = carried ? await draftRelations(strapi, context.uid, documentId, locale) : undefined;
    if (fields && locale !== defaultLocale) {
      params.data = await syncedData(strapi, context.uid, { documentId, locale, defaultLocale, isNewLocalization, data: params.data ?? {} });
    }
    const result = await next();
    if (isNewLocalization) await closeGaps(strapi, context.uid, documentId, locale);
    if (before) await carryRelationChanges(strapi, context.uid, documentId, locale, defaultLocale, before);
    return result;
  });
}

/** Set while a carried change is written, so the locale it is written to does not carry it back. */
const carrying = new AsyncLocalStorage<true>();

interface DraftRelations {
  ids: RelationIds;
  labels: Map<string, string>;
}

/** What one locale's draft links to, per synced relation field, with labels for gap reports. */
async function draftRelations(strapi: Core.Strapi, uid: string, documentId: string, locale: string): Promise<DraftRelations> {
  const fields = SYNCED_RELATIONS[uid] ?? [];
  const attributes = strapi.contentType(uid as Parameters<typeof strapi.contentType>[0]).attributes as Record<string, { target?: string }>;
  const targetOf = (field: string) => attributes[field]?.target as string;
  const row = await strapi.db.query(uid as Parameters<typeof strapi.db.query>[0]).findOne({
    where: { documentId, locale, publishedAt: null },
    populate: Object.fromEntries(fields.map((f) => [f, { select: ['documentId', labelFieldOf(targetOf(f))] }])),
  });
  const ids: RelationIds = {};
  const labels = new Map<string, string>();
  for (const field of fields) {
    const related = asList(row?.[field]);
    ids[field] = related.map((r) => r.documentId);
    related.forEach((r) => labels.set(`${field}:${r.documentId}`, label(r, targetOf(field))));
  }
  return { ids, labels };
}

/**
 * Carries what a write linked and unlinked in one locale into the other locales'
 * drafts, with same-locale versions (./relation-changes.ts). Never publishes: the
 * other locales show as modified in the admin until an editor publishes them. A
 * related document with no version there becomes a translation gap, as at creation;
 * the default locale's gaps are kept here (the others' are recomputed on their save).
 */
async function carryRelationChanges(strapi: Core.Strapi, uid: string, documentId: string, locale: string, defaultLocale: string, before: DraftRelations) {
  const after = await draftRelations(strapi, uid, documentId, locale);
  const changes = relationChanges(before.ids, after.ids);
  if (changes.length === 0) return;
  const attributes = strapi.contentType(uid as Parameters<typeof strapi.contentType>[0]).attributes as Record<string, { target?: string; relation?: string }>;
  const toOne = new Set(changes.map((c) => c.field).filter((f) => /^(oneToOne|manyToOne)$/.test(attributes[f]?.relation ?? '')));
  const others = (await strapi.db.query(uid as Parameters<typeof strapi.db.query>[0]).findMany({
    where: { documentId, publishedAt: null, locale: { $ne: locale } },
    select: ['locale', 'translationGaps'],
  })) as Array<{ locale: string; translationGaps: TranslationGap[] | null }>;

  for (const other of others) {
    const present = new Set<string>();
    for (const { field, added } of changes) {
      if (added.length === 0) continue;
      const rows = (await strapi.db
        .query(attributes[field]!.target as Parameters<typeof strapi.db.query>[0])
        .findMany({ where: { documentId: { $in: added }, locale: other.locale }, select: ['documentId'] })) as Array<{ documentId: string }>;
      rows.forEach((r) => present.add(`${field}:${r.documentId}`));
    }
    const current = await draftRelations(strapi, uid, documentId, other.locale);
    const { data, missing, dropped } = propagate(changes, current.ids, (field, id) => present.has(`${field}:${id}`), toOne);
    if (Object.keys(data).length === 0 && missing.length === 0 && dropped.length === 0) continue;

    const gaps: TranslationGap[] = missing.map(({ field, documentId: id }) => ({
      field,
      documentId: id,
      label: after.labels.get(`${field}:${id}`) ?? id,
      locale: other.locale,
    }));
    const write: Record<string, unknown> = { ...data };
    if (other.locale === defaultLocale) {
      const gone = new Set([...dropped, ...missing].map((g) => `${g.field}:${g.documentId}`));
      const kept = (other.translationGaps ?? []).filter((g) => !gone.has(`${g.field}:${g.documentId}`));
      write.translationGaps = [...kept, ...gaps].length > 0 ? [...kept, ...gaps] : null;
    }
    await carrying.run(true, () =>
      (strapi.documents(uid as Parameters<typeof strapi.documents>[0]) as unknown as DocumentsUpdate).update({ documentId, locale: other.locale, data: write }),
    );
    strapi.log.info(`[locale-sync] ${uid} ${documentId}: carried ${changes.map((c) => c.field).join(', ')} from ${locale} to the ${other.locale} draft`);
    if (gaps.length > 0) strapi.log.warn(`[locale-sync] ${uid} ${documentId} (${other.locale}) now misses related documents: ${describeGaps(gaps)}`);
  }
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
