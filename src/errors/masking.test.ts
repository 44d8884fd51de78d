import { describeInternalError, internalErrorLogLine, publicInternalError } from './masking';

describe('the masking policy for unexpected errors', () => {
  const sqlError = Object.assign(new Error('select "t0".* from "public"."people" as "t0" where ... - invalid input syntax for type json'), { name: 'error' });

  it('gives the client an error id and, in production, nothing else', () => {
    const report = describeInternalError(sqlError);
    expect(report.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(publicInternalError(report, false)).toEqual({ errorId: report.errorId });
  });

  it('adds the name and message outside production', () => {
    const report = describeInternalError(sqlError);
    expect(publicInternalError(report, true)).toEqual({ errorId: report.errorId, name: 'error', message: sqlError.message });
  });

  it('logs the id, the message and the stack together', () => {
    const report = describeInternalError(sqlError);
    const line = internalErrorLogLine(report, 'GET /api/people');
    expect(line).toContain(report.errorId);
    expect(line).toContain('GET /api/people');
    expect(line).toContain('invalid input syntax for type json');
    expect(line).toMatch(/\n\s+at /);
  });

  it('copes with things thrown that are not errors', () => {
    expect(describeInternalError('text')).toMatchObject({ name: 'Error', message: 'text' });
    expect(describeInternalError({ code: 1 })).toMatchObject({ name: 'Error', message: 'non-Error value thrown' });
  });

  it('gives every error its own id', () => {
    expect(describeInternalError(sqlError).errorId).not.toBe(describeInternalError(sqlError).errorId);
  });
});
