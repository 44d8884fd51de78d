import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * The newsroom has no reader accounts: the public reads anonymously, frontends and
 * scripts use API tokens, editors use the admin panel. The users-permissions plugin
 * still adds sign-up, login and password mutations to GraphQL, and marks them
 * `auth: false`, so the public role's permissions (which close the same REST routes)
 * do not apply to them: anyone could register an account over GraphQL. This denies
 * them, and `me` (which answers an API token with an internal error), with a 403.
 */
export const READER_ACCOUNT_OPERATIONS = [
  'Mutation.register',
  'Mutation.login',
  'Mutation.forgotPassword',
  'Mutation.resetPassword',
  'Mutation.changePassword',
  'Mutation.emailConfirmation',
  'Query.me',
] as const;

type Resolve = (parent: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

// GraphQL resolver middlewares (the plugin's policies must be registered by name; these need no registry).
const noReaderAccounts = async () => {
  throw new errors.ForbiddenError('The newsroom has no reader accounts: sign-up, login and password operations are closed.');
};

export function registerPluginGuards(strapi: Core.Strapi): void {
  /** The upload plugin's update answers an unknown id with an internal error; a missing file is a 404. */
  const fileExists = async (resolve: Resolve, parent: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => {
    const id = Number(args.id);
    const file = Number.isSafeInteger(id) ? await strapi.db.query('plugin::upload.file').findOne({ where: { id }, select: ['id'] }) : null;
    if (!file) throw new errors.NotFoundError(`No file with id ${String(args.id)}.`);
    return resolve(parent, args, context, info);
  };
  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => ({
      resolversConfig: {
        ...Object.fromEntries(READER_ACCOUNT_OPERATIONS.map((operation) => [operation, { auth: false, middlewares: [noReaderAccounts] }])),
        'Mutation.updateUploadFile': { middlewares: [fileExists] },
      },
    }));
}
