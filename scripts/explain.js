#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `node scripts/explain.js --database newsroom_bench_100000` (after `npm run build`)
 *
 * EXPLAIN ANALYZE, on a benchmark database, of the SQL behind each benchmark scenario
 * and the API's common lookups: the statements Strapi 5.54 issues for them (captured
 * with DEBUG=knex:query) and the search query as the app builds it. Prints each plan
 * and the indexes it uses, so docs/performance.md can show them at 100,000 articles.
 */
const path = require('path');
const { parseArgs } = require('util');
const { Client } = require('pg');
const knexFactory = require('knex');

const appDir = path.resolve(__dirname, '..');
const STORY_SLUG = 'iraq-announces-end-of-coalition-combat-mission';

/** @param {string} name @param {string} fallback @returns {string} */
function option(name, fallback) {
  const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { database: { type: 'string' }, json: { type: 'boolean' } } });
  const value = /** @type {Record<string, unknown>} */ (values)[name];
  return typeof value === 'string' ? value : fallback;
}

async function main() {
  const database = option('database', 'newsroom_bench_100000');
  const client = new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database,
  });
  await client.connect();
  const { searchPageQuery, searchCountQuery } = require(path.join(appDir, 'dist/src/search/query.js'));
  const { queryTerms } = require(path.join(appDir, 'dist/src/search/normalize.js'));
  const sqlOnly = knexFactory({ client: 'pg' });

  const [busiest] = (
    await client.query(
      `select p.slug, p.name, count(*) as n from articles_people_lnk l join people p on p.id = l.person_id
       where p.locale = 'ar' and p.published_at is not null group by p.slug, p.name order by n desc limit 1`,
    )
  ).rows;
  const [{ count: articles }] = (await client.query('select count(distinct document_id) as count from articles')).rows;
  const search = { terms: queryTerms('الاعرجي'), types: ['article', 'quote', 'person'], locale: 'ar', published: true, limit: 25, offset: 0 };
  const mentionsWhere = `where ("t0"."published_at" is not null and "t0"."locale" = 'ar' and "t2"."slug" = $1 and "t0"."published_at" is not null)`;
  const mentionsJoin = `from "articles" as "t0" left join "articles_people_lnk" as "t1" on "t0"."id" = "t1"."article_id" left join "people" as "t2" on "t1"."person_id" = "t2"."id"`;

  const statements = [
    {
      name: 'core: find the story by slug (filters[slug][$eq])',
      sql: `select "t0".* from "articles" as "t0" where ("t0"."slug" = $1 and "t0"."locale" = 'ar' and "t0"."published_at" is not null) limit 25`,
      params: [STORY_SLUG],
    },
    {
      name: "(1) the story's read-model row (/api/articles/slug/:slug)",
      sql: `select "body" from "newsroom_article_views" where "slug" = $1 and "locale" = 'ar' and "published" = true limit 1`,
      params: [STORY_SLUG],
    },
    {
      name: `(2) 25 newest articles mentioning ${busiest.slug} (${busiest.n} mentions)`,
      sql: `select distinct "t0"."published_date", "t0"."id", "t0"."document_id", "t0"."headline", "t0"."slug", "t0"."summary" ${mentionsJoin} ${mentionsWhere} order by "t0"."published_date" desc, "t0"."id" asc limit 25`,
      params: [busiest.slug],
    },
    { name: '(2) its pagination count', sql: `select count(distinct "t0"."id") as "count" ${mentionsJoin} ${mentionsWhere}`, params: [busiest.slug] },
    { name: '(3) search for الاعرجي: the page', ...toPg(searchPageQuery(sqlOnly, search).toSQL().toNative()) },
    { name: '(3) search: the count', ...toPg(searchCountQuery(sqlOnly, search).toSQL().toNative()) },
    {
      name: 'newest articles (sort=publishedDate:desc)',
      sql: `select "t0"."id", "t0"."headline", "t0"."published_date" from "articles" as "t0" where ("t0"."locale" = 'ar' and "t0"."published_at" is not null) order by "t0"."published_date" desc, "t0"."id" asc limit 25`,
      params: [],
    },
    {
      name: "a person by slug (filters[slug][$eq], also the admin's uid check)",
      sql: `select "t0".* from "people" as "t0" where ("t0"."slug" = $1 and "t0"."locale" = 'ar' and "t0"."published_at" is not null) limit 25`,
      params: [busiest.slug],
    },
  ];

  console.log(`explain: ${database}, ${articles} articles\n`);
  const out = [];
  for (const statement of statements) {
    const params = /** @type {unknown[]} */ ([...statement.params]);
    /** @type {string[]} */
    const plan = (await client.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) ${statement.sql}`, params)).rows.map((r) => String(r['QUERY PLAN']));
    const indexes = [
      ...new Set(plan.flatMap((line) => [...line.matchAll(/(?:Index(?: Only)? Scan(?: Backward)?|Bitmap Index Scan) (?:using|on) (\w+)/g)].map((m) => m[1]))),
    ];
    const seqScans = [...new Set(plan.flatMap((line) => [...line.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1])))];
    const time = plan.find((line) => line.startsWith('Execution Time'));
    out.push({ name: statement.name, indexes, seqScans, time, plan });
    console.log(
      `## ${statement.name}\nindexes: ${indexes.join(', ') || '(none)'}; seq scans: ${seqScans.join(', ') || '(none)'}; ${time}\n${plan.map((l) => `    ${l}`).join('\n')}\n`,
    );
  }
  await client.end();
  await sqlOnly.destroy();
  if (parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { database: { type: 'string' }, json: { type: 'boolean' } } }).values.json)
    console.log(JSON.stringify(out, null, 2));
}

/** knex's native pg SQL uses $1…; keep its bindings. */
/** @param {{ sql: string, bindings: readonly unknown[] }} native */
function toPg(native) {
  return { sql: native.sql, params: native.bindings };
}

main().catch((/** @type {Error} */ error) => {
  console.error(`explain: ${error.stack || error.message}`);
  process.exitCode = 1;
});
