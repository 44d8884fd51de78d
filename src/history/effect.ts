import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CONTENT_TYPE_INFO } from '../content-types';
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

/** Who is writing: whoever the code running the write named, else the request's user or token, else the system. */
export function currentActor(strapi: Core.Strapi): Actor {
  const named = historyContext().actor;
  if (named) return named;
  const ctx = strapi.requestContext.get() as { state?: Parameters<typeof actorOfRequest>[0] } | undefined;
  return actorOfRequest(ctx?.state);
}

/**
 * The write pipeline's history step: one revision per locale a write touched, in
 * the write's own transaction, so a write that rolls back leaves no revision and a
 * committed write always has one. Each holds who wrote, what changed since the
 * previous revision of that locale, and the draft as the write left it.
 */
export function historyEffect(strapi: Core.Strapi): WriteEffect {
  return {
    name: 'revision history',
    async inTransaction(event, _state, trx: Knex) {
      const { uid, documentId, rowsBefore, rowsAfter } = event;
      const draftsBefore = new Set(rowsBefore.filter((r) => r.publishedAt === null).map((r) => r.locale));
      // '*' acts on every locale that had a draft (a delete leaves none to ask afterwards); undefined is the default locale.
      const locales = event.locale === '*' ? [...draftsBefore] : await localesOfWrite(strapi, uid, documentId, event.locale);
      const { action: override } = historyContext();
      const actor = currentActor(strapi);
      const revisions: NewRevision[] = [];
      for (const locale of locales) {
        let action = ACTIONS[event.action] ?? 'update';
        // An update of a locale the document did not have creates it.
        if (action === 'update' && !draftsBefore.has(locale)) action = 'create';
        if (override && override.uid === uid && override.documentId === documentId && override.locale === locale) action = override.name as RevisionAction;
        const links = rowsAfter.find((r) => r.locale === locale && r.publishedAt === null);
        const snapshot = action === 'delete' ? null : links ? await readSnapshot(strapi, uid, documentId, locale, links) : undefined;
        // A locale the write left no draft in (a publish of a missing locale fails before this).
        if (snapshot === undefined) continue;
        const previous = await latestSnapshot(trx, uid, documentId, locale);
        revisions.push({ uid, documentId, locale, action, actor, changedFields: changedFields(uid, previous ?? null, snapshot), snapshot });
        // Strapi publishes a create or update with status: 'published' internally, past the middlewares: record the publish too.
        if ((action === 'create' || action === 'update') && event.status === 'published')
          revisions.push({ uid, documentId, locale, action: 'publish', actor, changedFields: [], snapshot });
      }
      // Strapi copies shared (non-localized) fields to the other locales past the Document Service: record those locales too.
      const shared = new Set(CONTENT_TYPE_INFO[uid].sharedFields);
      if (revisions.some((r) => r.changedFields.some((field) => shared.has(field)))) {
        for (const links of rowsAfter) {
          if (links.publishedAt !== null || locales.includes(links.locale)) continue;
          const snapshot = await readSnapshot(strapi, uid, documentId, links.locale, links);
          if (!snapshot) continue;
          const changed = changedFields(uid, (await latestSnapshot(trx, uid, documentId, links.locale)) ?? null, snapshot);
          if (changed.length > 0) revisions.push({ uid, documentId, locale: links.locale, action: 'update', actor, changedFields: changed, snapshot });
        }
      }
      await appendRevisions(trx, revisions);
    },
  };
}
