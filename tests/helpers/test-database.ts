import { existsSync, mkdirSync, rmSync } from 'fs';
import path from 'path';
import BetterSqlite3 from 'better-sqlite3';
import knexFactory, { type Knex } from 'knex';
import { Client } from 'pg';

/**
 * The throwaway database for one test run. SQLite (the default) is a fresh file
 * under .tmp/; PostgreSQL (DATABASE_CLIENT=postgres) is a fresh database on the
 * configured server, created here and dropped afterwards. An unreachable
 * PostgreSQL fails the run: a suite that silently fell back to SQLite would
 * report green for the database that matters most.
 */

const root = path.resolve(__dirname, '..', '..');

export type DatabaseClient = 'sqlite' | 'postgres';

export function databaseClient(): DatabaseClient {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  if (client !== 'sqlite' && client !== 'postgres') throw new Error(`DATABASE_CLIENT must be sqlite or postgres, got "${client}"`);
  return client;
}

function pgConfig(database: string) {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${database}`;
    return { connectionString: url.toString() };
  }
  return {
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database,
  };
}

export interface TestDatabase {
  description: string;
  /** The DATABASE_* variables that point an app (or a script) at this database. */
  env: Record<string, string>;
  drop: () => Promise<void>;
}

/** Creates a throwaway database; the caller decides which processes get its `env`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const suffix = `${Date.now()}_${process.pid}`;
  if (databaseClient() === 'sqlite') {
    mkdirSync(path.join(root, '.tmp'), { recursive: true });
    const file = path.join(root, '.tmp', `test_${suffix}_${Math.random().toString(36).slice(2, 8)}.db`);
    return {
      description: `SQLite ${path.relative(root, file)}`,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
      drop: async () => {
        for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(f)) rmSync(f);
      },
    };
  }

  const name = `newsroom_test_${suffix}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new Client(pgConfig(process.env.DATABASE_ADMIN_DB ?? 'postgres'));
  try {
    await admin.connect();
  } catch (error) {
    const where = process.env.DATABASE_URL ?? `${process.env.DATABASE_HOST ?? '127.0.0.1'}:${process.env.DATABASE_PORT ?? 5432}`;
    throw new Error(`PostgreSQL is not reachable at ${where}: ${(error as Error).message}. Start it, or run the suite with DATABASE_CLIENT=sqlite.`, {
      cause: error,
    });
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    description: `PostgreSQL database ${name}`,
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_NAME: name,
      ...(process.env.DATABASE_URL && { DATABASE_URL: (pgConfig(name) as { connectionString: string }).connectionString }),
    },
    drop: async () => {
      if (process.env.KEEP_TEST_DATABASE === 'true') return;
      const client = new Client(pgConfig(process.env.DATABASE_ADMIN_DB ?? 'postgres'));
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A PostgreSQL client on one test database, connected; the caller ends it. */
export async function connectTo(database: TestDatabase): Promise<Client> {
  const client = new Client(pgConfig(database.env.DATABASE_NAME ?? ''));
  await client.connect();
  return client;
}

/**
 * A connection for assertions on stored rows (and for a test's own generated rows),
 * independent of the app's pool. SQLite waits up to 5 s for the app's write lock.
 */
export interface TestDb {
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

export async function openTestDb(): Promise<TestDb> {
  if (databaseClient() === 'sqlite') {
    const file = process.env.DATABASE_FILENAME;
    if (!file) throw new Error('DATABASE_FILENAME is not set; is the API global setup running?');
    const db = new BetterSqlite3(file, { fileMustExist: true, timeout: 5000 });
    return {
      rows: async <T>(sql: string) => {
        const statement = db.prepare(sql);
        return (statement.reader ? statement.all() : (statement.run(), [])) as T[];
      },
      close: async () => {
        db.close();
      },
    };
  }
  const client = new Client(pgConfig(process.env.DATABASE_NAME ?? ''));
  await client.connect();
  return {
    rows: async <T>(sql: string) => (await client.query(sql)).rows as T[],
    close: async () => client.end(),
  };
}

/**
 * The booted app's database, opened beside it (the DATABASE_* variables the global
 * setup exported) or the one `env` names (a script's own database), for tests that
 * check what the app recorded in its own tables. The caller destroys it.
 */
export function appDatabase(env: Record<string, string | undefined> = process.env): Knex {
  return databaseClient() === 'postgres'
    ? knexFactory({ client: 'pg', connection: pgConfig(env.DATABASE_NAME ?? '') })
    : knexFactory({ client: 'better-sqlite3', connection: { filename: env.DATABASE_FILENAME ?? '' }, useNullAsDefault: true });
}
