import type { ScalarField, ScalarKind } from './model';
import { describeValue, isCalendarDate, isIsoDatetime, valueProblem } from './values';

const field = (kind: ScalarKind, extra: Partial<ScalarField> = {}): ScalarField => ({ name: 'f', kind, hidden: false, writable: true, ...extra });

describe('values in filters (query-string text or GraphQL typed)', () => {
  it.each<[ScalarKind, unknown[], unknown[], Partial<ScalarField>]>([
    ['integer', ['3', '-7', 0, 2147483647, '+5'], ['x', '', '1.5', 1.5, '2147483648', -2147483649, '1e3', ' 3', true], {}],
    ['biginteger', ['9223372036854775807', 12, '-9223372036854775808'], ['9223372036854775808', 'x', 1.5], {}],
    ['decimal', ['1.5', 2100, '-0.25', '1e3'], ['x', '1e309', 1e8, '100000000', ''], {}],
    ['float', ['1.5', 1e300, '-3'], ['x', '1e309', Infinity, NaN], {}],
    ['date', ['2026-11-30', '2024-02-29'], ['2026-02-30', '2026-13-01', '2023-02-29', '0000-01-01', 'not-a-date', '2026-11-30T10:00:00Z', 20261130], {}],
    [
      'datetime',
      ['2026-11-30', '2026-11-30T10:00:00Z', '2026-11-30T10:00:00.123+03:00', '2026-11-30T10:00'],
      ['yesterday', '2026-02-30T10:00:00Z', '2026-11-30T24:00:00Z', '1700000000000', 1700000000000],
      {},
    ],
    ['time', ['10:00:00', '23:59:59.999'], ['24:00:00', '10:00', 'noon'], {}],
    ['boolean', [true, false, 'true', 'false', '1', '0', 't', 'f'], ['yes', 'maybe', 2], {}],
    ['enumeration', ['alpha', 'beta'], ['gamma', 'Alpha', ''], { enum: ['alpha', 'beta'] }],
    ['string', ['x', '', 'العراق'], ['a\u0000b', '\ud800', 3], {}],
    ['uid', ['a-b'], ['a\u0000'], {}],
  ])('%s', (kind, good, bad, extra) => {
    for (const value of good) expect({ value, problem: valueProblem(field(kind, extra), value, 'filter') }).toEqual({ value, problem: null });
    for (const value of bad) expect({ value, problem: valueProblem(field(kind, extra), value, 'filter') }).toEqual({ value, problem: expect.any(String) });
  });

  it('names the range of an out-of-range integer', () => {
    expect(valueProblem(field('integer'), '2147483648', 'filter')).toBe('an integer from -2147483648 to 2147483647');
    expect(valueProblem(field('integer'), 'x', 'filter')).toBe('an integer');
  });
});

describe('values in writes (JSON typed: no coercion)', () => {
  it.each<[ScalarKind, unknown[], unknown[], Partial<ScalarField>]>([
    ['integer', [1, 42], ['3', 1.5, 0, 2147483648], { min: 1 }],
    ['decimal', [2100, 1.5, -0.25, 99999999.99], ['1.5', 1.005, 1e8, 1e-7, NaN], {}],
    ['float', [0.1, 1e300], ['0.1', Infinity], {}],
    ['boolean', [true, false], ['true', 1, 0], {}],
    ['date', ['2026-11-30'], ['2026-11-30T10:00:00Z', '2026-02-30', 20261130], {}],
    // A Date is what GraphQL's DateTime scalar hands the Document Service.
    ['datetime', ['2026-11-30T10:00:00Z', new Date('2026-11-30T10:00:00Z')], [new Date('nonsense'), 1764496800000, 'tomorrow'], {}],
    ['string', ['x', 'ع'.repeat(255)], ['ع'.repeat(256), 42, 'nul\u0000'], {}],
    ['text', ['x'.repeat(1000)], ['x'.repeat(1001)], { maxLength: 1000 }],
  ])('%s', (kind, good, bad, extra) => {
    const f = field(kind, { maxLength: kind === 'string' ? 255 : undefined, ...extra });
    for (const value of good) expect({ value, problem: valueProblem(f, value, 'write') }).toEqual({ value, problem: null });
    for (const value of bad) expect({ value, problem: valueProblem(f, value, 'write') }).toEqual({ value, problem: expect.any(String) });
  });

  it('counts characters as the database does (code points), not UTF-16 units', () => {
    expect(valueProblem(field('string', { maxLength: 3 }), '😀😀😀', 'write')).toBeNull();
    expect(valueProblem(field('string', { maxLength: 3 }), '😀😀😀😀', 'write')).toBe('text of at most 3 characters');
  });
});

describe('dates and datetimes', () => {
  it('knows the calendar', () => {
    expect(['2024-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2025-02-29', '2026-04-31', '2026-00-10'].map(isCalendarDate)).toEqual([false, false, false]);
    expect(['2026-11-30T23:59:59Z', '2026-11-30T10:00:00.5-05:30'].map(isIsoDatetime)).toEqual([true, true]);
    expect(['2026-11-30T10:60:00Z', '2026-11-30 10:00:00'].map(isIsoDatetime)).toEqual([false, false]);
  });
});

describe('describeValue', () => {
  it('shows what the client sent, briefly and safely', () => {
    expect(describeValue('x')).toBe('"x"');
    expect(describeValue('a\u0000b')).toBe('"a\\u0000b"');
    expect(describeValue('y'.repeat(100))).toBe(`"${'y'.repeat(40)}…"`);
    expect([null, undefined, [], [1, 2], {}, 3, true].map(describeValue)).toEqual([
      'null',
      'nothing',
      'an empty list',
      'a list of 2',
      'an object',
      '3',
      'true',
    ]);
  });
});
