import type { Core } from '@strapi/strapi';
import { dottedPath, queryStringPath } from '../problems';
import { queryProblems, REST_DIALECT } from '../query';
import { droppedKeyProblems } from '../write';
import { validationModels } from './models';
import { refusal } from './refusal';

type ValidateQuery = (query: Record<string, unknown>, schema: { uid: string }, options?: unknown) => Promise<void>;
type ContentApiValidate = { query: ValidateQuery };

/**
 * REST's two entry points, both Strapi's own content-API validation, which every core
 * controller (and users-permissions') calls with the content type before it reads:
 * - queries: our check runs first, then Strapi's (unknown keys, permissions);
 * - write bodies: a `content-api.input` validator for keys Strapi would drop.
 * GraphQL resolvers call the same query validation with arguments already checked
 * before execution (./graphql.ts), so it is skipped for them.
 */
export function registerRestValidation(strapi: Core.Strapi): void {
  const graphqlPath = () => strapi.config.get<string>('plugin::graphql.endpoint', '/graphql');
  const validate = strapi.contentAPI.validate as unknown as ContentApiValidate;
  const strapiQueryValidation = validate.query.bind(validate);

  validate.query = async (query, schema, options) => {
    if (strapi.requestContext.get()?.path !== graphqlPath()) {
      const problems = queryProblems(validationModels(), REST_DIALECT, schema.uid, query, { checkStatusAndLocale: true });
      if (problems.length > 0) throw refusal(problems, queryStringPath, 'query');
    }
    return strapiQueryValidation(query, schema, options);
  };

  type InputValidator = Parameters<typeof strapi.validators.add>[1];
  const refuseDroppedKeys = (schema: { uid: string }) => async (data: unknown) => {
    const problems = droppedKeyProblems(validationModels(), schema.uid, data);
    if (problems.length > 0) throw refusal(problems, dottedPath, 'body');
    return data;
  };
  // Strapi types the validator with lodash's curried-function type; this one takes the data and returns it.
  strapi.validators.add('content-api.input', refuseDroppedKeys as unknown as InputValidator);
}
