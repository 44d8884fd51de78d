import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { contentTypeOfKind, type ContentTypeUid } from '../content-types';
import { recordImport, type ImportedDraft } from '../history/import';
import { LOCALE_CODES, type NewsroomLocale } from '../domain/locales';
import { SEARCH_TABLE } from '../search/query';
import { indexRow, type SearchType } from '../search/searchable';
import { quotesAttributedTo, reindexDocument } from '../search/index-writer';
import { articlesContaining, rebuildArticleViews } from '../article-views/read-model';
import { storedMatches } from '../domain/story-bundle/compare';
import { lastDefinitions, screenBatch, type BatchItem, type RejectedItem } from '../domain/story-bundle/batch';
import { articleData, organizationData, personData, quoteData, sourceData, type DocumentData, type EntityKind } from '../domain/story-bundle/to-documents';
import { parseStoryBundle, type ReferencedKind } from '../domain/story-bundle/validate';
import type { StoryBundleInput } from '../domain/story-bundle/schema';

/**
 * The bulk path for archives (`npm run import`, `npm run seed:synthetic`): the same
 * bundles and the same document data as the bundle loader (src/seed/load-story-bundle.ts),
 * written for a whole batch of bundles in one transaction with batched statements
 * instead of one Document Service call per document. Same semantics: upserted by slug
 * (an existing entity keeps its documentId, a missing locale is added), relations in
 * both locales, everything published, the bundle is the truth (a quote it no longer
 * lists is deleted), and a document whose four versions already hold the bundle's data
 * is not written at all. It writes what the Document Service and the write pipeline
 * would: a draft and a published row per locale, links between same-locale,
 * same-status rows with their order columns, the figure components, the search index,
 * the article read model, and one `import` revision per written document and locale.
 * It makes no webhooks (README, "Archive import"). tests/api/synthetic.test.ts and
 * tests/api/import.test.ts compare its result with the bundle loader's.
 */

const uidOf = (kind: EntityKind): ContentTypeUid => contentTypeOfKind(kind).uid;
const tableOf = (kind: EntityKind) => contentTypeOfKind(kind).table;
const KINDS: EntityKind[] = ['organization', 'source', 'person', 'article', 'quote'];
const SEARCHABLE: Partial<Record<EntityKind, SearchType>> = { article: 'article', quote: 'quote', person: 'person' };

type Version = `${NewsroomLocale}:${'draft' | 'published'}`;
const VERSIONS: Version[] = ['ar:draft', 'en:draft', 'ar:published', 'en:published'];
const localeOf = (version: Version) => version.split(':')[0] as NewsroomLocale;
const isPublished = (version: Version) => version.endsWith(':published');

type Row = Record<string, unknown> & { id: number; documentId: string; locale: string; publishedAt: unknown };
type Outcome = 'created' | 'updated' | 'unchanged';

/** A document the batch knows: its id, its rows per version, and the names quotes are indexed by. */
interface Known {
  documentId: string;
  rows: Partial<Record<Version, number>>;
  search: Record<NewsroomLocale, Record<string, unknown>>;
}

interface LinkSpec {
  table: string;
  own: string;
  other: string;
  otherKind: EntityKind;
  ord?: string;
  /** The order column orders the other side's list (quote.article orders an article's quotes). */
  inverseOrd?: boolean;
}

/** The owning sides of the relations, by `<kind>.<field>`, as the Document Service writes them. */
const LINKS: Record<string, LinkSpec> = {
  'person.affiliation': { table: 'people_affiliation_lnk', own: 'person_id', other: 'organization_id', otherKind: 'organization' },
  'article.people': { table: 'articles_people_lnk', own: 'article_id', other: 'person_id', otherKind: 'person', ord: 'person_ord' },
  'article.organizations': {
    table: 'articles_organizations_lnk',
    own: 'article_id',
    other: 'organization_id',
    otherKind: 'organization',
    ord: 'organization_ord',
  },
  'article.sources': { table: 'articles_sources_lnk', own: 'article_id', other: 'source_id', otherKind: 'source', ord: 'source_ord' },
  'article.publisher': { table: 'articles_publisher_lnk', own: 'article_id', other: 'organization_id', otherKind: 'organization' },
  'quote.speaker': { table: 'quotes_speaker_lnk', own: 'quote_id', other: 'person_id', otherKind: 'person' },
  'quote.speakerOrganization': { table: 'quotes_speaker_organization_lnk', own: 'quote_id', other: 'organization_id', otherKind: 'organization' },
  'quote.source': { table: 'quotes_source_lnk', own: 'quote_id', other: 'source_id', otherKind: 'source' },
  'quote.article': { table: 'quotes_article_lnk', own: 'quote_id', other: 'article_id', otherKind: 'article', ord: 'quote_ord', inverseOrd: true },
};
/** The advisory lock updating batches take turns with (any number no other lock of this database uses). */
const UPDATING_BATCHES_LOCK = 0x6e657773;
const linksOf = (kind: EntityKind) => Object.entries(LINKS).filter(([key]) => key.startsWith(`${kind}.`));

/** Strapi's documentIds are 24 lower-case letters and digits, starting with a letter. */
function newDocumentId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(24);
  let id = alphabet[bytes[0]! % 26]!;
  for (let i = 1; i < 24; i++) id += alphabet[bytes[i]! % 36];
  return id;
}

const chunks = <T>(list: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

export type OutcomeCounts = Record<EntityKind, Record<Outcome, number>>;

export interface BatchReport {
  /** Lines written (or found already written). */
  accepted: number[];
  rejected: RejectedItem[];
  counts: OutcomeCounts;
  removedQuotes: number;
  /** Whether anything was written: only then do caches need to hear about it. */
  changed: boolean;
}

export interface WriteOptions {
  /** Write only the bundles before the first rejected one (`npm run import -- --stop-on-error`). */
  stopAtFirstRejected?: boolean;
}

interface Entry {
  slug: string;
  data: (locale: NewsroomLocale) => DocumentData;
}

export class BulkWriter {
  constructor(private readonly strapi: Core.Strapi) {}

  /**
   * Writes the bundles that can be written, in one transaction; the others come back
   * as rejected with their problems (an unknown slug, a quote slug of another article),
   * and nothing of theirs is written. A failure rolls the whole batch back.
   */
  async write(items: BatchItem[], options: WriteOptions = {}): Promise<BatchReport> {
    return this.strapi.db.transaction(({ trx }) => new Batch(this.strapi, trx as unknown as Knex).run(items, options));
  }

  /** The create-or-update path for bundles known to be valid (synthetic stories): any problem is an error. */
  async load(inputs: StoryBundleInput[]): Promise<BatchReport> {
    const report = await this.write(inputs.map((input, i) => ({ line: i + 1, ...parseStoryBundle(input) })));
    if (report.rejected.length > 0) throw new Error(report.rejected.map((r) => `bundle ${r.line}: ${r.problems.join('; ')}`).join('\n'));
    return report;
  }
}

class Batch {
  private readonly known = new Map<string, Known>();
  /** `<kind>:<row id>` of rows stored before this batch: only their lists can hold links already. */
  private readonly storedRows = new Set<string>();
  private readonly articleOfQuote = new Map<string, string>();
  private readonly articlesWithRemovedQuotes = new Set<string>();
  private readonly slugOfDocument = new Map<string, string>();
  private readonly written: Record<EntityKind, string[]> = { organization: [], source: [], person: [], article: [], quote: [] };
  /** What each written document's drafts now hold, for its `import` revisions. */
  private readonly drafts: Record<EntityKind, ImportedDraft[]> = { organization: [], source: [], person: [], article: [], quote: [] };
  private readonly updated: Record<EntityKind, string[]> = { organization: [], source: [], person: [], article: [], quote: [] };
  private readonly counts = Object.fromEntries(KINDS.map((k) => [k, { created: 0, updated: 0, unchanged: 0 }])) as OutcomeCounts;
  private readonly now = new Date();

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly trx: Knex,
  ) {}

  private key = (kind: EntityKind, slug: string) => `${kind}:${slug}`;

  private documentIdOf = (kind: EntityKind, slug: string): string => {
    const known = this.known.get(this.key(kind, slug));
    // screenBatch() has made sure every slug a bundle uses is defined or stored.
    if (!known) throw new Error(`internal: ${kind} "${slug}" is used before it is known`);
    return known.documentId;
  };

  async run(items: BatchItem[], options: WriteOptions): Promise<BatchReport> {
    const screened = screenBatch(items, await this.storedFacts(items));
    const firstRejected = screened.rejected[0];
    const { accepted, rejected } =
      options.stopAtFirstRejected && firstRejected
        ? { accepted: screened.accepted.filter((i) => i.line < firstRejected.line), rejected: [firstRejected] }
        : screened;
    const bundles = accepted.map((i) => i.bundle);
    const entries: Record<EntityKind, Entry[]> = {
      organization: lastDefinitions(bundles.map((b) => b.organizations)).map((e) => ({ slug: e.slug, data: (l) => organizationData(e, l) })),
      source: lastDefinitions(bundles.map((b) => b.sources)).map((e) => ({ slug: e.slug, data: (l) => sourceData(e, l) })),
      person: lastDefinitions(bundles.map((b) => b.people)).map((e) => ({ slug: e.slug, data: (l) => personData(e, l, this.documentIdOf) })),
      article: lastDefinitions(bundles.map((b) => [b.article])).map((e) => ({ slug: e.slug, data: (l) => articleData(e, l, this.documentIdOf) })),
      quote: lastDefinitions(bundles.map((b) => b.quotes.map((q) => ({ ...q, articleSlug: b.article.slug })))).map((e) => ({
        slug: e.slug,
        data: (l) => quoteData(e, e.articleSlug, l, this.documentIdOf),
      })),
    };
    const referenced: Record<EntityKind, Set<string>> = { organization: new Set(), source: new Set(), person: new Set(), article: new Set(), quote: new Set() };
    for (const item of accepted) for (const ref of item.externalReferences) referenced[ref.kind].add(ref.slug);

    const storedArticles: string[] = [];
    for (const kind of KINDS) {
      const slugs = [...new Set([...entries[kind].map((e) => e.slug), ...referenced[kind]])];
      const stored = await this.loadStored(kind, slugs);
      if (kind === 'article') storedArticles.push(...[...stored.values()].map((s) => s.documentId));
      await this.upsert(kind, entries[kind], stored);
    }
    const removed = await this.removeStaleQuotes(storedArticles, bundles);
    const changed = KINDS.some((k) => this.written[k].length > 0) || removed.length > 0;
    if (changed) {
      if (KINDS.some((k) => this.updated[k].length > 0)) await this.waitForOtherUpdatingBatches();
      await this.reindexUpdated();
      await this.rebuildViews();
      for (const kind of KINDS) await recordImport(this.trx, uidOf(kind), this.drafts[kind]);
    }
    return { accepted: accepted.map((i) => i.line), rejected, counts: this.counts, removedQuotes: removed.length, changed };
  }

  /**
   * Batches that share no slug run at once (src/import/overlap.ts), but an updated person,
   * organization, source or quote also changes stored articles and quotes no slug of the
   * batch names: their views and search rows are rebuilt from what is committed. So
   * batches that updated anything take turns from here to their commit, each reading what
   * the one before it committed. A batch that only creates takes no turn.
   */
  private async waitForOtherUpdatingBatches() {
    if (this.strapi.db.dialect.client === 'postgres') await this.trx.raw('select pg_advisory_xact_lock(?)', [UPDATING_BATCHES_LOCK]);
  }

  /** What screenBatch() needs from the database: the referenced slugs and their locales, and the owners of the batch's quote slugs. */
  private async storedFacts(items: BatchItem[]) {
    const locales = new Map<string, Set<string>>();
    const byKind = new Map<ReferencedKind, Set<string>>();
    for (const item of items) for (const ref of item.externalReferences) (byKind.get(ref.kind) ?? byKind.set(ref.kind, new Set()).get(ref.kind)!).add(ref.slug);
    for (const [kind, slugs] of byKind) {
      for (const part of chunks([...slugs], 500)) {
        const rows = (await this.trx(tableOf(kind)).whereIn('slug', part).select('slug', 'locale')) as Array<{ slug: string; locale: string }>;
        for (const row of rows) {
          const key = this.key(kind, row.slug);
          (locales.get(key) ?? locales.set(key, new Set()).get(key)!).add(row.locale);
        }
      }
    }
    const owners = new Map<string, string>();
    const quoteSlugs = [...new Set(items.flatMap((i) => i.bundle.quotes.map((q) => q.slug)))];
    for (const part of chunks(quoteSlugs, 500)) {
      const rows = (await this.trx('quotes as q')
        .join('quotes_article_lnk as l', 'l.quote_id', 'q.id')
        .join('articles as a', 'a.id', 'l.article_id')
        .whereIn('q.slug', part)
        .select('q.slug as quote', 'a.slug as article')) as Array<{ quote: string; article: string }>;
      for (const row of rows) owners.set(row.quote, row.article);
    }
    return {
      referenceProblem: (kind: ReferencedKind, slug: string) => {
        const found = locales.get(this.key(kind, slug));
        if (!found) return `no ${kind} with slug "${slug}" in this bundle, in the database or in an earlier line`;
        const missing = LOCALE_CODES.filter((l) => !found.has(l));
        return missing.length > 0 ? `${kind} "${slug}" exists but has no ${missing.join(', ')} version to link to` : null;
      },
      quoteOwner: (slug: string) => owners.get(slug),
    };
  }

  /** The stored rows of these slugs with the relations and components the comparison reads, by slug. */
  private async loadStored(kind: EntityKind, slugs: string[]): Promise<Map<string, { documentId: string; rows: Partial<Record<Version, Row>> }>> {
    const populate: Record<string, unknown> = {};
    for (const [key] of linksOf(kind)) populate[key.split('.')[1]!] = { select: ['documentId'] };
    if (kind === 'article') populate.figures = true;
    const stored = new Map<string, { documentId: string; rows: Partial<Record<Version, Row>> }>();
    for (const part of chunks(slugs, 500)) {
      const rows = (await this.strapi.db.query(uidOf(kind)).findMany({ where: { slug: { $in: part } }, populate, orderBy: { id: 'asc' } })) as Row[];
      for (const row of rows) {
        const slug = String(row.slug);
        // The first row decides, as the bundle loader's lookup does: any locale, the oldest row.
        const entry = stored.get(slug) ?? stored.set(slug, { documentId: row.documentId, rows: {} }).get(slug)!;
        if (entry.documentId !== row.documentId) continue;
        entry.rows[`${row.locale as NewsroomLocale}:${row.publishedAt ? 'published' : 'draft'}`] = row;
      }
    }
    for (const [slug, entry] of stored) {
      const rows = Object.fromEntries(Object.entries(entry.rows).map(([v, row]) => [v, row.id])) as Known['rows'];
      for (const id of Object.values(rows)) this.storedRows.add(`${kind}:${id}`);
      const search = {
        ar: { ...(entry.rows['ar:draft'] ?? entry.rows['ar:published'] ?? {}) },
        en: { ...(entry.rows['en:draft'] ?? entry.rows['en:published'] ?? {}) },
      };
      this.remember(kind, slug, { documentId: entry.documentId, rows, search });
    }
    return stored;
  }

  private remember(kind: EntityKind, slug: string, known: Known) {
    this.known.set(this.key(kind, slug), known);
    this.slugOfDocument.set(`${kind}:${known.documentId}`, slug);
  }

  private async upsert(kind: EntityKind, entries: Entry[], stored: Map<string, { documentId: string; rows: Partial<Record<Version, Row>> }>) {
    const fresh: Array<{ slug: string; documentId: string; data: Record<NewsroomLocale, DocumentData> }> = [];
    const changed: Array<{ slug: string; documentId: string; data: Record<NewsroomLocale, DocumentData>; rows: Partial<Record<Version, Row>> }> = [];
    for (const entry of entries) {
      const existing = stored.get(entry.slug);
      if (!existing) {
        const documentId = newDocumentId();
        // Known before its data is built: a quote's data resolves its own article, a person's its organization.
        this.remember(kind, entry.slug, { documentId, rows: {}, search: { ar: {}, en: {} } });
        fresh.push({ slug: entry.slug, documentId, data: { ar: entry.data('ar'), en: entry.data('en') } });
        continue;
      }
      const data = { ar: entry.data('ar'), en: entry.data('en') };
      const same = VERSIONS.every((v) => {
        const row = existing.rows[v];
        return row !== undefined && storedMatches(row, data[localeOf(v)]);
      });
      if (same) this.counts[kind].unchanged += 1;
      else changed.push({ slug: entry.slug, documentId: existing.documentId, data, rows: existing.rows });
    }
    if (fresh.length > 0) await this.create(kind, fresh);
    if (changed.length > 0) await this.update(kind, changed);
  }

  private versionRow(version: Version, data: Record<NewsroomLocale, DocumentData>, documentId: string) {
    const { figures: _figures, ...fields } = data[localeOf(version)].fields;
    return {
      ...fields,
      documentId,
      locale: localeOf(version),
      updatedAt: this.now,
      publishedAt: isPublished(version) ? this.now : null,
    };
  }

  private async create(kind: EntityKind, documents: Array<{ slug: string; documentId: string; data: Record<NewsroomLocale, DocumentData> }>) {
    // Rows in the Document Service's order: drafts, then published versions, per locale.
    const rows = documents.flatMap(({ documentId, data }) => VERSIONS.map((v) => ({ ...this.versionRow(v, data, documentId), createdAt: this.now })));
    const ids: number[] = [];
    for (const part of chunks(rows, 500)) ids.push(...((await this.strapi.db.query(uidOf(kind)).createMany({ data: part })).ids as number[]));
    documents.forEach((doc, d) => {
      const known = this.known.get(this.key(kind, doc.slug))!;
      VERSIONS.forEach((v, i) => (known.rows[v] = ids[d * VERSIONS.length + i]));
      known.search = { ar: { ...doc.data.ar.fields }, en: { ...doc.data.en.fields } };
      this.noteWritten(kind, doc.documentId, doc.data);
      this.counts[kind].created += 1;
    });
    await this.insertLinks(kind, documents);
    if (kind === 'article') await this.insertFigures(documents);
    await this.insertSearchRows(kind, documents);
  }

  /**
   * A document that exists but differs: its rows are updated in place (so the rows of
   * other documents keep their links to it), missing versions are added, and its own
   * links and figures are replaced. Re-indexed afterwards from what is stored.
   */
  private async update(
    kind: EntityKind,
    documents: Array<{ slug: string; documentId: string; data: Record<NewsroomLocale, DocumentData>; rows: Partial<Record<Version, Row>> }>,
  ) {
    const query = this.strapi.db.query(uidOf(kind));
    for (const doc of documents) {
      const known = this.known.get(this.key(kind, doc.slug))!;
      for (const version of VERSIONS) {
        const data = this.versionRow(version, doc.data, doc.documentId);
        const row = doc.rows[version];
        if (row) await query.update({ where: { id: row.id }, data });
        else known.rows[version] = (await query.create({ data: { ...data, createdAt: this.now } })).id as number;
      }
      known.search = { ar: { ...doc.data.ar.fields }, en: { ...doc.data.en.fields } };
      this.noteWritten(kind, doc.documentId, doc.data);
      const rowIds = VERSIONS.map((v) => known.rows[v]!);
      for (const [, spec] of linksOf(kind)) await this.trx(spec.table).whereIn(spec.own, rowIds).del();
      if (kind === 'article') await this.deleteFigures(rowIds);
      this.updated[kind].push(doc.documentId);
      this.counts[kind].updated += 1;
    }
    await this.insertLinks(kind, documents);
    if (kind === 'article') await this.insertFigures(documents);
  }

  private noteWritten(kind: EntityKind, documentId: string, data: Record<NewsroomLocale, DocumentData>) {
    this.written[kind].push(documentId);
    for (const locale of LOCALE_CODES) this.drafts[kind].push({ documentId, locale, fields: data[locale].fields, relations: data[locale].relations });
    const article = data.ar.relations.article?.[0];
    if (kind === 'quote' && article) this.articleOfQuote.set(documentId, article);
  }

  /** Link rows between same-locale, same-status versions, with the order columns the Document Service writes. */
  private async insertLinks(kind: EntityKind, documents: Array<{ slug: string; data: Record<NewsroomLocale, DocumentData> }>) {
    const batches = new Map<string, Array<Record<string, number>>>();
    const inverseNext = new Map<string, number>();
    for (const { slug, data } of documents) {
      const own = this.known.get(this.key(kind, slug))!;
      for (const version of VERSIONS) {
        for (const [field, documentIds] of Object.entries(data[localeOf(version)].relations)) {
          const spec = LINKS[`${kind}.${field}`];
          if (!spec) continue;
          const rows = batches.get(spec.table) ?? batches.set(spec.table, []).get(spec.table)!;
          for (const [index, relatedDocumentId] of documentIds.entries()) {
            const other = this.known.get(this.key(spec.otherKind, this.slugOf(spec.otherKind, relatedDocumentId)))!.rows[version];
            // A linked document without this version (a draft-only entity) is not linked in it, as the Document Service does.
            if (other === undefined) continue;
            const row: Record<string, number> = { [spec.own]: own.rows[version]!, [spec.other]: other };
            if (spec.ord && spec.inverseOrd) row[spec.ord] = await this.nextInverseOrder(spec, other, inverseNext);
            else if (spec.ord) row[spec.ord] = index + 1;
            rows.push(row);
          }
        }
      }
    }
    for (const [table, rows] of batches) for (const part of chunks(rows, 1000)) await this.trx(table).insert(part);
  }

  /** Appends to the other side's list: after what it already holds (a quote added to a stored article). */
  private async nextInverseOrder(spec: LinkSpec, other: number, next: Map<string, number>): Promise<number> {
    const counter = `${spec.table}:${other}`;
    let current = next.get(counter);
    if (current === undefined) {
      const stored = this.storedRows.has(`${spec.otherKind}:${other}`)
        ? (((await this.trx(spec.table).where(spec.other, other).max({ n: spec.ord! }))[0] as { n: number | string | null } | undefined)?.n ?? 0)
        : 0;
      current = Number(stored);
    }
    next.set(counter, current + 1);
    return current + 1;
  }

  private slugOf(kind: EntityKind, documentId: string): string {
    const slug = this.slugOfDocument.get(`${kind}:${documentId}`);
    if (!slug) throw new Error(`internal: no ${kind} with documentId ${documentId} in this batch`);
    return slug;
  }

  private async deleteFigures(articleRows: number[]) {
    const joins = (await this.trx('articles_cmps').whereIn('entity_id', articleRows).andWhere({ field: 'figures' }).select('cmp_id')) as Array<{
      cmp_id: number;
    }>;
    await this.trx('articles_cmps').whereIn('entity_id', articleRows).andWhere({ field: 'figures' }).del();
    for (const part of chunks(
      joins.map((j) => j.cmp_id),
      500,
    ))
      await this.trx('components_story_figures').whereIn('id', part).del();
  }

  private async insertFigures(documents: Array<{ slug: string; data: Record<NewsroomLocale, DocumentData> }>) {
    const components: Array<Record<string, unknown>> = [];
    const owners: Array<{ articleRow: number; order: number }> = [];
    for (const { slug, data } of documents) {
      const known = this.known.get(this.key('article', slug))!;
      for (const version of VERSIONS) {
        const figures = (data[localeOf(version)].fields.figures ?? []) as Array<Record<string, unknown>>;
        figures.forEach((figure, index) => {
          components.push(figure);
          owners.push({ articleRow: known.rows[version]!, order: index + 1 });
        });
      }
    }
    if (components.length === 0) return;
    const ids: number[] = [];
    for (const part of chunks(components, 500)) ids.push(...((await this.strapi.db.query('story.figure' as never).createMany({ data: part })).ids as number[]));
    const joins = owners.map((owner, i) => ({
      entity_id: owner.articleRow,
      cmp_id: ids[i]!,
      component_type: 'story.figure',
      field: 'figures',
      order: owner.order,
    }));
    for (const part of chunks(joins, 1000)) await this.trx('articles_cmps').insert(part);
  }

  private async insertSearchRows(kind: EntityKind, documents: Array<{ slug: string; documentId: string; data: Record<NewsroomLocale, DocumentData> }>) {
    const type = SEARCHABLE[kind];
    if (!type) return;
    const rows = documents.flatMap(({ documentId, data }) =>
      LOCALE_CODES.flatMap((locale) => {
        const fields: Record<string, unknown> = { ...data[locale].fields, documentId, locale, updatedAt: this.now, publishedAt: null };
        if (kind === 'quote') {
          // The names a quote is also found by, as the search index effect reads them.
          for (const field of ['speaker', 'speakerOrganization', 'source'] as const) {
            const [related] = data[locale].relations[field] ?? [];
            const relatedKind: EntityKind = field === 'speaker' ? 'person' : field === 'source' ? 'source' : 'organization';
            fields[field] = related ? this.known.get(this.key(relatedKind, this.slugOf(relatedKind, related)))!.search[locale] : null;
          }
        }
        // The draft and the published version hold the same text: normalized once (the Arabic normalization is the costly part).
        const draft = indexRow(type, fields);
        return [draft, { ...draft, published: true }];
      }),
    );
    for (const part of chunks(rows, 500)) await this.trx(SEARCH_TABLE).insert(part);
  }

  /** Updated documents are re-indexed from what is now stored, and so are the quotes that carry an updated name. */
  private async reindexUpdated() {
    const quotes = new Set<string>();
    for (const kind of KINDS) {
      const type = SEARCHABLE[kind];
      for (const documentId of this.updated[kind]) {
        if (type) await reindexDocument(this.strapi, this.trx, type, documentId);
        if (kind === 'person' || kind === 'organization' || kind === 'source') for (const q of await quotesAttributedTo(this.strapi, documentId)) quotes.add(q);
      }
    }
    for (const q of this.updated.quote) quotes.delete(q);
    for (const q of quotes) await reindexDocument(this.strapi, this.trx, 'quote', q);
  }

  /** Quotes belong to their article: one the bundle no longer lists is deleted, with its index rows (its links go with its rows). */
  private async removeStaleQuotes(storedArticles: string[], bundles: Array<{ article: { slug: string }; quotes: Array<{ slug: string }> }>): Promise<string[]> {
    if (storedArticles.length === 0) return [];
    const keep = new Set(bundles.flatMap((b) => b.quotes.map((q) => q.slug)));
    const stale = new Set<string>();
    for (const part of chunks(storedArticles, 500)) {
      const rows = (await this.trx('quotes as q')
        .join('quotes_article_lnk as l', 'l.quote_id', 'q.id')
        .join('articles as a', 'a.id', 'l.article_id')
        .whereIn('a.document_id', part)
        .select('q.document_id as documentId', 'q.slug as slug', 'a.document_id as article')) as Array<{ documentId: string; slug: string; article: string }>;
      for (const row of rows) {
        if (keep.has(row.slug)) continue;
        stale.add(row.documentId);
        this.articlesWithRemovedQuotes.add(row.article);
      }
    }
    const ids = [...stale];
    for (const part of chunks(ids, 500)) {
      await this.trx(tableOf('quote')).whereIn('document_id', part).del();
      await this.trx(SEARCH_TABLE).where({ type: 'quote' }).whereIn('document_id', part).del();
    }
    return ids;
  }

  /**
   * The views of every article the batch touched, in its transaction: the story by
   * slug is read from them, so a committed batch is served at once. Articles written,
   * articles whose quotes were written or removed, and stored articles that show an
   * updated person, organization, source or quote.
   */
  private async rebuildViews() {
    const ids = new Set<string>([...this.written.article, ...this.articlesWithRemovedQuotes]);
    for (const documentId of this.written.quote) {
      const article = this.articleOfQuote.get(documentId);
      if (article) ids.add(article);
    }
    const updatedOthers = [...this.updated.person, ...this.updated.organization, ...this.updated.source, ...this.updated.quote];
    for (const part of chunks(updatedOthers, 500)) for (const a of await articlesContaining(this.trx, part)) ids.add(a);
    for (const part of chunks([...ids], 100)) await rebuildArticleViews(this.strapi, this.trx, part);
  }
}
