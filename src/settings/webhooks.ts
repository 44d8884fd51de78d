import { z } from 'zod';
import { intVar, messagesOf, textVar, type Environment } from './environment';

/** Signed webhooks from the outbox (src/webhooks/; README: Webhooks). */
export interface WebhookSettings {
  /** Where every event goes; none turns delivery off (events are still not recorded then). */
  endpoints: string[];
  /** The Standard Webhooks secret, `whsec_` + base64; null only when there is no endpoint. */
  secret: string | null;
  timeoutMs: number;
  maxAttempts: number;
  /** Wait before retry n (n from 1); the last one repeats. */
  retryDelaysMs: number[];
  /** How often an instance looks for due messages others wrote (its own writes wake it at once). */
  pollMs: number;
  /** Delivered messages are forgotten after this many days, by a job on `pruneCron`; failed and pending ones stay. */
  retentionDays: number;
  pruneCron: string;
}

export class WebhookSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'WebhookSettingsError';
  }
}

/**
 * The default retry schedule: the first retry within 10 s, the second within 40 s
 * after it, then growing to hours; with the default 12 attempts a receiver has
 * about two days to come back.
 */
export const DEFAULT_RETRY_DELAYS = '5s,30s,2m,10m,30m,1h,2h,4h,8h,12h,24h';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `5s,30s,2m` → milliseconds; null when any part is not a positive duration. */
export function parseDelays(text: string): number[] | null {
  const parts = text.split(',').map((part) => part.trim());
  const delays = parts.map((part) => {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(part);
    return match ? Math.round(Number(match[1]) * UNIT_MS[match[2]]) : NaN;
  });
  return delays.length > 0 && delays.every((ms) => Number.isFinite(ms) && ms > 0) ? delays : null;
}

/** A Standard Webhooks secret: `whsec_` and the base64 of 24 to 64 random bytes. */
export function secretProblem(secret: string): string | null {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret);
  const bytes = match ? Buffer.from(match[1], 'base64').length : 0;
  if (!match || bytes < 24 || bytes > 64)
    return 'WEBHOOK_SECRET must be "whsec_" followed by the base64 of 24 to 64 random bytes (e.g. `echo whsec_$(openssl rand -base64 32)`).';
  return null;
}

function endpointProblem(endpoint: string): string | null {
  try {
    const url = new URL(endpoint);
    if (url.protocol === 'http:' || url.protocol === 'https:') return null;
  } catch {
    // reported below
  }
  return `WEBHOOK_ENDPOINTS must be a comma-separated list of http(s) URLs; "${endpoint}" is not one.`;
}

const schema = z.object({
  WEBHOOK_TIMEOUT_SECONDS: intVar('WEBHOOK_TIMEOUT_SECONDS', 10, 1, 120),
  WEBHOOK_MAX_ATTEMPTS: intVar('WEBHOOK_MAX_ATTEMPTS', 12, 1, 100),
  WEBHOOK_POLL_SECONDS: intVar('WEBHOOK_POLL_SECONDS', 1, 1, 300),
  WEBHOOK_RETENTION_DAYS: intVar('WEBHOOK_RETENTION_DAYS', 30, 1, 36_500),
  JOB_WEBHOOK_PRUNE_CRON: textVar('53 3 * * *'),
});

export function webhookSettings(environment: Environment): WebhookSettings {
  const problems: string[] = [];
  const parsed = schema.safeParse(environment);
  if (!parsed.success) problems.push(...messagesOf(parsed.error));

  const endpoints = (environment.WEBHOOK_ENDPOINTS ?? '')
    .split(',')
    .map((endpoint) => endpoint.trim())
    .filter((endpoint) => endpoint !== '');
  for (const endpoint of endpoints) {
    const problem = endpointProblem(endpoint);
    if (problem) problems.push(problem);
  }
  if (new Set(endpoints).size !== endpoints.length) problems.push('WEBHOOK_ENDPOINTS lists the same URL twice.');

  const secret = environment.WEBHOOK_SECRET?.trim() || null;
  if (secret) {
    const problem = secretProblem(secret);
    if (problem) problems.push(problem);
  } else if (endpoints.length > 0) problems.push('WEBHOOK_SECRET is required when WEBHOOK_ENDPOINTS is set: every webhook is signed.');

  const delaysText = environment.WEBHOOK_RETRY_DELAYS?.trim() || DEFAULT_RETRY_DELAYS;
  const retryDelaysMs = parseDelays(delaysText);
  if (!retryDelaysMs)
    problems.push(`WEBHOOK_RETRY_DELAYS must be a comma-separated list of durations such as 5s,30s,2m,1h; got "${environment.WEBHOOK_RETRY_DELAYS}".`);

  if (!parsed.success || !retryDelaysMs || problems.length > 0) throw new WebhookSettingsError(problems);
  const values = parsed.data;
  return {
    endpoints,
    secret,
    timeoutMs: values.WEBHOOK_TIMEOUT_SECONDS * 1000,
    maxAttempts: values.WEBHOOK_MAX_ATTEMPTS,
    retryDelaysMs,
    pollMs: values.WEBHOOK_POLL_SECONDS * 1000,
    retentionDays: values.WEBHOOK_RETENTION_DAYS,
    pruneCron: values.JOB_WEBHOOK_PRUNE_CRON,
  };
}
