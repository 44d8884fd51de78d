import { previewSettings } from '../../settings/preview';
import { previewUrl } from './preview';

const target = { locale: 'ar', slug: 'iraq-announces-end', documentId: 'abc123', status: 'draft' as const };

describe('previewUrl', () => {
  it('fills the default template with locale and slug, and marks drafts', () => {
    const settings = previewSettings({ FRONTEND_URL: 'http://localhost:3000' })!;
    expect(previewUrl(settings, target)).toBe('http://localhost:3000/ar/articles/iraq-announces-end?status=draft');
    expect(previewUrl(settings, { ...target, locale: 'en', status: 'published' })).toBe('http://localhost:3000/en/articles/iraq-announces-end');
  });

  it('adds the secret and encodes the values', () => {
    const settings = previewSettings({ FRONTEND_URL: 'https://x.example', PREVIEW_PATH: '/p/{documentId}/{slug}', PREVIEW_SECRET: 'a b' })!;
    expect(previewUrl(settings, { ...target, slug: 'a/b' })).toBe('https://x.example/p/abc123/a%2Fb?status=draft&secret=a+b');
  });
});
