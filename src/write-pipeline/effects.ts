import type { Core } from '@strapi/strapi';
import { articleViewsEffect } from '../article-views/effect';
import { cacheEvictionEffect } from '../cache/eviction';
import { historyEffect } from '../history/effect';
import { searchIndexEffect } from '../search/index-writer';
import { settings } from '../settings';
import type { WriteEffect } from './pipeline';

/**
 * What follows every write, in the order it runs. The revision history and the read
 * models first, in the write's transaction (each reads what the write stored); then,
 * after the commit, the cache, so nothing can cache data older than the commit.
 */
export function writeEffects(strapi: Core.Strapi): ReadonlyArray<WriteEffect<unknown>> {
  return [...(settings().history.enabled ? [historyEffect(strapi)] : []), searchIndexEffect(strapi), articleViewsEffect(strapi), cacheEvictionEffect(strapi)];
}
