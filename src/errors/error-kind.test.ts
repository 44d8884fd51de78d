import { errorKind } from './error-kind';

describe('errorKind', () => {
  it.each([
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, 'database-unavailable'],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, 'database-unavailable'],
    [{ name: 'KnexTimeoutError', message: 'Knex: Timeout acquiring a connection. The pool is probably full.' }, 'database-unavailable'],
    [new Error('Connection terminated unexpectedly'), 'database-unavailable'],
    [{ code: '22P02', message: 'invalid input syntax for type integer: "abc"' }, 'database-rejected-query'],
    [{ code: '42703', message: 'column "x" does not exist' }, 'database-rejected-query'],
    [new Error('Undefined binding(s) detected when compiling SELECT.'), 'database-rejected-query'],
    [new Error('Only $and, $or and $not can only be used as root level operators. Found $eq.'), 'database-rejected-query'],
    [new Error('Undefined attribute level operator $foo'), 'database-rejected-query'],
    [new Error('You cannot filter on password types'), 'database-rejected-query'],
    [{ code: 'SQLITE_ERROR', message: 'select `t0`.* from `articles` as `t0` where `t0`.`0` = ? - no such column: t0.0' }, 'database-rejected-query'],
    [new TypeError('select ... - SQLite3 can only bind numbers, strings, bigints, buffers, and null'), 'database-rejected-query'],
    [new TypeError("Cannot read properties of undefined (reading 'id')"), 'other'],
    ['a string', 'other'],
    [null, 'other'],
  ])('%p is %s', (error, kind) => {
    expect(errorKind(error)).toBe(kind);
  });
});
