import type { WriteEffect, WriteEvent } from '../write-pipeline/pipeline';
import { publicChanges } from './events';
import { enqueue, type NewMessage } from './outbox';

/**
 * The write pipeline's webhook step: one message per public change of the written
 * document in a locale, into the outbox in the write's own transaction (a write that
 * rolls back sends nothing; a committed one cannot lose its message), with the
 * published articles whose JSON the write changed in that locale. It runs after the
 * article read model step, which finds those. The dispatcher is woken after the
 * commit: nothing is sent before the data is there to read.
 */
export function webhookOutboxEffect(endpoints: readonly string[], wake: () => void): WriteEffect {
  const enqueued = new WeakSet<WriteEvent>();
  return {
    name: 'webhook outbox',
    async inTransaction(event, _state, trx) {
      const messages: NewMessage[] = publicChanges(event.rowsBefore, event.rowsAfter, event.action).map((change) => ({
        type: change.type,
        uid: event.uid,
        documentId: event.documentId,
        locale: change.locale,
        slug: change.slug,
        affectedArticles: event.changedPublicArticles.filter((article) => article.locale === change.locale),
      }));
      if (messages.length === 0) return;
      await enqueue(trx, messages, endpoints, Date.now());
      enqueued.add(event);
    },
    async afterCommit(event) {
      if (enqueued.has(event)) wake();
    },
  };
}
