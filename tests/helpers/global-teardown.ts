import { waitForDatabaseIdle } from '../../src/seed/database-idle';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__NEWSROOM_TEST__;
  if (!state) return;
  await waitForDatabaseIdle(state.strapi);
  await state.strapi.destroy();
  await state.dropDatabase();
}
