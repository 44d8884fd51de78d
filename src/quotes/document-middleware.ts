import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { quoteAttributionProblem } from './attribution';

const QUOTE = 'api::quote.quote';
const WRITES = new Set(['create', 'update']);

/**
 * Enforces the quote attribution rule on every write path (REST, GraphQL, admin,
 * Document Service). It checks the stored result rather than the payload, because
 * relation payloads come in many shapes (ids, documentIds, connect/disconnect/set)
 * and an update may keep a speaker it does not mention. The write and the check run
 * in one transaction, so a rejected write leaves nothing behind.
 */
export function registerQuoteAttribution(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== QUOTE || !WRITES.has(context.action)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const written = result as { documentId?: string; locale?: string } | null;
      if (!written?.documentId) return result;
      const stored = await strapi.db.query(QUOTE).findOne({
        where: { documentId: written.documentId, locale: written.locale ?? null, publishedAt: null },
        populate: { speaker: { select: ['id'] }, speakerOrganization: { select: ['id'] } },
      });
      const problem = stored && quoteAttributionProblem(stored);
      if (problem) {
        throw new errors.ValidationError(problem, {
          errors: [
            { path: ['speaker'], message: problem, name: 'ValidationError' },
            { path: ['speakerOrganization'], message: problem, name: 'ValidationError' },
          ],
        });
      }
      return result;
    });
  });
}
