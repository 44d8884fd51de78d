import { randomUUID } from 'crypto';
import type { Knex } from 'knex';
import type { WebhookEventType } from './events';

export const MESSAGES_TABLE = 'newsroom_webhook_messages';
export const DELIVERIES_TABLE = 'newsroom_webhook_deliveries';

export interface AffectedArticle {
  documentId: string;
  locale: string;
  slug: string | null;
}

export interface NewMessage {
  type: WebhookEventType;
  uid: string;
  documentId: string;
  locale: string;
  slug: string | null;
  affectedArticles: AffectedArticle[];
}

export interface OutboxMessage extends NewMessage {
  /** Grows with every message of the document in the locale: see nextVersion. */
  version: number;
  messageId: string;
  occurredAt: number;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface Attempt {
  at: string;
  status: number | null;
  error: string | null;
  ms: number;
}

export interface Delivery {
  id: number;
  endpoint: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: number;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: number | null;
  log: Attempt[];
  message: OutboxMessage;
}

/** A delivery this instance holds until its lease ends; the token proves it still does. */
export interface ClaimedDelivery extends Delivery {
  leaseToken: string;
}

interface Row {
  id: number;
  endpoint: string;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string | number;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | number | null;
  attempt_log: string;
  lease_token: string | null;
  m_id: number;
  m_message_id: string;
  m_type: WebhookEventType;
  m_uid: string;
  m_document_id: string;
  m_locale: string;
  m_slug: string | null;
  m_affected_articles: string;
  m_occurred_at: string | number;
  m_version: string | number;
}

// PostgreSQL returns bigint columns as strings.
const ms = (value: string | number | null): number | null => (value === null ? null : Number(value));

const SELECT = [
  'd.id',
  'd.endpoint',
  'd.state',
  'd.attempts',
  'd.next_attempt_at',
  'd.last_status',
  'd.last_error',
  'd.delivered_at',
  'd.attempt_log',
  'd.lease_token',
  'm.id as m_id',
  'm.message_id as m_message_id',
  'm.type as m_type',
  'm.uid as m_uid',
  'm.document_id as m_document_id',
  'm.locale as m_locale',
  'm.slug as m_slug',
  'm.affected_articles as m_affected_articles',
  'm.occurred_at as m_occurred_at',
  'm.version as m_version',
];

function fromRow(row: Row): Delivery {
  return {
    id: row.id,
    endpoint: row.endpoint,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: Number(row.next_attempt_at),
    lastStatus: row.last_status,
    lastError: row.last_error,
    deliveredAt: ms(row.delivered_at),
    log: JSON.parse(row.attempt_log) as Attempt[],
    message: {
      version: Number(row.m_version),
      messageId: row.m_message_id,
      type: row.m_type,
      uid: row.m_uid,
      documentId: row.m_document_id,
      locale: row.m_locale,
      slug: row.m_slug,
      affectedArticles: JSON.parse(row.m_affected_articles) as AffectedArticle[],
      occurredAt: Number(row.m_occurred_at),
    },
  };
}

const joined = (knex: Knex) => knex({ d: DELIVERIES_TABLE }).join({ m: MESSAGES_TABLE }, 'm.id', 'd.message_id');

/**
 * A message's version: its time in microseconds since the epoch, or one more than the
 * document's previous version in that locale when that is higher (two writes in one
 * millisecond, a clock set back). So it only grows, also across a restore of the
 * database from a dump without this table, where a sequence would start again at 1 and
 * receivers would drop every new event as old. Writes of one document are serialized
 * (the write pipeline's per-document lock; SQLite's one writer), so reading the
 * previous version here cannot race.
 */
export function nextVersion(previous: number | null, now: number): number {
  return Math.max(now * 1000, (previous ?? 0) + 1);
}

/** Writes the messages and one pending delivery per endpoint, in the caller's transaction (the write's own). */
export async function enqueue(trx: Knex, messages: readonly NewMessage[], endpoints: readonly string[], now: number): Promise<void> {
  for (const message of messages) {
    const latest = (await trx(MESSAGES_TABLE)
      .where({ uid: message.uid, document_id: message.documentId, locale: message.locale })
      .max({ version: 'version' })
      .first()) as { version: string | number | null } | undefined;
    const previous = latest?.version === null || latest?.version === undefined ? null : Number(latest.version);
    const [inserted] = (await trx(MESSAGES_TABLE)
      .insert({
        message_id: `msg_${randomUUID().replace(/-/g, '')}`,
        type: message.type,
        uid: message.uid,
        document_id: message.documentId,
        locale: message.locale,
        slug: message.slug,
        affected_articles: JSON.stringify(message.affectedArticles),
        occurred_at: now,
        version: nextVersion(previous, now),
      })
      .returning('id')) as Array<{ id: number } | number>;
    const id = typeof inserted === 'number' ? inserted : inserted.id;
    await trx(DELIVERIES_TABLE).insert(
      endpoints.map((endpoint) => ({ message_id: id, endpoint, state: 'pending', attempts: 0, next_attempt_at: now, attempt_log: '[]' })),
    );
  }
}

/**
 * Takes up to `limit` due deliveries for this instance until `now + leaseMs`. On
 * PostgreSQL `FOR UPDATE SKIP LOCKED` lets instances claim side by side without ever
 * taking the same one; SQLite has one writer at a time anyway. A lease left by an
 * instance that died runs out, and the delivery is due again (the receiver may then
 * see an attempt twice, with the same webhook-id).
 *
 * The lease and the read of what it took are one transaction: when the database goes
 * away between the two, the lease is rolled back with it, instead of holding deliveries
 * this instance never read (and so never sends) until the lease runs out.
 */
export async function claimDue(knex: Knex, { now, limit, leaseMs }: { now: number; limit: number; leaseMs: number }): Promise<ClaimedDelivery[]> {
  const leaseToken = randomUUID();
  return knex.transaction(async (trx) => {
    const due = trx(DELIVERIES_TABLE)
      .select('id')
      .where('state', 'pending')
      .andWhere('next_attempt_at', '<=', now)
      .andWhere((q) => q.whereNull('lease_until').orWhere('lease_until', '<', now))
      .orderBy('next_attempt_at')
      .limit(limit);
    if (knex.client.config.client === 'pg' || knex.client.config.client === 'postgres') due.forUpdate().skipLocked();
    const claimed = await trx(DELIVERIES_TABLE)
      .whereIn('id', due)
      .update({ lease_until: now + leaseMs, lease_token: leaseToken });
    if (claimed === 0) return [];
    const rows = (await joined(trx).select(SELECT).where('d.lease_token', leaseToken).orderBy('d.id')) as Row[];
    return rows.map((row) => ({ ...fromRow(row), leaseToken }));
  });
}

/** Records one attempt of a claimed delivery and lets go of it; nothing when the lease was lost meanwhile. */
export async function recordAttempt(
  knex: Knex,
  delivery: ClaimedDelivery,
  attempt: Attempt,
  next: { state: 'delivered'; at: number } | { state: 'pending'; at: number } | { state: 'failed' },
): Promise<boolean> {
  const updated = await knex(DELIVERIES_TABLE)
    .where({ id: delivery.id, lease_token: delivery.leaseToken })
    .update({
      state: next.state,
      attempts: delivery.attempts + 1,
      ...(next.state === 'pending' && { next_attempt_at: next.at }),
      ...(next.state === 'delivered' && { delivered_at: next.at }),
      last_status: attempt.status,
      last_error: attempt.error,
      attempt_log: JSON.stringify([...delivery.log, attempt]),
      lease_until: null,
      lease_token: null,
    });
  return updated > 0;
}

export interface DeliveryPage {
  deliveries: Delivery[];
  total: number;
}

/** Deliveries in one state (or all; or the one with this id), newest first, for the Settings page. */
export async function listDeliveries(
  knex: Knex,
  { state, page, pageSize, id }: { state: DeliveryState | null; page: number; pageSize: number; id?: number },
): Promise<DeliveryPage> {
  const filtered = <Q extends Knex.QueryBuilder>(query: Q): Q => {
    if (state) query.where('d.state', state);
    if (id !== undefined) query.where('d.id', id);
    return query;
  };
  const [{ count }] = (await filtered(knex({ d: DELIVERIES_TABLE }).count({ count: '*' }))) as Array<{ count: string | number }>;
  const rows = (await filtered(joined(knex).select(SELECT))
    .orderBy('d.id', 'desc')
    .offset((page - 1) * pageSize)
    .limit(pageSize)) as Row[];
  return { deliveries: rows.map(fromRow), total: Number(count) };
}

/** Makes every failed delivery due now (after a receiver's long outage); answers how many. */
export async function retryAllFailed(knex: Knex, now: number): Promise<number> {
  return knex(DELIVERIES_TABLE).where({ state: 'failed' }).update({ state: 'pending', next_attempt_at: now, lease_until: null, lease_token: null });
}

/** Makes a failed delivery due now, for one more attempt; false when there is no failed delivery with this id. */
export async function retryFailed(knex: Knex, id: number, now: number): Promise<boolean> {
  const updated = await knex(DELIVERIES_TABLE)
    .where({ id, state: 'failed' })
    .update({ state: 'pending', next_attempt_at: now, lease_until: null, lease_token: null });
  return updated > 0;
}

/**
 * Forgets messages from before `before` (epoch ms) that reached every endpoint; a
 * pending or failed one stays until it is delivered (or an admin sees it). Answers how many went.
 */
export async function pruneDelivered(knex: Knex, before: number): Promise<number> {
  const done = knex({ m: MESSAGES_TABLE })
    .select('m.id')
    .where('m.occurred_at', '<', before)
    .whereNotExists(knex({ d: DELIVERIES_TABLE }).select(knex.raw('1')).whereRaw('d.message_id = m.id').andWhereNot('d.state', 'delivered'));
  const ids = ((await done) as Array<{ id: number }>).map((row) => row.id);
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    await knex.transaction(async (trx) => {
      await trx(DELIVERIES_TABLE).whereIn('message_id', batch).del();
      await trx(MESSAGES_TABLE).whereIn('id', batch).del();
    });
  }
  return ids.length;
}
