import { databaseClient, openTestDb } from '../helpers/test-database';

// The index list is the migration's own; a new entry there is checked here too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { QUERY_INDEXES } = require('../../database/migrations/2026.12.01T00.00.00.add-query-indexes.js') as {
  QUERY_INDEXES: Array<{ table: string; name: string; columns: string[]; where?: string }>;
};

describe('query indexes', () => {
  it('exist on a database whose tables Strapi created after the migrations ran (a first boot)', async () => {
    const db = await openTestDb();
    try {
      const sql =
        databaseClient() === 'postgres'
          ? `SELECT tablename AS "table", indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema()`
          : `SELECT tbl_name AS "table", name, sql AS definition FROM sqlite_master WHERE type = 'index'`;
      const existing = await db.rows<{ table: string; name: string; definition: string }>(sql);
      expect(QUERY_INDEXES.length).toBeGreaterThanOrEqual(7);
      for (const index of QUERY_INDEXES) {
        const found = existing.find((row) => row.name === index.name);
        expect({ name: index.name, table: found?.table }).toEqual({ name: index.name, table: index.table });
        // Columns in the declared order: the order is what lets a sort use the index.
        expect(found!.definition.replace(/"/g, '')).toContain(`(${index.columns.join(', ')})`);
        // A partial index (a list's count) only serves the queries its condition matches.
        if (index.where) expect(found!.definition.replace(/[()"]/g, '').toUpperCase()).toContain(`WHERE ${index.where}`.toUpperCase());
      }
    } finally {
      await db.close();
    }
  });
});
