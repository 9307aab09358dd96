/**
 * The task pane in headless Chromium over the in-memory Excel (test/ui/harness/): click through every view,
 * check what the pane shows against the workbook and the core, and save screenshots to docs/screenshots/.
 * Needs Debian's Chromium at /usr/bin/chromium (CI's .ci/run installs it).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildHarness, serveDirectory } from './buildHarness';
import { STATE_SHEET_NAME, type WorkbookState } from '../../src/core/plan/types';
import { stateFromGrid } from '../../src/core/state/stateSheet';
import { FORM_CATALOGUE } from '../../src/core/forms/catalogue';
import { expectedRun } from './expectedRun';
import { t } from '../../src/i18n';
import { SETTING_SECTIONS } from '../../src/taskpane/settingsForm';

const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
// docs/screenshots/ comes from the production bundle in the Office emulator (test/emu/); these stay in a temp folder.
const SHOTS = path.join(os.tmpdir(), 'churndesk-ui-shots');
const PANE_WIDTH = 380;
const PANE_HEIGHT = 760;

let context: BrowserContext;
let server: { origin: string; close: () => Promise<void> };
let buildDir: string;
let userDataDir: string;
/** Requests that tried to leave 127.0.0.1 (other than office.js). */
const escaped: string[] = [];
let officeJsRequests = 0;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium; CI's .ci/run does) to run the task pane tests.`);
  }
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'churndesk-ui-'));
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'churndesk-chromium-'));
  await buildHarness(buildDir);
  server = await serveDirectory(buildDir);
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
    viewport: { width: PANE_WIDTH, height: PANE_HEIGHT },
    locale: 'zh-CN',
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin + '/')) return route.continue();
    if (url === OFFICE_JS) {
      officeJsRequests++;
      // The harness installs its own Office global; the stub only proves the page asked for office.js.
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* office.js stub for tests */' });
    }
    if (!url.startsWith('data:')) escaped.push(url);
    return route.abort();
  });
  fs.mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  for (const dir of [buildDir, userDataDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Opens the pane on a view with a fresh sample workbook; fails on any page error. */
async function openPane(view: string, lang = 'zh-CN'): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { __errors?: string[] }).__errors = errors;
  await page.goto(`${server.origin}/taskpane.html?view=${view}&lang=${lang}`);
  await page.waitForFunction(() => window.__churnDesk?.ready === true);
  return page;
}

function pageErrors(page: Page): string[] {
  return (page as Page & { __errors?: string[] }).__errors ?? [];
}

/** The workbook's stored state, read back from the hidden state sheet of the in-memory Excel. */
async function storedState(page: Page): Promise<WorkbookState | null> {
  const grid = await page.evaluate((name) => window.__churnDesk?.workbook.grid(name), STATE_SHEET_NAME);
  return stateFromGrid(grid);
}

async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__churnDesk?.workbook.sheetNames() ?? []);
}

/** No raw catalogue key ('ui.home.title', 'settings.error.x') anywhere in the visible text. */
async function expectNoRawKeys(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text.match(/\b(ui|settings|progress|office|input|aftersales|forms)\.[a-z]+\.[A-Za-z]/g) ?? []).toEqual([]);
}

/**
 * Full-height screenshot of the pane. The viewport is stretched to the page's height first, so the sticky tab bar and
 * save bar sit where a user scrolling to them would see them instead of floating mid-page as in a stitched capture.
 */
async function shoot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: PANE_WIDTH, height: Math.max(height, PANE_HEIGHT) });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  await page.setViewportSize({ width: PANE_WIDTH, height: PANE_HEIGHT });
}

test('home: sheets found, refresh shows the core figures, then status counts per status', async () => {
  const page = await openPane('home');
  const sheets = page.getByTestId('sheets');
  await sheets.getByTestId('sheet-保有客户').waitFor();
  for (const name of ['保有客户', '回访记录', '展厅来电登记', '意向客户跟踪']) await expect(sheets.getByTestId(`sheet-${name}`).count()).resolves.toBe(1);
  // Customers' header is under a title row and a blank row: row 3.
  await expect(sheets.getByTestId('sheet-保有客户').innerText()).resolves.toContain('表头在第 3 行');

  await page.getByTestId('refresh').click();
  await page.getByTestId('home-result').waitFor({ timeout: 30_000 });
  const expected = expectedRun();
  await expect(page.getByTestId('fig-vehicles').innerText()).resolves.toBe(expected.figures.vehicles.toLocaleString('en-US'));
  await expect(page.getByTestId('fig-churnRate').innerText()).resolves.toBe(`${(Math.round(expected.figures.churnRate * 1000) / 10).toFixed(1)}%`);
  for (const [status, n] of Object.entries(expected.statusCounts)) {
    await expect(page.getByTestId(`status-count-${status}`).getAttribute('data-count')).resolves.toBe(String(n));
  }
  expect(await page.getByTestId('home-result').innerText()).toContain('分析完成');
  await page.getByTestId('refresh').and(page.locator(':enabled')).waitFor();
  await expectNoRawKeys(page);
  await shoot(page, 'home.zh-CN');
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

test('home: cancel stops a long refresh and leaves the workbook as it was', async () => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/taskpane.html?view=home&vehicles=30000`);
  await page.waitForFunction(() => window.__churnDesk?.ready === true);
  await page.getByTestId('sheets').getByTestId('sheet-保有客户').waitFor({ timeout: 30_000 });
  const before = await sheetNames(page);
  const stateBefore = await storedState(page);
  await page.getByTestId('refresh').click();
  await page.getByTestId('cancel').click();
  await page.getByTestId('home-result').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('home-result').innerText()).toContain('已取消');
  expect(await sheetNames(page)).toEqual(before);
  expect(await storedState(page)).toEqual(stateBefore);
  await page.close();
});

test('home: a missing required column shows in red with a link to the column mapping', async () => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/taskpane.html?view=home&drop=${encodeURIComponent('最后进站日期,购车日期')}`);
  await page.waitForFunction(() => window.__churnDesk?.ready === true);
  const missing = page.getByTestId('sheet-保有客户').getByTestId('missing');
  await missing.waitFor();
  const text = await missing.innerText();
  expect(text).toContain('最后进站日期');
  expect(text).toContain('购车日期');
  const colour = await missing.evaluate((el) => getComputedStyle(el).color);
  const [r, g, b] = (colour.match(/\d+/g) ?? []).map(Number);
  expect(r).toBeGreaterThan(150);
  expect(g).toBeLessThan(100);
  expect(b).toBeLessThan(100);
  await shoot(page, 'home-missing.zh-CN');
  await missing.getByRole('button', { name: '去列映射' }).click();
  await expect(page.getByRole('tab', { selected: true }).innerText()).resolves.toBe('列映射');
  await page.getByTestId('mapping-保有客户').waitFor();
  await page.close();
});

test('home: an unusable workbook gives the reason in an error message bar', async () => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/taskpane.html?view=home&empty=1`);
  await page.waitForFunction(() => window.__churnDesk?.ready === true);
  await page.getByTestId('refresh').click();
  const result = page.getByTestId('home-result');
  await result.waitFor({ timeout: 30_000 });
  expect(await result.innerText()).toContain(t('zh-CN', 'ui.home.failed'));
  expect(await result.innerText()).toContain(t('zh-CN', 'aftersales.error.nothingFound'));
  expect(await page.getByTestId('sheets').innerText()).toContain(t('zh-CN', 'ui.home.noSheets'));
  await expectNoRawKeys(page);
  await shoot(page, 'home-error.zh-CN');
  await page.close();
});

test('mapping: change a column, save, and the mapping is stored in the workbook', async () => {
  const page = await openPane('mapping');
  const card = page.getByTestId('mapping-保有客户');
  await card.waitFor();
  await card.getByTestId('preview-保有客户').waitFor();
  // The preview holds the first data row under the header (the title row is skipped).
  expect(await card.getByTestId('preview-保有客户').locator('tbody tr').count()).toBe(5);
  await card.getByTestId('map-保有客户-address').click();
  await page.getByRole('option', { name: '地区' }).click();
  await card.getByTestId('save-mapping-保有客户').click();
  await card.getByTestId('mapping-result-保有客户').waitFor();
  expect(await card.getByTestId('mapping-result-保有客户').innerText()).toContain('已保存');
  const state = await storedState(page);
  expect(state?.mappings['保有客户']?.address).toBe('地区');
  await expectNoRawKeys(page);
  await shoot(page, 'mapping.zh-CN');
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

test('settings: an invalid threshold shows its error on that field; fixed, the settings save', async () => {
  const page = await openPane('settings');
  const field = page.getByTestId('setting-thresholds.atRiskMonths');
  await field.locator('input').fill('abc');
  await expect(field.innerText()).resolves.toContain('必须是正整数');
  await expect(page.getByTestId('save-settings').isDisabled()).resolves.toBe(true);
  // Another field keeps no error.
  await expect(page.getByTestId('setting-thresholds.lostMonths').innerText()).resolves.not.toContain('必须');
  await shoot(page, 'settings-error.zh-CN');
  await field.locator('input').fill('6');
  await shoot(page, 'settings.zh-CN');

  // Out of order (30 ≥ 12): the order rule names the thresholds.
  await field.locator('input').fill('30');
  await expect(field.innerText()).resolves.toContain('阈值必须依次增大');
  await field.locator('input').fill('3');
  await expect(field.innerText()).resolves.not.toContain('必须');

  const target = page.getByTestId('setting-targetChurnRate');
  await target.locator('input').fill('150');
  await expect(target.innerText()).resolves.toContain('0 到 100');
  await target.locator('input').fill('30');
  await page.getByTestId('setting-localRegions').locator('input').fill('朝阳区、海淀区');
  // Open every section: each setting of src/core/settings has its box.
  // (sections 0 and 1 start open; the others, as many as settingsForm defines, are opened here)
  for (let i = 2; i < SETTING_SECTIONS.length; i++) await page.getByTestId(`settings-section-${i}`).locator('button').click();
  await page.getByTestId('setting-extraReasonKeywords.价格').locator('input').fill('工时费高、配件贵');
  await page.getByTestId('setting-sales.levelIntervalDays.H').locator('input').fill('2');
  await page.getByTestId('setting-sales.monthlyTotalSales').locator('textarea').fill('2026-10: 120');
  await page.getByTestId('setting-priority.skipOutOfTown').locator('input').uncheck();
  await page.getByTestId('save-settings').click();
  await page.getByTestId('settings-result').waitFor();
  await shoot(page, 'settings-all.zh-CN');
  const state = await storedState(page);
  const saved = state?.settings as { thresholds: { atRiskMonths: number }; targetChurnRate: number; localRegions: string[]; analysisDate: string };
  expect(saved.thresholds.atRiskMonths).toBe(3);
  expect(saved.targetChurnRate).toBeCloseTo(0.3, 10);
  expect(saved.localRegions).toEqual(['朝阳区', '海淀区']);
  expect(saved.analysisDate).toBe('2026-10-31');
  const more = state?.settings as {
    extraReasonKeywords: Record<string, string[]>;
    sales: { levelIntervalDays: Record<string, number>; monthlyTotalSales: Record<string, number> };
    priority: { skipOutOfTown: boolean };
  };
  expect(more.extraReasonKeywords['价格']).toEqual(['工时费高', '配件贵']);
  expect(more.sales.levelIntervalDays.H).toBe(2);
  expect(more.sales.monthlyTotalSales).toEqual({ '2026-10': 120 });
  expect(more.priority.skipOutOfTown).toBe(false);
  await expectNoRawKeys(page);
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

test('forms: search, select, generate, and the sheets exist in the workbook', async () => {
  const page = await openPane('forms');
  // Fluent puts data-testid on a Checkbox's / SearchBox's <input>: read the label through the root.
  expect(await page.getByTestId('forms-all').locator('xpath=..').innerText()).toContain(`共 ${FORM_CATALOGUE.length} 张`);
  // A group's checkbox selects the whole group; the all checkbox every form.
  const afterSales = FORM_CATALOGUE.filter((f) => f.group === '售后流失');
  await page.getByTestId('forms-group-售后流失').check();
  await expect(page.getByTestId('forms-generate').innerText()).resolves.toBe(`生成(${afterSales.length} 张)`);
  await page.getByTestId('forms-all').check();
  await expect(page.getByTestId('forms-generate').innerText()).resolves.toBe(`生成(${FORM_CATALOGUE.length} 张)`);
  await page.getByTestId('forms-all').uncheck();
  await expect(page.getByTestId('forms-generate').isDisabled()).resolves.toBe(true);
  await page.getByTestId('forms-search').fill('登记');
  const visible = FORM_CATALOGUE.filter((f) => f.title.includes('登记'));
  expect(await page.locator('[data-testid^="form-F"], [data-testid^="form-AS"]').count()).toBe(visible.length);
  await shoot(page, 'forms-search.zh-CN');
  await page.getByTestId('form-F01').check();
  await page.getByTestId('form-F12').check();
  await page.getByTestId('forms-generate').click();
  await page.getByTestId('forms-result').waitFor({ timeout: 30_000 });
  const listed = await page.getByTestId('forms-result').getByTestId('result-message').innerText();
  const names = await sheetNames(page);
  const created = listed.split('、').filter(Boolean);
  expect(created).toHaveLength(2);
  for (const s of created) expect(names).toContain(s);
  // The default period is all the data: 展厅来电/店登记表 holds the register's 16 rows, 期间 spans their dates.
  const register = (await page.evaluate((name) => window.__churnDesk?.workbook.grid(name), created[0])) as unknown[][];
  expect(register.flat()).toContain('2026-10-01 至 2026-10-16');
  await page.getByTestId('forms-search').fill('');
  await expectNoRawKeys(page);
  await shoot(page, 'forms.zh-CN');
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

test('forms: the period choice — a bad month is explained and blocks 生成; a month fills that month only', async () => {
  const page = await openPane('forms');
  await page.getByTestId('form-F01').check();
  await page.getByTestId('forms-period-month').check();
  await page.getByTestId('forms-period-text').fill('2026-13');
  await expect(page.locator('main').innerText()).resolves.toContain('“2026-13”不是有效月份,请按 YYYY-MM 填写,如 2026-10');
  await expect(page.getByTestId('forms-generate').isDisabled()).resolves.toBe(true);
  // September: the harness register is all October, so the form is printed blank with the month in its header.
  await page.getByTestId('forms-period-text').fill('2026-09');
  await expect(page.getByTestId('forms-generate').isDisabled()).resolves.toBe(false);
  await page.getByTestId('forms-generate').click();
  await page.getByTestId('forms-result').waitFor({ timeout: 30_000 });
  const [sheet] = (await page.getByTestId('forms-result').getByTestId('result-message').innerText()).split('、');
  const grid = (await page.evaluate((name) => window.__churnDesk?.workbook.grid(name), sheet)) as unknown[][];
  const cells = grid.flat();
  expect(cells).toContain('2026年9月');
  expect(cells.filter((v) => typeof v === 'string' && v.endsWith('先生'))).toEqual([]);
  await expectNoRawKeys(page);
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

test('share-safe copy: explains the masking and reports the sheets it made', async () => {
  const page = await openPane('share');
  const body = await page.locator('main').innerText();
  expect(body).toContain('138****5678');
  expect(body).toContain('王**');
  await page.getByTestId('share-run').click();
  await page.getByTestId('share-result').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('share-result').innerText()).toContain('遮蔽');
  await expectNoRawKeys(page);
  await shoot(page, 'share.zh-CN');
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

test('en-US: the pane follows Office’s display language', async () => {
  const page = await openPane('home', 'en-US');
  const tabs = await page.getByRole('tablist').innerText();
  expect(tabs.replace(/\s+/g, ' ').trim()).toBe('Home Columns Settings Forms Share');
  await page.getByTestId('refresh').click();
  await page.getByTestId('home-result').waitFor({ timeout: 30_000 });
  // Chrome text in en-US has no Chinese except the workbook's own sheet names and headers.
  const chrome = await page.locator('[data-testid="figures"] h2, [data-testid="sheets"] h2, button').allInnerTexts();
  for (const s of chrome) expect(s).not.toMatch(/[\u4e00-\u9fff]/);
  await page.getByTestId('refresh').and(page.locator(':enabled')).waitFor();
  await expectNoRawKeys(page);
  await shoot(page, 'home.en-US');
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

test('ribbon view query: ?view=forms opens the forms gallery', async () => {
  const page = await openPane('forms');
  await expect(page.getByRole('tab', { selected: true }).innerText()).resolves.toBe('表格');
  await page.close();
});

test('no request leaves 127.0.0.1 except office.js', () => {
  expect(escaped).toEqual([]);
  expect(officeJsRequests).toBeGreaterThan(0);
});
