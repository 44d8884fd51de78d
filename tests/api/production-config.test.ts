import { spawn } from 'child_process';
import path from 'path';

const appDir = path.resolve(__dirname, '..', '..');
const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

/** `npm start` (strapi start on the compiled dist/) with NODE_ENV=production and the given secrets. */
function startInProduction(secrets: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: '0' };
  for (const name of SECRETS) delete env[name];
  Object.assign(env, secrets);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], { cwd: appDir, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const strong = (n: number) => `s3cure-${n}-Qm9vQmFyQmF6UXV4`;
const allStrong = {
  APP_KEYS: `${strong(1)},${strong(2)}`,
  API_TOKEN_SALT: strong(3),
  ADMIN_JWT_SECRET: strong(4),
  TRANSFER_TOKEN_SALT: strong(5),
  JWT_SECRET: strong(6),
  ENCRYPTION_KEY: strong(7),
};

describe('production start with unsafe secrets', () => {
  it('refuses to start without secrets and names every missing variable', async () => {
    const { code, output } = await startInProduction({});
    expect(code).not.toBe(0);
    expect(output).toContain('Refusing to start in production');
    for (const name of SECRETS) expect(output).toContain(`${name} is not set`);
    expect(output).not.toContain('Strapi started successfully');
  });

  it('refuses a placeholder copied from .env.example, naming only that variable', async () => {
    const { code, output } = await startInProduction({ ...allStrong, ENCRYPTION_KEY: 'replace-me-with-a-random-value' });
    expect(code).not.toBe(0);
    expect(output).toContain('Refusing to start in production: ENCRYPTION_KEY is still a placeholder value.');
  });
});
