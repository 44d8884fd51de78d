import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { revisionById, revisionList } from '../../../history/answer';
import { restoreRevision } from '../../../history/restore';

/** Revision history for tools (src/history/): reads need a read-only or full-access token, a restore full access. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = await revisionList(strapi, ctx.query as Record<string, unknown>);
  },
  async findOne(ctx: Context) {
    ctx.body = { data: await revisionById(strapi, ctx.params.id), meta: {} };
  },
  async restore(ctx: Context) {
    const { revision, dropped } = await restoreRevision(strapi, await revisionById(strapi, ctx.params.id));
    ctx.body = { data: revision, meta: { droppedLinks: dropped } };
  },
});
