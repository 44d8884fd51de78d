import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { systemActor, withHistory } from '../history/actor';
import { dueToPublish, dueToUnpublish, type DueLocale } from './due';

const ARTICLE = 'api::article.article';

/** The job's name, in the job history and as the actor of the revisions it records. */
export const SCHEDULE_JOB = 'scheduled-publishing';

/**
 * One tick of scheduled publishing: publishes each draft whose publishAt has come and
 * unpublishes each locale whose unpublishAt has, through the Document Service, so
 * every rule and every effect of a write applies (the cache is evicted, the read
 * models follow). A locale that cannot be published (a required field missing, a
 * rule refusing it) is reported and tried again next tick; the others go ahead.
 */
export function runSchedule(strapi: Core.Strapi, now = new Date()): Promise<string> {
  return withHistory({ actor: systemActor(SCHEDULE_JOB) }, () => scheduleTick(strapi, now));
}

async function scheduleTick(strapi: Core.Strapi, now: Date): Promise<string> {
  const knex = strapi.db.connection as unknown as Knex;
  const failures: string[] = [];
  const apply = async (due: DueLocale[], action: 'publish' | 'unpublish') => {
    let done = 0;
    for (const { documentId, locale } of due) {
      try {
        const articles = strapi.documents(ARTICLE);
        await (action === 'publish' ? articles.publish({ documentId, locale }) : articles.unpublish({ documentId, locale }));
        done += 1;
      } catch (error) {
        failures.push(`${action} ${documentId} (${locale}): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return done;
  };
  const published = await apply(await dueToPublish(knex, now), 'publish');
  const unpublished = await apply(await dueToUnpublish(knex, now), 'unpublish');
  const summary = `published ${published}, unpublished ${unpublished}`;
  if (failures.length > 0) throw new Error(`${summary}; failed: ${failures.join('; ')}`);
  return summary;
}
