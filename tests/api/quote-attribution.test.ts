import { api, bearer, graphql, tokens } from '../helpers/http';

const UNATTRIBUTED = 'A quote must have a speaker (a person) or a speakerOrganization (for a statement issued by a body); this one has neither.';

async function documentIdOf(collection: string, slug: string): Promise<string> {
  const res = await api().get(`/api/${collection}`).query({ 'filters[slug][$eq]': slug }).expect(200);
  return res.body.data[0].documentId;
}

const asEditorTool = () => bearer(tokens.fullAccess());

describe('the quote attribution rule', () => {
  const created: string[] = [];
  let araji: string;
  let jointOperations: string;

  beforeAll(async () => {
    araji = await documentIdOf('people', 'qasim-al-araji');
    jointOperations = await documentIdOf('organizations', 'joint-operations-command-iraq');
  });

  afterAll(async () => {
    for (const documentId of created) {
      await api().delete(`/api/quotes/${documentId}`).query({ locale: 'ar' }).set(asEditorTool()).expect(204);
    }
  });

  it('rejects a quote with neither speaker nor speakerOrganization, with a 400 that says so, and stores nothing', async () => {
    const slug = 'unattributed-quote';
    const res = await api()
      .post('/api/quotes')
      .set(asEditorTool())
      .send({ data: { slug, kind: 'direct', text: 'كلام بلا قائل' } })
      .expect(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError', message: UNATTRIBUTED } });
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toEqual(['speaker', 'speakerOrganization']);

    const stored = await api().get('/api/quotes').query({ status: 'draft', 'filters[slug][$eq]': slug }).set(asEditorTool()).expect(200);
    expect(stored.body.data).toEqual([]);
  });

  it('accepts a quote with a speaker, or with a speakerOrganization only', async () => {
    const bySpeaker = await api()
      .post('/api/quotes')
      .set(asEditorTool())
      .send({ data: { slug: 'quote-with-speaker', kind: 'direct', text: 'نص', speaker: araji } })
      .expect(201);
    created.push(bySpeaker.body.data.documentId);

    const byOrganization = await api()
      .post('/api/quotes')
      .set(asEditorTool())
      .send({ data: { slug: 'quote-with-organization', kind: 'indirect', text: 'بيان', speakerOrganization: jointOperations } })
      .expect(201);
    created.push(byOrganization.body.data.documentId);
  });

  it('lets an update that does not mention the speaker keep it', async () => {
    const documentId = created[0]!;
    const res = await api()
      .put(`/api/quotes/${documentId}`)
      .set(asEditorTool())
      .send({ data: { text: 'نص معدل' } })
      .expect(200);
    expect(res.body.data).toMatchObject({ documentId, text: 'نص معدل' });
  });

  it('rejects an update that removes the only attribution, and keeps the stored quote intact', async () => {
    const documentId = created[0]!;
    const res = await api()
      .put(`/api/quotes/${documentId}`)
      .set(asEditorTool())
      .send({ data: { text: 'سيضيع', speaker: { set: [] } } })
      .expect(400);
    expect(res.body.error.message).toBe(UNATTRIBUTED);

    const stored = await api().get(`/api/quotes/${documentId}`).query({ status: 'draft', populate: 'speaker' }).set(asEditorTool()).expect(200);
    expect(stored.body.data).toMatchObject({ text: 'نص معدل', speaker: { documentId: araji } });
  });

  it('applies over GraphQL too', async () => {
    const res = await graphql(
      `
        mutation {
          createQuote(data: { slug: "graphql-unattributed", kind: direct, text: "x" }) {
            documentId
          }
        }
      `,
      undefined,
      asEditorTool(),
    );
    expect(res.body.data?.createQuote ?? null).toBeNull();
    expect(res.body.errors[0].message).toBe(UNATTRIBUTED);
  });
});
