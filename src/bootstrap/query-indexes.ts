import path from 'node:path';
import type { Core } from '@strapi/strapi';

type Migration = { up(knex: Core.Strapi['db']['connection']): Promise<void> };

const MIGRATION = 'database/migrations/2026.12.01T00.00.00.add-query-indexes.js';

/**
 * Runs the query-index migration again, after Strapi's schema sync has created its
 * tables: on a fresh database the migration ran before those tables existed (see the
 * migration's comment). Every statement is CREATE INDEX IF NOT EXISTS, so once the
 * indexes exist this is a handful of catalogue lookups.
 */
export async function ensureQueryIndexes(strapi: Core.Strapi): Promise<void> {
  // A plain require: the migration is JavaScript that Strapi itself loads from the
  // app root, not part of the compiled TypeScript.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const migration = require(path.join(strapi.dirs.app.root, MIGRATION)) as Migration;
  await migration.up(strapi.db.connection);
}
