import type { Core } from '@strapi/strapi';
import { articleViewsEffect } from '../article-views/effect';
import { cacheEvictionEffect } from '../cache/eviction';
import { historyEffect } from '../history/effect';
import { searchIndexEffect } from '../search/index-writer';
import { settings } from '../settings';
import { webhookEffects } from '../webhooks/strapi';
import type { WriteEffect } from './pipeline';

/**
 * What follows every write, in the order it runs. In the write's transaction: the
 * revision history and the read models (each reads what the write stored), then the
 * webhook outbox (it needs the articles the read model step found changed). After the
 * commit: the cache, so nothing can cache data older than the commit; then the webhook
 * dispatcher is woken, so a receiver that reads on a webhook never gets the old answer.
 */
export function writeEffects(strapi: Core.Strapi): ReadonlyArray<WriteEffect<unknown>> {
  return [
    ...(settings().history.enabled ? [historyEffect(strapi)] : []),
    searchIndexEffect(strapi),
    articleViewsEffect(strapi),
    cacheEvictionEffect(strapi),
    ...webhookEffects(),
  ];
}
