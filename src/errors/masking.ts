import { randomUUID } from 'crypto';

/**
 * The masking policy for errors nobody expected (a bug, a schema drift, a driver
 * failure the request did not cause). The client gets "Internal Server Error" and an
 * error id; the log gets the id, the message and the stack at error level, so a
 * reader's report ("error 3f2a…") leads to the line. In production nothing else
 * reaches the client: no SQL, no driver text, no stack, no internal class name.
 * Outside production the name and message are added, to speed up development.
 */
export interface InternalError {
  errorId: string;
  name: string;
  message: string;
  stack: string;
}

export const INTERNAL_ERROR_MESSAGE = 'Internal Server Error';

export function describeInternalError(error: unknown): InternalError {
  const err = error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'non-Error value thrown');
  return { errorId: randomUUID(), name: err.name || 'Error', message: err.message, stack: err.stack ?? `${err.name}: ${err.message}` };
}

/** The one log line (plus stack) for an unexpected error, with what was being served. */
export function internalErrorLogLine(report: InternalError, where: string): string {
  return `[error ${report.errorId}] ${where}: ${report.stack}`;
}

/** What the client may see about it. */
export function publicInternalError(report: InternalError, exposeDetails: boolean): { errorId: string; name?: string; message?: string } {
  return exposeDetails ? { errorId: report.errorId, name: report.name, message: report.message } : { errorId: report.errorId };
}
