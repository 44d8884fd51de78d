import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { dottedPath, type Problem } from '../validation/problems';
import { refusal } from '../validation/strapi/refusal';
import { localesOfWrite } from '../write-pipeline/locales';
import { appendOnlyProblems, normalizeCorrection, type Correction } from './append-only';

const ARTICLE = 'api::article.article';
export const PUBLISHED_CORRECTIONS_TABLE = 'newsroom_published_corrections';

interface Params {
  documentId?: string;
  locale?: string | string[];
  status?: string;
  data?: Record<string, unknown>;
}

/** Every correction ever published for this article in this locale, in order. */
async function publishedCorrections(knex: Knex, documentId: string, locale: string): Promise<Correction[]> {
  const row = (await knex(PUBLISHED_CORRECTIONS_TABLE).where({ document_id: documentId, locale }).first('corrections')) as { corrections: string } | undefined;
  return row ? (JSON.parse(row.corrections) as Correction[]) : [];
}

/** What is public now extends what was (the rule saw to it), so it becomes the record. */
async function recordPublished(strapi: Core.Strapi, knex: Knex, documentId: string, locale: string): Promise<void> {
  const live = await strapi.documents(ARTICLE).findOne({ documentId, locale, status: 'published', populate: { corrections: true } });
  const corrections = ((live?.corrections ?? []) as unknown[]).map(normalizeCorrection);
  const before = await publishedCorrections(knex, documentId, locale);
  if (corrections.length === 0 && before.length === 0) return;
  if (corrections.length < before.length) return; // never shrinks: the record keeps what was public
  await knex(PUBLISHED_CORRECTIONS_TABLE)
    .insert({ document_id: documentId, locale, corrections: JSON.stringify(corrections), updated_at: new Date() })
    .onConflict(['document_id', 'locale'])
    .merge(['corrections', 'updated_at']);
}

/**
 * Corrections are append-only once published (./append-only.ts), on every write
 * path: a create or update that sends `corrections` is checked against the record
 * of what has been public in that locale, and so is a publish (the draft it would
 * make public). After a publish the record is extended, in the write's transaction.
 * The record outlives an unpublish, so unpublishing, editing and republishing
 * cannot quietly drop a correction either.
 */
export function registerCorrectionsRule(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE || !['create', 'update', 'publish'].includes(context.action)) return next();
    const params = (context.params ?? {}) as Params;
    return strapi.db.transaction(async ({ trx }) => {
      const knex = trx as unknown as Knex;
      const { documentId } = params;
      let locales: string[] = [];
      if (context.action === 'publish' && documentId) {
        locales = await localesOfWrite(strapi, ARTICLE, documentId, params.locale);
        for (const locale of locales) {
          const draft = await strapi.documents(ARTICLE).findOne({ documentId, locale, status: 'draft', populate: { corrections: true } });
          if (!draft) continue;
          const problems = appendOnlyProblems(
            await publishedCorrections(knex, documentId, locale),
            ((draft.corrections ?? []) as unknown[]).map(normalizeCorrection),
            ['corrections'],
          );
          if (problems.length > 0) throw refusal(withLocale(problems, locale), dottedPath, 'body');
        }
      } else if (context.action !== 'publish') {
        const locale = typeof params.locale === 'string' ? params.locale : await strapi.plugin('i18n').service('locales').getDefaultLocale();
        const sent = params.data?.corrections;
        if (documentId && sent !== undefined) {
          const proposed = (Array.isArray(sent) ? sent : []).map(normalizeCorrection);
          const problems = appendOnlyProblems(await publishedCorrections(knex, documentId, locale), proposed, ['data', 'corrections']);
          if (problems.length > 0) throw refusal(problems, dottedPath, 'body');
        }
        if (params.status === 'published') locales = [locale];
      }

      const result = await next();
      const written = documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (written) for (const locale of locales) await recordPublished(strapi, knex, written, locale);
      return result;
    });
  });
}

/** A publish names the locale whose draft breaks the rule. */
const withLocale = (problems: Problem[], locale: string): Problem[] => problems.map((p) => ({ ...p, message: `${p.message} (draft in locale "${locale}")` }));
