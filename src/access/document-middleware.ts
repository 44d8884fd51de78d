import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { READ_ACTIONS } from '../content-types';
import { draftReadAllowed, DRAFTS_NEED_TOKEN_MESSAGE } from './draft-access';

/**
 * Applies draftReadAllowed to every Document Service read made while serving a
 * request, so REST, GraphQL and any custom route are covered by one rule. Reads
 * outside a request (bootstrap, seed scripts) have no request context and pass.
 */
export function registerDraftsNeedToken(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!READ_ACTIONS.has(context.action) || !context.uid.startsWith('api::')) return next();
    const status = (context.params as { status?: unknown } | undefined)?.status;
    const auth = strapi.requestContext.get()?.state?.auth as { strategy?: { name?: string } } | undefined;
    if (!draftReadAllowed({ status, strategy: auth?.strategy?.name })) {
      // PolicyError is the one 403 whose message Strapi's router passes through to the client.
      throw new errors.PolicyError(DRAFTS_NEED_TOKEN_MESSAGE);
    }
    return next();
  });
}
