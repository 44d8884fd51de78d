import { createStrapi, type Core } from '@strapi/strapi';
import { waitForDatabaseIdle } from './database-idle';
import { canonicalDump } from './canonical-dump';
import { useScriptEnvironment } from '../settings';

/** `npm run dump`: prints the canonical dump of the database (src/seed/canonical-dump.ts) as JSON. */
export async function runDumpCli(appContext: { appDir: string; distDir: string }, out = process.stdout, err = process.stderr): Promise<number> {
  useScriptEnvironment();
  let strapi: Core.Strapi | undefined;
  try {
    strapi = await createStrapi(appContext).load();
    out.write(`${JSON.stringify(await canonicalDump(strapi), null, 1)}\n`);
    return 0;
  } catch (error) {
    err.write(`dump: failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    if (strapi) {
      await waitForDatabaseIdle(strapi);
      await strapi.destroy();
    }
  }
}
