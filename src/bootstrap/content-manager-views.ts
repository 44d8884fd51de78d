import type { Core } from '@strapi/strapi';

const GAPS_HELP = 'Related documents that have no version in this locale yet. Kept up to date automatically: translate them and they are linked here.';

/**
 * What editors see in the Content Manager lists and relation pickers. Strapi's
 * defaults show a quote as its documentId in every relation picker and list
 * articles by id; these show the quote's text, the headline, the name.
 */
const VIEWS: Record<string, { mainField: string; sortBy: string; order: 'ASC' | 'DESC'; list: string[]; readOnly?: Record<string, string> }> = {
  'api::article.article': {
    mainField: 'headline',
    sortBy: 'publishedDate',
    order: 'DESC',
    list: ['id', 'headline', 'section', 'publishedDate'],
    readOnly: { translationGaps: GAPS_HELP },
  },
  'api::quote.quote': {
    mainField: 'text',
    sortBy: 'position',
    order: 'ASC',
    list: ['id', 'text', 'kind', 'position'],
    readOnly: { translationGaps: GAPS_HELP },
  },
  'api::person.person': { mainField: 'name', sortBy: 'name', order: 'ASC', list: ['id', 'name', 'jobTitle'] },
  'api::organization.organization': { mainField: 'name', sortBy: 'name', order: 'ASC', list: ['id', 'name', 'shortName', 'kind'] },
  'api::source.source': { mainField: 'name', sortBy: 'name', order: 'ASC', list: ['id', 'name', 'shortName', 'kind'] },
};

/** Bump when VIEWS changes, so existing installs get the new defaults once. */
const VIEWS_VERSION = 1;

interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, unknown>;
  layouts: Record<string, unknown>;
}

/**
 * Applies VIEWS once per VIEWS_VERSION (recorded in the core store), so a layout an
 * admin changes afterwards in "Configure the view" is theirs to keep.
 */
export async function applyContentManagerViews(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'newsroom' });
  if (((await store.get({ key: 'content-manager-views-version' })) as number | null) === VIEWS_VERSION) return;

  const service = strapi.plugin('content-manager').service('content-types');
  for (const [uid, view] of Object.entries(VIEWS)) {
    const contentType = strapi.contentType(uid as Parameters<typeof strapi.contentType>[0]);
    const configuration = (await service.findConfiguration(contentType)) as Configuration & { uid: string };
    const metadatas = { ...configuration.metadatas } as Record<string, { edit?: Record<string, unknown>; list?: unknown }>;
    for (const [field, description] of Object.entries(view.readOnly ?? {})) {
      metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field]?.edit, editable: false, description } };
    }
    await service.updateConfiguration(contentType, {
      settings: { ...configuration.settings, mainField: view.mainField, defaultSortBy: view.sortBy, defaultSortOrder: view.order },
      metadatas,
      layouts: { ...configuration.layouts, list: view.list },
    });
  }
  await store.set({ key: 'content-manager-views-version', value: VIEWS_VERSION });
  strapi.log.info('[admin] applied the newsroom Content Manager views');
}
