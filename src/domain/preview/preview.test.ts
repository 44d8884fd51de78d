import { previewSettings, previewUrl } from './preview';

const target = { locale: 'ar', slug: 'iraq-announces-end', documentId: 'abc123', status: 'draft' as const };

describe('previewSettings', () => {
  it('is off without FRONTEND_URL', () => {
    expect(previewSettings({})).toBeNull();
    expect(previewSettings({ FRONTEND_URL: '  ' })).toBeNull();
  });

  it('reads the URL, the path template and the secret', () => {
    expect(previewSettings({ FRONTEND_URL: 'https://www.example.org/', PREVIEW_PATH: '/news/{slug}', PREVIEW_SECRET: 's3' })).toEqual({
      frontendUrl: 'https://www.example.org',
      pathTemplate: '/news/{slug}',
      secret: 's3',
    });
  });

  it.each([
    [{ FRONTEND_URL: 'www.example.org' }, 'FRONTEND_URL must be an absolute URL'],
    [{ FRONTEND_URL: 'ftp://example.org' }, 'FRONTEND_URL must use http or https'],
    [{ FRONTEND_URL: 'https://example.org', PREVIEW_PATH: 'news/{slug}' }, 'PREVIEW_PATH must start with "/"'],
  ])('refuses %p', (environment, message) => {
    expect(() => previewSettings(environment)).toThrow(message);
  });
});

describe('previewUrl', () => {
  it('fills the default template with locale and slug, and marks drafts', () => {
    const settings = previewSettings({ FRONTEND_URL: 'http://localhost:3000' })!;
    expect(previewUrl(settings, target)).toBe('http://localhost:3000/ar/articles/iraq-announces-end?status=draft');
    expect(previewUrl(settings, { ...target, locale: 'en', status: 'published' })).toBe(
      'http://localhost:3000/en/articles/iraq-announces-end',
    );
  });

  it('adds the secret and encodes the values', () => {
    const settings = previewSettings({ FRONTEND_URL: 'https://x.example', PREVIEW_PATH: '/p/{documentId}/{slug}', PREVIEW_SECRET: 'a b' })!;
    expect(previewUrl(settings, { ...target, slug: 'a/b' })).toBe('https://x.example/p/abc123/a%2Fb?status=draft&secret=a+b');
  });
});
