import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { z } from 'zod';
import type { Environment } from './environment';

/**
 * Admin-panel accounts declared in the environment: ADMIN_EMAIL/ADMIN_PASSWORD for
 * the first super admin, EDITOR_EMAIL/EDITOR_PASSWORD for an account with the
 * Editor role, REPORTER_EMAIL/REPORTER_PASSWORD for one with the Reporter role. This module decides what is declared and whether the
 * passwords are acceptable; src/bootstrap/admin-accounts.ts creates the accounts.
 */

export type AccountRole = 'super-admin' | 'editor' | 'reporter';

export interface DeclaredAccount {
  role: AccountRole;
  email: string;
  password: string;
  firstname: string;
  /** The variable that holds the password, for error messages. */
  passwordVariable: string;
}

export class AccountConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Admin accounts are misconfigured: ${problems.join('; ')}.`);
    this.name = 'AccountConfigError';
  }
}

/** Passwords from our own docs and .env.example, and the classics: never acceptable in production. */
export const EXAMPLE_PASSWORDS = new Set(
  ['Admin12345!', 'Editor12345!', 'ChangeMe123!', 'Password123', 'Password1', 'Admin123', 'Strapi123', 'Newsroom123!'].map((p) => p.toLowerCase()),
);

/** zxcvbn's 0-4 score; 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_PRODUCTION_SCORE = 3;
export const MIN_PRODUCTION_LENGTH = 12;

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: the dictionaries take a moment to load and most boots declare no accounts. */
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
  return estimator;
}

/** Strapi's own admin password rules (its API refuses anything else at login and password change). */
export function strapiPasswordProblems(variable: string, password: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push(`${variable} must be at least 8 characters`);
  if (new TextEncoder().encode(password).length > 72) problems.push(`${variable} must be at most 72 bytes`);
  if (!/[a-z]/.test(password)) problems.push(`${variable} must contain a lowercase letter`);
  if (!/[A-Z]/.test(password)) problems.push(`${variable} must contain an uppercase letter`);
  if (!/\d/.test(password)) problems.push(`${variable} must contain a number`);
  return problems;
}

/** The stricter production rules: long, not an example, not guessable from the account's own email. */
export function productionPasswordProblems(variable: string, password: string, email: string): string[] {
  if (EXAMPLE_PASSWORDS.has(password.toLowerCase())) {
    return [`${variable} is an example password from the documentation; choose your own`];
  }
  const problems: string[] = [];
  if (password.length < MIN_PRODUCTION_LENGTH) problems.push(`${variable} must be at least ${MIN_PRODUCTION_LENGTH} characters in production`);
  const result = strength().check(password, [email, email.split('@')[0] ?? '', 'strapi', 'newsroom', 'admin', 'editor']);
  if (result.score < MIN_PRODUCTION_SCORE) {
    const hint = result.feedback.warning ? ` (${String(result.feedback.warning).replace(/\.$/, '')})` : '';
    problems.push(`${variable} is too weak for production: strength ${result.score}/4, needs ${MIN_PRODUCTION_SCORE}${hint}`);
  }
  return problems;
}

const emailSchema = z.string().trim().toLowerCase().email();

const ROLES: Array<{ role: AccountRole; prefix: 'ADMIN' | 'EDITOR' | 'REPORTER'; defaultName: string }> = [
  { role: 'super-admin', prefix: 'ADMIN', defaultName: 'Admin' },
  { role: 'editor', prefix: 'EDITOR', defaultName: 'Editor' },
  { role: 'reporter', prefix: 'REPORTER', defaultName: 'Reporter' },
];

/**
 * The accounts the environment declares, checked. Throws AccountConfigError naming
 * every variable at fault (never echoing a password). Declares nothing when neither
 * variable of a pair is set.
 */
export function declaredAccounts(environment: Environment): DeclaredAccount[] {
  const production = environment.NODE_ENV === 'production';
  const problems: string[] = [];
  const accounts: DeclaredAccount[] = [];
  for (const { role, prefix, defaultName } of ROLES) {
    const emailVar = `${prefix}_EMAIL`;
    const passwordVar = `${prefix}_PASSWORD`;
    const rawEmail = environment[emailVar]?.trim() ?? '';
    const password = environment[passwordVar] ?? '';
    if (!rawEmail && !password) continue;
    if (!rawEmail) {
      problems.push(`${passwordVar} is set but ${emailVar} is not`);
      continue;
    }
    if (!password) {
      problems.push(`${emailVar} is set but ${passwordVar} is not`);
      continue;
    }
    const email = emailSchema.safeParse(rawEmail);
    if (!email.success) {
      problems.push(`${emailVar} is not an email address`);
      continue;
    }
    const passwordProblems = [
      ...strapiPasswordProblems(passwordVar, password),
      ...(production ? productionPasswordProblems(passwordVar, password, email.data) : []),
    ];
    if (passwordProblems.length > 0) {
      problems.push(...passwordProblems);
      continue;
    }
    accounts.push({
      role,
      email: email.data,
      password,
      firstname: environment[`${prefix}_FIRSTNAME`]?.trim() || defaultName,
      passwordVariable: passwordVar,
    });
  }
  const prefixOf = (role: AccountRole) => ROLES.find((r) => r.role === role)!.prefix;
  accounts.forEach((account, i) => {
    const earlier = accounts.slice(0, i).find((other) => other.email === account.email);
    if (earlier) problems.push(`${prefixOf(earlier.role)}_EMAIL and ${prefixOf(account.role)}_EMAIL must be different accounts`);
  });
  if (problems.length > 0) throw new AccountConfigError(problems);
  return accounts;
}
