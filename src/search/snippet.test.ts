import { snippet } from './snippet';

const body =
  'وكان المتحدث باسم قيادة العمليات المشتركة فى العراق تحسين الخفاجى، قال إن العراق اتخذ خطوات كبيرة لإنهاء تواجد القوات القتالية العسكرية للتحالف الدولي، بحلول 31 ديسمبر المقبل. ونقلت "وكالة الأنباء العراقية" عن خفاجى قوله، إن التعاون مع التحالف الدولي "سيستمر فى مجالات الاستشارة والمعلومات الاستخبارية والتدريب والتسليح".';

describe('snippet', () => {
  it('returns short text whole', () => {
    expect(snippet('قاسم الأعرجي', ['الاعرجي'])).toBe('قاسم الأعرجي');
  });

  it('quotes the original spelling around a match found through normalization', () => {
    const out = snippet(body, ['الخفاجي'], 80);
    expect(out).toContain('تحسين الخفاجى');
    expect(out.length).toBeLessThanOrEqual(84);
  });

  it('marks cuts with an ellipsis and never splits a word', () => {
    const out = snippet(body, ['التسليح'], 60);
    expect(out.startsWith('… ')).toBe(true);
    expect(out).toContain('والتسليح');
    const words = new Set(body.split(/\s+/));
    for (const word of out.replace(/^… | …$/g, '').split(' ')) expect(words.has(word)).toBe(true);
  });

  it('starts at the beginning when nothing matches', () => {
    expect(snippet(body, ['nothing'], 40).startsWith('وكان المتحدث')).toBe(true);
  });
});
