import { CONTENT_ACTION, deskPermissions, MEDIA_ACTIONS, type DeskSubject } from './permissions';

const subjects: DeskSubject[] = [
  { uid: 'api::article.article', fields: ['headline', 'figures.value'], localized: true },
  { uid: 'api::thing.thing', fields: ['name'], localized: false },
];
const actionsOn = (role: 'reporter' | 'editor', uid: string) =>
  deskPermissions(role, subjects, ['ar', 'en'])
    .filter((p) => p.subject === uid)
    .map((p) => p.action)
    .sort();

describe('desk role permissions', () => {
  it('lets a reporter create, read and update drafts and nothing more', () => {
    expect(actionsOn('reporter', 'api::article.article')).toEqual([CONTENT_ACTION('create'), CONTENT_ACTION('read'), CONTENT_ACTION('update')].sort());
  });

  it('lets an editor also publish (and so unpublish and discard) and delete', () => {
    expect(actionsOn('editor', 'api::article.article')).toEqual(
      ['create', 'delete', 'publish', 'read', 'update'].map((a) => CONTENT_ACTION(a as 'read')).sort(),
    );
  });

  it('covers every field and every locale, and no locales on a type without them', () => {
    const [create] = deskPermissions('reporter', subjects, ['ar', 'en']);
    expect(create).toEqual({
      action: CONTENT_ACTION('create'),
      subject: 'api::article.article',
      properties: { fields: ['headline', 'figures.value'], locales: ['ar', 'en'] },
      conditions: [],
    });
    const plain = deskPermissions('editor', subjects, ['ar', 'en']).filter((p) => p.subject === 'api::thing.thing');
    expect(plain.every((p) => p.properties.locales === undefined)).toBe(true);
  });

  it('gives both roles the media library without its settings, and no settings action at all', () => {
    for (const role of ['reporter', 'editor'] as const) {
      const actions = deskPermissions(role, subjects, ['ar']).map((p) => p.action);
      expect(actions).toEqual(expect.arrayContaining(MEDIA_ACTIONS));
      expect(actions.filter((a) => a.startsWith('admin::') || a.includes('settings') || a.includes('configure'))).toEqual([]);
    }
  });
});
