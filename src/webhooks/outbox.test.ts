import knexFactory, { type Knex } from 'knex';
import { claimDue, DELIVERIES_TABLE, MESSAGES_TABLE } from './outbox';

// The real migration, on an in-memory SQLite database.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const migration = require('../../database/migrations/2026.12.08T00.00.00.create-webhook-outbox.js') as { up(knex: Knex): Promise<void> };

const NOW = 1_796_000_000_000;

describe('claiming due deliveries', () => {
  let knex: Knex;

  beforeEach(async () => {
    knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await migration.up(knex);
    const [message] = (await knex(MESSAGES_TABLE)
      .insert({
        message_id: 'msg_1',
        type: 'entry.published',
        uid: 'api::article.article',
        document_id: 'doc1',
        locale: 'ar',
        slug: 'a-story',
        affected_articles: '[]',
        occurred_at: NOW - 1000,
        version: 1,
      })
      .returning('id')) as Array<{ id: number }>;
    await knex(DELIVERIES_TABLE).insert({
      message_id: message!.id,
      endpoint: 'http://127.0.0.1:9/hook',
      state: 'pending',
      next_attempt_at: NOW - 1000,
      attempt_log: '[]',
    });
  });
  afterEach(() => knex.destroy());

  it('leases a due delivery to one claimant, with its message', async () => {
    const [claimed] = await claimDue(knex, { now: NOW, limit: 16, leaseMs: 40_000 });
    expect(claimed).toMatchObject({ message: { messageId: 'msg_1', slug: 'a-story' } });
    expect(await claimDue(knex, { now: NOW + 1, limit: 16, leaseMs: 40_000 })).toEqual([]);
    // Due again once the lease runs out (the claimant died).
    expect(await claimDue(knex, { now: NOW + 40_001, limit: 16, leaseMs: 40_000 })).toHaveLength(1);
  });

  it('takes no lease when reading what it leased fails (the database went away in between)', async () => {
    // The connection drops after the lease is taken: the read that joins the messages table fails as pg's would.
    const proto = Object.getPrototypeOf(knex.client) as { query(this: unknown, connection: unknown, query: string | { sql: string }): Promise<unknown> };
    const own = Object.prototype.hasOwnProperty.call(proto, 'query');
    const query = proto.query;
    proto.query = function (connection, statement) {
      const sql = typeof statement === 'string' ? statement : statement.sql;
      if (sql.includes('join') && sql.includes(MESSAGES_TABLE)) return Promise.reject(new Error('Connection terminated unexpectedly'));
      return query.call(this, connection, statement);
    };
    try {
      await expect(claimDue(knex, { now: NOW, limit: 16, leaseMs: 40_000 })).rejects.toThrow('Connection terminated unexpectedly');
    } finally {
      if (own) proto.query = query;
      else delete (proto as Partial<typeof proto>).query;
    }
    const [delivery] = (await knex(DELIVERIES_TABLE).select('lease_until', 'lease_token')) as Array<{ lease_until: number | null; lease_token: string | null }>;
    expect(delivery).toEqual({ lease_until: null, lease_token: null });
    // And the next poll, with the database back, takes it.
    expect(await claimDue(knex, { now: NOW + 1, limit: 16, leaseMs: 40_000 })).toHaveLength(1);
  });
});
