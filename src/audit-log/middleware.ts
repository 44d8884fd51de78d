import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { bodyField, matchAuditedRoute, outcomeOf, type MatchedRoute, type RecordKind } from './actions';
import { appendAuditEntry, type AuditActor } from './store';

const MODEL_OF: Record<Exclude<RecordKind, 'webhook'>, { uid: string; field: string }> = {
  'admin-user': { uid: 'admin::user', field: 'email' },
  'admin-role': { uid: 'admin::role', field: 'name' },
  'api-token': { uid: 'admin::api-token', field: 'name' },
  'transfer-token': { uid: 'admin::transfer-token', field: 'name' },
  locale: { uid: 'plugin::i18n.locale', field: 'code' },
};

/** What a record is called (an account's email, a token's or role's name), looked up before the change. */
async function recordNames(strapi: Core.Strapi, kind: RecordKind, ids: unknown[]): Promise<string[]> {
  const names: string[] = [];
  for (const id of ids.slice(0, 20)) {
    let name: unknown;
    if (kind === 'webhook') name = ((await strapi.get('webhookStore').findWebhook(String(id))) as { name?: string } | null)?.name;
    else {
      const { uid, field } = MODEL_OF[kind];
      name = (
        (await strapi.db.query(uid as Parameters<typeof strapi.db.query>[0]).findOne({ where: { id: Number(id) }, select: [field] })) as Record<
          string,
          unknown
        > | null
      )?.[field];
    }
    names.push(typeof name === 'string' ? name : `${kind} ${String(id)}`);
  }
  return names;
}

async function targetOf(strapi: Core.Strapi, matched: MatchedRoute, body: unknown): Promise<string | null> {
  const { target } = matched.route;
  switch (target.from) {
    case 'body':
      return bodyField(body, target.field);
    case 'fixed':
      return target.name;
    case 'param':
      return matched.params[target.name] ?? null;
    case 'record':
      return (await recordNames(strapi, target.kind, [matched.params.id])).join(', ');
    case 'ids': {
      const ids = (body as { ids?: unknown } | undefined)?.ids;
      return Array.isArray(ids) ? (await recordNames(strapi, target.kind, ids)).join(', ').slice(0, 255) : null;
    }
  }
}

interface AdminUser {
  id: number | string;
  email?: string;
}

/** Who acted: the signed-in admin, or (a login, a registration) the account the answer names, else nobody known. */
function actorOf(state: { user?: AdminUser; isAuthenticated?: boolean }, responseBody: unknown, tried: string | null): AuditActor {
  const answered = (responseBody as { data?: { user?: AdminUser } } | undefined)?.data?.user;
  const user = state.isAuthenticated && state.user ? state.user : answered;
  if (user?.id !== undefined) return { kind: 'admin', id: String(user.id), name: user.email ?? null };
  return { kind: 'anonymous', id: null, name: tried };
}

/**
 * Records every audited admin call (./actions.ts) after it has been answered: what,
 * who, on what, the outcome and the client's address (behind a proxy, the forwarded
 * one when IS_PROXIED is set). A refused call is recorded as a failure. Writing the
 * entry never changes the answer: if the database refuses it, the error is logged.
 */
const auditLog: Core.MiddlewareFactory = (_config, { strapi }) => {
  return async (ctx, next) => {
    const matched = matchAuditedRoute(ctx.method, ctx.path);
    if (!matched) return next();
    const body: unknown = ctx.request.body;
    const target = await targetOf(strapi, matched, body).catch(() => null);
    let status = 500;
    try {
      await next();
      status = ctx.status;
    } catch (error) {
      status = (error as { status?: number }).status ?? 500;
      throw error;
    } finally {
      const tried = matched.route.target.from === 'body' ? target : null;
      await appendAuditEntry(strapi.db.connection as unknown as Knex, {
        action: matched.route.action,
        actor: actorOf(ctx.state as { user?: AdminUser; isAuthenticated?: boolean }, ctx.body, tried),
        target,
        outcome: outcomeOf(status),
        status,
        ip: ctx.request.ip || null,
      }).catch((error: Error) => strapi.log.error(`[audit-log] could not record ${matched.route.action}: ${error.message}`));
    }
  };
};

export default auditLog;
