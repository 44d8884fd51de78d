import type { Core } from '@strapi/strapi';
import { appKeys } from '../src/env/secrets';
import cronTasks from './cron-tasks';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    // Public URL when behind a proxy/CDN; absolute URLs (admin, uploads) are built from it.
    url: env('PUBLIC_URL', ''),
    proxy: env.bool('IS_PROXIED', false),
    app: { keys: appKeys(process.env) },
    logger: { config: { level: env('LOG_LEVEL', 'info') } },
    // Scheduled jobs (config/cron-tasks.ts); each tick runs on one instance only.
    cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
  };
};
