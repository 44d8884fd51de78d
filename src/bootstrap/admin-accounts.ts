import type { Core } from '@strapi/strapi';
import type { DeclaredAccount } from '../settings/accounts';

const EDITOR_ROLE_CODE = 'strapi-editor';

/**
 * Creates the admin-panel accounts the environment declares, so a new install can
 * be logged into without the "register the first admin" form:
 * - the super admin only when no admin user exists at all (Strapi's own rule for the first admin);
 * - the editor, with Strapi's built-in Editor role, when no user has that email.
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
    const editorRole = await strapi.service('admin::role').findOne({ code: EDITOR_ROLE_CODE });
    if (!editorRole) throw new Error(`Strapi's built-in Editor role (${EDITOR_ROLE_CODE}) is missing; cannot create EDITOR_EMAIL.`);
    await users.create({
      email: account.email,
      firstname: account.firstname,
      lastname: '',
      password: account.password,
      registrationToken: null,
      isActive: true,
      roles: [editorRole.id],
    });
    strapi.log.info(`[accounts] created the editor ${account.email} with the Editor role`);
  }
}
