import { errors } from '@strapi/utils';
import { MAX_REPORTED_PROBLEMS, summarize, type PathStyle, type Problem } from '../problems';

/**
 * A refusal in Strapi's error shape: a ValidationError (REST answers it with a 400,
 * GraphQL with BAD_USER_INPUT) whose message names the first problem's parameter and
 * whose details list every problem with its path.
 */
export function refusal(problems: Problem[], style: PathStyle, source: 'query' | 'body'): errors.ValidationError {
  const listed = problems.slice(0, MAX_REPORTED_PROBLEMS);
  return new errors.ValidationError(summarize(listed, style), {
    source,
    errors: listed.map((p) => ({ path: p.path.map(String), message: `${style(p.path)}: ${p.message}`, name: 'ValidationError' })),
  });
}
