import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { dottedPath, type Problem } from '../validation/problems';
import { refusal } from '../validation/strapi/refusal';
import { localesOfWrite } from '../write-pipeline/locales';
import { markFulfilled } from './due';
import { embargoProblem, instantOf, scheduleAfterWrite, scheduleProblems, type Schedule } from './rules';

const ARTICLE = 'api::article.article';

interface Params {
  documentId?: string;
  locale?: string | string[];
  status?: string;
  data?: Record<string, unknown>;
}

async function storedSchedule(strapi: Core.Strapi, documentId: string | undefined, locale: string): Promise<Schedule> {
  if (!documentId) return { publishAt: null, unpublishAt: null };
  const draft = (await strapi.db.query(ARTICLE).findOne({ where: { documentId, locale, publishedAt: null }, select: ['publishAt', 'unpublishAt'] })) as {
    publishAt?: unknown;
    unpublishAt?: unknown;
  } | null;
  return { publishAt: instantOf(draft?.publishAt), unpublishAt: instantOf(draft?.unpublishAt) };
}

const named = (problems: Array<Problem | null>, locale: string | null): Problem[] =>
  problems.filter((p): p is Problem => p !== null).map((p) => (locale ? { ...p, message: `${p.message} (locale "${locale}")` } : p));

/**
 * Scheduled publishing's rules on every write path (REST, GraphQL, the admin panel,
 * the Document Service): unpublishAt must come after publishAt, and a locale whose
 * publishAt is still ahead is not published by anyone but the clock (a 400 saying
 * when, and how to save it meanwhile). Once a locale is published at or after its
 * publishAt, the schedule is recorded as done, so an unpublish is not undone by the
 * next tick (./due.ts).
 */
export function registerSchedulingRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE || !['create', 'update', 'publish'].includes(context.action)) return next();
    const params = (context.params ?? {}) as Params;
    const now = new Date();
    const publishing: Array<{ locale: string; schedule: Schedule }> = [];

    if (context.action === 'publish') {
      if (!params.documentId) return next();
      for (const locale of await localesOfWrite(strapi, ARTICLE, params.documentId, params.locale)) {
        const schedule = await storedSchedule(strapi, params.documentId, locale);
        const problems = named([embargoProblem(schedule, now, [])], locale);
        if (problems.length > 0) throw refusal(problems, dottedPath, 'body');
        publishing.push({ locale, schedule });
      }
    } else {
      const locale = typeof params.locale === 'string' ? params.locale : await strapi.plugin('i18n').service('locales').getDefaultLocale();
      const schedule = scheduleAfterWrite(await storedSchedule(strapi, params.documentId, locale), params.data);
      const willPublish = params.status === 'published';
      const problems = [...scheduleProblems(schedule, ['data']), ...named([willPublish ? embargoProblem(schedule, now, ['data']) : null], null)];
      if (problems.length > 0) throw refusal(problems, dottedPath, 'body');
      if (willPublish) publishing.push({ locale, schedule });
    }

    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    const done = publishing.filter(({ schedule }) => schedule.publishAt !== null && schedule.publishAt <= now);
    if (documentId && done.length > 0) {
      await strapi.db.transaction(async ({ trx }) => {
        for (const { locale, schedule } of done) await markFulfilled(trx as unknown as Knex, documentId, locale, schedule.publishAt!);
      });
    }
    return result;
  });
}
