import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { registerDraftsNeedToken } from './access/document-middleware';
import { rebuildArticleViewsIfEmpty } from './article-views/read-model';
import { ensureAdminAccounts } from './bootstrap/admin-accounts';
import { applyContentManagerViews } from './bootstrap/content-manager-views';
import { grantLocalesToContentRoles } from './bootstrap/content-roles';
import { ensureNewsroomLocales } from './bootstrap/locales';
import { reconcilePublicPermissions } from './bootstrap/public-permissions';
import { ensureQueryIndexes } from './bootstrap/query-indexes';
import { seedOnFirstBoot } from './bootstrap/seed-on-boot';
import { registerAuditLogAdmin } from './audit-log/strapi';
import { registerHistoryAdmin } from './history/strapi';
import { registerWebhookAdmin, startWebhookDispatcher, stopWebhookDispatcher } from './webhooks/strapi';
import { CrossProcessSignal, SIGNAL_POLL_MS } from './cache/cross-process';
import { registerCorrectionsRule } from './corrections/document-middleware';
import { discardNeedsPublish, reconcileDeskRoles } from './editorial-roles/reconcile';
import { registerCacheFlushes } from './cache/eviction';
import { installHttpFastPath } from './cache/http-fast-path';
import { registerCacheReadTags } from './cache/read-tags';
import { createResponseCache, responseCache } from './cache/response-cache';
import { closePersistedQueryStores } from './graphql/persisted-queries';
import { registerPluginGuards } from './graphql/plugin-guards';
import { logUnhandledRejections } from './errors/unhandled-rejections';
import { registerLocaleSync } from './locale-sync/document-middleware';
import { registerQuoteAttribution } from './quotes/document-middleware';
import { installRateLimit, type RateLimitHandle } from './rate-limit/rate-limit';
import { registerSchedulingRules } from './scheduling/document-middleware';
import { startScheduler } from './scheduling/timer';
import { registerSearchGraphql } from './search/graphql';
import { registerArticleViewsGraphql } from './article-views/graphql';
import { rebuildSearchIndexIfEmpty } from './search/index-writer';
import { assertSettings, settings } from './settings';
import { registerDocumentWriteValidation } from './validation/strapi/documents';
import { registerGraphqlValidation } from './validation/strapi/graphql';
import { buildValidationModels } from './validation/strapi/models';
import { registerRestValidation } from './validation/strapi/rest';
import { writeEffects } from './write-pipeline/effects';
import { registerWritePipeline } from './write-pipeline/pipeline';

let rateLimit: RateLimitHandle | undefined;
let stopScheduler: (() => Promise<void>) | undefined;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // A bad or, in production, missing setting stops the boot here, before the database is touched.
    assertSettings();
    logUnhandledRejections(strapi.log);
    createResponseCache(settings().cache);

    // Bad input is refused before it reaches the database, with a 400 naming it (src/validation/).
    buildValidationModels(strapi);
    registerRestValidation(strapi);
    registerGraphqlValidation(strapi);

    // Document Service middlewares, outermost first.
    // 1. A write with a value of the wrong type opens no transaction.
    registerDocumentWriteValidation(strapi);
    // 2. Reads: tag the response being cached; drafts need a token.
    registerCacheReadTags(strapi);
    registerDraftsNeedToken(strapi);
    // 3. Writes: one transaction, the effects that follow every write (src/write-pipeline/effects.ts)…
    registerWritePipeline(strapi, writeEffects(strapi));
    // 4. …around the model's rules: published corrections stay, an embargo holds, a quote is
    //    somebody's (checked on the stored result), and relations kept in step across locales.
    registerCorrectionsRule(strapi);
    registerSchedulingRules(strapi);
    registerQuoteAttribution(strapi);
    registerLocaleSync(strapi);

    registerCacheFlushes(strapi);
    discardNeedsPublish(strapi);
    registerAuditLogAdmin(strapi);
    registerHistoryAdmin(strapi);
    registerWebhookAdmin(strapi);
    registerSearchGraphql(strapi);
    registerArticleViewsGraphql(strapi);
    registerPluginGuards(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const { http, admin, jobs } = settings();
    await ensureQueryIndexes(strapi);
    const createdLocales = await ensureNewsroomLocales(strapi);
    await grantLocalesToContentRoles(strapi, createdLocales);
    await reconcileDeskRoles(strapi);
    await reconcilePublicPermissions(strapi);
    await ensureAdminAccounts(strapi, admin.accounts);
    await applyContentManagerViews(strapi);
    await rebuildSearchIndexIfEmpty(strapi);
    await rebuildArticleViewsIfEmpty(strapi);
    await seedOnFirstBoot(strapi);

    const restPrefix = `${strapi.config.get<string>('api.rest.prefix', '/api')}/`;
    const cache = responseCache();
    if (cache) {
      if (cache.store.kind === 'memory') {
        // Other processes on this database (a seed script, another instance without Redis) write too.
        cache.signal = new CrossProcessSignal(
          strapi.db.connection as unknown as Knex,
          () => cache.store.flush(),
          (error) => strapi.log.error(`[cache] could not tell other processes about an eviction: ${error.message}`),
        );
        await cache.signal.start(SIGNAL_POLL_MS);
      }
      // Anything cached during boot (nothing, normally) predates the seed; start clean.
      await cache.flush();
      installHttpFastPath(strapi.server.httpServer, cache, {
        restPrefix,
        graphqlPath: strapi.config.get<string>('plugin::graphql.endpoint', '/graphql'),
        corsOrigins: http.corsOrigins,
        bodyLimit: http.bodyLimit,
        bodyLimitBytes: http.bodyLimitBytes,
      });
      strapi.log.info(`[cache] response cache on (${cache.store.kind} store)`);
    }
    // Signed webhooks from the outbox: every instance delivers, one takes each message (src/webhooks/).
    startWebhookDispatcher(strapi);
    // Scheduled publishing: every instance runs the timer, one of them does each tick (src/scheduling/).
    if (jobs.cronEnabled) {
      stopScheduler = startScheduler(strapi, jobs.scheduleIntervalSeconds);
      strapi.log.info(`[scheduling] publishAt/unpublishAt checked every ${jobs.scheduleIntervalSeconds} s`);
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
    await stopScheduler?.();
    await stopWebhookDispatcher();
    await rateLimit?.close();
    responseCache()?.signal?.stop();
    await responseCache()?.store.close();
    await closePersistedQueryStores();
  },
};
