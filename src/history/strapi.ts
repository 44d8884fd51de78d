import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { revisionById, revisionList } from './answer';
import { restoreRevision } from './restore';

const READ = 'plugin::content-manager.explorer.read';
const UPDATE = 'plugin::content-manager.explorer.update';

interface Ability {
  can(action: string, subject: string): boolean;
}

/** The Content Manager's own permission on the revision's type: who may read a document may read its history, who may edit its draft may restore. */
function assertMay(ctx: Context, action: string, uid: string): void {
  const ability = (ctx.state as { userAbility?: Ability }).userAbility;
  if (!ability?.can(action, uid)) throw new errors.ForbiddenError(`You may not ${action === READ ? 'read' : 'edit'} ${uid}`);
}

/**
 * The History panel's API in the admin (src/admin/history/), behind the admin
 * session: GET /newsroom/revisions?uid=&documentId=&locale=, GET
 * /newsroom/revisions/:id and POST /newsroom/revisions/:id/restore, answering as
 * the content API does. A restore made here is recorded as the admin who made it.
 */
export function registerHistoryAdmin(strapi: Core.Strapi): void {
  const route = (method: 'GET' | 'POST', path: string, handler: (ctx: Context) => Promise<void>) => ({
    method,
    path,
    info: { type: 'admin' },
    handler,
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  });
  strapi.server.routes({
    type: 'admin',
    prefix: '/newsroom',
    routes: [
      route('GET', '/revisions', async (ctx) => {
        ctx.body = await revisionList(strapi, ctx.query as Record<string, unknown>, (uid) => assertMay(ctx, READ, uid));
      }),
      route('GET', '/revisions/:id', async (ctx) => {
        const revision = await revisionById(strapi, ctx.params.id);
        assertMay(ctx, READ, revision.uid);
        ctx.body = { data: revision, meta: {} };
      }),
      route('POST', '/revisions/:id/restore', async (ctx) => {
        const revision = await revisionById(strapi, ctx.params.id);
        assertMay(ctx, UPDATE, revision.uid);
        const { revision: restored, dropped } = await restoreRevision(strapi, revision);
        ctx.body = { data: restored, meta: { droppedLinks: dropped } };
      }),
    ],
  });
}
