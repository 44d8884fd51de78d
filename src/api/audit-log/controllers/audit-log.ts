import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { auditLogAnswer } from '../../../audit-log/answer';

/** GET /api/audit-log: full-access tokens only (see the route). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    ctx.body = await auditLogAnswer(strapi, ctx.query as Record<string, unknown>);
  },
});
