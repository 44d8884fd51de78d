import type { Core } from '@strapi/strapi';

type EmailPlugin = Core.Plugin & { routes: Record<string, { type?: string; routes: Array<{ path: string }> }> };

/**
 * The email plugin exposes `POST /api/email` on the content API, so any full-access
 * token could send mail from the newsroom's domain (and an empty body is a 500).
 * Nothing in the newsroom sends mail through the content API; the admin panel's own
 * email settings and test mail are unaffected.
 */
export default (plugin: EmailPlugin) => {
  const contentApi = plugin.routes['content-api'];
  if (contentApi) contentApi.routes = contentApi.routes.filter((route) => route.path !== '/');
  return plugin;
};
