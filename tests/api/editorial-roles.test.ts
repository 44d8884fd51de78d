import { SUPER_ADMIN } from '../fixtures/accounts';
import { adminLogin, api, bearer, callers, tokens } from '../helpers/http';

/**
 * The desk roles (src/editorial-roles/): a Reporter writes and edits drafts of the
 * five types in both locales and cannot publish, unpublish, discard or delete, one
 * at a time or in bulk; an Editor can. Neither opens settings (the permissions
 * matrix checks those routes for both). The roles exist under their exact names
 * with exactly the permissions the code declares.
 */

const CM = '/content-manager/collection-types';
const TYPES = [
  { uid: 'api::article.article', data: (slug: string) => ({ headline: `مسودة مراسل ${slug}`, slug }) },
  { uid: 'api::person.person', data: (slug: string) => ({ name: `شخص ${slug}`, slug }) },
  { uid: 'api::organization.organization', data: (slug: string) => ({ name: `منظمة ${slug}`, slug, kind: 'other' }) },
  { uid: 'api::source.source', data: (slug: string) => ({ name: `مصدر ${slug}`, slug, kind: 'other' }) },
] as const;
const reporter = () => bearer(tokens.reporterSession());
const editor = () => bearer(tokens.editorSession());
const created: Array<{ uid: string; documentId: string }> = [];
let n = 0;
const slugOf = (label: string) => `desk-${label}-${Date.now().toString(36)}-${(n += 1)}`;

async function reporterDraft(uid: string, data: Record<string, unknown>): Promise<string> {
  const res = await api().post(`${CM}/${uid}`).query({ locale: 'ar' }).set(reporter()).send(data);
  expect({ uid, status: res.status }).toEqual({ uid, status: 201 });
  created.push({ uid, documentId: res.body.data.documentId });
  return res.body.data.documentId as string;
}

afterAll(async () => {
  for (const { uid, documentId } of created) await api().delete(`${CM}/${uid}/${documentId}`).query({ locale: '*' }).set(editor());
});

describe('a reporter', () => {
  it.each(TYPES.map((t) => [t.uid, t] as const))('creates and edits drafts of %s in Arabic and English', async (uid, type) => {
    const slug = slugOf('r');
    const documentId = await reporterDraft(uid, type.data(slug));
    await api().put(`${CM}/${uid}/${documentId}`).query({ locale: 'ar' }).set(reporter()).send(type.data(slug)).expect(200);
    // The English localization is a new locale of the same document, then edited again.
    await api()
      .put(`${CM}/${uid}/${documentId}`)
      .query({ locale: 'en' })
      .set(reporter())
      .send(type.data(`${slug}-en`))
      .expect(200);
    const en = await api()
      .put(`${CM}/${uid}/${documentId}`)
      .query({ locale: 'en' })
      .set(reporter())
      .send(type.data(`${slug}-en`))
      .expect(200);
    expect(en.body.data).toMatchObject({ documentId, locale: 'en', publishedAt: null });
  });

  it('creates a quote draft that names its speaker', async () => {
    const speaker = await reporterDraft('api::person.person', { name: 'متحدث', slug: slugOf('speaker') });
    await reporterDraft('api::quote.quote', {
      text: 'قول مسودة',
      slug: slugOf('quote'),
      kind: 'direct',
      speaker: { connect: [{ documentId: speaker, locale: 'ar' }] },
    });
  });

  it('cannot publish, unpublish, discard or delete, one at a time or in bulk: 403, and nothing changes', async () => {
    const uid = 'api::article.article';
    const documentId = await reporterDraft(uid, { headline: 'لن ينشر', slug: slugOf('blocked') });
    const published = await reporterDraft(uid, { headline: 'منشور', slug: slugOf('published') });
    await api().post(`${CM}/${uid}/${published}/actions/publish`).query({ locale: 'ar' }).set(editor()).send({}).expect(200);

    const attempts: Array<[string, () => Promise<{ status: number }>]> = [
      ['publish', () => api().post(`${CM}/${uid}/${documentId}/actions/publish`).query({ locale: 'ar' }).set(reporter()).send({})],
      ['unpublish', () => api().post(`${CM}/${uid}/${published}/actions/unpublish`).query({ locale: 'ar' }).set(reporter()).send({})],
      ['discard', () => api().post(`${CM}/${uid}/${published}/actions/discard`).query({ locale: 'ar' }).set(reporter()).send({})],
      ['delete', () => api().delete(`${CM}/${uid}/${documentId}`).query({ locale: 'ar' }).set(reporter())],
      [
        'bulk publish',
        () =>
          api()
            .post(`${CM}/${uid}/actions/bulkPublish`)
            .query({ locale: 'ar' })
            .set(reporter())
            .send({ documentIds: [documentId] }),
      ],
      [
        'bulk unpublish',
        () =>
          api()
            .post(`${CM}/${uid}/actions/bulkUnpublish`)
            .query({ locale: 'ar' })
            .set(reporter())
            .send({ documentIds: [published] }),
      ],
      [
        'bulk delete',
        () =>
          api()
            .post(`${CM}/${uid}/actions/bulkDelete`)
            .query({ locale: 'ar' })
            .set(reporter())
            .send({ documentIds: [documentId] }),
      ],
    ];
    for (const [what, attempt] of attempts) expect({ what, status: (await attempt()).status }).toEqual({ what, status: 403 });

    expect((await callers.public.get(`/api/articles/${documentId}`).query({ locale: 'ar' })).status).toBe(404);
    expect((await callers.public.get(`/api/articles/${published}`).query({ locale: 'ar' })).status).toBe(200);
    expect((await api().get(`${CM}/${uid}/${documentId}`).query({ locale: 'ar' }).set(editor())).status).toBe(200);
  });
});

describe('an editor', () => {
  it('publishes, unpublishes, discards and deletes what a reporter wrote', async () => {
    const uid = 'api::article.article';
    const documentId = await reporterDraft(uid, { headline: 'مسودة للمحرر', slug: slugOf('edited') });
    await api().post(`${CM}/${uid}/${documentId}/actions/publish`).query({ locale: 'ar' }).set(editor()).send({}).expect(200);
    expect((await callers.public.get(`/api/articles/${documentId}`).query({ locale: 'ar' })).status).toBe(200);
    await api().put(`${CM}/${uid}/${documentId}`).query({ locale: 'ar' }).set(reporter()).send({ headline: 'تعديل لم يراجع' }).expect(200);
    await api().post(`${CM}/${uid}/${documentId}/actions/discard`).query({ locale: 'ar' }).set(editor()).send({}).expect(200);
    const draft = await api().get(`${CM}/${uid}/${documentId}`).query({ locale: 'ar' }).set(editor()).expect(200);
    expect(draft.body.data.headline).toBe('مسودة للمحرر');
    await api().post(`${CM}/${uid}/${documentId}/actions/unpublish`).query({ locale: 'ar' }).set(editor()).send({}).expect(200);
    expect((await callers.public.get(`/api/articles/${documentId}`).query({ locale: 'ar' })).status).toBe(404);
    await api().delete(`${CM}/${uid}/${documentId}`).query({ locale: 'ar' }).set(editor()).expect(200);
  });
});

describe('the roles as declared', () => {
  interface RoleRow {
    id: number;
    name: string;
    code: string;
  }
  interface PermissionRow {
    action: string;
    subject: string | null;
    properties: { locales?: string[]; fields?: string[] };
  }

  let session: string;
  let roles: RoleRow[];
  beforeAll(async () => {
    session = await adminLogin(SUPER_ADMIN);
    roles = (await api().get('/admin/roles').set(bearer(session)).expect(200)).body.data as RoleRow[];
  });

  const permissionsOf = async (name: string) => {
    const role = roles.find((r) => r.name === name)!;
    return (await api().get(`/admin/roles/${role.id}/permissions`).set(bearer(session)).expect(200)).body.data as PermissionRow[];
  };

  it('are named exactly Reporter and Editor, the Editor being Strapi’s built-in role', () => {
    expect(roles.filter((r) => r.name === 'Reporter')).toHaveLength(1);
    expect(roles.find((r) => r.name === 'Editor')).toMatchObject({ code: 'strapi-editor' });
  });

  it('give content actions on the five types in both locales, every field, and no settings action', async () => {
    for (const [name, actions] of [
      ['Reporter', ['create', 'read', 'update']],
      ['Editor', ['create', 'delete', 'publish', 'read', 'update']],
    ] as const) {
      const permissions = await permissionsOf(name);
      const content = permissions.filter((p) => p.action.startsWith('plugin::content-manager.explorer.'));
      for (const { uid } of [...TYPES, { uid: 'api::quote.quote' }]) {
        const onType = content.filter((p) => p.subject === uid);
        expect({ name, uid, actions: onType.map((p) => p.action.replace('plugin::content-manager.explorer.', '')).sort() }).toEqual({
          name,
          uid,
          actions: [...actions],
        });
        for (const p of onType)
          expect({ name, uid, action: p.action, locales: [...(p.properties.locales ?? [])].sort() }).toEqual({
            name,
            uid,
            action: p.action,
            locales: ['ar', 'en'],
          });
      }
      const articleUpdate = content.find((p) => p.subject === 'api::article.article' && p.action.endsWith('.update'))!;
      expect(articleUpdate.properties.fields).toEqual(expect.arrayContaining(['headline', 'body', 'corrections.text', 'publishAt', 'people']));
      expect(permissions.filter((p) => p.action.startsWith('admin::') || /settings|configure/.test(p.action))).toEqual([]);
    }
  });
});
