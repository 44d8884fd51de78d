import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ContentTypeUid } from '../content-types';
import type { WriteEffect } from '../write-pipeline/pipeline';
import { localesOfWrite } from '../write-pipeline/locales';
import { actorOfRequest, historyContext, type Actor } from './actor';
import { readSnapshot } from './read';
import { changedFields } from './snapshot';
import { appendRevisions, latestSnapshot, type NewRevision, type RevisionAction } from './store';

const ACTIONS: Record<string, RevisionAction> = {
  create: 'create',
  update: 'update',
  publish: 'publish',
  unpublish: 'unpublish',
  discardDraft: 'discard',
  delete: 'delete',
};

interface Before {
  /** The locales the write acts on, known before it (a delete leaves no rows to ask afterwards). */
  locales: string[];
  /** For an update: the locales that had a draft already (an update of a new locale creates it). */
  existing: ReadonlySet<string>;
}

/** Who is writing: whoever the code running the write named, else the request's user or token, else the system. */
export function currentActor(strapi: Core.Strapi): Actor {
  const named = historyContext().actor;
  if (named) return named;
  const ctx = strapi.requestContext.get() as { state?: Parameters<typeof actorOfRequest>[0] } | undefined;
  return actorOfRequest(ctx?.state);
}

async function draftLocales(strapi: Core.Strapi, uid: ContentTypeUid, documentId: string): Promise<Set<string>> {
  const rows = (await strapi.db.query(uid).findMany({ where: { documentId, publishedAt: null }, select: ['locale'] })) as Array<{ locale: string }>;
  return new Set(rows.map((r) => r.locale));
}

/**
 * The write pipeline's history step: one revision per locale a write touched, in
 * the write's own transaction, so a write that rolls back leaves no revision and a
 * committed write always has one. Each holds who wrote, what changed since the
 * previous revision of that locale, and the draft as the write left it.
 */
export function historyEffect(strapi: Core.Strapi): WriteEffect<Before> {
  return {
    name: 'revision history',
    before: async (uid, documentId, { action, locale }) => ({
      locales: await localesOfWrite(strapi, uid, documentId, locale),
      existing: action === 'update' ? await draftLocales(strapi, uid, documentId) : new Set(),
    }),
    async inTransaction(event, before, trx: Knex) {
      const { uid, documentId } = event;
      const locales = before?.locales ?? (await localesOfWrite(strapi, uid, documentId, event.locale));
      const { action: override } = historyContext();
      const actor = currentActor(strapi);
      const revisions: NewRevision[] = [];
      for (const locale of locales) {
        let action = ACTIONS[event.action] ?? 'update';
        if (action === 'update' && before && !before.existing.has(locale)) action = 'create';
        if (override && override.uid === uid && override.documentId === documentId && override.locale === locale) action = override.name as RevisionAction;
        const snapshot = action === 'delete' ? null : await readSnapshot(strapi, uid, documentId, locale);
        // A locale the write did not leave a draft in (a publish of a missing locale fails before this).
        if (snapshot === undefined) continue;
        const previous = await latestSnapshot(trx, uid, documentId, locale);
        revisions.push({ uid, documentId, locale, action, actor, changedFields: changedFields(uid, previous ?? null, snapshot), snapshot });
        // Strapi publishes a create or update with status: 'published' internally, past the middlewares: record the publish too.
        if ((action === 'create' || action === 'update') && event.status === 'published')
          revisions.push({ uid, documentId, locale, action: 'publish', actor, changedFields: [], snapshot });
      }
      await appendRevisions(trx, revisions);
    },
  };
}
