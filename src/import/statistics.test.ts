import { tablesWithoutStatistics, type TableActivity } from './statistics';

const table = (name: string, lastAnalyzed: Date | null = null): TableActivity => ({ table: name, lastAnalyzed });

describe('tablesWithoutStatistics', () => {
  it('names the tables never analyzed, in name order', () => {
    const activity = [table('quotes'), table('articles'), table('people', new Date('2026-12-07T10:00:00Z')), table('files')];
    expect(tablesWithoutStatistics(activity)).toEqual(['articles', 'files', 'quotes']);
  });

  it('leaves analyzed tables alone, however long ago: their estimates scale with their size', () => {
    expect(tablesWithoutStatistics([table('quotes', new Date(0))])).toEqual([]);
  });
});
