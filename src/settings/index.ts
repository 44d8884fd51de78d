import { readSettings, SettingsError, type ReadSettings, type Settings } from './read-settings';

export type { Settings } from './read-settings';

/**
 * The app's settings: the process environment, read once, the first time anything
 * asks (config/*.ts, while Strapi loads the config). This is the one place in src/
 * and config/ that reads process.env.
 */
let read: ReadSettings | null = null;

export function settings(): Settings {
  read ??= readSettings(process.env);
  return read.settings;
}

/**
 * For the command-line tools, which boot Strapi in their own process: read the
 * environment with these values on top, before anything else reads it (a seed run
 * must not also seed on boot).
 */
export function useEnvironmentWith(overrides: Readonly<Record<string, string>>): Settings {
  read = readSettings({ ...process.env, ...overrides });
  return read.settings;
}

/**
 * The environment of the command-line tools (seed, import, dump, synthetic data), which boot
 * Strapi in their own process for one job and exit: no seeding on boot (the tool writes what
 * it was asked to), and no scheduled jobs or publish timer, which belong to the servers (a
 * tick begun just before the tool exits would be cut off mid-query, and a scheduled publish
 * would be done by a process nobody watches).
 */
export function useScriptEnvironment(): Settings {
  return useEnvironmentWith({ SEED_ON_BOOT: 'false', CRON_ENABLED: 'false' });
}

/** Refuses to boot while any variable is bad, naming every one at once (called first in register). */
export function assertSettings(): void {
  read ??= readSettings(process.env);
  if (read.problems.length > 0) throw new SettingsError(read.problems);
}
