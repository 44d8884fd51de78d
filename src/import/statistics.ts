import type { Knex } from 'knex';

/** What PostgreSQL's pg_stat_user_tables says of one table. */
export interface TableActivity {
  table: string;
  /** When ANALYZE last ran on it, by hand or by autovacuum; null for never. */
  lastAnalyzed: Date | null;
}

/**
 * The tables the planner knows nothing about yet: never analyzed. Empty ones too: the
 * counts that would tell which hold rows lag a commit by up to seconds, ANALYZE reads
 * the tables themselves, and an empty table costs it nothing.
 *
 * Without statistics PostgreSQL guesses the selectivity of `slug IN (…)` and of a link
 * table's foreign key, and on tables that grew during an import it turns to sequential
 * scans: a 100,000-story import into a database no autovacuum had analyzed read 300
 * million quote rows by its 20,000th story and slowed from 40 to 22 stories a second.
 * One ANALYZE is enough for the rest of the load: the distinct counts it stores for
 * such columns are fractions of the table, and row counts are scaled by the table's
 * current size, so the estimates grow with the data.
 */
export function tablesWithoutStatistics(activity: readonly TableActivity[]): string[] {
  return activity
    .filter((t) => t.lastAnalyzed === null)
    .map((t) => t.table)
    .sort();
}

/** ANALYZE of the current schema's tables that need it (PostgreSQL); answers which were analyzed. */
export async function analyzeTablesWithoutStatistics(knex: Knex): Promise<string[]> {
  const rows = (
    await knex.raw(
      `select relname as "table", greatest(last_analyze, last_autoanalyze) as "lastAnalyzed" from pg_stat_user_tables where schemaname = current_schema()`,
    )
  ).rows as TableActivity[];
  const tables = tablesWithoutStatistics(rows);
  if (tables.length > 0) await knex.raw(`ANALYZE ${tables.map(() => '??').join(', ')}`, tables);
  return tables;
}
