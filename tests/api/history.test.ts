import type { Knex } from 'knex';
import { REVISIONS_TABLE, type Revision, type RevisionWithSnapshot } from '../../src/history/store';
import { EDITOR, REPORTER } from '../fixtures/accounts';
import { STORY_SLUG } from '../fixtures/story-000';
import { api, bearer, callers, tokens, type ErrorBody } from '../helpers/http';
import { appDatabase } from '../helpers/test-database';

/**
 * Revision history (src/history/): a revision per write of a document in a locale,
 * on every path (REST, GraphQL, the admin panel, the scheduler, the seed), with who
 * wrote, what changed and a snapshot; read with an API token or in the admin; a
 * restore writes a snapshot into the draft; the retention job prunes.
 */

const ARTICLE = 'api::article.article';
const PERSON = 'api::person.person';
const CM = '/content-manager/collection-types/api::article.article';
const asTool = bearer(tokens.fullAccess());
const asEditor = () => bearer(tokens.editorSession());
const asReporter = () => bearer(tokens.reporterSession());
const TOKEN_ACTOR = { kind: 'token', name: 'api-tests-full-access' };
const stamp = Date.now().toString(36);
const created: Array<[string, string]> = [];

interface RevisionPage {
  data: Revision[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

let db: Knex;
beforeAll(() => {
  db = appDatabase();
});
afterAll(async () => {
  for (const [plural, documentId] of created) await api().delete(`/api/${plural}/${documentId}`).query({ locale: '*' }).set(asTool);
  await db.destroy();
});

/** A document's revisions in a locale, newest first, as a tool reads them. */
async function history(documentId: string, locale = 'ar', uid = ARTICLE, pageSize = 100): Promise<Revision[]> {
  const res = await callers.readOnly.get('/api/revisions').query({ uid, documentId, locale, 'pagination[pageSize]': pageSize }).expect(200);
  return (res.body as RevisionPage).data;
}

async function revision(id: number): Promise<RevisionWithSnapshot> {
  return (await callers.readOnly.get(`/api/revisions/${id}`).expect(200)).body.data as RevisionWithSnapshot;
}

async function draftArticle(slug: string, data: Record<string, unknown> = {}): Promise<string> {
  const res = await api()
    .post('/api/articles')
    .query({ locale: 'ar', status: 'draft' })
    .set(asTool)
    .send({ data: { headline: `خبر للتاريخ ${slug}`, slug: `${slug}-${stamp}`, summary: 'الملخص الأول', ...data } })
    .expect(201);
  created.push(['articles', res.body.data.documentId]);
  return res.body.data.documentId as string;
}

/** A REST write of the Arabic draft, as a tool makes it; savePublished() publishes it too. */
const saveDraft = (documentId: string, data: Record<string, unknown>) =>
  api().put(`/api/articles/${documentId}`).query({ locale: 'ar', status: 'draft' }).set(asTool).send({ data }).expect(200);
const savePublished = (documentId: string, data: Record<string, unknown>) =>
  api().put(`/api/articles/${documentId}`).query({ locale: 'ar' }).set(asTool).send({ data }).expect(200);

const draftOf = async (documentId: string, locale = 'ar') =>
  (await api().get(`/api/articles/${documentId}`).query({ locale, status: 'draft', populate: 'people' }).set(asTool).expect(200)).body.data as {
    headline: string;
    summary: string;
    people: Array<{ documentId: string }>;
  };

describe('what is recorded', () => {
  it('records a REST create with the token by name, the fields it set and a snapshot of the draft', async () => {
    const documentId = await draftArticle('history-create');
    const [first] = await history(documentId);
    expect(first).toMatchObject({ uid: ARTICLE, documentId, locale: 'ar', action: 'create', actor: TOKEN_ACTOR });
    expect(first!.changedFields).toEqual(expect.arrayContaining(['headline', 'slug', 'summary']));
    expect(first!.changedFields).not.toContain('people');
    expect(Math.abs(Date.now() - new Date(first!.at).getTime())).toBeLessThan(60_000);
    const full = await revision(first!.id);
    expect(full.snapshot).toMatchObject({ headline: `خبر للتاريخ history-create`, summary: 'الملخص الأول', people: [], corrections: [] });
    // Bookkeeping is not content.
    expect(full.snapshot).not.toHaveProperty('translationGaps');
    expect(full.snapshot).not.toHaveProperty('updatedAt');
  });

  it('records an update with only the fields that changed, and a REST write that publishes as update then publish', async () => {
    const documentId = await draftArticle('history-update');
    await saveDraft(documentId, { summary: 'ملخص ثان' });
    await savePublished(documentId, { section: 'سياسة' });
    const [publish, update, draftUpdate] = await history(documentId);
    expect(draftUpdate).toMatchObject({ action: 'update', changedFields: ['summary'] });
    expect(update).toMatchObject({ action: 'update', changedFields: ['section'] });
    expect(publish).toMatchObject({ action: 'publish', changedFields: [], actor: TOKEN_ACTOR });
  });

  it('records relation changes by field, with the related documentIds in the snapshot', async () => {
    const story = (await api().get('/api/articles').query({ locale: 'ar', 'filters[slug]': STORY_SLUG, populate: 'people' }).expect(200)).body.data[0];
    const person = story.people[0].documentId as string;
    const documentId = await draftArticle('history-relations');
    await saveDraft(documentId, { people: [person] });
    const [latest] = await history(documentId);
    expect(latest).toMatchObject({ action: 'update', changedFields: ['people'] });
    expect((await revision(latest!.id)).snapshot).toMatchObject({ people: [person] });
  });

  it('records GraphQL writes as the token that made them', async () => {
    const documentId = await draftArticle('history-graphql');
    const res = await callers.fullAccess
      .graphql('mutation($id: ID!) { updateArticle(documentId: $id, locale: "ar", status: DRAFT, data: { summary: "من GraphQL" }) { documentId } }', {
        id: documentId,
      })
      .expect(200);
    expect(res.body.errors).toBeUndefined();
    expect((await history(documentId))[0]).toMatchObject({ action: 'update', changedFields: ['summary'], actor: TOKEN_ACTOR });
  });

  it('records the admin panel’s save, publish, unpublish and discard as the editor who made them', async () => {
    const documentId = await draftArticle('history-admin');
    await api().put(`${CM}/${documentId}`).query({ locale: 'ar' }).set(asEditor()).send({ summary: 'من لوحة التحرير' }).expect(200);
    await api().post(`${CM}/${documentId}/actions/publish`).query({ locale: 'ar' }).set(asEditor()).send({}).expect(200);
    await api().put(`${CM}/${documentId}`).query({ locale: 'ar' }).set(asEditor()).send({ summary: 'مسودة ستلغى' }).expect(200);
    await api().post(`${CM}/${documentId}/actions/discard`).query({ locale: 'ar' }).set(asEditor()).send({}).expect(200);
    await api().post(`${CM}/${documentId}/actions/unpublish`).query({ locale: 'ar' }).set(asEditor()).send({}).expect(200);
    const revisions = await history(documentId);
    expect(revisions.slice(0, 5).map((r) => r.action)).toEqual(['unpublish', 'discard', 'update', 'publish', 'update']);
    for (const r of revisions.slice(0, 5)) expect(r.actor).toMatchObject({ kind: 'admin', name: EDITOR.email, id: expect.any(String) });
    // The discard put back the published summary: that is what it changed.
    expect(revisions[1]!.changedFields).toEqual(['summary']);
    expect((await revision(revisions[1]!.id)).snapshot).toMatchObject({ summary: 'من لوحة التحرير' });
  });

  it('records a new locale as its create, and a deletion per locale with no snapshot', async () => {
    const documentId = await draftArticle('history-locales');
    await api()
      .put(`/api/articles/${documentId}`)
      .query({ locale: 'en', status: 'draft' })
      .set(asTool)
      .send({ data: { headline: 'A story for the history', slug: `history-locales-en-${stamp}` } })
      .expect(200);
    expect((await history(documentId, 'en'))[0]).toMatchObject({ action: 'create', locale: 'en' });
    await api().delete(`/api/articles/${documentId}`).query({ locale: '*' }).set(asTool).expect(204);
    for (const locale of ['ar', 'en']) {
      const [deletion] = await history(documentId, locale);
      expect(deletion).toMatchObject({ action: 'delete', locale, actor: TOKEN_ACTOR });
      expect((await revision(deletion!.id)).snapshot).toBeNull();
    }
  });

  it('records nothing for a write that is refused and rolled back', async () => {
    const documentId = await draftArticle('history-refused');
    const before = await history(documentId);
    const res = await api()
      .put(`/api/articles/${documentId}`)
      .query({ locale: 'ar', status: 'draft' })
      .set(asTool)
      .send({ data: { publishAt: '2030-01-01T10:00:00.000Z', unpublishAt: '2030-01-01T09:00:00.000Z' } });
    expect(res.status).toBe(400);
    expect(await history(documentId)).toEqual(before);
  });

  it('records the seed as the system actor `seed`, in both locales', async () => {
    const story = (await api().get('/api/articles').query({ locale: 'ar', 'filters[slug]': STORY_SLUG }).expect(200)).body.data[0];
    for (const locale of ['ar', 'en']) {
      const revisions = await history(story.documentId as string, locale);
      const seeded = revisions.filter((r) => r.actor.kind === 'system' && r.actor.name === 'seed');
      expect(seeded.map((r) => r.action)).toEqual(expect.arrayContaining(['publish']));
    }
  });

  it('records the scheduler’s publish as the system actor `scheduled-publishing`', async () => {
    const documentId = await draftArticle('history-scheduled', { publishAt: new Date(Date.now() + 1500).toISOString() });
    const deadline = Date.now() + 12_000;
    let scheduled: Revision | undefined;
    while (!scheduled && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      scheduled = (await history(documentId)).find((r) => r.action === 'publish');
    }
    expect(scheduled).toMatchObject({ actor: { kind: 'system', id: null, name: 'scheduled-publishing' }, changedFields: [] });
  });
});

describe('restore', () => {
  it('writes an older snapshot into the draft, records a restore, and leaves the published version alone', async () => {
    const documentId = await draftArticle('history-restore');
    await savePublished(documentId, { summary: 'الملخص المنشور' });
    const first = (await history(documentId)).at(-1)!;
    expect(first.action).toBe('create');

    const res = await callers.fullAccess.post(`/api/revisions/${first.id}/restore`).expect(200);
    expect(res.body.data).toMatchObject({ action: 'restore', documentId, locale: 'ar', actor: TOKEN_ACTOR, changedFields: ['summary'] });
    expect(res.body.meta).toEqual({ droppedLinks: [] });
    expect((await draftOf(documentId)).summary).toBe('الملخص الأول');
    const published = await callers.public.get(`/api/articles/${documentId}`).query({ locale: 'ar' }).expect(200);
    expect(published.body.data.summary).toBe('الملخص المنشور');
    expect((await history(documentId))[0]).toMatchObject({ id: res.body.data.id, action: 'restore' });
  });

  it('restores relations, and names the links it could not write back instead of dropping them silently', async () => {
    const person = await api()
      .post('/api/people')
      .query({ locale: 'ar' })
      .set(asTool)
      .send({ data: { name: 'شخص مؤقت', slug: `history-person-${stamp}` } })
      .expect(201);
    const personId = person.body.data.documentId as string;
    const documentId = await draftArticle('history-restore-links');
    await saveDraft(documentId, { people: [personId] });
    const withPerson = (await history(documentId))[0]!;
    await saveDraft(documentId, { people: [] });

    await callers.fullAccess.post(`/api/revisions/${withPerson.id}/restore`).expect(200);
    expect((await draftOf(documentId)).people.map((p) => p.documentId)).toEqual([personId]);

    await saveDraft(documentId, { people: [] });
    await api().delete(`/api/people/${personId}`).query({ locale: '*' }).set(asTool).expect(204);
    const res = await callers.fullAccess.post(`/api/revisions/${withPerson.id}/restore`).expect(200);
    expect(res.body.meta.droppedLinks).toEqual([{ field: 'people', id: personId }]);
    expect((await draftOf(documentId)).people).toEqual([]);
  });

  it('refuses to restore a deletion, naming the revision', async () => {
    const documentId = await draftArticle('history-restore-deleted');
    await api().delete(`/api/articles/${documentId}`).query({ locale: 'ar' }).set(asTool).expect(204);
    const [deletion] = await history(documentId);
    const res = await callers.fullAccess.post(`/api/revisions/${deletion!.id}/restore`).expect(400);
    expect((res.body as ErrorBody).error.message).toMatch(new RegExp(`^Revision ${deletion!.id} records a deletion`));
  });

  it('keeps published corrections: restoring a version from before one is a 400 naming it', async () => {
    const documentId = await draftArticle('history-restore-correction');
    const before = (await history(documentId))[0]!;
    await savePublished(documentId, { corrections: [{ kind: 'correction', text: 'صُحّح الرقم', issuedAt: '2026-11-30T10:00:00.000Z' }] });
    const res = await callers.fullAccess.post(`/api/revisions/${before.id}/restore`).expect(400);
    expect((res.body as ErrorBody).error.message).toMatch(/correction/i);
  });
});

describe('who may read and restore', () => {
  let documentId: string;
  let revisionId: number;
  beforeAll(async () => {
    documentId = await draftArticle('history-access');
    revisionId = (await history(documentId))[0]!.id;
  });

  it('is not public', async () => {
    await callers.public.get('/api/revisions').query({ uid: ARTICLE, documentId }).expect(403);
    await callers.public.get(`/api/revisions/${revisionId}`).expect(403);
    await callers.public.post(`/api/revisions/${revisionId}/restore`).expect(403);
  });

  it('lets a read-only token read but not restore', async () => {
    await callers.readOnly.get(`/api/revisions/${revisionId}`).expect(200);
    await callers.readOnly.post(`/api/revisions/${revisionId}/restore`).expect(403);
  });

  it('serves the admin panel to editors and reporters, and lets them restore a draft', async () => {
    const list = await api().get('/newsroom/revisions').query({ uid: ARTICLE, documentId, locale: 'ar' }).set(asEditor()).expect(200);
    expect((list.body as RevisionPage).data[0]).toMatchObject({ id: revisionId });
    await api().get(`/newsroom/revisions/${revisionId}`).set(asReporter()).expect(200);
    const restored = await api().post(`/newsroom/revisions/${revisionId}/restore`).set(asReporter()).expect(200);
    expect(restored.body.data).toMatchObject({ action: 'restore', actor: { kind: 'admin', name: REPORTER.email } });
    await api().get('/newsroom/revisions').query({ uid: ARTICLE, documentId }).expect(401);
  });
});

describe('bad input', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['no uid or documentId', {}, /^uid: expected a content type uid/],
    ['an unknown type', { uid: 'api::nothing.nothing', documentId: 'abc' }, /^uid: expected a content type uid .*got "api::nothing\.nothing"/],
    ['a bad documentId', { uid: ARTICLE, documentId: 'no spaces allowed' }, /^documentId: expected a documentId/],
    // Strapi's i18n refuses an unknown ?locale= on every content-API route before the handler runs.
    ['an unknown locale', { uid: ARTICLE, documentId: 'abc', locale: 'fr' }, /locale/i],
    ['an unknown parameter', { uid: ARTICLE, documentId: 'abc', sort: 'id' }, /^sort: unknown parameter/],
    [
      'a page size over the limit',
      { uid: ARTICLE, documentId: 'abc', 'pagination[pageSize]': '1000' },
      /^pagination\[pageSize\]: expected a whole number from 1 to 100/,
    ],
  ];
  it.each(cases)('refuses %s with a 400 naming it', async (_name, query, message) => {
    const res = await callers.readOnly.get('/api/revisions').query(query).expect(400);
    expect((res.body as ErrorBody).error).toMatchObject({ status: 400, message: expect.stringMatching(message) });
  });

  it('answers a revision id that is not a number with a 400, and one that does not exist with a 404', async () => {
    expect((await callers.readOnly.get('/api/revisions/abc').expect(400)).body.error.message).toMatch(/^id: expected a revision id/);
    await callers.readOnly.get('/api/revisions/999999999').expect(404);
    await callers.fullAccess.post('/api/revisions/999999999/restore').expect(404);
    await callers.fullAccess.post('/api/revisions/-1/restore').expect(400);
  });
});

describe('at 1,000 revisions of one document', () => {
  let documentId: string;
  beforeAll(async () => {
    documentId = await draftArticle('history-thousand');
    const [latest] = await history(documentId);
    const template = await db(REVISIONS_TABLE).where({ id: latest!.id }).first();
    const { id: _id, ...row } = template as Record<string, unknown> & { id: number };
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      ...row,
      action: 'update',
      changed_fields: JSON.stringify(['summary']),
      at: new Date(Date.now() - (1000 - i) * 1000),
    }));
    for (let i = 0; i < rows.length; i += 200) await db(REVISIONS_TABLE).insert(rows.slice(i, i + 200));
  });

  it('pages through them newest first, and lists and restores quickly', async () => {
    const started = Date.now();
    const first = await callers.readOnly.get('/api/revisions').query({ uid: ARTICLE, documentId, locale: 'ar', 'pagination[pageSize]': 25 }).expect(200);
    const last = await callers.readOnly
      .get('/api/revisions')
      .query({ uid: ARTICLE, documentId, locale: 'ar', 'pagination[pageSize]': 25, 'pagination[page]': 41 })
      .expect(200);
    const listMs = Date.now() - started;
    expect((first.body as RevisionPage).meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 41, total: 1001 });
    const ids = (first.body as RevisionPage).data.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect((last.body as RevisionPage).data.map((r) => r.action)).toEqual(['create']);

    const restoreStarted = Date.now();
    await callers.fullAccess.post(`/api/revisions/${(last.body as RevisionPage).data[0]!.id}/restore`).expect(200);
    const restoreMs = Date.now() - restoreStarted;
    process.stdout.write(`[history] 1,001 revisions: two pages listed in ${listMs} ms, a restore in ${restoreMs} ms\n`);
    expect(listMs).toBeLessThan(1000);
    expect(restoreMs).toBeLessThan(2000);
  });
});

describe('retention', () => {
  it('prunes revisions older than HISTORY_RETENTION_DAYS in the scheduled job, and keeps the rest', async () => {
    const documentId = await draftArticle('history-retention');
    const [kept] = await history(documentId);
    const template = await db(REVISIONS_TABLE).where({ id: kept!.id }).first();
    const { id: _id, ...row } = template as Record<string, unknown> & { id: number };
    const elevenYearsAgo = new Date(Date.now() - 11 * 365 * 86_400_000);
    const [inserted] = (await db(REVISIONS_TABLE)
      .insert({ ...row, at: elevenYearsAgo })
      .returning('id')) as Array<{ id: number } | number>;
    const oldId = typeof inserted === 'object' ? inserted!.id : inserted!;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await db(REVISIONS_TABLE).where({ id: oldId }).first('id'))) await new Promise((r) => setTimeout(r, 250));
    expect(await db(REVISIONS_TABLE).where({ id: oldId }).first('id')).toBeUndefined();
    expect(await db(REVISIONS_TABLE).where({ id: kept!.id }).first('id')).toEqual({ id: kept!.id });
    const run = await db('newsroom_job_runs').where({ job: 'history-retention' }).whereNotNull('outcome').orderBy('tick', 'desc').first('outcome');
    expect(run?.outcome).toMatch(/^pruned \d+ revisions? recorded before /);
  });
});

// Beside articles, the other four types are recorded through the same pipeline.
describe('every type', () => {
  it('records a person’s create and update', async () => {
    const res = await api()
      .post('/api/people')
      .query({ locale: 'ar', status: 'draft' })
      .set(asTool)
      .send({ data: { name: 'شخص للتاريخ', slug: `history-person-type-${stamp}` } })
      .expect(201);
    const documentId = res.body.data.documentId as string;
    created.push(['people', documentId]);
    await api()
      .put(`/api/people/${documentId}`)
      .query({ locale: 'ar', status: 'draft' })
      .set(asTool)
      .send({ data: { jobTitle: 'متحدث' } })
      .expect(200);
    expect((await history(documentId, 'ar', PERSON)).map((r) => [r.action, r.changedFields])).toEqual([
      ['update', ['jobTitle']],
      ['create', ['name', 'slug']],
    ]);
  });

  it('records a shared field in every locale it changes: Strapi copies it to the others past the Document Service', async () => {
    const res = await api()
      .post('/api/people')
      .query({ locale: 'ar', status: 'draft' })
      .set(asTool)
      .send({ data: { name: 'شخص بلغتين', slug: `history-shared-${stamp}` } })
      .expect(201);
    const documentId = res.body.data.documentId as string;
    created.push(['people', documentId]);
    await api()
      .put(`/api/people/${documentId}`)
      .query({ locale: 'en', status: 'draft' })
      .set(asTool)
      .send({ data: { name: 'A person in two languages', slug: `history-shared-en-${stamp}` } })
      .expect(200);
    await api()
      .put(`/api/people/${documentId}`)
      .query({ locale: 'ar', status: 'draft' })
      .set(asTool)
      .send({ data: { aliases: ['أبو محمد'] } })
      .expect(200);
    const [english] = await history(documentId, 'en', PERSON);
    expect(english).toMatchObject({ action: 'update', changedFields: ['aliases'], actor: TOKEN_ACTOR });
    expect((await revision(english!.id)).snapshot).toMatchObject({ name: 'A person in two languages', aliases: ['أبو محمد'] });
  });
});
