import type { Core } from '@strapi/strapi';
import { historyContext, systemActor, withHistory } from '../history/actor';
import { CONTENT_TYPE_INFO, CONTENT_TYPE_UIDS, contentTypeOfKind, type ContentTypeUid } from '../content-types';
import { LOCALE_CODES, type NewsroomLocale } from '../domain/locales';
import { storedMatches } from '../domain/story-bundle/compare';
import type { StoryBundle } from '../domain/story-bundle/schema';
import {
  articleData,
  organizationData,
  personData,
  quoteData,
  sourceData,
  type DocumentData,
  type EntityKind,
  type ResolveId,
} from '../domain/story-bundle/to-documents';
import { BundleValidationError, parseStoryBundle, type ExternalReference } from '../domain/story-bundle/validate';

type Uid = ContentTypeUid;
const uidOf = (kind: EntityKind): Uid => contentTypeOfKind(kind).uid;
const ENTITY_KINDS = CONTENT_TYPE_UIDS.map((uid) => CONTENT_TYPE_INFO[uid].kind as EntityKind);
type Outcome = 'created' | 'updated' | 'unchanged';

export interface ProgressEvent {
  kind: EntityKind;
  slug: string;
  documentId: string;
  outcome: Outcome;
}

export interface LoadOptions {
  /** Called after each document is written; a throw aborts the load and rolls everything back. */
  onProgress?: (event: ProgressEvent) => void | Promise<void>;
}

export interface LoadReport {
  article: { slug: string; documentId: string };
  counts: Record<EntityKind, Record<Outcome, number>>;
  removedQuotes: string[];
}

/**
 * The slice of the Document Service the loader uses. The generated per-type
 * parameter types cannot be satisfied by one function that upserts five types, so
 * the loader talks to this narrow, honest view of it instead.
 */
interface DocumentsApi {
  findOne(params: {
    documentId: string;
    locale: string;
    status: 'draft' | 'published';
    populate: Record<string, unknown>;
  }): Promise<Record<string, unknown> | null>;
  create(params: { locale: string; data: Record<string, unknown> }): Promise<{ documentId: string }>;
  update(params: { documentId: string; locale: string; data: Record<string, unknown> }): Promise<{ documentId: string } | null>;
  publish(params: { documentId: string; locale: string }): Promise<unknown>;
  delete(params: { documentId: string; locale: string }): Promise<unknown>;
}

const documents = (strapi: Core.Strapi, uid: Uid) => strapi.documents(uid) as unknown as DocumentsApi;

/** Relations as the Document Service takes them: `set` replaces, in order; an empty set clears. */
function toWriteData(data: DocumentData): Record<string, unknown> {
  const relations = Object.fromEntries(Object.entries(data.relations).map(([key, ids]) => [key, { set: ids.map((documentId) => ({ documentId })) }]));
  return { ...data.fields, ...relations };
}

function populateFor(data: DocumentData): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const key of Object.keys(data.relations)) populate[key] = { fields: ['documentId'] };
  if ('figures' in data.fields) populate.figures = true;
  return populate;
}

async function findDocumentIdBySlug(strapi: Core.Strapi, uid: Uid, slug: string): Promise<string | null> {
  // Any locale: a document created in English first is still the same document.
  const row = await strapi.db.query(uid).findOne({ where: { slug }, select: ['documentId'], orderBy: { id: 'asc' } });
  return row ? (row.documentId as string) : null;
}

async function localesOf(strapi: Core.Strapi, uid: Uid, documentId: string): Promise<Set<string>> {
  const rows: Array<{ locale: string }> = await strapi.db.query(uid).findMany({ where: { documentId }, select: ['locale'] });
  return new Set(rows.map((r) => r.locale));
}

/**
 * Upserts a story bundle: every entity by slug and locale, relations linked in both
 * locales, everything published. All of it runs in one database transaction, so a
 * failure at any point leaves the database as it was. Documents whose stored draft
 * and published versions already match are not written at all, which makes a
 * second run a no-op down to the row ids and timestamps.
 */
export async function loadStoryBundle(strapi: Core.Strapi, input: unknown, options: LoadOptions = {}): Promise<LoadReport> {
  const { bundle, externalReferences } = parseStoryBundle(input);
  // Recorded in the history as the seed, unless the caller named another actor (an import job, say).
  const actor = historyContext().actor ?? systemActor('seed');
  return withHistory({ actor }, () => strapi.db.transaction(() => new BundleLoader(strapi, bundle, options).run(externalReferences)));
}

class BundleLoader {
  private readonly ids = new Map<string, string>();
  private readonly counts = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0 }])) as LoadReport['counts'];

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly bundle: StoryBundle,
    private readonly options: LoadOptions,
  ) {}

  private readonly resolve: ResolveId = (kind, slug) => {
    const id = this.ids.get(`${kind}:${slug}`);
    // Validation and resolveExternal() guarantee every slug is known by the time data is built.
    if (!id) throw new Error(`internal: ${kind} "${slug}" was not loaded before it was referenced`);
    return id;
  };

  async run(externalReferences: ExternalReference[]): Promise<LoadReport> {
    await this.resolveExternal(externalReferences);
    const { bundle } = this;
    for (const entry of bundle.organizations) await this.upsert('organization', entry.slug, (l) => organizationData(entry, l));
    for (const entry of bundle.sources) await this.upsert('source', entry.slug, (l) => sourceData(entry, l));
    for (const entry of bundle.people) await this.upsert('person', entry.slug, (l) => personData(entry, l, this.resolve));
    const articleId = await this.upsert('article', bundle.article.slug, (l) => articleData(bundle.article, l, this.resolve));
    for (const [index, entry] of bundle.quotes.entries()) {
      await this.assertQuoteBelongsHere(entry.slug, index, articleId);
      await this.upsert('quote', entry.slug, (l) => quoteData(entry, bundle.article.slug, l, this.resolve));
    }
    const removedQuotes = await this.removeStaleQuotes(articleId);
    return { article: { slug: bundle.article.slug, documentId: articleId }, counts: this.counts, removedQuotes };
  }

  /** Slugs the bundle uses without defining must already exist, in every newsroom locale. */
  private async resolveExternal(references: ExternalReference[]): Promise<void> {
    const problems: string[] = [];
    for (const ref of references) {
      const documentId = await findDocumentIdBySlug(this.strapi, uidOf(ref.kind), ref.slug);
      if (!documentId) {
        problems.push(`${ref.path}: no ${ref.kind} with slug "${ref.slug}" in this bundle or in the database`);
        continue;
      }
      const locales = await localesOf(this.strapi, uidOf(ref.kind), documentId);
      const missing = LOCALE_CODES.filter((l) => !locales.has(l));
      if (missing.length > 0) {
        problems.push(`${ref.path}: ${ref.kind} "${ref.slug}" exists but has no ${missing.join(', ')} version to link to`);
        continue;
      }
      this.ids.set(`${ref.kind}:${ref.slug}`, documentId);
    }
    if (problems.length > 0) throw new BundleValidationError(problems);
  }

  private async upsert(kind: EntityKind, slug: string, build: (locale: NewsroomLocale) => DocumentData): Promise<string> {
    const api = documents(this.strapi, uidOf(kind));
    let documentId = await findDocumentIdBySlug(this.strapi, uidOf(kind), slug);
    let outcome: Outcome = documentId ? 'unchanged' : 'created';
    let needsPublish = false;

    for (const locale of LOCALE_CODES) {
      const desired = build(locale);
      if (!documentId) {
        documentId = (await api.create({ locale, data: toWriteData(desired) })).documentId;
        needsPublish = true;
        continue;
      }
      const populate = populateFor(desired);
      const draft = await api.findOne({ documentId, locale, status: 'draft', populate });
      if (!draft || !storedMatches(draft, desired)) {
        // update() on a missing locale creates that localization of the same document.
        await api.update({ documentId, locale, data: toWriteData(desired) });
        if (outcome === 'unchanged') outcome = 'updated';
        needsPublish = true;
        continue;
      }
      const published = await api.findOne({ documentId, locale, status: 'published', populate });
      if (!published || !storedMatches(published, desired)) needsPublish = true;
    }

    if (!documentId) throw new Error(`internal: ${kind} "${slug}" has no documentId after upsert`);
    if (needsPublish) {
      await api.publish({ documentId, locale: '*' });
      if (outcome === 'unchanged') outcome = 'updated';
    }
    this.ids.set(`${kind}:${slug}`, documentId);
    this.counts[kind][outcome] += 1;
    await this.options.onProgress?.({ kind, slug, documentId, outcome });
    return documentId;
  }

  /** A quote slug names one quote of one article; reusing it from another article would move that quote. */
  private async assertQuoteBelongsHere(slug: string, index: number, articleId: string): Promise<void> {
    const existing = await this.strapi.db.query(uidOf('quote')).findOne({
      where: { slug },
      populate: { article: { select: ['documentId', 'slug'] } },
    });
    const owner = existing?.article as { documentId: string; slug: string } | null | undefined;
    if (owner && owner.documentId !== articleId) {
      throw new BundleValidationError([
        `quotes[${index}].slug: "${slug}" already belongs to the article "${owner.slug}"; quote slugs must be unique across articles`,
      ]);
    }
  }

  /** Quotes belong to their article: one the bundle no longer lists is deleted, in every locale. */
  private async removeStaleQuotes(articleId: string): Promise<string[]> {
    const keep = this.bundle.quotes.map((q) => q.slug);
    const stale: Array<{ documentId: string; slug: string }> = await this.strapi.db.query(uidOf('quote')).findMany({
      where: { article: { documentId: articleId }, slug: { $notIn: keep } },
      select: ['documentId', 'slug'],
    });
    const unique = [...new Map(stale.map((q) => [q.documentId, q])).values()];
    for (const quote of unique) await documents(this.strapi, uidOf('quote')).delete({ documentId: quote.documentId, locale: '*' });
    return unique.map((q) => q.slug);
  }
}
