/**
 * The page's Content Security Policy, as the production build serves it: no 'unsafe-eval' (the
 * schema validator is precompiled) and no WebSocket to any host; and the app works under it, with
 * no violation reported while it draws the seed map, opens a file, searches and saves.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, seedMapText, watchPage } from './helpers.ts';
import { saveAs } from './helpers-formats.ts';

/** The policy of the served index.html's `<meta http-equiv="Content-Security-Policy">`, by directive. */
async function servedPolicy(page: Page): Promise<Map<string, string[]>> {
  const response = await page.request.get('/');
  expect(response.ok()).toBe(true);
  const html = await response.text();
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  expect(meta, 'the served index.html has no CSP meta element').not.toBeNull();
  return new Map(
    meta![1]!.split(';').map((directive) => directive.trim().split(/\s+/)).filter((parts) => parts[0] !== '').map(([name, ...values]) => [name!, values]),
  );
}

/** Collects every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test.describe('the content security policy', () => {
  test('allows no eval and no WebSocket to any host', async ({ page }) => {
    const policy = await servedPolicy(page);
    const all = [...policy.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(policy.get('script-src')).toEqual(["'self'"]);
    const connect = policy.get('connect-src') ?? policy.get('default-src') ?? [];
    for (const bare of ['ws:', 'wss:', '*', 'http:', 'https:']) expect(connect, `connect-src allows ${bare}`).not.toContain(bare);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  test('the app draws the seed map, opens a file, searches and saves with no violation', async ({ page }) => {
    const problems = watchPage(page);
    const violations = await watchViolations(page);
    await openApp(page);

    // A file opened through the input goes through the same validator on the page.
    const seed = JSON.parse(seedMapText()) as { title: { zh?: string; en?: string } };
    const renamed = JSON.stringify({ ...seed, title: { zh: '内容安全策略测试', en: 'CSP check' } });
    await page.locator('input[type="file"]').first().setInputFiles({ name: 'csp.json', mimeType: 'application/json', buffer: Buffer.from(renamed) });
    await expect(page).toHaveTitle(/内容安全策略测试/);

    // Search (pinyin) and saving load their code when first used.
    const searches: string[] = [];
    page.on('request', (request) => {
      if (/\/search-[\w-]+\.js$/.test(request.url())) searches.push(request.url());
    });
    await page.keyboard.press('/');
    await page.keyboard.type('baimo');
    await expect(page.locator('input[type="search"]')).toHaveValue('baimo');
    await expect.poll(() => searches.length, { message: 'the pinyin search code was never loaded' }).toBeGreaterThan(0);
    await expect(page.locator('.results li').first()).toBeVisible();
    const saved = await saveAs(page, /Argdown/);
    expect(saved.suggestedFilename()).toMatch(/\.argdown$/);

    expect(await violations()).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors.filter((message) => /Content Security Policy|unsafe-eval|Refused/i.test(message))).toEqual([]);
  });
});
