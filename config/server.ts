import type { Core } from '@strapi/strapi';
import { settings } from '../src/settings';
import cronTasks from './cron-tasks';

export default (): Core.Config.Server => {
  const { server, jobs } = settings();
  return {
    host: server.host,
    port: server.port,
    // Public URL when behind a proxy/CDN; absolute URLs (admin, uploads) are built from it.
    url: server.publicUrl,
    proxy: server.proxied,
    app: { keys: [...server.appKeys] },
    logger: { config: { level: server.logLevel } },
    // Scheduled jobs (config/cron-tasks.ts); each tick runs on one instance only.
    cron: { enabled: jobs.cronEnabled, tasks: cronTasks },
  };
};
