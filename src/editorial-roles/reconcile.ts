import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_UIDS } from '../content-types';
import { CONTENT_ACTION, DESK_ROLES, deskPermissions, type DeskRole, type DeskSubject } from './permissions';

interface Role {
  id: number;
  name: string;
  code: string;
  description?: string;
}

interface ActionDefinition {
  actionId: string;
  subjects?: string[];
}

/** Every field of each newsroom type, as Strapi's own role editor lists them (components' fields nested). */
function deskSubjects(strapi: Core.Strapi): DeskSubject[] {
  const read = strapi.service('admin::permission').actionProvider.get(CONTENT_ACTION('read')) as ActionDefinition;
  const i18n = strapi.plugin('i18n').service('content-types');
  return CONTENT_TYPE_UIDS.map((uid) => {
    const [permission] = strapi
      .service('admin::content-type')
      .getPermissionsWithNestedFields([read], { restrictedSubjects: (read.subjects ?? []).filter((s) => s !== uid) }) as Array<{
      properties: { fields?: string[] };
    }>;
    return { uid, fields: permission?.properties.fields ?? [], localized: Boolean(i18n.isLocalizedContentType(strapi.contentType(uid))) };
  });
}

/** Finds the role (the built-in one by its code, ours by its exact name) or creates it. */
async function deskRole(strapi: Core.Strapi, role: DeskRole): Promise<Role> {
  const { name, code, description } = DESK_ROLES[role];
  const roles = strapi.service('admin::role');
  const found = ((code ? await roles.findOne({ code }) : null) ?? (await roles.findOne({ name }))) as Role | null;
  if (!found) return (await roles.create({ name, description })) as Role;
  if (found.name !== name || found.description !== description) await roles.update({ id: found.id }, { name, description });
  return found;
}

/**
 * The Reporter and Editor roles, reconciled to ./permissions.ts at every boot, as the
 * public permissions are: a role missing is created, a permission added or removed
 * in the admin is put back. Change the list in code, not in Settings → Roles.
 * The role service diffs, so a boot with nothing to change writes nothing.
 */
export async function reconcileDeskRoles(strapi: Core.Strapi): Promise<void> {
  const locales = ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map((l) => l.code);
  const subjects = deskSubjects(strapi);
  for (const role of Object.keys(DESK_ROLES) as DeskRole[]) {
    const { id, name } = await deskRole(strapi, role);
    const changed = (await strapi.service('admin::role').assignPermissions(id, deskPermissions(role, subjects, locales))) as unknown[];
    strapi.log.debug(`[roles] ${name}: ${changed.length} permissions after reconciling`);
  }
}

/**
 * Strapi lets whoever may update a draft discard it; a newsroom treats discarding
 * as an editor's call, like publishing. The Content Manager's discard route is made
 * to require publish on the type as well (its own permission policy, one more action).
 */
export function discardNeedsPublish(strapi: Core.Strapi): void {
  const routers = Object.values(strapi.plugin('content-manager').routes as Record<string, { routes?: Core.Route[] }>);
  const discard = routers.flatMap((router) => router.routes ?? []).filter((route) => route.handler === 'collection-types.discard');
  if (discard.length === 0) throw new Error('content-manager: no collection-types.discard route to guard; has the plugin changed?');
  for (const route of discard) {
    const policy = (route.config?.policies ?? []).find(
      (p): p is { name: string; config: { actions: string[] } } =>
        typeof p === 'object' && p !== null && 'name' in p && p.name === 'plugin::content-manager.hasPermissions',
    );
    if (!policy) throw new Error('content-manager: the discard route has no permission policy to extend; has the plugin changed?');
    if (!policy.config.actions.includes(CONTENT_ACTION('publish'))) policy.config.actions.push(CONTENT_ACTION('publish'));
  }
}
