import type { StoryBundleInput } from '../../domain/story-bundle/schema';

/**
 * Realistic bilingual stories for benchmarks and scale tests, deterministic for a
 * given seed. Proportions follow story 000: per article 3 people, 4 organizations,
 * 4 sources, a publisher, 9 quotes (4 direct, 5 reported) and 2 figures. People,
 * organizations and sources are drawn from pools that grow more slowly than the
 * archive, as they do in a newsroom, so the same names recur across articles.
 */

/** Mulberry32: small, fast, good enough for test data. */
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  ['محمد', 'Mohammed'],
  ['علي', 'Ali'],
  ['حسن', 'Hassan'],
  ['أحمد', 'Ahmed'],
  ['فاطمة', 'Fatima'],
  ['زينب', 'Zainab'],
  ['عمر', 'Omar'],
  ['سارة', 'Sara'],
  ['يوسف', 'Youssef'],
  ['ليلى', 'Layla'],
  ['خالد', 'Khaled'],
  ['نور', 'Nour'],
  ['إبراهيم', 'Ibrahim'],
  ['مريم', 'Maryam'],
  ['سعد', 'Saad'],
  ['هدى', 'Huda'],
  ['كريم', 'Karim'],
  ['رنا', 'Rana'],
] as const;
const LAST = [
  ['الجبوري', 'al-Jubouri'],
  ['العبيدي', 'al-Obeidi'],
  ['الموسوي', 'al-Moussawi'],
  ['الحسيني', 'al-Husseini'],
  ['الدليمي', 'al-Dulaimi'],
  ['الزبيدي', 'al-Zubaidi'],
  ['الربيعي', 'al-Rubaie'],
  ['الشمري', 'al-Shammari'],
  ['الكعبي', 'al-Kaabi'],
  ['التميمي', 'al-Tamimi'],
  ['السامرائي', 'al-Samarrai'],
  ['الأنصاري', 'al-Ansari'],
  ['البياتي', 'al-Bayati'],
  ['الخزرجي', 'al-Khazraji'],
] as const;
const ROLES = [
  ['وزير', 'Minister of'],
  ['المتحدث باسم وزارة', 'Spokesperson for the Ministry of'],
  ['مستشار وزارة', 'Adviser to the Ministry of'],
  ['مدير عام في وزارة', 'Director general at the Ministry of'],
] as const;
const MINISTRIES = [
  ['الخارجية', 'Foreign Affairs'],
  ['الداخلية', 'the Interior'],
  ['الدفاع', 'Defence'],
  ['النفط', 'Oil'],
  ['المالية', 'Finance'],
  ['الصحة', 'Health'],
  ['التربية', 'Education'],
  ['الكهرباء', 'Electricity'],
  ['الموارد المائية', 'Water Resources'],
  ['التخطيط', 'Planning'],
] as const;
const CITIES = [
  ['بغداد', 'Baghdad'],
  ['البصرة', 'Basra'],
  ['الموصل', 'Mosul'],
  ['أربيل', 'Erbil'],
  ['النجف', 'Najaf'],
  ['كربلاء', 'Karbala'],
  ['كركوك', 'Kirkuk'],
  ['الأنبار', 'Anbar'],
  ['دهوك', 'Duhok'],
  ['ديالى', 'Diyala'],
] as const;
const TOPICS = [
  ['خطة لإعادة إعمار البنى التحتية', 'a plan to rebuild infrastructure'],
  ['اتفاقاً لتوريد الطاقة', 'an energy supply agreement'],
  ['إجراءات لتعزيز الأمن', 'measures to strengthen security'],
  ['برنامجاً لدعم الزراعة', 'a programme to support agriculture'],
  ['مشروعاً لتحلية المياه', 'a water desalination project'],
  ['حملة لمكافحة الفساد', 'an anti-corruption campaign'],
  ['خطة لتطوير التعليم', 'a plan to develop education'],
  ['مبادرة لتشغيل الشباب', 'an initiative to employ young people'],
] as const;
const SOURCES = [
  ['وكالة الأنباء العراقية', 'Iraqi News Agency', 'news_agency'],
  ['الوكالة الوطنية العراقية للأنباء', 'National Iraqi News Agency', 'news_agency'],
  ['قناة العراقية', 'Al-Iraqiya TV', 'tv_channel'],
  ['قناة الشرقية', 'Al-Sharqiya TV', 'tv_channel'],
  ['صحيفة الصباح', 'Al-Sabah newspaper', 'newspaper'],
  ['صحيفة المدى', 'Al-Mada newspaper', 'newspaper'],
  ['موقع شفق نيوز', 'Shafaq News', 'website'],
  ['بيان رسمي', 'Official statement', 'official_statement'],
] as const;

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

export interface SyntheticOptions {
  articles: number;
  seed?: number;
  /** Slug prefix, so several synthetic sets can live side by side. */
  prefix?: string;
  /**
   * `story` (the default): story 000's proportions, entities drawn from shared pools.
   * `small`: the archive import's target bundle, each defining its own 2 people, an
   * organization, a source, 3 quotes and a figure (nothing shared: every bundle writes all of it).
   */
  shape?: 'story' | 'small';
}

export function poolSizes(articles: number) {
  return {
    people: Math.max(12, Math.ceil(articles / 2)),
    ministries: MINISTRIES.length,
    organizations: Math.max(8, Math.ceil(articles / 10)),
    sources: Math.max(8, Math.ceil(articles / 100) * SOURCES.length),
  };
}

/**
 * Yields one bundle per article. An entity is defined in the bundle of the first
 * article that uses it; later bundles refer to it by slug, as newsroom bundles do.
 */
export function* syntheticBundles({ articles, seed = 1, prefix = 'syn', shape = 'story' }: SyntheticOptions): Generator<StoryBundleInput> {
  if (shape === 'small') {
    yield* smallBundles(articles, seed, prefix);
    return;
  }
  const random = rng(seed);
  const sizes = poolSizes(articles);
  const defined = new Set<string>();
  const orgSlug = (i: number) => `${prefix}-org-${i}`;
  const sourceSlug = (i: number) => `${prefix}-source-${i}`;
  const personSlug = (i: number) => `${prefix}-person-${i}`;
  const publisherSlug = (i: number) => `${prefix}-publisher-${i}`;

  const organization = (i: number) => {
    const [ar, en] = MINISTRIES[i % MINISTRIES.length]!;
    const [cityAr, cityEn] = CITIES[Math.floor(i / MINISTRIES.length) % CITIES.length]!;
    const round = Math.floor(i / (MINISTRIES.length * CITIES.length));
    return {
      slug: orgSlug(i),
      name: { ar: `مديرية ${ar} في ${cityAr}${round ? ` ${round + 1}` : ''}`, en: `Directorate of ${en} in ${cityEn}${round ? ` ${round + 1}` : ''}` },
      kind: 'government' as const,
      country: 'IQ',
    };
  };
  const source = (i: number) => {
    const [ar, en, kind] = SOURCES[i % SOURCES.length]!;
    const edition = Math.floor(i / SOURCES.length);
    return {
      slug: sourceSlug(i),
      name: { ar: edition ? `${ar} (${edition + 1})` : ar, en: edition ? `${en} (${edition + 1})` : en },
      kind,
      country: 'IQ',
    };
  };
  const person = (i: number) => {
    const [firstAr, firstEn] = FIRST[i % FIRST.length]!;
    const [lastAr, lastEn] = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const generation = Math.floor(i / (FIRST.length * LAST.length));
    const [roleAr, roleEn] = ROLES[i % ROLES.length]!;
    const [ministryAr, ministryEn] = MINISTRIES[(i * 7) % MINISTRIES.length]!;
    const suffix = generation ? ` ${generation + 1}` : '';
    return {
      slug: personSlug(i),
      name: { ar: `${firstAr} ${lastAr}${suffix}`, en: `${firstEn} ${lastEn}${suffix}` },
      jobTitle: { ar: `${roleAr} ${ministryAr}`, en: `${roleEn} ${ministryEn}` },
      affiliation: orgSlug(i % sizes.organizations),
      aliases: [`${lastAr}${suffix}`, `${firstEn} ${lastEn.replace('al-', 'Al ')}${suffix}`],
    };
  };

  for (let a = 0; a < articles; a++) {
    const bundle: StoryBundleInput = { version: 1, organizations: [], sources: [], people: [], quotes: [] } as unknown as StoryBundleInput;
    const need = <T extends { slug: string }>(list: T[], slug: string, make: () => T) => {
      if (defined.has(slug)) return;
      defined.add(slug);
      list.push(make());
    };
    const peopleIdx = [0, 1, 2].map(() => Math.floor(random() * sizes.people));
    const orgIdx = [0, 1, 2, 3].map(() => Math.floor(random() * sizes.organizations));
    const sourceIdx = [0, 1, 2, 3].map(() => Math.floor(random() * sizes.sources));
    const uniq = (xs: number[]) => [...new Set(xs)];
    const publisherIdx = a % 3;

    const people = uniq(peopleIdx);
    const orgs = uniq([...orgIdx, ...people.map((p) => p % sizes.organizations)]);
    const sources = uniq(sourceIdx);
    for (const i of orgs) need(bundle.organizations as ReturnType<typeof organization>[], orgSlug(i), () => organization(i));
    need(bundle.organizations as Array<Record<string, unknown> & { slug: string }>, publisherSlug(publisherIdx), () => ({
      slug: publisherSlug(publisherIdx),
      name: { ar: ['البوابة نيوز', 'المدى برس', 'شبكة الإعلام'][publisherIdx]!, en: ['Al-Bawaba News', 'Al-Mada Press', 'Media Network'][publisherIdx]! },
      kind: 'media',
      country: publisherIdx === 0 ? 'EG' : 'IQ',
    }));
    for (const i of sources) need(bundle.sources as ReturnType<typeof source>[], sourceSlug(i), () => source(i));
    for (const i of people) need(bundle.people as ReturnType<typeof person>[], personSlug(i), () => person(i));

    const [cityAr, cityEn] = pick(random, CITIES);
    const [topicAr, topicEn] = pick(random, TOPICS);
    const figures = [Math.floor(random() * 9000) + 100, Math.floor(random() * 900) + 10];
    const speakers = people.map((i) => person(i));
    const bodyAr: string[] = [`أعلنت السلطات في ${cityAr} ${topicAr}، بحسب ما أفادت مصادر رسمية.`];
    const bodyEn: string[] = [`Authorities in ${cityEn} announced ${topicEn}, official sources said.`];
    const quotes: NonNullable<StoryBundleInput['quotes']> = [];
    for (let q = 0; q < 9; q++) {
      const speaker = speakers[q % speakers.length]!;
      const src = source(sources[q % sources.length]!);
      const direct = q % 9 < 4;
      const number = figures[q % 2]!;
      const textAr = `إن العمل على ${topicAr} في ${cityAr} سيشمل ${number} مستفيد خلال المرحلة ${q + 1}`;
      const textEn = `work on ${topicEn} in ${cityEn} will reach ${number} beneficiaries in phase ${q + 1}`;
      if (direct) {
        bodyAr.push(`وقال ${speaker.name.ar}، ${speaker.jobTitle.ar}، بحسب ${src.name.ar}: "${textAr}".`);
        bodyEn.push(`${speaker.name.en}, ${speaker.jobTitle.en}, said according to ${src.name.en}: "${textEn}".`);
      } else {
        bodyAr.push(`وأوضح ${speaker.name.ar} أن ${textAr}، وفق ${src.name.ar}.`);
        bodyEn.push(`${speaker.name.en} explained that ${textEn}, according to ${src.name.en}.`);
      }
      quotes.push({
        slug: `${prefix}-article-${a}-q${q + 1}`,
        position: q + 1,
        kind: direct ? 'direct' : 'indirect',
        speaker: speaker.slug,
        source: src.slug,
        text: { ar: textAr, en: textEn },
      });
    }
    bodyAr.push(`ويأتي ذلك ضمن خطة حكومية تشمل ${figures[0]} موقعاً و${figures[1]} مشروعاً في ${cityAr}.`);
    bodyEn.push(`This is part of a government plan covering ${figures[0]} sites and ${figures[1]} projects in ${cityEn}.`);

    const day = new Date(Date.UTC(2024, 0, 1) + a * 3_600_000 * 6);
    bundle.quotes = quotes;
    bundle.article = {
      slug: `${prefix}-article-${a}`,
      headline: { ar: `${cityAr}: الإعلان عن ${topicAr} (${a + 1})`, en: `${cityEn}: ${topicEn} announced (${a + 1})` },
      summary: { ar: bodyAr[0]!, en: bodyEn[0]! },
      section: { ar: 'محليات', en: 'Local' },
      publishedDate: day.toISOString().slice(0, 10),
      coverCaption: { ar: `${cityAr} (أرشيف)`, en: `${cityEn} (archive)` },
      publisher: publisherSlug(publisherIdx),
      people: people.map(personSlug),
      organizations: orgs.map(orgSlug),
      sources: sources.map(sourceSlug),
      body: { ar: bodyAr, en: bodyEn },
      figures: [
        { value: figures[0]!, qualifier: 'approximately', unit: { ar: 'موقع', en: 'sites' }, label: { ar: 'المواقع المشمولة', en: 'Sites covered' } },
        { value: figures[1]!, qualifier: 'exact', unit: { ar: 'مشروع', en: 'projects' }, label: { ar: 'المشاريع', en: 'Projects' } },
      ],
    };
    yield bundle;
  }
}

function* smallBundles(articles: number, seed: number, prefix: string): Generator<StoryBundleInput> {
  const random = rng(seed);
  for (let a = 0; a < articles; a++) {
    const slug = `${prefix}-article-${a}`;
    const [cityAr, cityEn] = pick(random, CITIES);
    const [topicAr, topicEn] = pick(random, TOPICS);
    const [ministryAr, ministryEn] = pick(random, MINISTRIES);
    const [sourceAr, sourceEn, sourceKind] = pick(random, SOURCES);
    const people = [0, 1].map((p) => {
      const [firstAr, firstEn] = pick(random, FIRST);
      const [lastAr, lastEn] = pick(random, LAST);
      return { slug: `${slug}-person-${p + 1}`, name: { ar: `${firstAr} ${lastAr}`, en: `${firstEn} ${lastEn}` }, aliases: [lastAr] };
    });
    const organization = {
      slug: `${slug}-org`,
      name: { ar: `مديرية ${ministryAr} في ${cityAr}`, en: `Directorate of ${ministryEn} in ${cityEn}` },
      kind: 'government' as const,
    };
    const source = { slug: `${slug}-source`, name: { ar: sourceAr, en: sourceEn }, kind: sourceKind, country: 'IQ' };
    const number = Math.floor(random() * 9000) + 100;
    const bodyAr = [`أعلنت السلطات في ${cityAr} ${topicAr}، بحسب ${sourceAr}.`];
    const bodyEn = [`Authorities in ${cityEn} announced ${topicEn}, according to ${sourceEn}.`];
    const quotes = [0, 1, 2].map((q) => {
      const speaker = people[q % 2]!;
      const text = {
        ar: `إن العمل في ${cityAr} سيشمل ${number} مستفيد في المرحلة ${q + 1}`,
        en: `work in ${cityEn} will reach ${number} beneficiaries in phase ${q + 1}`,
      };
      bodyAr.push(`وقال ${speaker.name.ar}: "${text.ar}".`);
      bodyEn.push(`${speaker.name.en} said: "${text.en}".`);
      return {
        slug: `${slug}-q${q + 1}`,
        position: q + 1,
        kind: 'direct' as const,
        speaker: speaker.slug,
        speakerOrganization: organization.slug,
        source: source.slug,
        text,
      };
    });
    yield {
      version: 1,
      organizations: [organization],
      sources: [source],
      people,
      quotes,
      article: {
        slug,
        headline: { ar: `${cityAr}: الإعلان عن ${topicAr} (${a + 1})`, en: `${cityEn}: ${topicEn} announced (${a + 1})` },
        summary: { ar: bodyAr[0]!, en: bodyEn[0]! },
        section: { ar: 'محليات', en: 'Local' },
        publishedDate: new Date(Date.UTC(2020, 0, 1) + a * 3_600_000).toISOString().slice(0, 10),
        people: people.map((p) => p.slug),
        organizations: [organization.slug],
        sources: [source.slug],
        body: { ar: bodyAr, en: bodyEn },
        figures: [{ value: number, qualifier: 'approximately', unit: { ar: 'مستفيد', en: 'beneficiaries' }, label: { ar: 'المستفيدون', en: 'Beneficiaries' } }],
      },
    };
  }
}
