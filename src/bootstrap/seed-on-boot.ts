import type { Core } from '@strapi/strapi';
import { DEFAULT_STORIES } from '../../database/seed';
import { loadStoryBundle } from '../seed/load-story-bundle';
import { settings } from '../settings';

/**
 * On a database that has never held an article, load the default stories so the
 * first `npm run develop` shows real content. `SEED_ON_BOOT=false` turns it off.
 * The check counts rows in every locale (the Document Service's count() only counts
 * the default locale, which would re-seed an Arabic-less database on every boot).
 */
export async function seedOnFirstBoot(strapi: Core.Strapi): Promise<void> {
  if (!settings().content.seedOnBoot) return;
  const articles = await strapi.db.query('api::article.article').count();
  if (articles > 0) return;
  strapi.log.info(`[seed] empty database: loading ${DEFAULT_STORIES.length} default stor${DEFAULT_STORIES.length === 1 ? 'y' : 'ies'}`);
  for (const story of DEFAULT_STORIES) {
    const report = await loadStoryBundle(strapi, story);
    strapi.log.info(`[seed] loaded "${report.article.slug}" (${report.article.documentId})`);
  }
}
