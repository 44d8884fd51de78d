export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/revisions',
      handler: 'api::revision.revision.find',
      config: { description: "A document's revisions, newest first: ?uid=&documentId=&locale= and pagination (API tokens only)" },
    },
    {
      method: 'GET',
      path: '/revisions/:id',
      handler: 'api::revision.revision.findOne',
      config: { description: 'One revision with its snapshot (API tokens only)' },
    },
    {
      method: 'POST',
      path: '/revisions/:id/restore',
      // Not find or findOne: a read-only token passes only those, and a restore writes.
      handler: 'api::revision.revision.restore',
      config: { description: "Writes a revision's snapshot into the document's draft in its locale and records a restore (full-access tokens only)" },
    },
  ],
};
