import type { Data } from '@strapi/strapi';
import type { ContentTypeUid } from '../../src/content-types';

/**
 * Documents as the API returns them, typed from Strapi's generated content types
 * (types/generated). Strapi types every attribute as optional and nullable, because
 * `fields` and `populate` decide what a response holds; a test reads what it asked
 * for, so `Present` makes each field present (asserting it is the test's job).
 */
type Present<T> = T extends Array<infer E> ? Array<Present<E>> : T extends Date ? T : T extends object ? { [K in keyof T]-?: Present<NonNullable<T[K]>> } : T;

export type Document<U extends ContentTypeUid> = Present<Data.ContentType<U>>;
export type Article = Document<'api::article.article'>;
export type Person = Document<'api::person.person'>;
export type Organization = Document<'api::organization.organization'>;
export type Source = Document<'api::source.source'>;
export type Quote = Document<'api::quote.quote'>;
export type AnyDocument = Article | Person | Organization | Source | Quote;

/** A REST list answer, and a single-document answer. */
export interface ListBody<T> {
  data: T[];
  meta: { pagination: { page?: number; pageSize?: number; pageCount?: number; total: number; start?: number; limit?: number } };
}
export interface OneBody<T> {
  data: T;
  meta: Record<string, never>;
}
