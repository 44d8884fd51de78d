import { api, bearer, tokens } from '../helpers/http';
import { FRONTEND_URL, PREVIEW_SECRET } from '../fixtures/accounts';
import { STORY_SLUG } from '../fixtures/story-000';

describe('the preview button on articles', () => {
  let token: string;
  let documentId: string;
  beforeAll(async () => {
    token = tokens.editorSession();
    const res = await api().get('/api/articles').query({ 'filters[slug][$eq]': STORY_SLUG }).expect(200);
    documentId = res.body.data[0].documentId;
  });

  it.each([
    ['ar', 'draft', `${FRONTEND_URL}/ar/articles/${STORY_SLUG}?status=draft&secret=${PREVIEW_SECRET}`],
    ['en', 'published', `${FRONTEND_URL}/en/articles/${STORY_SLUG}?secret=${PREVIEW_SECRET}`],
  ])('opens FRONTEND_URL with the slug and locale (%s, %s)', async (locale, status, url) => {
    const res = await api().get('/content-manager/preview/url/api::article.article').query({ documentId, locale, status }).set(bearer(token)).expect(200);
    expect(res.body.data).toEqual({ url });
  });

  it('is not offered for other types', async () => {
    const people = await api().get('/api/people').expect(200);
    const res = await api()
      .get('/content-manager/preview/url/api::person.person')
      .query({ documentId: people.body.data[0].documentId, locale: 'ar', status: 'draft' })
      .set(bearer(token));
    expect(res.body.data ?? {}).not.toHaveProperty('url', expect.any(String));
  });
});
