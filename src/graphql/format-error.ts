import { unwrapResolverError } from '@apollo/server/errors';
import { errors } from '@strapi/utils';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describeInternalError, INTERNAL_ERROR_MESSAGE, internalErrorLogLine, publicInternalError } from '../errors/masking';

/**
 * Apollo's formatError for /graphql. Strapi's own errors get the codes the GraphQL
 * plugin gives them (FORBIDDEN, BAD_USER_INPUT, STRAPI_<NAME>), with the same
 * `extensions.error`. Anything else is an unexpected error: logged with an id and its
 * stack, and answered as "Internal Server Error" with that id, never with the
 * database's text (src/errors/masking.ts).
 */
const strapiCode = (name: string) => `STRAPI_${name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;

const withCode = (formatted: GraphQLFormattedError, error: { name: string; message: string; details?: unknown }, code: string): GraphQLFormattedError => ({
  ...formatted,
  message: error.message,
  extensions: { ...formatted.extensions, error: { name: error.name, message: error.message, details: error.details }, code },
});

export interface GraphqlErrorFormatterOptions {
  exposeDetails: boolean;
  log: (line: string) => void;
}

export function createGraphqlErrorFormatter({ exposeDetails, log }: GraphqlErrorFormatterOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // Parse and validation errors, and errors raised as GraphQLErrors on purpose (BAD_USER_INPUT from the validator).
    if (original === error && original instanceof GraphQLError && !original.originalError) return formatted;
    if (original instanceof errors.ForbiddenError || original instanceof errors.UnauthorizedError) return withCode(formatted, original, 'FORBIDDEN');
    if (original instanceof errors.ValidationError) return withCode(formatted, original, 'BAD_USER_INPUT');
    if (original instanceof errors.ApplicationError || original instanceof errors.HttpError) return withCode(formatted, original, strapiCode(original.name));
    if (original instanceof GraphQLError) return formatted;
    const report = describeInternalError(original);
    log(internalErrorLogLine(report, `GraphQL ${formatted.path?.join('.') ?? 'operation'}`));
    return {
      message: INTERNAL_ERROR_MESSAGE,
      ...(formatted.path && { path: formatted.path }),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...publicInternalError(report, exposeDetails) },
    };
  };
}
