/**
 * The newsroom's two desk roles, as permission lists the admin's role service
 * understands. A reporter writes and edits drafts; an editor also decides what is
 * public (publish, unpublish, discard a draft) and what goes (delete). Neither has
 * anything under Settings: users, roles, tokens, webhooks, locales, the media
 * library's settings and the Content Manager's view configuration stay with super admins.
 */

export type DeskRole = 'reporter' | 'editor';

export interface DeskRoleDefinition {
  /** The role's name in the admin, exactly. */
  name: string;
  /** Strapi's own code for the built-in role this is, when it is one. */
  code?: string;
  description: string;
}

export const DESK_ROLES: Record<DeskRole, DeskRoleDefinition> = {
  reporter: { name: 'Reporter', description: 'Writes and edits drafts of every newsroom type, in every locale; cannot publish, unpublish, discard or delete.' },
  editor: { name: 'Editor', code: 'strapi-editor', description: 'Everything a reporter does, and publishes, unpublishes, discards drafts and deletes.' },
};

export const CONTENT_ACTION = (name: 'create' | 'read' | 'update' | 'delete' | 'publish') => `plugin::content-manager.explorer.${name}`;
const DRAFT_ACTIONS = (['create', 'read', 'update'] as const).map(CONTENT_ACTION);
const DESK_ACTIONS = (['delete', 'publish'] as const).map(CONTENT_ACTION);
/** Pictures for stories: browse, upload, edit, download, copy a link. Not the media library's settings. */
export const MEDIA_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

export interface DeskSubject {
  uid: string;
  /** Every field an editor can see and write, nested component fields included (Strapi's own list). */
  fields: string[];
  localized: boolean;
}

export interface PermissionSpec {
  action: string;
  subject: string | null;
  properties: { fields?: string[]; locales?: string[] };
  conditions: string[];
}

/** The complete permission list of a desk role: what the role service reconciles the role to. */
export function deskPermissions(role: DeskRole, subjects: readonly DeskSubject[], locales: readonly string[]): PermissionSpec[] {
  const content = subjects.flatMap((subject) => {
    const localeScope = subject.localized ? { locales: [...locales] } : {};
    const writing = DRAFT_ACTIONS.map((action) => ({
      action,
      subject: subject.uid,
      properties: { fields: [...subject.fields], ...localeScope },
      conditions: [],
    }));
    const deciding = role === 'editor' ? DESK_ACTIONS.map((action) => ({ action, subject: subject.uid, properties: { ...localeScope }, conditions: [] })) : [];
    return [...writing, ...deciding];
  });
  const media = MEDIA_ACTIONS.map((action) => ({ action, subject: null, properties: {}, conditions: [] }));
  return [...content, ...media];
}
