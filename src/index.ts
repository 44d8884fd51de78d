import type { Core } from '@strapi/strapi';
import { ensureNewsroomLocales } from './bootstrap/locales';
import { reconcilePublicPermissions } from './bootstrap/public-permissions';
import { seedOnFirstBoot } from './bootstrap/seed-on-boot';
import { registerDraftsNeedToken } from './document-middlewares/drafts-need-token';
import { registerQuoteAttribution } from './document-middlewares/quote-attribution';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDraftsNeedToken(strapi);
    registerQuoteAttribution(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureNewsroomLocales(strapi);
    await reconcilePublicPermissions(strapi);
    await seedOnFirstBoot(strapi);
  },
};
