import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CONTENT_TYPE_INFO, CONTENT_TYPE_UIDS, contentTypeOfKind } from '../content-types';
import { recordImport } from '../history/import';
import { LOCALE_CODES, type NewsroomLocale } from '../domain/locales';
import { SEARCH_TABLE } from '../search/query';
import { indexRow } from '../search/searchable';
import { articleData, organizationData, personData, quoteData, sourceData, type DocumentData, type EntityKind } from '../domain/story-bundle/to-documents';
import { parseStoryBundle } from '../domain/story-bundle/validate';
import type { StoryBundleInput } from '../domain/story-bundle/schema';

/**
 * The bulk path for large synthetic archives: the same bundles and the same
 * document data as the bundle loader (src/seed/load-story-bundle.ts), written with
 * batched inserts instead of one Document Service call per document. It writes what
 * the Document Service would: a draft and a published row per locale, links between
 * same-locale, same-status rows with their order columns, the figure components, and
 * the search index rows. tests/api/synthetic.test.ts loads the same stories both ways
 * and compares the canonical dumps. It only creates: it is for empty databases (or new
 * slugs), and refuses a bundle whose entities already exist.
 */

const uidOf = (kind: EntityKind) => contentTypeOfKind(kind).uid;
const tableOf = (kind: EntityKind) => contentTypeOfKind(kind).table;

type Version = `${NewsroomLocale}:${'draft' | 'published'}`;
const VERSIONS: Version[] = ['ar:draft', 'en:draft', 'ar:published', 'en:published'];

interface Loaded {
  documentId: string;
  rows: Record<Version, number>;
  /** Names other rows index (a quote is also found by its speaker's and source's names). */
  search: Record<NewsroomLocale, Record<string, unknown>>;
}

/** Strapi's documentIds are 24 lower-case letters and digits, starting with a letter. */
function documentId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(24);
  let id = alphabet[bytes[0]! % 26]!;
  for (let i = 1; i < 24; i++) id += alphabet[bytes[i]! % 36];
  return id;
}

export interface BulkReport {
  documents: Record<EntityKind, number>;
  rows: number;
}

export class BulkLoader {
  private readonly loaded = new Map<string, Loaded>();
  private readonly slugByDocumentId = new Map<string, string>();
  private readonly report: BulkReport = { documents: { organization: 0, source: 0, person: 0, article: 0, quote: 0 }, rows: 0 };
  private readonly knex: Knex;

  constructor(private readonly strapi: Core.Strapi) {
    this.knex = strapi.db.connection as unknown as Knex;
  }

  private key(kind: EntityKind, slug: string) {
    return `${kind}:${slug}`;
  }

  private id(kind: EntityKind, slug: string, version: Version): number {
    const entry = this.loaded.get(this.key(kind, slug));
    if (!entry) throw new Error(`bulk load: ${kind} "${slug}" is referenced before it is defined`);
    return entry.rows[version];
  }

  private documentIdOf = (kind: EntityKind | 'article', slug: string) => {
    const entry = this.loaded.get(this.key(kind as EntityKind, slug));
    if (!entry) throw new Error(`bulk load: ${kind} "${slug}" is referenced before it is defined`);
    return entry.documentId;
  };

  /** Loads a batch of bundles in one transaction. */
  async load(inputs: StoryBundleInput[]): Promise<void> {
    const bundles = inputs.map((input) => parseStoryBundle(input).bundle);
    await this.strapi.db.transaction(async ({ trx }) => {
      const before = new Set(this.loaded.keys());
      await this.assertNew(trx, bundles);
      await this.insertDocuments(
        trx,
        'organization',
        bundles.flatMap((b) => b.organizations.map((e) => ({ slug: e.slug, data: (l: NewsroomLocale) => organizationData(e, l) }))),
      );
      await this.insertDocuments(
        trx,
        'source',
        bundles.flatMap((b) => b.sources.map((e) => ({ slug: e.slug, data: (l: NewsroomLocale) => sourceData(e, l) }))),
      );
      await this.insertDocuments(
        trx,
        'person',
        bundles.flatMap((b) => b.people.map((e) => ({ slug: e.slug, data: (l: NewsroomLocale) => personData(e, l, this.documentIdOf) }))),
      );
      await this.insertDocuments(
        trx,
        'article',
        bundles.map((b) => ({ slug: b.article.slug, data: (l: NewsroomLocale) => articleData(b.article, l, this.documentIdOf) })),
      );
      await this.insertDocuments(
        trx,
        'quote',
        bundles.flatMap((b) => b.quotes.map((q) => ({ slug: q.slug, data: (l: NewsroomLocale) => quoteData(q, b.article.slug, l, this.documentIdOf) }))),
      );
      // Past the Document Service, so past the write pipeline: the history is written here, one `import` per document and locale.
      for (const uid of CONTENT_TYPE_UIDS) {
        const prefix = `${CONTENT_TYPE_INFO[uid].kind}:`;
        const fresh = [...this.loaded].filter(([key]) => !before.has(key) && key.startsWith(prefix)).map(([, entry]) => entry.documentId);
        await recordImport(this.strapi, trx, uid, fresh, LOCALE_CODES);
      }
    });
  }

  result(): BulkReport {
    return this.report;
  }

  private async assertNew(trx: Knex, bundles: Array<ReturnType<typeof parseStoryBundle>['bundle']>): Promise<void> {
    const slugs = bundles.map((b) => b.article.slug);
    const existing = await trx(tableOf('article')).whereIn('slug', slugs).first('slug');
    if (existing) throw new Error(`bulk load only creates; article "${existing.slug}" already exists (use npm run seed for upserts)`);
  }

  private async insertDocuments(trx: Knex, kind: EntityKind, entries: Array<{ slug: string; data: (locale: NewsroomLocale) => DocumentData }>): Promise<void> {
    const fresh = entries.filter((e) => !this.loaded.has(this.key(kind, e.slug)));
    if (fresh.length === 0) return;
    const now = new Date();
    const documents = fresh.map((entry) => ({ entry, documentId: documentId(), data: { ar: entry.data('ar'), en: entry.data('en') } }));

    // Rows in the Document Service's order: drafts, then published versions, per locale.
    const rows = documents.flatMap(({ documentId: id, data }) =>
      VERSIONS.map((version) => {
        const [locale, status] = version.split(':') as [NewsroomLocale, string];
        const { figures: _figures, ...fields } = data[locale].fields;
        return {
          ...fields,
          documentId: id,
          locale,
          createdAt: now,
          updatedAt: now,
          publishedAt: status === 'published' ? now : null,
        };
      }),
    );
    const { ids } = await this.strapi.db.query(uidOf(kind)).createMany({ data: rows });
    this.report.rows += ids.length;
    documents.forEach((doc, d) => {
      const rowIds = Object.fromEntries(VERSIONS.map((v, i) => [v, ids[d * VERSIONS.length + i] as number])) as Record<Version, number>;
      this.slugByDocumentId.set(`${kind}:${doc.documentId}`, doc.entry.slug);
      this.loaded.set(this.key(kind, doc.entry.slug), {
        documentId: doc.documentId,
        rows: rowIds,
        search: { ar: { ...doc.data.ar.fields }, en: { ...doc.data.en.fields } },
      });
      this.report.documents[kind] += 1;
    });

    await this.insertLinks(
      trx,
      kind,
      documents.map((d) => ({ slug: d.entry.slug, data: d.data })),
    );
    if (kind === 'article')
      await this.insertFigures(
        trx,
        documents.map((d) => ({ slug: d.entry.slug, data: d.data })),
      );
    await this.insertSearchRows(
      trx,
      kind,
      documents.map((d) => ({ slug: d.entry.slug, data: d.data })),
      now,
    );
  }

  /** Link rows between same-locale, same-status versions, with the order columns the Document Service writes. */
  private async insertLinks(trx: Knex, kind: EntityKind, documents: Array<{ slug: string; data: Record<NewsroomLocale, DocumentData> }>) {
    const tables: Record<string, { table: string; own: string; other: string; otherKind: EntityKind; ord?: string; inverseOrd?: boolean }> = {
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
      // quote.article is the owning side of article.quotes: its order column orders the article's quotes.
      'quote.article': { table: 'quotes_article_lnk', own: 'quote_id', other: 'article_id', otherKind: 'article', ord: 'quote_ord', inverseOrd: true },
    };
    const batches = new Map<string, Array<Record<string, number>>>();
    const inverseCounters = new Map<string, number>();
    for (const { slug, data } of documents) {
      for (const version of VERSIONS) {
        const locale = version.split(':')[0] as NewsroomLocale;
        for (const [field, documentIds] of Object.entries(data[locale].relations)) {
          const spec = tables[`${kind}.${field}`];
          if (!spec) continue;
          const rows = batches.get(spec.table) ?? [];
          documentIds.forEach((relatedDocumentId, index) => {
            const otherSlug = this.slugOf(spec.otherKind, relatedDocumentId);
            const row: Record<string, number> = { [spec.own]: this.id(kind, slug, version), [spec.other]: this.id(spec.otherKind, otherSlug, version) };
            if (spec.ord) {
              if (spec.inverseOrd) {
                const counter = `${spec.table}:${row[spec.other]}`;
                const next = (inverseCounters.get(counter) ?? 0) + 1;
                inverseCounters.set(counter, next);
                row[spec.ord] = next;
              } else {
                row[spec.ord] = index + 1;
              }
            }
            rows.push(row);
          });
          batches.set(spec.table, rows);
        }
      }
    }
    for (const [table, rows] of batches) {
      for (let i = 0; i < rows.length; i += 1000) await trx(table).insert(rows.slice(i, i + 1000));
      this.report.rows += rows.length;
    }
  }

  private slugOf(kind: EntityKind, relatedDocumentId: string): string {
    const slug = this.slugByDocumentId.get(`${kind}:${relatedDocumentId}`);
    if (!slug) throw new Error(`bulk load: no ${kind} with documentId ${relatedDocumentId}`);
    return slug;
  }

  private async insertFigures(trx: Knex, documents: Array<{ slug: string; data: Record<NewsroomLocale, DocumentData> }>) {
    const components: Array<Record<string, unknown>> = [];
    const owners: Array<{ articleRow: number; order: number }> = [];
    for (const { slug, data } of documents) {
      for (const version of VERSIONS) {
        const locale = version.split(':')[0] as NewsroomLocale;
        const figures = (data[locale].fields.figures ?? []) as Array<Record<string, unknown>>;
        figures.forEach((figure, index) => {
          components.push(figure);
          owners.push({ articleRow: this.id('article', slug, version), order: index + 1 });
        });
      }
    }
    if (components.length === 0) return;
    const { ids } = await this.strapi.db.query('story.figure' as never).createMany({ data: components });
    const joins = owners.map((owner, i) => ({
      entity_id: owner.articleRow,
      cmp_id: ids[i] as number,
      component_type: 'story.figure',
      field: 'figures',
      order: owner.order,
    }));
    for (let i = 0; i < joins.length; i += 1000) await trx('articles_cmps').insert(joins.slice(i, i + 1000));
    this.report.rows += components.length + joins.length;
  }

  private async insertSearchRows(trx: Knex, kind: EntityKind, documents: Array<{ slug: string; data: Record<NewsroomLocale, DocumentData> }>, now: Date) {
    if (kind !== 'article' && kind !== 'quote' && kind !== 'person') return;
    const rows = documents.flatMap(({ slug, data }) =>
      VERSIONS.map((version) => {
        const [locale, status] = version.split(':') as [NewsroomLocale, string];
        const fields: Record<string, unknown> = {
          ...data[locale].fields,
          documentId: this.documentIdOf(kind, slug),
          locale,
          updatedAt: now,
          publishedAt: status === 'published' ? now : null,
        };
        if (kind === 'quote') {
          // The names a quote is also found by, as the search index middleware reads them.
          for (const field of ['speaker', 'speakerOrganization', 'source'] as const) {
            const [related] = data[locale].relations[field] ?? [];
            const relatedKind: EntityKind = field === 'speaker' ? 'person' : field === 'source' ? 'source' : 'organization';
            fields[field] = related ? this.loaded.get(this.key(relatedKind, this.slugOf(relatedKind, related)))!.search[locale] : null;
          }
        }
        return indexRow(kind, fields);
      }),
    );
    for (let i = 0; i < rows.length; i += 500) await trx(SEARCH_TABLE).insert(rows.slice(i, i + 500));
  }
}
