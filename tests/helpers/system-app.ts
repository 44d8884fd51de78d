import { ensureBuild, startServer, stopServer, type AppProcess } from '../../scripts/lib/app-server';
import { createTestDatabase, type TestDatabase } from './test-database';

/** A production-built app (`strapi start`) on its own fresh PostgreSQL database, for one system test file. */
export interface SystemApp {
  database: TestDatabase;
  app: AppProcess;
  /** The environment it was started with, to start it again on the same database. */
  env: Record<string, string>;
}

/**
 * Builds once (unless SYSTEM_TEST_SKIP_BUILD=true, as CI runs it after the smoke
 * test's build), creates a fresh PostgreSQL database and starts the app on it with
 * `env` over the database's variables.
 */
export async function startSystemApp(label: string, env: Record<string, string>): Promise<SystemApp> {
  process.env.DATABASE_CLIENT = 'postgres';
  ensureBuild(process.env.SYSTEM_TEST_SKIP_BUILD === 'true', 'system test');
  const database = await createTestDatabase();
  const full = { ...database.env, ...env };
  return { database, env: full, app: await startServer(full, { label }) };
}

/** Stops the app and drops its database; safe when the start failed halfway. */
export async function stopSystemApp(system: SystemApp | undefined): Promise<void> {
  await stopServer(system?.app.child);
  await system?.database.drop();
}
