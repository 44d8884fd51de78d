import { parseFeedParams } from './params';

describe('feed parameters', () => {
  it('takes ar and en, with an optional section', () => {
    expect(parseFeedParams('ar', {})).toEqual({ ok: true, params: { locale: 'ar', section: null } });
    expect(parseFeedParams('en', { section: 'Arab World' })).toEqual({ ok: true, params: { locale: 'en', section: 'Arab World' } });
  });

  it('names every problem: locale, unknown parameters, a repeated, empty or long section', () => {
    expect(parseFeedParams('fr', {})).toEqual({ ok: false, problems: ['locale must be one of ar, en; got "fr"'] });
    expect(parseFeedParams('ar', { limit: '5', sort: 'x' })).toEqual({ ok: false, problems: ['unknown parameter(s): limit, sort; only section is accepted'] });
    expect(parseFeedParams('ar', { section: ['a', 'b'] })).toEqual({ ok: false, problems: ['section must be given once, as text'] });
    expect(parseFeedParams('ar', { section: ' ' })).toEqual({ ok: false, problems: ['section must not be empty'] });
    expect(parseFeedParams('ar', { section: 'x'.repeat(121) })).toEqual({ ok: false, problems: ['section must be at most 120 characters'] });
    expect(parseFeedParams('de', { page: '2' })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^locale/), expect.stringMatching(/^unknown/)] });
  });
});
