import { queryFragmentProblems } from './fragment-problems';

describe('queryFragmentProblems', () => {
  it('accepts fragments that exist, inline fragments and queries without fragments', () => {
    expect(
      queryFragmentProblems('{ articles { ...A ... on Article { slug } } } fragment A on Article { headline ...B } fragment B on Article { slug }'),
    ).toEqual([]);
    expect(queryFragmentProblems('{ articles { headline } }')).toEqual([]);
  });

  it('names a fragment that does not exist', () => {
    expect(queryFragmentProblems('{ articles { ...Missing } }')).toEqual(['Unknown fragment "Missing".']);
  });

  it('finds cycles, direct and through other fragments', () => {
    expect(queryFragmentProblems('{ articles { ...A } } fragment A on Article { ...A }')).toEqual(['Cannot spread fragment "A" within itself.']);
    expect(queryFragmentProblems('{ articles { ...A } } fragment A on Article { ...B } fragment B on Article { ...A }')).toEqual([
      'Cannot spread fragment "A" within itself.',
      'Cannot spread fragment "B" within itself.',
    ]);
  });

  it('leaves text that does not parse, and non-strings, to Apollo', () => {
    expect(queryFragmentProblems('{ articles {')).toEqual([]);
    expect(queryFragmentProblems(42)).toEqual([]);
  });
});
