import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { existsSync } from 'fs';
import net from 'net';
import path from 'path';

/**
 * The production app as an operator runs it: `strapi start` in its own process.
 * Used by the tests that need real processes (the browser test, two instances).
 */
export const APP_DIR = path.resolve(__dirname, '..', '..');
const STRAPI_BIN = path.join(APP_DIR, 'node_modules/@strapi/strapi/bin/strapi.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** `strapi build` unless `skip` is set and a build exists. */
export function ensureBuild(skip: boolean, label: string): void {
  const built = existsSync(path.join(APP_DIR, 'dist', 'build', 'index.html')) && existsSync(path.join(APP_DIR, 'dist', 'src', 'index.js'));
  if (skip && built) return;
  process.stdout.write(`\n[${label}] building the app (strapi build)\n`);
  const build = spawnSync(process.execPath, [STRAPI_BIN, 'build'], { cwd: APP_DIR, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) throw new Error(`strapi build failed with exit code ${build.status}`);
}

export interface AppProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Everything the process printed so far. */
  output(): string;
}

/** Starts `strapi start` with this environment on a free port and waits for /_health. */
export async function startApp(env: Record<string, string>, label: string, timeoutMs = 120_000): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [STRAPI_BIN, 'start'], {
    cwd: APP_DIR,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (process.env.TEST_APP_OUTPUT === 'true') process.stdout.write(`[${label}] ${chunk}`);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const app = { child, baseUrl: `http://127.0.0.1:${port}`, output: () => output };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label}: strapi start exited with ${child.exitCode} before it was healthy:\n${output.slice(-3000)}`);
    if (await fetch(`${app.baseUrl}/_health`).then((r) => r.status === 204, () => false)) return app;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`${label}: not healthy within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`);
}

export async function stopApp(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
  clearTimeout(timer);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** A full-access API token, made the way an operator makes one: through the admin's API, as this super admin. */
export async function fullAccessToken(app: AppProcess, admin: { email: string; password: string }, name = 'system-test'): Promise<string> {
  const login = await fetch(`${app.baseUrl}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(admin) });
  const session = ((await login.json()) as { data: { token: string } }).data.token;
  const res = await fetch(`${app.baseUrl}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session}` },
    body: JSON.stringify({ name, type: 'full-access', lifespan: null }),
  });
  return ((await res.json()) as { data: { accessKey: string } }).data.accessKey;
}

/** NODE_ENV=production with freshly generated secrets, as an operator deploys it (a placeholder would stop the boot). */
export function productionEnvironment(): Record<string, string> {
  const secret = () => randomBytes(24).toString('base64');
  return {
    NODE_ENV: 'production',
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
}
