import type { Core } from '@strapi/strapi';
import { DESK_ROLES } from '../editorial-roles/permissions';
import type { DeclaredAccount } from '../settings/accounts';

/**
 * Creates the admin-panel accounts the environment declares, so a new install can
 * be logged into without the "register the first admin" form:
 * - the super admin only when no admin user exists at all (Strapi's own rule for the first admin);
 * - the editor and the reporter, with the Editor and Reporter roles (reconciled just
 *   before, src/editorial-roles/), when no user has that email.
 * Existing accounts are never modified: an editor who changed their password keeps it.
 * Passwords are never logged.
 */
export async function ensureAdminAccounts(strapi: Core.Strapi, accounts: DeclaredAccount[]): Promise<void> {
  const users = strapi.service('admin::user');
  for (const account of accounts) {
    if (account.role === 'super-admin') {
      if (await users.exists()) {
        strapi.log.info(`[accounts] an admin already exists; ADMIN_EMAIL (${account.email}) was not created`);
        continue;
      }
      // createFirstAdmin locks the super admin role row, so two instances booting together create one admin.
      await users.createFirstAdmin({ email: account.email, firstname: account.firstname, lastname: '', password: account.password });
      strapi.log.info(`[accounts] created the super admin ${account.email}`);
      continue;
    }

    if (await users.findOneByEmail(account.email)) continue;
    const { name, code } = DESK_ROLES[account.role];
    const deskRole = (await strapi.service('admin::role').findOne(code ? { code } : { name })) as { id: number } | null;
    if (!deskRole) throw new Error(`The ${name} role is missing; cannot create ${account.passwordVariable.replace('_PASSWORD', '_EMAIL')}.`);
    await users.create({
      email: account.email,
      firstname: account.firstname,
      lastname: '',
      password: account.password,
      registrationToken: null,
      isActive: true,
      roles: [deskRole.id],
    });
    strapi.log.info(`[accounts] created ${account.email} with the ${name} role`);
  }
}
