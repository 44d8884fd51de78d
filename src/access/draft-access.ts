/**
 * Strapi 5 serves drafts to anyone who may `find` a type and adds `?status=draft`
 * (REST) or `status: DRAFT` (GraphQL), the public included. A newsroom's drafts are
 * unpublished journalism, so reading them needs an API token (used by preview
 * frontends and newsroom tools); editors read drafts in the admin panel, which this
 * rule does not touch.
 */

export const DRAFTS_NEED_TOKEN_MESSAGE =
  'Drafts are not public. Send an API token that may read this type (Authorization: Bearer <token>) to use status=draft.';

export interface DraftReadRequest {
  status: unknown;
  /**
   * The Strapi auth strategy that authenticated the request: `users-permissions`
   * (the public, or reader accounts), `content-api-token`, `admin`, or undefined
   * for reads made outside a request (bootstrap, scripts).
   */
  strategy: string | undefined;
}

export function draftReadAllowed({ status, strategy }: DraftReadRequest): boolean {
  return status !== 'draft' || strategy !== 'users-permissions';
}
