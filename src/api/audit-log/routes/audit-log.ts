export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/audit-log',
      // Not `find`: a read-only token passes only actions named find or findOne, and the log is for full access.
      handler: 'api::audit-log.audit-log.list',
      config: { description: 'The audit log, newest first: admin logins and changes to users, roles, tokens and settings (full-access tokens only)' },
    },
  ],
};
