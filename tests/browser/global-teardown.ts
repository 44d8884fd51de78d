import { stopApp } from '../helpers/app-process';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__NEWSROOM_BROWSER__;
  if (!state) return;
  await stopApp(state.app);
  await state.dropDatabase();
}
