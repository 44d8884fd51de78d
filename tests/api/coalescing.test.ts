import { api, bearer, graphql, tokens } from '../helpers/http';
import { STORY_SLUG } from '../fixtures/story-000';

/**
 * Concurrent misses for one cache key share one computation (src/cache/single-flight.ts),
 * and sharing never serves an answer older than an acknowledged write.
 */

const asTool = () => bearer(tokens.fullAccess());
let unique = 10;
/** A list query no earlier request has cached. */
const freshListQuery = () => {
  unique += 1;
  return { locale: 'ar', sort: 'headline:asc', 'pagination[pageSize]': String(unique) };
};

describe('miss coalescing', () => {
  it('answers concurrent misses for one key with one computation and the same bytes', async () => {
    const query = freshListQuery();
    const answers = await Promise.all(Array.from({ length: 24 }, () => api().get('/api/articles').query(query).expect(200)));
    const labels = answers.map((res) => String(res.headers['x-cache']));
    // One computation: every other request waited for it (COALESCED) or came after it was stored (HIT). Without
    // coalescing most of them miss (seen on PostgreSQL: 24 of 24); how many wait rather than hit depends on timing.
    expect(labels.filter((label) => label === 'MISS')).toHaveLength(1);
    expect(labels.every((label) => ['MISS', 'COALESCED', 'HIT'].includes(label))).toBe(true);
    expect(new Set(answers.map((res) => res.text)).size).toBe(1);
    expect(new Set(answers.map((res) => res.headers.etag)).size).toBe(1);
    for (const header of ['content-type', 'cache-control', 'content-security-policy', 'x-content-type-options'])
      expect(new Set(answers.map((res) => res.headers[header])).size).toBe(1);
  });

  it('coalesces GraphQL POSTs too', async () => {
    unique += 1;
    const query = `query ($slug: String!) { articles(locale: "ar", filters: { slug: { eq: $slug } }, pagination: { pageSize: ${unique} }) { headline people { name } } }`;
    const answers = await Promise.all(Array.from({ length: 16 }, () => graphql(query, { slug: STORY_SLUG }).expect(200)));
    const labels = answers.map((res) => String(res.headers['x-cache']));
    expect(labels.filter((label) => label === 'MISS')).toHaveLength(1);
    expect(new Set(answers.map((res) => res.text)).size).toBe(1);
  });

  it('never gives a read that starts after an acknowledged write the answer computed before it', async () => {
    const list = await api().get('/api/articles').query({ locale: 'ar', 'filters[slug][$eq]': STORY_SLUG, 'fields[0]': 'summary' }).set(asTool()).expect(200);
    const { documentId, summary } = (list.body as { data: Array<{ documentId: string; summary: string }> }).data[0];
    const query = { locale: 'ar', 'filters[slug][$eq]': STORY_SLUG };
    try {
      for (let round = 0; round < 5; round += 1) {
        const written = `ملخص ${round} ${Date.now()}`;
        // Readers in flight while the write commits: some of them lead computations that read the old summary.
        const inFlight = Array.from({ length: 12 }, () => api().get('/api/articles').query(query).expect(200));
        await api()
          .put(`/api/articles/${documentId}`)
          .query({ locale: 'ar' })
          .set(asTool())
          .send({ data: { summary: written } })
          .expect(200);
        const after = await Promise.all(Array.from({ length: 12 }, () => api().get('/api/articles').query(query).expect(200)));
        for (const res of after) expect((res.body as { data: Array<{ summary: string }> }).data[0].summary).toBe(written);
        await Promise.all(inFlight);
      }
    } finally {
      await api().put(`/api/articles/${documentId}`).query({ locale: 'ar' }).set(asTool()).send({ data: { summary } }).expect(200);
    }
  });
});
