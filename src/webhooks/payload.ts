import type { OutboxMessage } from './outbox';

/**
 * The body of a message, in the Standard Webhooks shape: built from the stored message
 * the same way on every attempt, so every attempt sends the same bytes. `version` grows
 * with every change of the document in the locale: a receiver keeps the highest it has
 * seen and drops an older event that arrives late (delivery is not held in order).
 */
export function webhookBody(message: OutboxMessage): string {
  return JSON.stringify({
    type: message.type,
    timestamp: new Date(message.occurredAt).toISOString(),
    data: {
      uid: message.uid,
      documentId: message.documentId,
      locale: message.locale,
      slug: message.slug,
      version: message.version,
      affectedArticles: message.affectedArticles,
    },
  });
}
