import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { xml2js, type Element } from 'xml-js';

/**
 * XML checks for the feed and sitemap tests: libxml2's xmllint for well-formedness and
 * schema validation, xml-js (the parser `feed` itself depends on) to read values.
 */
export function xmllint(xml: string, schema?: string): { ok: boolean; output: string } {
  const args = ['--noout', '--nonet', ...(schema ? ['--schema', schema] : []), '-'];
  const run = spawnSync('/usr/bin/xmllint', args, { input: xml, encoding: 'utf8' });
  if (run.error) throw run.error;
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** Parses a document; throws on anything that is not well-formed XML. */
export function parseXml(xml: string): Element {
  return xml2js(xml, { compact: false }) as Element;
}

/** Child elements of `element` named `name` (prefix included, e.g. `xhtml:link`). */
export const children = (element: Element | undefined, name: string): Element[] =>
  (element?.elements ?? []).filter((e) => e.type === 'element' && e.name === name);
export const child = (element: Element | undefined, name: string): Element | undefined => children(element, name)[0];
/** The text (or CDATA) inside an element. */
export const text = (element: Element | undefined): string =>
  (element?.elements ?? []).map((e) => (e.type === 'text' ? String(e.text) : e.type === 'cdata' ? String(e.cdata) : '')).join('');
export const root = (document: Element): Element => document.elements!.find((e) => e.type === 'element')!;

/**
 * The sitemaps.org schemas (../shared/schemas/sitemaps, or SITEMAP_SCHEMA_DIR). sitemap.xsd
 * validates foreign elements strictly and the news and xhtml schemas are not available,
 * so the urlset is checked against a copy with processContents="lax" (the schemas' README);
 * the news: elements are checked by the test itself. A missing schema fails, never skips.
 */
export function sitemapSchemas(): { index: string; urlset: string } {
  const dir = path.resolve(process.env.SITEMAP_SCHEMA_DIR || path.join(__dirname, '..', '..', '..', 'shared', 'schemas', 'sitemaps'));
  for (const file of ['sitemap.xsd', 'siteindex.xsd']) {
    if (!existsSync(path.join(dir, file))) throw new Error(`the sitemap schema ${path.join(dir, file)} is missing (set SITEMAP_SCHEMA_DIR)`);
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'sitemap-schemas-'));
  const strict = readFileSync(path.join(dir, 'sitemap.xsd'), 'utf8');
  const lax = strict.replace(/processContents="strict"/g, 'processContents="lax"');
  if (lax === strict) throw new Error('sitemap.xsd no longer has processContents="strict"; the lax copy would change nothing');
  writeFileSync(path.join(work, 'sitemap.xsd'), lax);
  copyFileSync(path.join(dir, 'siteindex.xsd'), path.join(work, 'siteindex.xsd'));
  return { index: path.join(work, 'siteindex.xsd'), urlset: path.join(work, 'sitemap.xsd') };
}
