import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ensureAdminAccounts } from './bootstrap/admin-accounts';
import { applyContentManagerViews } from './bootstrap/content-manager-views';
import { completeEditorRole, grantLocalesToContentRoles } from './bootstrap/content-roles';
import { ensureNewsroomLocales } from './bootstrap/locales';
import { ensureQueryIndexes } from './bootstrap/query-indexes';
import { reconcilePublicPermissions } from './bootstrap/public-permissions';
import { seedOnFirstBoot } from './bootstrap/seed-on-boot';
import { installHttpFastPath } from './cache/http-fast-path';
import { httpSettings, type HttpSettings } from './domain/http/settings';
import { installRateLimit, type RateLimitHandle } from './http/rate-limit';
import { CrossProcessSignal } from './cache/cross-process';
import { createResponseCache, responseCache } from './cache/response-cache';
import { cacheSettings } from './cache/settings';
import { registerArticleViews } from './document-middlewares/article-views';
import { registerCacheFlushes, registerCacheTags } from './document-middlewares/cache-tags';
import { registerDraftsNeedToken } from './document-middlewares/drafts-need-token';
import { registerLocaleSync } from './document-middlewares/locale-sync';
import { registerQuoteAttribution } from './document-middlewares/quote-attribution';
import { rebuildSearchIndexIfEmpty, registerSearchIndex } from './document-middlewares/search-index';
import { registerPluginGuards } from './graphql/plugin-guards';
import { registerSearchGraphql } from './graphql/search';
import { rebuildArticleViewsIfEmpty } from './read-models/article-views';
import { declaredAccounts, type DeclaredAccount } from './domain/accounts/admin-accounts';
import { assertProductionSecrets } from './env/secrets';
import { registerDocumentWriteValidation } from './validation/strapi/documents';
import { registerGraphqlValidation } from './validation/strapi/graphql';
import { buildValidationModels } from './validation/strapi/models';
import { registerRestValidation } from './validation/strapi/rest';

let accounts: DeclaredAccount[] = [];
let http: HttpSettings;
let rateLimit: RateLimitHandle | undefined;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Configuration that would make the boot unsafe fails here, before the database is touched.
    assertProductionSecrets(process.env);
    accounts = declaredAccounts(process.env);
    http = httpSettings(process.env);
    createResponseCache(cacheSettings(process.env));

    // Bad input is refused before it reaches the database, with a 400 naming it (src/validation/).
    buildValidationModels(strapi);
    registerRestValidation(strapi);
    registerGraphqlValidation(strapi);
    // Outermost document middleware: a write with a value of the wrong type opens no transaction.
    registerDocumentWriteValidation(strapi);
    // Then: tags cacheable reads with what they returned, evicts after writes commit.
    registerCacheTags(strapi);
    registerCacheFlushes(strapi);
    registerDraftsNeedToken(strapi);
    // Attribution wraps the sync: it checks the quote as stored, relations filled in.
    registerQuoteAttribution(strapi);
    registerLocaleSync(strapi);
    // Innermost: the read models index what was actually stored, after the other rules have run.
    registerSearchIndex(strapi);
    registerArticleViews(strapi);
    registerSearchGraphql(strapi);
    registerPluginGuards(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureQueryIndexes(strapi);
    const createdLocales = await ensureNewsroomLocales(strapi);
    await grantLocalesToContentRoles(strapi, createdLocales);
    await completeEditorRole(strapi);
    await reconcilePublicPermissions(strapi);
    await ensureAdminAccounts(strapi, accounts);
    await applyContentManagerViews(strapi);
    await rebuildSearchIndexIfEmpty(strapi);
    await rebuildArticleViewsIfEmpty(strapi);
    await seedOnFirstBoot(strapi);

    const restPrefix = `${strapi.config.get<string>('api.rest.prefix', '/api')}/`;
    const cache = responseCache();
    if (cache) {
      if (cache.store.kind === 'memory') {
        // Other processes on this database (a seed script, another instance without Redis) write too.
        cache.signal = new CrossProcessSignal(strapi.db.connection as unknown as Knex, () => cache.store.flush());
        await cache.signal.start(1000);
      }
      // Anything cached during boot (nothing, normally) predates the seed; start clean.
      await cache.flush();
      installHttpFastPath(strapi.server.httpServer, cache, restPrefix, http.corsOrigins);
      strapi.log.info(`[cache] response cache on (${cache.store.kind} store)`);
    }
    // Outermost, in front of the fast path: cached answers count against the limit too.
    if (http.rateLimit.enabled) {
      rateLimit = installRateLimit(strapi.server.httpServer, http.rateLimit, {
        restPrefix,
        graphqlPath: strapi.config.get<string>('plugin::graphql.endpoint', '/graphql'),
        proxied: strapi.config.get<boolean>('server.proxy', false),
        corsOrigins: http.corsOrigins,
      });
      const { max, windowSeconds, redisUrl } = http.rateLimit;
      strapi.log.info(`[rate-limit] ${max} requests per ${windowSeconds} s per address (${redisUrl ? 'redis' : 'memory'} counters)`);
    }
  },

  async destroy() {
    await rateLimit?.close();
    responseCache()?.signal?.stop();
    await responseCache()?.store.close();
  },
};
