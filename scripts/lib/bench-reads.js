// @ts-check
'use strict';
/**
 * The public reads the benchmarks measure, shared by the reads scenario (scripts/bench.js)
 * and the breaking-news scenario (scripts/lib/bench-breaking-news.js), so both ask exactly
 * the same questions of the same data.
 */
const { sql } = require('./app-server');

const STORY_SLUG = 'iraq-announces-end-of-coalition-combat-mission';
const SEARCH_QUERY = 'الاعرجي';

/**
 * @typedef {{ method?: 'POST' | 'PUT', headers?: Record<string, string>, body?: string }} Request
 * @typedef {{ name: string, label: string, path: string, request?: Request }} ReadScenario
 */

function storyGraphql() {
  return JSON.stringify({
    query: `query Story($slug: String!, $locale: I18NLocaleCode) {
      articles(locale: $locale, filters: { slug: { eq: $slug } }) {
        documentId headline summary publishedDate section
        quotes(sort: "position:asc") { position kind text speaker { name jobTitle } speakerOrganization { name } source { name shortName } }
        people { name jobTitle } sources { name shortName }
      }
    }`,
    variables: { slug: STORY_SLUG, locale: 'ar' },
  });
}

/** @param {string} slug */
const storyPath = (slug) => `/api/articles/slug/${slug}?locale=ar`;

/** The newest ten articles, as a front page asks for them. */
const LATEST_PATH = '/api/articles?locale=ar&sort=publishedDate:desc&pagination[pageSize]=10';

/**
 * @param {string} database
 * @returns {Promise<{ busiest: Record<string, any>, list: ReadScenario[] }>} busiest: the row as the driver returns it (slug, name, n)
 */
async function readScenarios(database) {
  // The synthetic person mentioned most often: the worst case for "newest articles mentioning X".
  const [busiest] = await sql(
    database,
    `select p.slug, p.name, count(*) as n from articles_people_lnk l join people p on p.id = l.person_id
     where p.locale = 'ar' and p.published_at is not null group by p.slug, p.name order by n desc limit 1`,
  );
  if (!busiest) throw new Error(`bench: ${database} has no published person mentioned in an article`);
  const mentions = new URLSearchParams({
    locale: 'ar',
    'filters[people][slug][$eq]': busiest.slug,
    sort: 'publishedDate:desc',
    'pagination[pageSize]': '25',
    'fields[0]': 'headline',
    'fields[1]': 'slug',
    'fields[2]': 'publishedDate',
    'fields[3]': 'summary',
    'populate[0]': 'cover',
  });
  /** @type {ReadScenario[]} */
  const list = [
    {
      name: 'core',
      label: 'plain core request for the story (find by slug, default populate)',
      path: `/api/articles?filters%5Bslug%5D%5B%24eq%5D=${STORY_SLUG}&locale=ar`,
    },
    { name: 'story', label: '(1) story by slug, everything populated', path: storyPath(STORY_SLUG) },
    { name: 'mentions', label: `(2) 25 newest articles mentioning ${busiest.slug} (${busiest.n} rows)`, path: `/api/articles?${mentions}` },
    // The front page's list with the default populate: the list the article read model can answer (mentions asks for fields).
    { name: 'latest', label: '(2b) the 10 newest articles, default populate', path: LATEST_PATH },
    // The same query at every scale, so the result set stays the same and only the index grows:
    // the story's al-Araji, typed without the hamza (found through normalization).
    { name: 'search', label: `(3) search for ${SEARCH_QUERY}`, path: `/api/search?${new URLSearchParams({ q: SEARCH_QUERY, locale: 'ar' })}` },
    {
      name: 'graphql',
      label: '(4) GraphQL: story with quotes, speakers, sources',
      path: '/graphql',
      request: { method: 'POST', headers: { 'content-type': 'application/json' }, body: storyGraphql() },
    },
  ];
  return { busiest, list };
}

module.exports = { STORY_SLUG, SEARCH_QUERY, LATEST_PATH, storyGraphql, storyPath, readScenarios };
