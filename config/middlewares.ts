import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Rejects `?locale=` values that are not configured, before any controller turns them into a 500 or an empty page.
  'global::validate-locale',
  'strapi::body',
  // After body parsing (GraphQL queries are keyed by their body), before the session and routes.
  // Cached REST reads never get this far: src/cache/http-fast-path.ts answers them.
  'global::response-cache',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
