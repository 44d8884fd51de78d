import type { StoryBundleInput } from '../../../src/domain/story-bundle/schema';

/**
 * Story 000: Iraq announces the end of the international coalition's combat mission.
 *
 * Arabic text is verbatim from the scraped page kept beside this file
 * (000-iraq-coalition-combat-mission.source.txt), spelling included (الخفاجى, فى,
 * يذكرأن،). Only runs of spaces are collapsed. The page's masthead (date line,
 * chairman's name), the photo's title line and the "follow us on Google News"
 * line are site furniture and are not article content.
 *
 * Editorial decisions the text leaves open, recorded here so they can be revisited:
 * - publishedDate is the date the page shows (Sunday 28 April 2024). The events it
 *   reports are older; the page gives no other date, so statedOn is left empty.
 * - The publisher is not named in the text. The masthead's chairman (عبدالرحيم علي)
 *   and the section name (بوابة العرب) identify Al-Bawaba News (البوابة نيوز).
 * - Quotes 3, 5 sit next to the INA attribution of paragraph 4 and are attributed
 *   to INA; quote 6 ("يذكر أن ... أكدت") is the Joint Operations Command's own
 *   confirmation and is attributed to its statement.
 * - 31 December is a deadline, not a quantity; it stays in quote 3's text rather
 *   than becoming a figure.
 */

const ARTICLE = 'iraq-announces-end-of-coalition-combat-mission';
const quoteSlug = (n: number) => `${ARTICLE}-q${n}`;

export const iraqCoalitionCombatMission: StoryBundleInput = {
  version: 1,
  organizations: [
    {
      slug: 'international-coalition',
      name: { ar: 'التحالف الدولي', en: 'International Coalition' },
      shortName: { ar: 'التحالف', en: 'Coalition' },
      kind: 'coalition',
    },
    {
      slug: 'joint-operations-command-iraq',
      name: { ar: 'قيادة العمليات المشتركة', en: 'Joint Operations Command (Iraq)' },
      shortName: { ar: 'العمليات المشتركة', en: 'JOC' },
      kind: 'military',
      country: 'IQ',
    },
    {
      slug: 'iraqi-security-forces',
      name: { ar: 'القوات الأمنية العراقية', en: 'Iraqi Security Forces' },
      shortName: { ar: 'القوات الأمنية', en: 'ISF' },
      kind: 'security_forces',
      country: 'IQ',
    },
    {
      slug: 'isis',
      name: { ar: 'داعش', en: 'Islamic State (ISIS)' },
      shortName: { ar: 'داعش', en: 'ISIS' },
      kind: 'armed_group',
    },
    {
      slug: 'al-bawaba-news',
      name: { ar: 'البوابة نيوز', en: 'Al-Bawaba News' },
      shortName: { ar: 'البوابة', en: 'Al-Bawaba' },
      kind: 'media',
      country: 'EG',
    },
  ],
  sources: [
    {
      slug: 'nina',
      name: { ar: 'الوكالة العراقية للأنباء', en: 'National Iraqi News Agency' },
      shortName: { ar: 'نينا', en: 'NINA' },
      kind: 'news_agency',
      url: 'https://ninanews.com',
      country: 'IQ',
    },
    {
      slug: 'ina',
      name: { ar: 'وكالة الأنباء العراقية', en: 'Iraqi News Agency' },
      shortName: { ar: 'واع', en: 'INA' },
      kind: 'news_agency',
      url: 'https://www.ina.iq',
      country: 'IQ',
    },
    {
      slug: 'al-iraqiya-news',
      name: { ar: 'الإخبارية العراقية', en: 'Al-Iraqiya News' },
      shortName: { ar: 'الإخبارية', en: 'Al-Iraqiya News' },
      kind: 'tv_channel',
      country: 'IQ',
    },
    {
      slug: 'joint-operations-command-statement',
      name: { ar: 'بيان قيادة العمليات المشتركة', en: 'Joint Operations Command statement' },
      kind: 'official_statement',
      country: 'IQ',
    },
  ],
  people: [
    {
      slug: 'qasim-al-araji',
      name: { ar: 'قاسم الأعرجي', en: 'Qasim al-Araji' },
      jobTitle: { ar: 'مستشار الأمن القومي العراقي', en: 'Iraq’s National Security Adviser' },
      aliases: ['الأعرجي', 'قاسم الاعرجي', 'Qassim al-Araji', 'Qasim al-Aaraji', 'Al-Araji'],
    },
    {
      slug: 'tahseen-al-khafaji',
      name: { ar: 'تحسين الخفاجى', en: 'Tahseen al-Khafaji' },
      jobTitle: {
        ar: 'المتحدث باسم قيادة العمليات المشتركة فى العراق',
        en: 'Spokesman for the Joint Operations Command in Iraq',
      },
      affiliation: 'joint-operations-command-iraq',
      aliases: ['تحسين الخفاجي', 'خفاجى', 'الخفاجي', 'Tahsin al-Khafaji', 'Al-Khafaji'],
    },
    {
      slug: 'john-brennan',
      name: { ar: 'جون برينان', en: 'John Brennan' },
      jobTitle: {
        ar: 'القائد العام لقوات التحالف في العراق وسوريا',
        en: 'Commander of the coalition forces in Iraq and Syria',
      },
      affiliation: 'international-coalition',
      aliases: ['الجنرال جون برينان', 'برينان', 'General John Brennan', 'Gen. John Brennan'],
    },
  ],
  article: {
    slug: ARTICLE,
    headline: {
      ar: 'العراق يعلن انتهاء المهام القتالية لقوات التحالف رسميا وانسحابها',
      en: 'Iraq officially announces the end of the coalition forces’ combat missions and their withdrawal',
    },
    summary: {
      ar: 'أعلن مستشار الأمن القومي العراقي قاسم الأعرجي، عن انتهاء المهام القتالية لقوات التحالف الدولي رسميا وانسحابها من العراق.',
      en: 'Iraq’s National Security Adviser Qasim al-Araji announced the official end of the international coalition forces’ combat missions and their withdrawal from Iraq.',
    },
    section: { ar: 'بوابة العرب', en: 'Arab World' },
    publishedDate: '2024-04-28',
    coverCaption: { ar: 'مستشار الأمن القومي العراقي قاسم الأعرجي', en: 'Iraq’s National Security Adviser Qasim al-Araji' },
    publisher: 'al-bawaba-news',
    people: ['qasim-al-araji', 'tahseen-al-khafaji', 'john-brennan'],
    organizations: ['international-coalition', 'joint-operations-command-iraq', 'iraqi-security-forces', 'isis'],
    sources: ['nina', 'ina', 'al-iraqiya-news', 'joint-operations-command-statement'],
    body: {
      ar: [
        'أعلن مستشار الأمن القومي العراقي قاسم الأعرجي، عن انتهاء المهام القتالية لقوات التحالف الدولي رسميا وانسحابها من العراق.',
        'وقال الأعرجي - حسبما ذكرت الوكالة العراقية للأنباء /نينا/ - "أنهينا اليوم جولة الحوار الأخيرة مع التحالف الدولي، والتي بدأناها في العام الماضي، لنعلن رسميا انتهاء المهام القتالية لقوات التحالف وانسحابها من العراق، وستستمر العلاقة مع التحالف الدولي في مجال التدريب والاستشارة والتمكين".',
        'وكان المتحدث باسم قيادة العمليات المشتركة فى العراق تحسين الخفاجى، قال إن العراق اتخذ خطوات كبيرة لإنهاء تواجد القوات القتالية العسكرية للتحالف الدولي، بحلول 31 ديسمبر المقبل.',
        'ونقلت "وكالة الأنباء العراقية" عن خفاجى قوله، إن التعاون مع التحالف الدولي "سيستمر فى مجالات الاستشارة والمعلومات الاستخبارية والتدريب والتسليح".',
        'وأشار المتحدث إلى أن "وجود التحالف الدولي في العراق هو لغرض الاستشارة والتدريب والمعلومات الاستخبارية والأمنية، التى تسهم في مطاردة وملاحقة عصابات داعش الإرهابية".',
        'يذكرأن،قيادة العمليات المشتركة، أكدت إجلاء أكثر من 2100 شحنة من المعدات العسكرية للتحالف الدولي، وذلك ضمن إطار خطة لانتقال قوات التحالف الدولي إلى دور استشاري غير قتالي بالبلاد.',
        'وذكرت القيادة في بيان، أوردته قناة (الإخبارية العراقية)، خلال اجتماع مع القيادات الأمنية العراقية بحضور القائد العام لقوات التحالف في العراق وسوريا، الجنرال جون برينان، "إنه تباحث الخطط الأمنية التي من شأنها الوصول إلى المرحلة لا يوجد فيها قوات تحالف دولي عاملة في العراق بدورٍ قتالي".',
        'وأكد البيان، التزام الطرفين بالشراكة المستمرة بين القوات الأمنية العراقية والتحالف، وتحديد بشكل واضح دور التحالف بمواصلة دعم القوات الامنية العراقية في تقديم المشورة والمساعدة والتمكين، واتفقا على إعادة تقييم التقدم الحاصل في علاقتهم، مشيرا إلى الانتقال الناجح لملكية معدات التحالف إلى الجانب العراقي خلال الأشهر الماضية، والتي شملت أكثر من 1800 معدة، ما بين عربات مدرعة مسلحة ورافعات وصهاريج مياه وعربات أخرى، ساهمت في زيادة قدرة القوات الأمنية العراقية على التنقل وتمكنها من حماية المواطنين العراقيين من داعش.',
      ],
      en: [
        'Iraq’s National Security Adviser Qasim al-Araji announced the official end of the international coalition forces’ combat missions and their withdrawal from Iraq.',
        'Al-Araji said, according to the National Iraqi News Agency (NINA): "Today we concluded the last round of dialogue with the international coalition, which we began last year, to officially announce the end of the coalition forces’ combat missions and their withdrawal from Iraq. The relationship with the international coalition will continue in the fields of training, advising and enabling."',
        'The spokesman for the Joint Operations Command in Iraq, Tahseen al-Khafaji, had said that Iraq had taken major steps to end the presence of the international coalition’s military combat forces by the coming 31 December.',
        'The Iraqi News Agency (INA) quoted al-Khafaji as saying that cooperation with the international coalition "will continue in the fields of advice, intelligence, training and arming."',
        'The spokesman noted that "the presence of the international coalition in Iraq is for the purpose of advice, training, and intelligence and security information, which contribute to pursuing and hunting down the terrorist ISIS gangs."',
        'The Joint Operations Command has confirmed the evacuation of more than 2,100 shipments of the international coalition’s military equipment, as part of a plan for the coalition forces to move to a non-combat, advisory role in the country.',
        'In a statement carried by the Al-Iraqiya News channel, the Command said that during a meeting with Iraqi security leaders, attended by the commander of the coalition forces in Iraq and Syria, General John Brennan, "it discussed the security plans that would lead to the stage at which no international coalition forces are operating in Iraq in a combat role."',
        'The statement affirmed both sides’ commitment to the continuing partnership between the Iraqi security forces and the coalition, and clearly defined the coalition’s role as continuing to support the Iraqi security forces with advice, assistance and enablement. The two sides agreed to reassess the progress made in their relationship. The statement also pointed to the successful transfer of ownership of coalition equipment to the Iraqi side over the past months, which included more than 1,800 items, among them armed armoured vehicles, cranes, water tankers and other vehicles, and which increased the Iraqi security forces’ mobility and their ability to protect Iraqi citizens from ISIS.',
      ],
    },
    figures: [
      {
        value: 2100,
        qualifier: 'more_than',
        unit: { ar: 'شحنة', en: 'shipments' },
        label: {
          ar: 'شحنات المعدات العسكرية للتحالف الدولي التي جرى إجلاؤها',
          en: 'Shipments of the international coalition’s military equipment evacuated',
        },
      },
      {
        value: 1800,
        qualifier: 'more_than',
        unit: { ar: 'معدة', en: 'items of equipment' },
        label: {
          ar: 'معدات التحالف التي انتقلت ملكيتها إلى الجانب العراقي',
          en: 'Coalition equipment items whose ownership passed to the Iraqi side',
        },
      },
    ],
  },
  quotes: [
    {
      slug: quoteSlug(1),
      position: 1,
      kind: 'indirect',
      speaker: 'qasim-al-araji',
      source: 'nina',
      text: {
        ar: 'انتهاء المهام القتالية لقوات التحالف الدولي رسميا وانسحابها من العراق',
        en: 'The international coalition forces’ combat missions have officially ended and the forces are withdrawing from Iraq.',
      },
    },
    {
      slug: quoteSlug(2),
      position: 2,
      kind: 'direct',
      speaker: 'qasim-al-araji',
      source: 'nina',
      text: {
        ar: 'أنهينا اليوم جولة الحوار الأخيرة مع التحالف الدولي، والتي بدأناها في العام الماضي، لنعلن رسميا انتهاء المهام القتالية لقوات التحالف وانسحابها من العراق، وستستمر العلاقة مع التحالف الدولي في مجال التدريب والاستشارة والتمكين',
        en: 'Today we concluded the last round of dialogue with the international coalition, which we began last year, to officially announce the end of the coalition forces’ combat missions and their withdrawal from Iraq. The relationship with the international coalition will continue in the fields of training, advising and enabling.',
      },
    },
    {
      slug: quoteSlug(3),
      position: 3,
      kind: 'indirect',
      speaker: 'tahseen-al-khafaji',
      source: 'ina',
      text: {
        ar: 'العراق اتخذ خطوات كبيرة لإنهاء تواجد القوات القتالية العسكرية للتحالف الدولي، بحلول 31 ديسمبر المقبل',
        en: 'Iraq has taken major steps to end the presence of the international coalition’s military combat forces by the coming 31 December.',
      },
    },
    {
      slug: quoteSlug(4),
      position: 4,
      kind: 'direct',
      speaker: 'tahseen-al-khafaji',
      source: 'ina',
      text: {
        ar: 'سيستمر فى مجالات الاستشارة والمعلومات الاستخبارية والتدريب والتسليح',
        en: 'will continue in the fields of advice, intelligence, training and arming.',
      },
    },
    {
      slug: quoteSlug(5),
      position: 5,
      kind: 'direct',
      speaker: 'tahseen-al-khafaji',
      source: 'ina',
      text: {
        ar: 'وجود التحالف الدولي في العراق هو لغرض الاستشارة والتدريب والمعلومات الاستخبارية والأمنية، التى تسهم في مطاردة وملاحقة عصابات داعش الإرهابية',
        en: 'the presence of the international coalition in Iraq is for the purpose of advice, training, and intelligence and security information, which contribute to pursuing and hunting down the terrorist ISIS gangs.',
      },
    },
    {
      slug: quoteSlug(6),
      position: 6,
      kind: 'indirect',
      speakerOrganization: 'joint-operations-command-iraq',
      source: 'joint-operations-command-statement',
      text: {
        ar: 'إجلاء أكثر من 2100 شحنة من المعدات العسكرية للتحالف الدولي، وذلك ضمن إطار خطة لانتقال قوات التحالف الدولي إلى دور استشاري غير قتالي بالبلاد',
        en: 'More than 2,100 shipments of the international coalition’s military equipment have been evacuated, as part of a plan for the coalition forces to move to a non-combat, advisory role in the country.',
      },
    },
    {
      slug: quoteSlug(7),
      position: 7,
      kind: 'direct',
      speakerOrganization: 'joint-operations-command-iraq',
      source: 'al-iraqiya-news',
      text: {
        ar: 'إنه تباحث الخطط الأمنية التي من شأنها الوصول إلى المرحلة لا يوجد فيها قوات تحالف دولي عاملة في العراق بدورٍ قتالي',
        en: 'it discussed the security plans that would lead to the stage at which no international coalition forces are operating in Iraq in a combat role.',
      },
    },
    {
      slug: quoteSlug(8),
      position: 8,
      kind: 'indirect',
      speakerOrganization: 'joint-operations-command-iraq',
      source: 'al-iraqiya-news',
      text: {
        ar: 'التزام الطرفين بالشراكة المستمرة بين القوات الأمنية العراقية والتحالف، وتحديد بشكل واضح دور التحالف بمواصلة دعم القوات الامنية العراقية في تقديم المشورة والمساعدة والتمكين، واتفقا على إعادة تقييم التقدم الحاصل في علاقتهم',
        en: 'Both sides are committed to the continuing partnership between the Iraqi security forces and the coalition, the coalition’s role is clearly defined as continuing to support the Iraqi security forces with advice, assistance and enablement, and the two sides agreed to reassess the progress made in their relationship.',
      },
    },
    {
      slug: quoteSlug(9),
      position: 9,
      kind: 'indirect',
      speakerOrganization: 'joint-operations-command-iraq',
      source: 'al-iraqiya-news',
      text: {
        ar: 'الانتقال الناجح لملكية معدات التحالف إلى الجانب العراقي خلال الأشهر الماضية، والتي شملت أكثر من 1800 معدة، ما بين عربات مدرعة مسلحة ورافعات وصهاريج مياه وعربات أخرى، ساهمت في زيادة قدرة القوات الأمنية العراقية على التنقل وتمكنها من حماية المواطنين العراقيين من داعش',
        en: 'Ownership of coalition equipment was successfully transferred to the Iraqi side over the past months, more than 1,800 items including armed armoured vehicles, cranes, water tankers and other vehicles, increasing the Iraqi security forces’ mobility and their ability to protect Iraqi citizens from ISIS.',
      },
    },
  ],
};
