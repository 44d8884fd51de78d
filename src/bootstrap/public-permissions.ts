import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_UIDS } from '../content-types';

/** The content types a reader may list and open without a token. */
export const PUBLIC_READABLE_TYPES = CONTENT_TYPE_UIDS;

/**
 * Search reads the same published content across types. (The article's JSON-LD and
 * ninjs routes need no grant of their own: they require findOne on articles.)
 */
const PUBLIC_DERIVED_READS = ['api::search.search.find'];

export const PUBLIC_ACTIONS: readonly string[] = [...PUBLIC_READABLE_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]), ...PUBLIC_DERIVED_READS];

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

/**
 * Makes the public role's permissions exactly PUBLIC_ACTIONS: grants what is missing,
 * revokes anything else (users-permissions grants the public register/login/password
 * routes by default; a news site has no reader accounts, so they are closed).
 * Permissions are code here, not admin-panel state: a change goes through review.
 * Idempotent: a second run finds nothing to do.
 */
export async function reconcilePublicPermissions(strapi: Core.Strapi): Promise<{ granted: string[]; revoked: string[] }> {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions has no public role; it should have been created by the plugin bootstrap.');

  const current: Array<{ id: number; action: string }> = await strapi.db.query(PERMISSION_UID).findMany({ where: { role: role.id }, select: ['id', 'action'] });
  const wanted = new Set(PUBLIC_ACTIONS);
  const have = new Set<string>();
  // Anything not wanted goes, and so do duplicate rows of a wanted action
  // (left behind by non-idempotent grant scripts such as Strapi's example seed).
  const revoked = current.filter((p) => {
    const keep = wanted.has(p.action) && !have.has(p.action);
    have.add(p.action);
    return !keep;
  });
  if (revoked.length > 0) {
    await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: revoked.map((p) => p.id) } } });
  }
  const granted = PUBLIC_ACTIONS.filter((action) => !have.has(action));
  for (const action of granted) {
    await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }
  if (granted.length || revoked.length) {
    strapi.log.info(`[permissions] public role: granted ${granted.length}, revoked ${revoked.length} (${revoked.map((p) => p.action).join(', ') || 'none'})`);
  }
  return { granted, revoked: revoked.map((p) => p.action) };
}
