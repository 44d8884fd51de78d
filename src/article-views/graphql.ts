import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { Kind, valueFromASTUntyped, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { ARTICLE_DEFAULT_POPULATE } from '../api/article/middlewares/default-populate';
import { listsMatchResolvers, rootArgsRefusal, selectionRefusal, type SelectedField } from './graphql-selection';
import { shapeOfPopulate, type ViewShape } from './populate-shape';
import { findArticleViews } from './read-model';

const ARTICLE = 'api::article.article';
const FILE = 'plugin::upload.file';

type Resolve = (parent: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;
type Middleware = (resolve: Resolve, parent: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => Promise<unknown>;
type Attribute = { type?: string; target?: string; component?: string; relation?: string; repeatable?: boolean; multiple?: boolean };

/**
 * Objects whose relations are read from a view: an article the root query returned maps to
 * its parsed row, and every object taken from a row maps to itself. Weak, so an answer's
 * objects go with it.
 */
const viewOf = new WeakMap<object, Record<string, unknown>>();

/** The selection below a field, with fragments inlined and argument values resolved against the variables. */
function selectedFields(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo): SelectedField[] | null {
  if (!selectionSet) return null;
  const fields: SelectedField[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      fields.push({
        name: selection.name.value,
        args: Object.fromEntries((selection.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value, info.variableValues)])),
        hasDirectives: (selection.directives?.length ?? 0) > 0,
        children: selectedFields(selection.selectionSet, info),
      });
      continue;
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? info.fragments[selection.name.value] : selection;
    // A fragment with a directive, or on another type, is left to the resolvers (reported as a directive).
    const inner = fragment ? selectedFields(fragment.selectionSet, info) : null;
    if (!fragment || (selection.directives?.length ?? 0) > 0 || !inner) fields.push({ name: '...', args: {}, hasDirectives: true, children: null });
    else fields.push(...inner);
  }
  return fields;
}

function remember(value: unknown): void {
  for (const item of Array.isArray(value) ? value : [value]) if (item !== null && typeof item === 'object') viewOf.set(item, item as Record<string, unknown>);
}

/** A relation or component field: read from the view when its parent came from one, otherwise the plugin's resolver. */
function fromView(field: string, isList: boolean): Middleware {
  return async (resolve, parent, args, context, info) => {
    const view = parent !== null && typeof parent === 'object' ? viewOf.get(parent) : undefined;
    if (!view || !(field in view)) return resolve(parent, args, context, info);
    const value = view[field] ?? (isList ? [] : null);
    remember(value);
    return value;
  };
}

/**
 * `articles(...)`: the plugin's resolver finds the articles (validation, filters, locale,
 * status, permissions, and the list's cache tags through the Document Service); when the
 * selection asks only for what the views hold, their relations are then read from the views
 * instead of one query per relation and per object. Scalars stay those of the found rows.
 */
function articlesFromViews(strapi: Core.Strapi, shape: ViewShape): Middleware {
  return async (resolve, parent, args, context, info) => {
    const found = await resolve(parent, args, context, info);
    if (!Array.isArray(found) || found.length === 0) return found;
    if (rootArgsRefusal(args) !== null) return found;
    const selection = selectedFields(info.fieldNodes[0]?.selectionSet, info);
    if (!selection || (info.fieldNodes[0]?.directives?.length ?? 0) > 0 || selectionRefusal(shape, selection) !== null) return found;
    const versions = (found as Array<Record<string, unknown>>).map((row) => ({ documentId: row.documentId, locale: row.locale }));
    if (!versions.every((v): v is { documentId: string; locale: string } => typeof v.documentId === 'string' && typeof v.locale === 'string')) return found;
    const published = String(args.status ?? 'published').toLowerCase() !== 'draft';
    // Every object the answer shows passes the cache-tag plugin with its documentId: no dependency rows needed.
    const { views } = await findArticleViews(strapi.db.connection as unknown as Knex, versions, published, false);
    const byKey = new Map(views.map((view) => [`${view.documentId}\u0000${view.locale}`, view.body]));
    const limit = Number(strapi.plugin('graphql').config('defaultLimit'));
    const parsed: Array<Record<string, unknown>> = [];
    for (const version of versions) {
      const body = byKey.get(`${version.documentId}\u0000${version.locale}`);
      if (body === undefined) return found;
      const view = JSON.parse(body) as Record<string, unknown>;
      if (!listsMatchResolvers(view, shape, limit)) return found;
      parsed.push(view);
    }
    (found as object[]).forEach((row, i) => viewOf.set(row, parsed[i]));
    return found;
  };
}

/** Resolver middlewares for `Query.articles` and every relation and component the views hold, at every depth. */
export function registerArticleViewsGraphql(strapi: Core.Strapi): void {
  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => {
      const { naming } = strapi.plugin('graphql').service('utils') as { naming: { getTypeName(model: unknown): string } };
      const shape = shapeOfPopulate(ARTICLE_DEFAULT_POPULATE);
      const config: Record<string, { middlewares: Middleware[] }> = { 'Query.articles': { middlewares: [articlesFromViews(strapi, shape)] } };
      const visit = (uid: string, below: ViewShape) => {
        const model = strapi.getModel(uid as Parameters<typeof strapi.getModel>[0]) as unknown as { attributes: Record<string, Attribute> };
        const typeName = naming.getTypeName(model);
        for (const [name, inner] of below.relations) {
          const attribute = model.attributes[name];
          const target = attribute.type === 'media' ? FILE : attribute.type === 'component' ? attribute.component : attribute.target;
          if (!target) continue;
          const isList =
            attribute.type === 'media'
              ? attribute.multiple === true
              : attribute.type === 'component'
                ? attribute.repeatable === true
                : String(attribute.relation).endsWith('Many');
          config[`${typeName}.${name}`] = { middlewares: [fromView(name, isList)] };
          visit(target, inner);
        }
      };
      visit(ARTICLE, shape);
      return { resolversConfig: config };
    });
}
