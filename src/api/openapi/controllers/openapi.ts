import { readFile } from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/** Serves the committed docs/openapi.json (regenerated with `npm run openapi`), read once. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let document: Promise<string> | null = null;
  return {
    async document(ctx: Context) {
      document ??= readFile(path.join(strapi.dirs.app.root, 'docs', 'openapi.json'), 'utf8');
      try {
        ctx.type = 'application/json; charset=utf-8';
        ctx.body = await document;
      } catch {
        document = null;
        ctx.status = 404;
        ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'docs/openapi.json is missing from this deployment', details: {} } };
      }
    },
  };
};
