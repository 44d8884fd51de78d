import { blocksToPlainText, indexRow, searchableText } from './searchable';

describe('searchable text', () => {
  it('reads paragraphs out of Strapi blocks', () => {
    expect(
      blocksToPlainText([
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'أول ' },
            { type: 'text', text: 'فقرة' },
          ],
        },
        { type: 'list', children: [{ type: 'list-item', children: [{ type: 'text', text: 'بند' }] }] },
      ]),
    ).toBe('أول فقرة\nبند');
    expect(blocksToPlainText(null)).toBe('');
  });

  it('indexes an article by headline, summary and body', () => {
    const row = indexRow('article', {
      documentId: 'a1',
      locale: 'ar',
      publishedAt: '2026-01-01T00:00:00.000Z',
      publishedDate: '2024-04-28',
      headline: 'العراق يعلن',
      summary: 'أعلن الأعرجي',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'قيادة العمليات' }] }],
    });
    expect(row).toEqual({
      type: 'article',
      document_id: 'a1',
      locale: 'ar',
      published: true,
      title: 'العراق يعلن',
      words: 'العراق يعلن اعلن الاعرجي قياده العمليات',
      body: 'العراق يعلن اعلن الاعرجي قياده العمليات',
      sort_date: '2024-04-28',
    });
  });

  it('finds a quote by its words and by who said it and through whom', () => {
    expect(
      searchableText('quote', {
        text: 'أنهينا اليوم',
        speaker: { name: 'قاسم الأعرجي', aliases: ['Qasim al-Araji'] },
        speakerOrganization: null,
        source: { name: 'الوكالة العراقية للأنباء', shortName: 'نينا' },
      }),
    ).toEqual({ title: 'أنهينا اليوم', text: 'أنهينا اليوم\nقاسم الأعرجي\nQasim al-Araji\nالوكالة العراقية للأنباء\nنينا' });
  });

  it('finds a person by name and every alias; drafts are marked unpublished', () => {
    const row = indexRow('person', {
      documentId: 'p1',
      locale: 'en',
      publishedAt: null,
      updatedAt: new Date('2026-02-02T00:00:00Z'),
      name: 'Tahseen al-Khafaji',
      aliases: ['تحسين الخفاجي', 'خفاجى'],
    });
    expect(row).toMatchObject({
      published: false,
      title: 'tahseen al khafaji',
      body: 'tahseen al khafaji تحسين الخفاجي خفاجي',
      sort_date: '2026-02-02T00:00:00.000Z',
    });
    expect(row.words).toBe('tahseen al khafaji تحسين الخفاجي خفاجي');
  });

  it('keeps each word once in `words`, in order', () => {
    const row = indexRow('quote', { documentId: 'q1', locale: 'ar', publishedAt: null, text: 'التحالف الدولي ثم التحالف ثم الدولي' });
    expect(row.words).toBe('التحالف الدولي ثم');
    expect(row.body).toBe('التحالف الدولي ثم التحالف ثم الدولي');
  });
});
