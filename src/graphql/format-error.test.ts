import { errors } from '@strapi/utils';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { createGraphqlErrorFormatter } from './format-error';

/** What Apollo hands formatError for an error a resolver threw. */
const fromResolver = (original: Error): [GraphQLFormattedError, GraphQLError] => {
  const wrapped = new GraphQLError(original.message, { path: ['people'], originalError: original });
  return [{ message: original.message, path: ['people'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped];
};

describe('the GraphQL error formatter', () => {
  const logged: string[] = [];
  const production = createGraphqlErrorFormatter({ exposeDetails: false, log: (line) => logged.push(line) });
  const development = createGraphqlErrorFormatter({ exposeDetails: true, log: () => undefined });
  const sql = Object.assign(new Error('select "t0".* from "public"."people" as "t0" - invalid input syntax for type json'), { name: 'AssertionError' });

  beforeEach(() => logged.splice(0));

  it('masks an unexpected error in production, with an id that is in the log', () => {
    const answer = production(...fromResolver(sql));
    expect(answer).toEqual({ message: 'Internal Server Error', path: ['people'], extensions: { code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String) } });
    expect(JSON.stringify(answer)).not.toMatch(/select|public|AssertionError|invalid input/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(String(answer.extensions?.errorId));
    expect(logged[0]).toContain('invalid input syntax for type json');
  });

  it('keeps the details in development', () => {
    expect(development(...fromResolver(sql)).extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', name: 'AssertionError', message: sql.message });
  });

  it("gives Strapi's errors the plugin's codes", () => {
    expect(production(...fromResolver(new errors.ValidationError('data.aliases: expected a list'))).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      error: { name: 'ValidationError' },
    });
    expect(production(...fromResolver(new errors.ForbiddenError('Forbidden access'))).extensions?.code).toBe('FORBIDDEN');
    expect(production(...fromResolver(new errors.NotFoundError('No file'))).extensions?.code).toBe('STRAPI_NOT_FOUND_ERROR');
    expect(logged).toEqual([]);
  });

  it('passes GraphQL errors raised on purpose through unchanged', () => {
    const refusal = new GraphQLError('people(filters.name.between): expected exactly 2 values', { extensions: { code: 'BAD_USER_INPUT' } });
    const formatted = { message: refusal.message, extensions: { code: 'BAD_USER_INPUT' } };
    expect(production(formatted, refusal)).toBe(formatted);
  });
});
