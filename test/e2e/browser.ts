/**
 * Headless Debian Chromium through playwright-core (never a downloaded browser) with a fresh profile, and the
 * dashboard's sign-in and page helpers shared by the browser tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChromium, howToGetChromium } from '../setup/chromium.ts';

const CHROMIUM = findChromium();

/** Why the browser test cannot run here (`npm test` installs Debian's chromium first where it may), or null. */
export function chromiumMissing(): string | null {
  return CHROMIUM ? null : howToGetChromium();
}

export interface Browser {
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Closes the tabs opened so far (between tests). */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One Chromium with a fresh profile directory; each "person" gets a tab of their own. The dashboard keeps its
 * token in sessionStorage, which belongs to one tab, so tabs are signed in separately.
 */
export async function launchBrowser(): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'shiftcast-chromium-'));
  const ctx: BrowserContext = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM!,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  // A hang guard, not a speed check: one action (a page load, a selector, a 5 s solve shown by the page) takes
  // seconds even on a busy machine; one that has not ended in two minutes is stuck, and failing there names it
  // (the test's own 5-minute timeout would not say which action hung).
  ctx.setDefaultTimeout(120_000);
  const blank = ctx.pages()[0];
  const open: Page[] = [];
  return {
    async newPage(viewport = { width: 1280, height: 900 }) {
      const page = await ctx.newPage();
      open.push(page);
      await page.setViewportSize(viewport);
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      (page as Page & { problems: string[] }).problems = problems;
      return page;
    },
    async closePages() {
      for (const page of open.splice(0)) await page.close().catch(() => {});
    },
    async close() {
      await blank?.close().catch(() => {});
      await ctx.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

/** Signs in through the form (field `token`) and waits for the navigation. */
export async function signIn(page: Page, url: string, token: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.fill('input[name=token]', token);
  await page.click('form#signin button[type=submit]');
  await page.waitForSelector('#nav a');
}

/** Opens a page by its address and waits until it says ready, forbidden or error. */
export async function openPage(page: Page, url: string, hash: string): Promise<string> {
  await page.goto(`${url}/${hash}`);
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    return main && main.dataset.page !== 'signin' && ['ready', 'forbidden', 'error'].includes(main.dataset.state ?? '');
  });
  return page.evaluate(() => document.querySelector('main')!.dataset.state!);
}

/** For each chart.js canvas on the page: its name and the count of non-null values of each dataset. */
export async function chartData(page: Page): Promise<Record<string, number[]>> {
  return page.evaluate(() => {
    const out: Record<string, number[]> = {};
    for (const c of document.querySelectorAll('canvas[data-chart]')) {
      const chart = (window as any).Chart?.getChart(c);
      out[(c as HTMLElement).dataset.chart!] = chart ? chart.data.datasets.map((d: any) => d.data.filter((v: unknown) => v !== null && v !== undefined).length) : [];
    }
    return out;
  });
}

export async function navLinks(page: Page): Promise<string[]> {
  return page.$$eval('#nav a', (as) => as.map((a) => (a as HTMLElement).dataset.page!));
}
