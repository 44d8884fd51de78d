import { quoteAttributionProblem, UNATTRIBUTED_QUOTE_MESSAGE } from './attribution';

describe('quote attribution', () => {
  it.each([[{ speaker: { id: 1 } }], [{ speakerOrganization: { id: 2 } }], [{ speaker: 'qasim-al-araji', speakerOrganization: 'joint-operations-command' }]])(
    'accepts %p',
    (quote) => {
      expect(quoteAttributionProblem(quote)).toBeNull();
    },
  );

  it.each([[{}], [{ speaker: null, speakerOrganization: null }], [{ speaker: '', speakerOrganization: [] }]])(
    'rejects %p with a message that names both fields',
    (quote) => {
      expect(quoteAttributionProblem(quote)).toBe(UNATTRIBUTED_QUOTE_MESSAGE);
      expect(UNATTRIBUTED_QUOTE_MESSAGE).toMatch(/speaker\b.*speakerOrganization/);
    },
  );
});
