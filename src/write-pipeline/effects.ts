import type { Core } from '@strapi/strapi';
import { articleViewsEffect } from '../article-views/effect';
import { cacheEvictionEffect } from '../cache/eviction';
import { searchIndexEffect } from '../search/index-writer';
import type { WriteEffect } from './pipeline';

/**
 * What follows every write, in the order it runs. The read models first, in the
 * write's transaction (search and the article views read what the write stored);
 * then, after the commit, the cache, so nothing can cache data older than the commit.
 */
export function writeEffects(strapi: Core.Strapi): ReadonlyArray<WriteEffect<unknown>> {
  return [searchIndexEffect(strapi), articleViewsEffect(strapi), cacheEvictionEffect(strapi)];
}
