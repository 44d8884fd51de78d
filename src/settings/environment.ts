import { z } from 'zod';

/** The process environment as the settings read it: names to raw text. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * zod readers for one environment variable each, with messages that name the
 * variable and quote what was found, so a boot that fails says what to fix.
 */
const blank = (raw: string | undefined): raw is undefined => raw === undefined || raw.trim() === '';

export const boolVar = (name: string, fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (blank(raw)) return fallback;
      const value = raw.trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(value)) return true;
      if (['false', '0', 'no', 'off'].includes(value)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false; got "${raw}".` });
      return z.NEVER;
    });

/** A whole number in a range; a null fallback makes it optional (unset means "none"). */
export const intVar = <Fallback extends number | null>(name: string, fallback: Fallback, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (blank(raw)) return fallback as number | Fallback;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min || value > max) {
        const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number ${range}; got "${raw}".` });
        return z.NEVER;
      }
      return value;
    });

export const numberVar = (name: string, fallback: number, min: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (blank(raw)) return fallback;
      const value = Number(raw);
      if (!Number.isFinite(value) || value < min) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a number of at least ${min}; got "${raw}".` });
        return z.NEVER;
      }
      return value;
    });

export const textVar = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((raw) => (blank(raw) ? fallback : raw.trim()));

export const optionalTextVar = () =>
  z
    .string()
    .optional()
    .transform((raw) => (blank(raw) ? null : raw.trim()));

export const enumVar = <T extends string>(name: string, values: readonly T[], fallback: T) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (blank(raw)) return fallback;
      const value = raw.trim() as T;
      if (values.includes(value)) return value;
      ctx.addIssue({ code: 'custom', message: `${name} must be one of ${values.join(', ')}; got "${raw}".` });
      return z.NEVER;
    });

/** The messages of a failed parse, one per bad variable. */
export const messagesOf = (error: z.ZodError): string[] => error.issues.map((issue) => issue.message);
