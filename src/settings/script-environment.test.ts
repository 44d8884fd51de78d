import { settings, useScriptEnvironment } from './index';

describe('useScriptEnvironment (the command-line tools)', () => {
  it('turns off seeding on boot, the scheduled jobs and the publish timer, whatever the environment says', () => {
    const before = { CRON_ENABLED: process.env.CRON_ENABLED, SEED_ON_BOOT: process.env.SEED_ON_BOOT };
    Object.assign(process.env, { CRON_ENABLED: 'true', SEED_ON_BOOT: 'true' });
    try {
      useScriptEnvironment();
      expect({ cron: settings().jobs.cronEnabled, seed: settings().content.seedOnBoot }).toEqual({ cron: false, seed: false });
    } finally {
      for (const [name, value] of Object.entries(before)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
