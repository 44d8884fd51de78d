import type { ApolloServerPlugin } from '@apollo/server';
import type { Core } from '@strapi/strapi';
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { dottedPath, MAX_REPORTED_PROBLEMS, type Problem } from '../problems';
import { GRAPHQL_DIALECT, queryProblems } from '../query';
import { knownLocales, unknownLocaleMessage, type KnownLocales } from './known-locales';
import { validationModels } from './models';

/**
 * GraphQL's entry point: before an operation runs, the arguments of every field in
 * it (root queries and nested relations alike, through fragments) are checked with
 * the same validator as REST. GraphQL's types already say "an Int", "a Date"; this
 * adds what they cannot: which operators fit which attribute, `between` with exactly
 * two values, non-empty `in`, enumeration values, JSON fields, known locales,
 * pagination ranges. A refusal is one BAD_USER_INPUT error with HTTP status 400,
 * and nothing is executed.
 */

/** Filter input type name (`ArticleFiltersInput`) -> the uid it filters, from the plugin's own naming. */
let filterInputs: ReadonlyMap<string, string> = new Map();
let locales: KnownLocales | null = null;

interface FieldCheck {
  where: string;
  node: FieldNode;
  problems: Problem[];
}

function usedFragments(document: DocumentNode, operation: OperationDefinitionNode): FragmentDefinitionNode[] {
  const all = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const used = new Map<string, FragmentDefinitionNode>();
  const walk = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = all.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          walk(fragment);
        }
      },
    });
  walk(operation);
  return [...used.values()];
}

async function checkDefinition(
  schema: GraphQLSchema,
  definition: OperationDefinitionNode | FragmentDefinitionNode,
  variables: Record<string, unknown>,
): Promise<FieldCheck[]> {
  const typeInfo = new TypeInfo(schema);
  const found: FieldCheck[] = [];
  const localeChecks: Array<{ where: string; node: FieldNode; locale: unknown }> = [];
  const names: string[] = definition.kind === Kind.FRAGMENT_DEFINITION ? [`...${definition.name.value}`] : [];
  visit(
    definition,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          names.push(node.alias?.value ?? node.name.value);
          const field = typeInfo.getFieldDef();
          if (!field || field.args.length === 0) return;
          let args: Record<string, unknown>;
          try {
            args = getArgumentValues(field, node, variables);
          } catch {
            // A variable that does not coerce: execution reports it, with a 400.
            return;
          }
          const where = names.join('.');
          const filtersArg = field.args.find((arg) => arg.name === 'filters');
          const uid = filtersArg ? filterInputs.get(getNamedType(filtersArg.type).name) : undefined;
          if (uid) {
            const problems = queryProblems(
              validationModels(),
              GRAPHQL_DIALECT,
              uid,
              { filters: args.filters, sort: args.sort, pagination: args.pagination },
              { checkStatusAndLocale: false },
            );
            if (problems.length > 0) found.push({ where, node, problems });
          }
          if (args.locale !== undefined && args.locale !== null) localeChecks.push({ where, node, locale: args.locale });
        },
        leave() {
          names.pop();
        },
      },
    }),
  );
  for (const { where, node, locale } of localeChecks) {
    if (typeof locale === 'string' && (locale === '*' || (await locales!.has(locale)))) continue;
    found.push({ where, node, problems: [{ path: ['locale'], message: unknownLocaleMessage(locale, await locales!.list()) }] });
  }
  return found;
}

export function argumentValidationPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!locales || !operation) return;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return;
          const checks: FieldCheck[] = [];
          for (const definition of [operation, ...usedFragments(document, operation)])
            checks.push(...(await checkDefinition(schema, definition, coerced.coerced)));
          if (checks.length === 0) return;
          // `articles.people(filters.name.between)`: the field, then the argument path in GraphQL's spelling.
          const name = (where: string, path: Problem['path']) => `${where}(${dottedPath(path)})`;
          const all = checks
            .flatMap(({ where, problems }) =>
              problems.map((p) => ({ field: where, argument: p.path.map(String), message: `${name(where, p.path)}: ${p.message}` })),
            )
            .slice(0, MAX_REPORTED_PROBLEMS);
          const more = all.length > 1 ? ` (and ${all.length - 1} more: see extensions.errors)` : '';
          throw new GraphQLError(`${all[0]!.message}${more}`, {
            nodes: checks.map((c) => c.node),
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 }, errors: all },
          });
        },
      };
    },
  };
}

/**
 * At boot: learn the plugin's filter input names, and take out of the GraphQL input
 * types what the content API would silently drop: private fields, and `publishedAt`
 * (publishing is the `status` argument, as in REST).
 */
export function registerGraphqlValidation(strapi: Core.Strapi): void {
  locales = knownLocales(strapi);
  const { naming } = strapi.plugin('graphql').service('utils') as { naming: { getFiltersInputTypeName(model: unknown): string } };
  const models = [...Object.values(strapi.contentTypes), ...Object.values(strapi.components)] as Array<{
    uid: string;
    attributes: Record<string, { private?: boolean; type?: string }>;
  }>;
  filterInputs = new Map(models.map((model) => [naming.getFiltersInputTypeName(model), model.uid]));
  const extension = strapi.plugin('graphql').service('extension');
  for (const model of models) {
    if (!model.uid.startsWith('api::')) continue;
    for (const [name, attribute] of Object.entries(model.attributes)) {
      if (attribute.private === true) extension.shadowCRUD(model.uid).field(name).disable();
      else if (name === 'publishedAt') extension.shadowCRUD(model.uid).field(name).disableInput();
    }
  }
}
