import type { Core } from '@strapi/strapi';
import { appKeys, assertProductionSecrets } from '../src/env/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  // Strapi loads this file first; checking every secret here makes a bad production
  // deploy fail before anything touches the database, naming all the bad variables.
  assertProductionSecrets(process.env);

  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    // Public URL when behind a proxy/CDN; absolute URLs (admin, uploads) are built from it.
    url: env('PUBLIC_URL', ''),
    proxy: env.bool('IS_PROXIED', false),
    app: { keys: appKeys(process.env) },
    logger: { config: { level: env('LOG_LEVEL', 'info') } },
  };
};
