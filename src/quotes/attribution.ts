/**
 * Provenance rule: every quote is somebody's. A quote must name the person who
 * said it, or the organization that issued it (a statement by a command or a
 * ministry), or both. The same rule guards the API, the admin and the seed.
 */
export const UNATTRIBUTED_QUOTE_MESSAGE =
  'A quote must have a speaker (a person) or a speakerOrganization (for a statement issued by a body); this one has neither.';

export interface QuoteAttribution {
  speaker?: unknown;
  speakerOrganization?: unknown;
}

function present(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The problem with a quote's attribution, or null when it has one. */
export function quoteAttributionProblem(quote: QuoteAttribution): string | null {
  return present(quote.speaker) || present(quote.speakerOrganization) ? null : UNATTRIBUTED_QUOTE_MESSAGE;
}
