import { randomBytes } from 'crypto';
import { DEFAULT_RETRY_DELAYS, parseDelays, webhookSettings, WebhookSettingsError } from './webhooks';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;

function problemsOf(environment: Record<string, string>): string[] {
  try {
    webhookSettings(environment);
    return [];
  } catch (error) {
    if (error instanceof WebhookSettingsError) return error.problems;
    throw error;
  }
}

describe('webhookSettings', () => {
  it('is off, with the documented defaults, when nothing is set', () => {
    expect(webhookSettings({})).toEqual({
      endpoints: [],
      secret: null,
      timeoutMs: 10_000,
      maxAttempts: 12,
      retryDelaysMs: parseDelays(DEFAULT_RETRY_DELAYS),
      pollMs: 1000,
      retentionDays: 30,
      pruneCron: '53 3 * * *',
    });
  });

  it('reads a comma-separated list of endpoints and the secret', () => {
    const read = webhookSettings({ WEBHOOK_ENDPOINTS: ' https://a.example/hook , http://127.0.0.1:9000/x ', WEBHOOK_SECRET: SECRET });
    expect(read.endpoints).toEqual(['https://a.example/hook', 'http://127.0.0.1:9000/x']);
    expect(read.secret).toBe(SECRET);
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ WEBHOOK_ENDPOINTS: 'https://a.example/hook' }, /WEBHOOK_SECRET is required/],
    [{ WEBHOOK_ENDPOINTS: 'ftp://a.example/hook', WEBHOOK_SECRET: SECRET }, /WEBHOOK_ENDPOINTS .*"ftp:\/\/a.example\/hook"/],
    [{ WEBHOOK_ENDPOINTS: 'not a url', WEBHOOK_SECRET: SECRET }, /WEBHOOK_ENDPOINTS/],
    [{ WEBHOOK_ENDPOINTS: 'https://a.example/h,https://a.example/h', WEBHOOK_SECRET: SECRET }, /same URL twice/],
    [{ WEBHOOK_SECRET: 'plain-text' }, /WEBHOOK_SECRET must be "whsec_"/],
    [{ WEBHOOK_SECRET: `whsec_${randomBytes(8).toString('base64')}` }, /24 to 64 random bytes/],
    [{ WEBHOOK_MAX_ATTEMPTS: '0' }, /WEBHOOK_MAX_ATTEMPTS must be a whole number from 1 to 100; got "0"/],
    [{ WEBHOOK_TIMEOUT_SECONDS: 'ten' }, /WEBHOOK_TIMEOUT_SECONDS/],
    [{ WEBHOOK_RETRY_DELAYS: '5s,soon' }, /WEBHOOK_RETRY_DELAYS .*"5s,soon"/],
  ])('refuses %j naming the variable', (environment, message) => {
    const problems = problemsOf(environment);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('parses durations', () => {
    expect(parseDelays('500ms,5s,2m,1.5h')).toEqual([500, 5000, 120_000, 5_400_000]);
    expect(parseDelays('0s')).toBeNull();
    expect(parseDelays('')).toBeNull();
  });
});
