import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { locateMissingReference } from '../missing-references';
import { dottedPath } from '../problems';
import { writeValueProblems } from '../write';
import { validationModels } from './models';
import { refusal } from './refusal';

const WRITES_WITH_DATA = new Set(['create', 'update']);

/**
 * Every write of the newsroom's types, whatever its path (REST, GraphQL, the admin
 * panel, seeds and imports), has its values checked against the attribute types
 * before Strapi's own validation can cast or drop them. Registered first, so a
 * refused write opens no transaction and touches nothing. Strapi's refusal of a
 * related document that does not exist is given the field that named it.
 */
export function registerDocumentWriteValidation(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!WRITES_WITH_DATA.has(context.action) || !context.uid.startsWith('api::')) return next();
    const data = (context.params as { data?: unknown } | undefined)?.data;
    const problems = writeValueProblems(validationModels(), context.uid, data);
    if (problems.length > 0) throw refusal(problems, dottedPath, 'body');
    try {
      return await next();
    } catch (error) {
      const missing = error instanceof errors.ValidationError ? locateMissingReference(validationModels(), context.uid, data, error.message) : null;
      throw missing ? refusal([missing], dottedPath, 'body') : error;
    }
  });
}
