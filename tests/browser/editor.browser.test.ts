/// <reference lib="dom" />
// DOM types: the evaluate() callbacks below run in the browser.
import { mkdirSync } from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EDITOR, SUPER_ADMIN } from '../fixtures/accounts';
import { EXPECTED, STORY_SLUG } from '../fixtures/story-000';
import { CHROMIUM_PATH } from './global-setup';
import type { Article, ListBody } from '../helpers/documents';

/**
 * An editor's morning, in a real browser: log in, open Articles, open the Arabic
 * story (laid out right-to-left), switch to English, change the summary, save and
 * publish, and see the change over the public REST API. Each step leaves a
 * screenshot in test-artifacts/browser/ (not committed).
 */
// Its own variable: when all projects run together, the API suite keeps TEST_BASE_URL.
const baseUrl = () => process.env.TEST_BROWSER_BASE_URL as string;
const artifacts = path.resolve(__dirname, '..', '..', 'test-artifacts', 'browser');
const newSummary = `Updated from the browser test at ${new Date().toISOString()}.`;

/** Polls until read() returns want (the admin re-renders asynchronously), then asserts it. */
async function eventually<T>(read: () => Promise<T>, want: T, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (last !== want && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  expect(last).toBe(want);
}

let browser: Browser;
let page: Page;
let step = 0;

async function shot(name: string): Promise<void> {
  step += 1;
  await page.screenshot({ path: path.join(artifacts, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    // As root in a container, without a GPU, on a closed network: no sandbox, no background traffic.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
});

afterAll(async () => {
  await browser?.close();
});

describe('an editor in the admin panel', () => {
  it('logs in with the EDITOR_EMAIL account', async () => {
    await page.goto(`${baseUrl()}/admin`);
    await page.locator('input[name="email"]').fill(EDITOR.email);
    await page.locator('input[name="password"]').fill(EDITOR.password);
    await shot('login');
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: 'Content Manager' }).waitFor();
    await shot('home');
  });

  it('opens Articles and sees the Arabic headline readable from its start', async () => {
    await page.getByRole('link', { name: 'Content Manager' }).click();
    await page.getByRole('link', { name: 'Article', exact: true }).click();
    const cell = page.locator('td[role="gridcell"] span', { hasText: EXPECTED.ar.headline });
    await cell.waitFor();
    await eventually(() => cell.getAttribute('dir'), 'auto');
    await eventually(() => cell.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    await shot('articles-list-arabic');
  });

  it('opens the seeded Arabic story with its fields laid out right-to-left', async () => {
    await page.locator('td[role="gridcell"] span', { hasText: EXPECTED.ar.headline }).click();
    const headline = page.locator('input[name="headline"]');
    await headline.waitFor();
    await eventually(() => headline.inputValue(), EXPECTED.ar.headline);
    await eventually(() => headline.getAttribute('dir'), 'rtl');
    await eventually(() => headline.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    await eventually(() => page.locator('textarea[name="summary"]').evaluate((el) => getComputedStyle(el).direction), 'rtl');
    await eventually(
      () =>
        page
          .locator('[contenteditable="true"]')
          .first()
          .evaluate((el) => getComputedStyle(el).direction),
      'rtl',
    );
    // Identifiers stay left-to-right inside Arabic content.
    await eventually(() => page.locator('input[name="slug"]').evaluate((el) => getComputedStyle(el).direction), 'ltr');
    await shot('arabic-story-rtl');
  });

  it('switches to English, where the fields are left-to-right', async () => {
    await page.getByRole('combobox', { name: 'Locales' }).click();
    await page.getByRole('option', { name: /English \(en\)/ }).click();
    const headline = page.locator('input[name="headline"]');
    await eventually(() => headline.inputValue(), EXPECTED.en.headline);
    await eventually(() => headline.getAttribute('dir'), 'ltr');
    await eventually(() => headline.evaluate((el) => getComputedStyle(el).direction), 'ltr');
    await shot('english-story-ltr');
  });

  it('changes the English summary, saves and publishes it', async () => {
    const summary = page.locator('textarea[name="summary"]');
    await summary.fill(newSummary);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved document').first().waitFor();
    await shot('english-saved');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published document').first().waitFor();
    await shot('english-published');
  });

  it('shows the change to readers over REST, in English only', async () => {
    const query = `filters[slug][$eq]=${STORY_SLUG}`;
    const en = (await (await fetch(`${baseUrl()}/api/articles?locale=en&${query}`)).json()) as ListBody<Article>;
    expect(en.data[0]).toMatchObject({ locale: 'en', summary: newSummary });
    const ar = (await (await fetch(`${baseUrl()}/api/articles?locale=ar&${query}`)).json()) as ListBody<Article>;
    expect(ar.data[0]?.summary).not.toBe(newSummary);
    expect(ar.data[0]?.quotes).toHaveLength(9);
  });
});

describe('the History panel', () => {
  const firstEdit = `ملخص أول من اختبار المتصفح ${Date.now()}`;
  const secondEdit = `ملخص ثان من اختبار المتصفح ${Date.now()}`;
  const summary = () => page.locator('textarea[name="summary"]');
  const panel = () => page.getByTestId('history-panel');

  it('shows the Arabic story’s revisions: who, when, what changed', async () => {
    await page.getByRole('combobox', { name: 'Locales' }).click();
    await page.getByRole('option', { name: /Arabic \(ar\)/ }).click();
    await eventually(() => page.locator('input[name="headline"]').inputValue(), EXPECTED.ar.headline);
    const count = async () =>
      Number(
        /^(\d+) revision/.exec(
          await panel()
            .getByText(/revisions? in this locale/)
            .innerText(),
        )?.[1],
      );
    const before = await count();
    // Each save is one more revision in the panel (a toast left from an earlier save proves nothing).
    for (const [i, text] of [firstEdit, secondEdit].entries()) {
      await summary().fill(text);
      await page.getByRole('button', { name: 'Save' }).click();
      await eventually(count, before + i + 1);
    }
    const newest = panel().locator('[data-revision]').first();
    await newest.getByText(`by ${EDITOR.email}`).waitFor();
    await newest.getByText('changed: summary').waitFor();
    await shot('history-panel');
  });

  it('compares the older version with the latest side by side, right to left', async () => {
    const older = panel().locator('[data-revision]').nth(1);
    await older.getByRole('button', { name: 'Compare with latest' }).click();
    const compare = page.getByTestId('history-compare');
    await compare.waitFor();
    expect(await compare.getAttribute('dir')).toBe('rtl');
    const olderSide = compare.locator('[data-side="older"]').first();
    await eventually(async () => (await olderSide.innerText()).includes(firstEdit), true);
    expect(await compare.locator('[data-side="newer"]').first().innerText()).toContain(secondEdit);
    await eventually(() => olderSide.locator('p').evaluate((el) => getComputedStyle(el).direction), 'rtl');
    // The older revision is on the reader's right: it comes first in a right-to-left row.
    const [olderBox, newerBox] = await Promise.all([olderSide.boundingBox(), compare.locator('[data-side="newer"]').first().boundingBox()]);
    expect(olderBox!.x).toBeGreaterThan(newerBox!.x);
    await shot('history-compare-rtl');
  });

  it('restores the older version as a draft, and the form shows it while readers still see the published one', async () => {
    await page.getByRole('button', { name: /^Restore #\d+ as draft$/ }).click();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await eventually(() => summary().inputValue(), firstEdit, 30_000);
    await panel().locator('[data-revision]').first().getByText('restore').waitFor();
    await shot('history-restored');
    const published = (await (await fetch(`${baseUrl()}/api/articles?locale=ar&filters[slug][$eq]=${STORY_SLUG}`)).json()) as ListBody<Article>;
    expect(published.data[0]?.summary).not.toBe(firstEdit);
    expect(published.data[0]?.summary).not.toBe(secondEdit);
  });
});

describe('a super admin in Settings', () => {
  it('sees failed webhook deliveries with their attempts, retries one, then every failed one', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
    const admin = await context.newPage();
    try {
      await admin.goto(`${baseUrl()}/admin`);
      await admin.locator('input[name="email"]').fill(SUPER_ADMIN.email);
      await admin.locator('input[name="password"]').fill(SUPER_ADMIN.password);
      await admin.getByRole('button', { name: 'Login' }).click();
      await admin.getByRole('link', { name: 'Content Manager' }).waitFor();
      await admin.goto(`${baseUrl()}/admin/settings/webhook-deliveries`);
      await admin.getByRole('heading', { name: 'Webhook deliveries' }).waitFor();
      // The seed's and the editor's publishes, each failed after its one attempt (nothing listens on the endpoint).
      const firstRow = admin.locator('tbody tr').first();
      await firstRow.getByText('failed').waitFor();
      await firstRow.getByRole('button', { name: '1 attempt' }).click();
      await admin.getByText('ECONNREFUSED').first().waitFor();
      step += 1;
      await admin.screenshot({ path: path.join(artifacts, `${String(step).padStart(2, '0')}-webhook-deliveries.png`), fullPage: true });
      await firstRow.getByRole('button', { name: 'Retry' }).click();
      await admin
        .getByText(/will be attempted again now/)
        .first()
        .waitFor();
      // After a receiver's long outage: every failed one again, in one click.
      await admin.getByRole('button', { name: 'Retry all failed' }).click();
      await admin.getByText(/\d+ failed deliveries will be attempted again now/).waitFor();
    } finally {
      await context.close();
    }
  });
});
