import { inNewsWindow, newsPublicationDate, newsWindow } from './news-window';

describe('the Google News window', () => {
  const now = new Date('2026-03-10T15:00:00Z');

  it('takes the dates overlapping the last 48 hours, and tomorrow for desks east of UTC', () => {
    expect(newsWindow(now)).toEqual({ from: '2026-03-08', to: '2026-03-11' });
    for (const day of ['2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11']) expect(inNewsWindow(day, now)).toBe(true);
  });

  it('never takes an older date (imported or re-published articles), a later one, or none', () => {
    for (const day of ['2026-03-07', '2019-01-01', '2026-03-12', null, undefined, '']) expect(inNewsWindow(day, now)).toBe(false);
  });

  it('moves with the clock', () => {
    expect(inNewsWindow('2026-03-08', new Date('2026-03-11T00:00:00Z'))).toBe(false);
  });
});

describe('news:publication_date', () => {
  it('is the moment the row went public when that was on the shown date, else the date alone', () => {
    expect(newsPublicationDate({ publishedDate: '2026-03-10', publishedAt: '2026-03-10T08:15:00.000Z' })).toBe('2026-03-10T08:15:00.000Z');
    expect(newsPublicationDate({ publishedDate: '2026-03-10', publishedAt: new Date('2026-03-09T23:00:00Z') })).toBe('2026-03-10');
  });
});
