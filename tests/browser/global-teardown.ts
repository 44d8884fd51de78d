import { stopServer } from '../../scripts/lib/app-server';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__NEWSROOM_BROWSER__;
  if (!state) return;
  await stopServer(state.app);
  await state.dropDatabase();
}
