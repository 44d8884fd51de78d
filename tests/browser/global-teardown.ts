export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__NEWSROOM_BROWSER__;
  if (!state) return;
  if (state.app.exitCode === null) {
    const exited = new Promise((resolve) => state.app.once('exit', resolve));
    state.app.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (state.app.exitCode === null) state.app.kill('SIGKILL');
  }
  await state.dropDatabase();
}
