import type { Core } from '@strapi/strapi';
import { previewUrl } from '../src/domain/preview/preview';
import { settings } from '../src/settings';

export default (): Core.Config.Admin => {
  const { preview, secrets, admin } = settings();
  return {
    auth: { secret: secrets.adminJwtSecret },
    apiToken: { salt: secrets.apiTokenSalt },
    transfer: { token: { salt: secrets.transferTokenSalt } },
    secrets: { encryptionKey: secrets.encryptionKey },
    // No phoning home from a newsroom's admin panel.
    flags: { nps: admin.flags.nps, promoteEE: admin.flags.promoteEE },
    preview: {
      enabled: preview !== null,
      config: {
        allowedOrigins: preview ? [new URL(preview.frontendUrl).origin] : [],
        // The preview button on articles opens the frontend's page for this slug and locale.
        async handler(uid, { documentId, locale, status }) {
          if (!preview || uid !== 'api::article.article' || !locale) return null;
          const document = await strapi.db.query('api::article.article').findOne({
            where: { documentId, locale, publishedAt: status === 'published' ? { $notNull: true } : null },
            select: ['slug'],
          });
          if (!document?.slug) return null;
          return previewUrl(preview, {
            locale,
            slug: document.slug,
            documentId,
            status: status === 'published' ? 'published' : 'draft',
          });
        },
      },
    },
  };
};
