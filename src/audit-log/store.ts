import type { Knex } from 'knex';

export const AUDIT_LOG_TABLE = 'newsroom_audit_log';

export interface AuditActor {
  kind: 'admin' | 'anonymous';
  id: string | null;
  /** The admin's email; for a login, the email tried. */
  name: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  actor: AuditActor;
  target: string | null;
  outcome: 'success' | 'failure';
  ip: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { status: number };

interface Row {
  id: number;
  at: Date | string | number;
  action: string;
  actor_kind: AuditActor['kind'];
  actor_id: string | null;
  actor_name: string | null;
  target: string | null;
  outcome: AuditEntry['outcome'];
  ip: string | null;
}

/** Appends one entry. There is no update or delete here, and the table's triggers refuse them anyway. */
export async function appendAuditEntry(knex: Knex, entry: NewAuditEntry): Promise<void> {
  await knex(AUDIT_LOG_TABLE).insert({
    at: new Date(),
    action: entry.action,
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.id,
    actor_name: entry.actor.name,
    target: entry.target,
    outcome: entry.outcome,
    status: entry.status,
    ip: entry.ip,
  });
}

/** One page, newest first, and how many entries there are in all. */
export async function auditPage(knex: Knex, page: number, pageSize: number): Promise<{ entries: AuditEntry[]; total: number }> {
  const [{ total }] = (await knex(AUDIT_LOG_TABLE).count({ total: '*' })) as Array<{ total: number | string }>;
  const rows = (await knex(AUDIT_LOG_TABLE)
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .select('id', 'at', 'action', 'actor_kind', 'actor_id', 'actor_name', 'target', 'outcome', 'ip')) as Row[];
  return {
    total: Number(total),
    entries: rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      action: r.action,
      actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
      target: r.target,
      outcome: r.outcome,
      ip: r.ip,
    })),
  };
}
