import { spawn, type ChildProcess } from 'child_process';
import { rmSync } from 'fs';
import path from 'path';
import request from 'supertest';
import { freePort } from '../../scripts/lib/app-server';
import { PRODUCTION_SECRETS } from '../../src/settings/production-secrets.fixture';

/** Boot behaviour that needs its own process: the production secret check and SEED_ON_BOOT=false. */
const appDir = path.resolve(__dirname, '..', '..');
const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

/** `npm start` (scripts/start.js on the compiled dist/) with the given environment on top of the test's. */
function strapiStart(overrides: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<{ code: number | null; output: string }> } {
  const env: NodeJS.ProcessEnv = { ...process.env, ...overrides };
  for (const name of SECRETS) if (!(name in overrides)) delete env[name];
  const child = spawn(process.execPath, [path.join(appDir, 'scripts', 'start.js')], { cwd: appDir, env });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const done = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
  return { child, done };
}

describe('production start with unsafe secrets', () => {
  it('refuses to start without secrets and names every missing variable', async () => {
    const { code, output } = await strapiStart({ NODE_ENV: 'production', PORT: '0' }).done;
    expect(code).not.toBe(0);
    expect(output).toContain('Refusing to start in production');
    for (const name of SECRETS) expect(output).toContain(`${name} is not set`);
    expect(output).not.toContain('Strapi started successfully');
  });

  it("starts without Strapi's CLI, so Node's domain module (loaded by the CLI's repl) never taxes a request", async () => {
    const preload = path.join(appDir, 'tests', 'fixtures', 'preload', 'report-domain.cjs');
    // Refused for its secrets after Strapi has loaded the app: by then the CLI would have loaded domain.
    const { output } = await strapiStart({ NODE_ENV: 'production', PORT: '0', NODE_OPTIONS: `--require ${preload}` }).done;
    expect(output).toContain('Refusing to start in production');
    expect(output).toContain('domain module loaded: false');
  });

  it('refuses a placeholder copied from .env.example, naming only that variable', async () => {
    const { code, output } = await strapiStart({ NODE_ENV: 'production', PORT: '0', ...PRODUCTION_SECRETS, ENCRYPTION_KEY: 'replace-me' }).done;
    expect(code).not.toBe(0);
    expect(output).toContain('Refusing to start in production: ENCRYPTION_KEY is still a placeholder value.');
  });
});

describe('SEED_ON_BOOT=false', () => {
  const file = path.join(appDir, '.tmp', `seed-off-${process.pid}.db`);
  afterAll(() => rmSync(file, { force: true }));

  it('boots an empty SQLite database without loading the story', async () => {
    const port = await freePort();
    const { child, done } = strapiStart({
      SEED_ON_BOOT: 'false',
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: file,
      HOST: '127.0.0.1',
      PORT: String(port),
    });
    try {
      const app = request(`http://127.0.0.1:${port}`);
      for (let i = 0; i < 120; i++) {
        const ok = await app.get('/_health').then(
          (r) => r.status === 204,
          () => false,
        );
        if (ok) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      const res = await app.get('/api/articles').expect(200);
      expect(res.body).toMatchObject({ data: [], meta: { pagination: { total: 0 } } });
      // The locales and public permissions are still set up on that boot.
      await app.get('/api/articles').query({ locale: 'en' }).expect(200);
    } finally {
      child.kill('SIGTERM');
      await done;
    }
  });
});
