import { diffRows, valueText, wordParts } from './present';

describe('valueText', () => {
  it('shows an article body as its paragraphs', () => {
    const body = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'أعلن العراق ' },
          { type: 'text', text: 'انتهاء المهمة.', bold: true },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'Second.' }] },
    ];
    expect(valueText(body)).toBe('أعلن العراق انتهاء المهمة.\n\nSecond.');
  });

  it('shows relations line by line, components as their fields, and nothing as empty', () => {
    expect(valueText(['p1', 'p2'])).toBe('p1\np2');
    expect(valueText([{ kind: 'correction', text: 'صُحّح', issuedAt: '2026-11-30T10:00:00.000Z' }])).toBe(
      'kind: correction · text: صُحّح · issuedAt: 2026-11-30T10:00:00.000Z',
    );
    expect(valueText(null)).toBe('');
    expect(valueText(12)).toBe('12');
  });
});

describe('diffRows', () => {
  it('compares field by field, and a deletion against nothing', () => {
    expect(diffRows({ headline: 'أ', summary: 'س' }, { headline: 'ب', summary: 'س' })).toEqual([
      { field: 'headline', before: 'أ', after: 'ب', changed: true },
      { field: 'summary', before: 'س', after: 'س', changed: false },
    ]);
    expect(diffRows({ headline: 'أ' }, null)).toEqual([{ field: 'headline', before: 'أ', after: '', changed: true }]);
  });
});

describe('wordParts', () => {
  it('marks the Arabic words each side lacks', () => {
    const { before, after } = wordParts('قال الوزير أمس', 'قال الرئيس أمس');
    expect(before.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['الوزير']);
    expect(after.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['الرئيس']);
    expect(before.map((p) => p.text).join('')).toBe('قال الوزير أمس');
  });
});
