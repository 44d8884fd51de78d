import { previewSettings } from './preview';

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
