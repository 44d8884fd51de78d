import { z } from 'zod';
import { isStorableDecimal } from '../../validation/values';

/**
 * The story bundle: one article with everything it names, in both newsroom
 * locales, as plain data. Seed scripts and newsroom tooling produce bundles; the
 * loader upserts them. Entities are identified by `slug`, so a later bundle can
 * refer to a person or source that an earlier one created without repeating it.
 */

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = z.string().regex(SLUG_PATTERN, 'must be lowercase Latin letters and digits separated by single hyphens (e.g. "qasim-al-araji")').max(120);

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** A value in Arabic and in English. Both are required: the newsroom publishes both. */
const localized = <T extends z.ZodTypeAny>(schema: T) => z.object({ ar: schema, en: schema }).strict();

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    message: 'is not a real calendar date',
  });

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "IQ"');

export const ORGANIZATION_KINDS = [
  'government',
  'military',
  'security_forces',
  'coalition',
  'armed_group',
  'political_party',
  'international_organization',
  'media',
  'company',
  'ngo',
  'other',
] as const;

export const SOURCE_KINDS = ['news_agency', 'tv_channel', 'radio', 'newspaper', 'website', 'social_media', 'official_statement', 'other'] as const;

export const QUOTE_KINDS = ['direct', 'indirect'] as const;
export const FIGURE_QUALIFIERS = ['exact', 'approximately', 'more_than', 'less_than', 'up_to'] as const;

export const organizationSchema = z
  .object({
    slug,
    name: localized(text(200)),
    shortName: localized(text(60)).optional(),
    kind: z.enum(ORGANIZATION_KINDS),
    country: countryCode.optional(),
  })
  .strict();

export const sourceSchema = z
  .object({
    slug,
    name: localized(text(200)),
    shortName: localized(text(60)).optional(),
    kind: z.enum(SOURCE_KINDS),
    url: z
      .string()
      .max(255)
      .url('must be an absolute http(s) URL')
      .regex(/^https?:\/\//, 'must be an http(s) URL')
      .optional(),
    country: countryCode.optional(),
  })
  .strict();

export const personSchema = z
  .object({
    slug,
    name: localized(text(200)),
    jobTitle: localized(text(255)).optional(),
    /** Slug of an organization, in this bundle or already in the database. */
    affiliation: slug.optional(),
    /** Other spellings, Arabic and Latin, for matching and search. */
    aliases: z.array(text(200)).default([]),
    bio: localized(text(5000)).optional(),
  })
  .strict();

export const figureSchema = z
  .object({
    value: z.number().refine(isStorableDecimal, 'must be below 100,000,000 in size, with at most 2 decimals'),
    qualifier: z.enum(FIGURE_QUALIFIERS).default('exact'),
    unit: localized(text(100)).optional(),
    label: localized(text(255)),
  })
  .strict();

export const articleSchema = z
  .object({
    slug,
    headline: localized(text(255)),
    summary: localized(text(1000)).optional(),
    /** Paragraphs, in order; stored as Strapi blocks. */
    body: localized(z.array(text(20000)).min(1, 'needs at least one paragraph')),
    section: localized(text(120)).optional(),
    /** The date the article shows. */
    publishedDate: isoDate,
    coverCaption: localized(text(500)).optional(),
    publisher: slug.optional(),
    people: z.array(slug).default([]),
    organizations: z.array(slug).default([]),
    sources: z.array(slug).default([]),
    figures: z.array(figureSchema).default([]),
  })
  .strict();

export const quoteSchema = z
  .object({
    slug,
    kind: z.enum(QUOTE_KINDS),
    /** Verbatim in Arabic; a direct quote must appear word for word in the article body of each locale. */
    text: localized(text(5000)),
    speaker: slug.optional(),
    speakerOrganization: slug.optional(),
    /** The outlet through which the statement reached the newsroom. */
    source: slug.optional(),
    statedOn: isoDate.optional(),
    position: z.number().int().min(1),
  })
  .strict();

export const storyBundleSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    organizations: z.array(organizationSchema).default([]),
    sources: z.array(sourceSchema).default([]),
    people: z.array(personSchema).default([]),
    article: articleSchema,
    quotes: z.array(quoteSchema).default([]),
  })
  .strict();

/** What a bundle author writes (defaults may be omitted). */
export type StoryBundleInput = z.input<typeof storyBundleSchema>;
/** A validated bundle, defaults filled in. */
export type StoryBundle = z.output<typeof storyBundleSchema>;
export type OrganizationEntry = StoryBundle['organizations'][number];
export type SourceEntry = StoryBundle['sources'][number];
export type PersonEntry = StoryBundle['people'][number];
export type ArticleEntry = StoryBundle['article'];
export type QuoteEntry = StoryBundle['quotes'][number];
export type FigureEntry = ArticleEntry['figures'][number];
export type Localized<T> = { ar: T; en: T };
