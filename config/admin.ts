import type { Core } from '@strapi/strapi';
import { secret } from '../src/env/secrets';
import { previewSettings, previewUrl } from '../src/domain/preview/preview';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  const preview = previewSettings(process.env);
  return {
    auth: { secret: secret('ADMIN_JWT_SECRET') },
    apiToken: { salt: secret('API_TOKEN_SALT') },
    transfer: { token: { salt: secret('TRANSFER_TOKEN_SALT') } },
    secrets: { encryptionKey: secret('ENCRYPTION_KEY') },
    flags: {
      // No phoning home from a newsroom's admin panel.
      nps: env.bool('FLAG_NPS', false),
      promoteEE: env.bool('FLAG_PROMOTE_EE', false),
    },
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
