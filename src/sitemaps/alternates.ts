/** A link to a language version of a page, as sitemaps write `xhtml:link rel="alternate"`. */
export interface Alternate {
  lang: string;
  url: string;
}

/**
 * The language versions of one article page: one link per locale it is published in
 * (the page's own included, as Google asks), plus `x-default` on the default locale's
 * page when that one is published. Locales in `locales` order, so output is stable.
 */
export function alternates(published: ReadonlyMap<string, string>, locales: readonly string[], defaultLocale: string): Alternate[] {
  const links: Alternate[] = locales.filter((locale) => published.has(locale)).map((locale) => ({ lang: locale, url: published.get(locale)! }));
  const fallback = published.get(defaultLocale);
  if (fallback) links.push({ lang: 'x-default', url: fallback });
  return links;
}
