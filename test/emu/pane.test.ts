/**
 * The task pane of the PRODUCTION bundle over the emulated Excel (../shared/office-emu/emu.js), on the bundled sample
 * and on 1,000 vehicles, one workbook through the whole session as a user would: 刷新分析, 生成表格 (two forms), 分享,
 * a setting and a column mapping saved, 刷新分析 again. After every step the emulator must report no error, no
 * unloaded property read, nothing unmodelled and no network request, and the workbook must equal what the CLI writes:
 * `churn-desk analyze` after the first refresh, `churn-desk forms` for the generated forms, and after the second
 * refresh `churn-desk analyze` of the workbook as the pane left it before that refresh (settings and mapping in its
 * state). The screenshots of docs/screenshots/ are taken from these runs (zh-CN, and the home view in en-US).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { launchBrowser, PaneSession, productionBundle, requireEnvironment, scratch, unmodelledOutsideGaps } from './driver';
import { sample, SHOTS, strangerCalls, unusable, withoutColumns } from './fixtures';
import { expectClean, expectNoRawKeys, paneFlow, refresh } from './paneFlow';
import { t } from '../../src/i18n';
let dist: string;
let dir: string;
let browser: Browser;

beforeAll(async () => {
  requireEnvironment();
  dir = scratch('churndesk-emu-pane-');
  dist = await productionBundle();
  browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ dist, browser, dir });
paneFlow('the bundled sample', undefined, env, { shots: true });
paneFlow('1,000 vehicles', 1000, env);

describe('least privilege (issue 11.4)', () => {
  test('every page carries a content security policy: scripts from this origin and Office.js only, no eval', () => {
    for (const page of ['taskpane.html', 'commands.html', 'result.html', 'help.html']) {
      const html = fs.readFileSync(path.join(dist, page), 'utf8');
      const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1];
      expect({ page, csp: !!csp }).toEqual({ page, csp: true });
      const directives = new Map(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('script-src')!.filter((v) => !v.startsWith("'sha256-"))).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(csp).not.toContain('unsafe-eval');
      // The policy comes before the first script it governs.
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script/i) === -1 ? Infinity : html.search(/<script/i));
    }
  });

  test('the pane runs under it: eval is refused, and no request leaves the machine', async () => {
    const s = await PaneSession.open(browser, dist, await sample(dir), { lang: 'zh-CN' });
    try {
      await s.page.getByTestId('sheets').getByTestId('sheet-保有客户').waitFor({ timeout: 120_000 });
      // Code evaluated by the test itself (DevTools) is exempt from the page's policy; what the page would run is not:
      // a string timer is eval, and an injected inline script has no allowed hash.
      const ran = await s.page.evaluate(async () => {
        const w = window as any;
        w.setTimeout('window.__evalRan = true', 0);
        const el = document.createElement('script');
        el.textContent = 'window.__inlineRan = true';
        document.head.appendChild(el);
        await new Promise((r) => setTimeout(r, 300));
        return { evalRan: w.__evalRan === true, inlineRan: w.__inlineRan === true };
      });
      expect(ran).toEqual({ evalRan: false, inlineRan: false });
      const stats = await s.stats();
      // Those two are the only violations: nothing the pane itself does is blocked.
      expect(stats.cspViolations).toEqual(['script-src eval', 'script-src-elem inline']);
      expect(stats.networkRequests).toEqual([]);
    } finally {
      await s.close();
    }
  }, 15 * 60_000);
});

describe('the pane in other situations (screenshots)', () => {
  test('en-US: the pane follows Office’s display language', async () => {
    const s = await PaneSession.open(browser, dist, await sample(dir), { lang: 'en-US' });
    try {
      const tabs = await s.page.getByRole('tablist').innerText();
      expect(tabs.replace(/\s+/g, ' ').trim()).toBe('Home Columns Settings Forms Share');
      await refresh(s, 'Refresh analysis');
      await expectClean(s, 'en-US refresh');
      const chrome = await s.page.locator('[data-testid="figures"] h2, [data-testid="sheets"] h2, button').allInnerTexts();
      for (const x of chrome) expect(x).not.toMatch(/[\u4e00-\u9fff]/);
      await expectNoRawKeys(s);
      await s.screenshot(path.join(SHOTS, 'home.en-US.png'));
      await s.tab('Settings');
      await s.page.getByTestId('setting-thresholds.atRiskMonths').waitFor({ timeout: 60_000 });
      await s.screenshot(path.join(SHOTS, 'settings.en-US.png'));
    } finally {
      await s.close();
    }
  }, 15 * 60_000);

  test('a missing key column shows in red with the link to 列映射', async () => {
    const input = await withoutColumns(await sample(dir, 1000), path.join(dir, 'missing-pane.xlsx'), '保有客户', ['开票日期', '最后进站日期']);
    const s = await PaneSession.open(browser, dist, input, { lang: 'zh-CN' });
    try {
      const missing = s.page.getByTestId('sheet-保有客户').getByTestId('missing');
      await missing.waitFor({ timeout: 120_000 });
      expect(await missing.innerText()).toContain('最后进站日期');
      await s.settle();
      await expectClean(s, 'missing');
      await s.screenshot(path.join(SHOTS, 'home-missing.zh-CN.png'));
    } finally {
      await s.close();
    }
  }, 15 * 60_000);

  test('calls that match no vehicle: 分析 opens 列映射 on the call log’s key column with the message, writing nothing', async () => {
    const s = await PaneSession.open(browser, dist, await strangerCalls(path.join(dir, 'stranger-calls-pane.xlsx')), { lang: 'zh-CN' });
    try {
      await s.page.getByTestId('sheets').getByTestId('sheet-回访记录').waitFor({ timeout: 120_000 });
      const before = await s.cells();
      await s.press('刷新分析');
      const refusal = s.page.getByTestId('mapping-refusal');
      await refusal.waitFor({ timeout: 600_000 });
      await s.settle();
      // The mapping view is open (its tab selected), the message is the core's refusal, the key column is marked.
      expect(await s.page.getByTestId('tab-mapping').getAttribute('aria-selected')).toBe('true');
      const message = await refusal.innerText();
      expect(message).toContain(t('zh-CN', 'ui.mapping.refused'));
      expect(message).toContain('“联系电话”(B)=phone');
      expect(message).toContain('匹配不到');
      const focused = s.page.getByTestId('mapping-回访记录').getByTestId('focus-回访记录-phone');
      await focused.waitFor({ timeout: 60_000 });
      expect(await focused.innerText()).toContain(t('zh-CN', 'ui.mapping.asked.refused'));
      expect(await s.page.getByTestId('map-回访记录-phone').innerText()).toContain('联系电话');
      // Nothing was written.
      expect(await s.cells()).toEqual(before);
      const stats = await s.stats();
      expect(stats.propertyNotLoaded.count).toBe(0);
      expect(unmodelledOutsideGaps(stats)).toEqual([]);
      expect(stats.networkRequests).toEqual([]);
      expect(s.pageErrors).toEqual([]);
      await expectNoRawKeys(s);
    } finally {
      await s.close();
    }
  }, 15 * 60_000);

  test('a workbook with nothing usable: the reason in an error message bar', async () => {
    const s = await PaneSession.open(browser, dist, await unusable(path.join(dir, 'unusable-pane.xlsx')), { lang: 'zh-CN' });
    try {
      await s.page.getByTestId('sheets').waitFor({ timeout: 120_000 });
      await refresh(s);
      const stats = await s.stats();
      expect(stats.propertyNotLoaded.count).toBe(0);
      expect(unmodelledOutsideGaps(stats)).toEqual([]);
      expect(stats.networkRequests).toEqual([]);
      expect(s.pageErrors).toEqual([]);
      expect(await s.page.getByTestId('home-result').innerText()).toContain(t('zh-CN', 'aftersales.error.nothingFound'));
      await expectNoRawKeys(s);
      await s.screenshot(path.join(SHOTS, 'home-error.zh-CN.png'));
    } finally {
      await s.close();
    }
  }, 15 * 60_000);
});
