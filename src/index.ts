import type { Core } from '@strapi/strapi';
import { ensureNewsroomLocales } from './bootstrap/locales';
import { reconcilePublicPermissions } from './bootstrap/public-permissions';
import { seedOnFirstBoot } from './bootstrap/seed-on-boot';
import { registerDraftsNeedToken } from './document-middlewares/drafts-need-token';
import { registerQuoteAttribution } from './document-middlewares/quote-attribution';
import { assertProductionSecrets } from './env/secrets';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // First thing at boot, before the database is touched; see src/env/secrets.ts for why not in config/.
    assertProductionSecrets(process.env);
    registerDraftsNeedToken(strapi);
    registerQuoteAttribution(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureNewsroomLocales(strapi);
    await reconcilePublicPermissions(strapi);
    await seedOnFirstBoot(strapi);
  },
};
