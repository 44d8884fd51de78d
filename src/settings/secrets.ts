/**
 * Secrets for Strapi's config files.
 *
 * Development must work with no `.env` at all, so a missing secret falls back to a
 * fixed, clearly-labelled development value. Production must never run on such a
 * value: a leaked dev key would let anyone forge admin JWTs or API tokens. So in
 * production a missing or placeholder secret stops the boot (assertProductionSecrets,
 * called from the app's register phase) with a message that names every offending
 * variable at once: one fix per failed boot is a slow deploy.
 *
 * The check runs at boot, not while config files load, because `strapi build` also
 * loads the config and a build (a CI job, a Docker image) must not need runtime secrets.
 */

import type { Environment } from './environment';

export const SECRET_NAMES = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'] as const;

export type SecretName = (typeof SECRET_NAMES)[number];
type SingleSecretName = Exclude<SecretName, 'APP_KEYS'>;

const DEV_PREFIX = 'dev-only-insecure-';

/** Values that ship in templates and in our .env.example; seeing one in production means nobody set the secret. */
const PLACEHOLDER = /^(tobemodified\d*|changeme|change-me|change_me|replace-me.*|secret|example.*|dev-only-insecure-.*)$/i;

/** Shorter than this is guessable; Strapi's own generator makes 16-byte base64 values (24 chars). */
export const MIN_SECRET_LENGTH = 16;

export interface SecretProblem {
  variable: string;
  reason: string;
}

export class InsecureSecretError extends Error {
  constructor(public readonly problems: SecretProblem[]) {
    super(
      'Refusing to start in production: ' +
        problems.map((p) => `${p.variable} ${p.reason}`).join('; ') +
        ". Generate each value with `node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"` " +
        '(APP_KEYS takes a comma-separated list) and set it in the environment.',
    );
    this.name = 'InsecureSecretError';
  }
}

function problemWith(variable: string, value: string | undefined): SecretProblem | null {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return { variable, reason: 'is not set' };
  if (PLACEHOLDER.test(trimmed)) return { variable, reason: 'is still a placeholder value' };
  if (trimmed.length < MIN_SECRET_LENGTH) {
    return { variable, reason: `is shorter than ${MIN_SECRET_LENGTH} characters` };
  }
  return null;
}

function splitKeys(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
}

/** Every problem with the production secrets; empty outside production. */
export function secretProblems(environment: Environment): SecretProblem[] {
  if (environment.NODE_ENV !== 'production') return [];
  const problems: SecretProblem[] = [];
  const keys = splitKeys(environment.APP_KEYS);
  if (keys.length === 0) problems.push({ variable: 'APP_KEYS', reason: 'is not set' });
  keys.forEach((key, index) => {
    const problem = problemWith(`APP_KEYS (key ${index + 1})`, key);
    if (problem) problems.push(problem);
  });
  for (const name of SECRET_NAMES) {
    if (name === 'APP_KEYS') continue;
    const problem = problemWith(name, environment[name]);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Throws InsecureSecretError in production when any secret is missing, short or a placeholder. */
export function assertProductionSecrets(environment: Environment): void {
  const problems = secretProblems(environment);
  if (problems.length > 0) throw new InsecureSecretError(problems);
}

export function secret(name: SingleSecretName, environment: Environment): string {
  const value = environment[name];
  return value && value.trim() !== '' ? value : `${DEV_PREFIX}${name.toLowerCase()}`;
}

/** APP_KEYS is a list: Koa signs cookies with the first key and accepts all of them, for rotation. */
export function appKeys(environment: Environment): string[] {
  const keys = splitKeys(environment.APP_KEYS);
  return keys.length > 0 ? keys : [`${DEV_PREFIX}app-key-1`, `${DEV_PREFIX}app-key-2`];
}
