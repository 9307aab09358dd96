/**
 * The 三表一卡 forms filled from the sample workbook, with every total and rate computed by LibreOffice (not by us):
 * `churn-desk sample --vehicles 300 --seed 5` → `churn-desk forms --from sample --only 1,2,3,4` (every row, the default
 * period) and the same with `--period 2026-10` (October only) → soffice → CSV per sheet. The expected numbers come from the sample itself: rows counted with exceljs, and the core's own register
 * reading and traffic table (readRegister + computeTraffic) and prospect outcome, never from the generated forms.
 * LibreOffice is required: the test fails when soffice is missing.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { generateFormsWorkbook } from '../../src/cli/formsCommand';
import { runSampleCommand } from '../../src/cli/sampleCommand';
import { formDefinition } from '../../src/core/forms';
import { detectSheets } from '../../src/core/sheets/detectSheets';
import { readRegister, CONTACT_CALL, CONTACT_VISIT, FLAG_LEAD, FLAG_ORDER } from '../../src/core/sales/registerFacts';
import { computeTraffic } from '../../src/core/sales/traffic';
import { readProspects } from '../../src/core/sales/prospectFacts';
import { prospectOutcome } from '../../src/core/sales/prospectOutcome';
import { IssueCollector } from '../../src/core/sales/issueCollector';
import { resolveSettings } from '../../src/core/settings/settings';
import { formatIso, serialToYmd, ymdToSerial } from '../../src/core/values/dates';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { CSV_ALL_SHEETS, parseCsv, soffice } from '../support/libreOffice';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'churn-forms-lo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const sample = path.join(dir, 'sample.xlsx');
const out = path.join(dir, 'forms.xlsx');
const outOctober = path.join(dir, 'forms-october.xlsx');
const AS_OF = '2026-10-31';

/** Column index of a form column by key. */
const col = (id: string, key: string) => formDefinition(id)!.columns!.findIndex((c) => c.key === key);
/** A CSV value as a number; LibreOffice writes a percent-formatted cell as '51.2%'. */
const num = (s: string | undefined) => {
  if (s === undefined || s.trim() === '') return NaN;
  return s.trim().endsWith('%') ? Number(s.trim().slice(0, -1)) / 100 : Number(s);
};

/** Rows between the grid's header and its totals row ('合计' in `labelCol`), as LibreOffice wrote them. */
function gridRows(grid: string[][], headerText: string, labelCol: number, headerRows = 1) {
  const header = grid.findIndex((r) => r[0] === headerText);
  const totals = grid.findIndex((r, i) => i > header && (r[labelCol] ?? '').startsWith('合计'));
  return { header, totals, rows: grid.slice(header + headerRows, totals), total: grid[totals] ?? [] };
}

/** Value of a summary pair under the grid ('留资率:' then its computed cell). */
function summary(grid: string[][], label: string): string | undefined {
  for (const r of grid) {
    const i = r.indexOf(`${label}:`);
    if (i >= 0) return r.slice(i + 1).find((v) => v.trim() !== '');
  }
  return undefined;
}

/** What a form of the period must hold, counted from the core's reading of the sample (never from the forms). */
interface Expected {
  registerRows: number;
  calls: number;
  visits: number;
  leads: number;
  firstDate: number;
  lastDate: number;
  trafficDays: { date: number; visits: number; calls: number; leads: number; orders: number }[];
  lostProspects: number;
}

describe('三表一卡 from the sample, computed by LibreOffice', () => {
  let csv: (sheet: string) => string[][];
  let csvOctober: (sheet: string) => string[][];
  let sheets: string[] = [];
  // Expected, from the sample.
  let registerSheetRows = 0;
  let all: Expected;
  let october: Expected;
  let prospectIds: string[] = [];
  let followUpCount = 0;
  const OCT = { from: ymdToSerial({ y: 2026, m: 10, d: 1 }), to: ymdToSerial({ y: 2026, m: 11, d: 1 }) };

  beforeAll(async () => {
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      await runSampleCommand(['--out', sample, '--vehicles', '300', '--seed', '5', '--as-of', AS_OF], 'zh-CN');
    } finally {
      process.stdout.write = write;
    }
    const res = await generateFormsWorkbook(['--out', out, '--from', sample, '--only', '1,2,3,4', '--as-of', AS_OF], 'zh-CN');
    sheets = res.sheets;
    await generateFormsWorkbook(['--out', outOctober, '--from', sample, '--only', '1,2,3,4', '--period', '2026-10', '--as-of', AS_OF], 'zh-CN');

    // Independent count with exceljs: register rows under the header that hold anything and are not a total.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    const reg = wb.worksheets.find((w) => w.name.includes('登记'))!;
    let headerRow = 0;
    reg.eachRow((row, n) => {
      if (!headerRow && row.values && (row.values as unknown[]).includes('进-离')) headerRow = n;
    });
    reg.eachRow((row, n) => {
      if (n <= headerRow) return;
      const first = String(row.getCell(1).value ?? '');
      if (!/^(合计|总计)/.test(first)) registerSheetRows++;
    });

    // The core's reading of the same workbook.
    const read = await readWorkbook(sample);
    const detected = detectSheets(read.sheets);
    const facts = readRegister(detected.register!, new IssueCollector());
    const settings = resolveSettings({ analysisDate: AS_OF });
    const traffic = computeTraffic(facts, settings.sales);
    const pFacts = readProspects(detected.prospects!, new IssueCollector());
    const outcome = prospectOutcome(pFacts, ymdToSerial({ y: 2026, m: 10, d: 31 }), settings);
    /** Counts over the register rows / days / lost prospects the period holds (undated rows only under all). */
    const expectedFor = (keep: (date: number) => boolean): Expected => {
      const e: Expected = { registerRows: 0, calls: 0, visits: 0, leads: 0, firstDate: Infinity, lastDate: -Infinity, trafficDays: [], lostProspects: 0 };
      for (let i = 0; i < facts.count; i++) {
        const d = facts.date[i];
        if (!keep(d)) continue;
        e.registerRows++;
        if (facts.contact[i] === CONTACT_CALL) e.calls++;
        if (facts.contact[i] === CONTACT_VISIT) e.visits++;
        if (facts.flags[i] & FLAG_LEAD) e.leads++;
        if (d < e.firstDate) e.firstDate = d;
        if (d > e.lastDate) e.lastDate = d;
      }
      e.trafficDays = traffic.days.filter((d) => keep(d.date)).map((d) => ({ date: d.date, ...d.total }));
      for (let p = 0; p < pFacts.count; p++) if (outcome.level[p] === 'F' && keep(pFacts.latestDate[p])) e.lostProspects++;
      return e;
    };
    void FLAG_ORDER;
    all = expectedFor(() => true);
    october = expectedFor((d) => d >= OCT.from && d < OCT.to);
    for (let p = 0; p < pFacts.count; p++) {
      // The card follows open prospects: ordered (O) and lost (F) ones are closed.
      if (outcome.level[p] === 'O' || outcome.level[p] === 'F') continue;
      prospectIds.push(pFacts.id[p]);
      followUpCount += pFacts.followUps[p];
    }
    prospectIds = prospectIds.filter((id) => id);

    // Both workbooks in one LibreOffice start: one CSV per sheet each.
    soffice(path.join(dir, 'profile'), ['--convert-to', CSV_ALL_SHEETS, '--outdir', dir, out, outOctober]);
    const reader = (file: string) => (sheet: string) => parseCsv(fs.readFileSync(path.join(dir, `${path.basename(file, '.xlsx')}-${sheet}.csv`), 'utf8'));
    csv = reader(out);
    csvOctober = reader(outOctober);
    if (process.env.KEEP_CSV) fs.cpSync(dir, process.env.KEEP_CSV, { recursive: true });
  }, 170000);

  /** The text of the header field after `label:` (e.g. 期间). */
  const headerValue = (grid: string[][], label: string) => summary(grid, label);

  it('writes the four forms', () => {
    expect(sheets).toEqual(['展厅来电-店登记表', '展厅客流量统计表', '意向客户流失分析表', '意向客户跟踪卡']);
    expect(registerSheetRows).toBeGreaterThan(100);
  });

  describe.each([
    { name: 'all (default)', period: () => ({ grid: csv, e: all, label: `${formatIso(serialToYmd(all.firstDate))} 至 ${formatIso(serialToYmd(all.lastDate))}` }) },
    { name: '--period 2026-10', period: () => ({ grid: csvOctober, e: october, label: '2026年10月' }) },
  ])('period $name', ({ period }) => {
    it('展厅来电/店登记表 holds the period’s register rows; LibreOffice’s totals count them; 期间 names the period', () => {
      const { grid: g, e, label } = period();
      const grid = g('展厅来电-店登记表');
      const { rows, total } = gridRows(grid, '序号', 0);
      expect(e.registerRows).toBeGreaterThan(10);
      expect(rows).toHaveLength(e.registerRows);
      expect(rows.map((r) => num(r[0]))).toEqual(rows.map((_, i) => i + 1));
      // COUNTA over 来电(店): every row has a contact type in the sample.
      expect(num(total[col('F01', 'contactType')])).toBe(e.calls + e.visits);
      expect(e.calls + e.visits).toBe(e.registerRows);
      expect(num(summary(grid, '来电批数'))).toBe(e.calls);
      expect(num(summary(grid, '来店批数'))).toBe(e.visits);
      expect(num(summary(grid, '留有客户资料数'))).toBe(e.leads);
      expect(num(summary(grid, '留资率'))).toBeCloseTo(e.leads / e.registerRows, 6);
      expect(headerValue(grid, '期间')).toBe(label);
      // Fewer than 2000 rows: no cap note.
      expect(grid.some((r) => r.some((v) => v.startsWith('仅显示前')))).toBe(false);
    });

    it('展厅客流量统计表: LibreOffice’s totals equal the core’s traffic table over the period, rates are numbers', () => {
      const { grid: g, e, label } = period();
      const grid = g('展厅客流量统计表');
      const { rows, total } = gridRows(grid, '日期', 0, 2);
      const trafficDays = e.trafficDays;
      const sum = (k: 'visits' | 'calls' | 'leads' | 'orders') => trafficDays.reduce((a, d) => a + d[k], 0);
      expect(rows).toHaveLength(trafficDays.length);
      const got = {
        visits: num(total[col('F02', 'visits')]),
        calls: num(total[col('F02', 'calls')]),
        batches: num(total[col('F02', 'batches')]),
        leads: num(total[col('F02', 'leads')]),
        orders: num(total[col('F02', 'orders')]),
      };
      const want = { visits: sum('visits'), calls: sum('calls'), batches: sum('visits') + sum('calls'), leads: sum('leads'), orders: sum('orders') };
      expect(got).toEqual(want);
      expect(want.visits).toBeGreaterThan(0);
      // Every dated register row is in a day of the traffic table, so the totals are the register's counts.
      expect(want.batches).toBe(e.calls + e.visits);
      // The slot columns of each day add up to the day's batches (no visit lost for want of a slot).
      rows.forEach((r, i) => {
        expect([i, num(r[col('F02', 'visits')]) || 0, num(r[col('F02', 'calls')]) || 0]).toEqual([i, trafficDays[i].visits, trafficDays[i].calls]);
      });
      expect(num(total[col('F02', 'leadRate')])).toBeCloseTo(want.leads / want.batches, 6);
      expect(num(total[col('F02', 'closeRate')])).toBeCloseTo(want.orders / want.visits, 6);
      // Day rows: a rate wherever its base is non-zero, never an error value.
      for (const r of rows) {
        const batches = num(r[col('F02', 'batches')]);
        const rate = r[col('F02', 'leadRate')];
        expect(rate).not.toMatch(/#|Err/);
        if (batches > 0) expect(num(rate)).toBeCloseTo(num(r[col('F02', 'leads')]) / batches, 6);
      }
      // 展厅销售率 waits for 当月销售总量 (entered by the user): blank, not an error.
      expect(total[col('F02', 'salesRate')]).toBe('');
      expect(headerValue(grid, '月份')).toBe(label);
    });

    it('意向客户流失分析表 holds one row per F prospect closed in the period', () => {
      const { grid: g, e } = period();
      const grid = g('意向客户流失分析表');
      const { rows, total } = gridRows(grid, '序号', 0);
      expect(e.lostProspects).toBeGreaterThan(0);
      expect(rows).toHaveLength(e.lostProspects);
      expect(num(total[col('F03', 'name')])).toBe(e.lostProspects);
      expect(rows.every((r) => r[col('F03', 'name')] !== '')).toBe(true);
    });
  });

  it('the October forms hold fewer rows than the whole register', () => {
    expect(october.registerRows).toBeLessThan(all.registerRows);
    expect(october.trafficDays.length).toBeLessThan(all.trafficDays.length);
  });

  /** The cards of a 意向客户跟踪卡 grid: each card's 客户编号 and its follow-up lines' dates (column B). */
  const cardsOf = (grid: string[][]) => {
    const cards: { id: string; dates: string[] }[] = [];
    for (const r of grid) {
      if (r[0] === '客户编号:') cards.push({ id: r[2] ?? '', dates: [] });
      else if (cards.length && /^\d+$/.test(r[0] ?? '') && r[1]) cards[cards.length - 1].dates.push(r[1]);
    }
    return cards;
  };

  it('意向客户跟踪卡 prints one card per open prospect, with every follow-up, by default', () => {
    const cards = cardsOf(csv('意向客户跟踪卡'));
    expect(new Set(cards.map((c) => c.id))).toEqual(new Set(prospectIds));
    expect(cards.reduce((n, c) => n + c.dates.length, 0)).toBe(followUpCount);
  });

  it('意向客户跟踪卡 under --period 2026-10 holds the cards last followed up in October', () => {
    const cards = cardsOf(csvOctober('意向客户跟踪卡'));
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.length).toBeLessThan(prospectIds.length);
    for (const c of cards) if (c.dates.length) expect(c.dates[c.dates.length - 1]).toMatch(/^2026-10-\d\d$/);
  });
});
