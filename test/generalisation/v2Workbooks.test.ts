/**
 * The four never-seen dealer workbooks of the v2 split (v2Workbooks.ts): checks of the independent truth
 * implementation and of the workbooks against their own truth. The product is never called here.
 * WRITE_V2_WORKBOOKS=1 also writes the .xlsx files and their .truth.json to test/generalisation/v2-workbooks/.
 */
import ExcelJS from 'exceljs';
import { join } from 'path';
import { ageBand, ANALYSIS, buildV2Workbooks, monthsBetween, slotOf, statusOfMonths, toXlsx, writeV2Workbooks, type DealerWorkbook } from './v2Workbooks';

const WRITE = process.env.WRITE_V2_WORKBOOKS === '1';

describe('the truth rules (DOMAIN.md), implemented independently', () => {
  test('months between: whole calendar months, one less when the day of month is not reached', () => {
    expect(monthsBetween({ y: 2026, m: 4, d: 30 }, ANALYSIS)).toBe(6);
    expect(monthsBetween({ y: 2026, m: 5, d: 1 }, ANALYSIS)).toBe(5);
    expect(monthsBetween({ y: 2025, m: 10, d: 31 }, ANALYSIS)).toBe(12);
    expect(monthsBetween({ y: 2025, m: 11, d: 1 }, ANALYSIS)).toBe(11);
    expect(monthsBetween({ y: 2024, m: 10, d: 31 }, ANALYSIS)).toBe(24);
    expect(monthsBetween({ y: 2026, m: 2, d: 28 }, { y: 2026, m: 3, d: 27 })).toBe(0);
  });
  test('statuses at the 6 / 12 / 24 thresholds, age bands, slots with the edges', () => {
    expect([5, 6, 11, 12, 23, 24].map(statusOfMonths)).toEqual(['活跃', '准流失', '准流失', '流失', '流失', '彻底流失']);
    expect([0, 1, 4, 5, 9].map(ageBand)).toEqual(['0-1年', '1-2年', '4-5年', '5年以上', '5年以上']);
    expect([7 * 60 + 45, 9 * 60 + 59, 10 * 60, 12 * 60, 18 * 60, 20 * 60 + 10].map(slotOf)).toEqual(['08:00-10:00', '08:00-10:00', '10:00-12:00', '12:00-14:00', '18:00-20:00', '18:00-20:00']);
  });
});

describe('the four v2 dealer workbooks against their truth', () => {
  const books: DealerWorkbook[] = buildV2Workbooks();

  test('three after-sales exports and one showroom register, fixed (the same on every build)', () => {
    expect(books.map((b) => b.truth.sheets.filter((s) => s.kind).map((s) => s.kind))).toEqual([['customers', 'calls'], ['customers', 'calls'], ['customers', 'calls'], ['register']]);
    expect(JSON.stringify(buildV2Workbooks())).toBe(JSON.stringify(books));
  });

  test('every vehicle row holds its VIN, every record row is outside the non-record rows, overview figures add up', () => {
    for (const b of books) {
      if (!b.truth.vehicles) continue;
      const cs = b.truth.sheets.find((s) => s.kind === 'customers')!;
      const sheet = b.sheets.find((s) => s.name === cs.name)!;
      const vinCol = sheet.rows[cs.headerRows[cs.headerRows.length - 1] - 1].findIndex((h) => h === cs.columns.vin.split('/').pop());
      expect(vinCol).toBeGreaterThan(0);
      const nonRec = new Set(b.truth.nonRecordRows.filter((x) => x.sheet === cs.name).map((x) => x.row));
      const vehicleRows = b.truth.vehicles.flatMap((v) => v.rows);
      expect(new Set(vehicleRows).size).toBe(vehicleRows.length);
      for (const v of b.truth.vehicles) for (const row of v.rows) { expect(sheet.rows[row - 1][vinCol]).toBe(v.vin); expect(nonRec.has(row)).toBe(false); }
      // every non-blank row below the header is a vehicle row or a listed non-record
      for (let row = cs.firstDataRow; row <= sheet.rows.length; row++) {
        if (sheet.rows[row - 1].every((c) => c === null || c === '')) continue;
        expect({ row, known: vehicleRows.includes(row) || nonRec.has(row) }).toEqual({ row, known: true });
      }
      const o = b.truth.overview!;
      expect(Object.values(o.perStatus).reduce((a, x) => a + x, 0)).toBe(o.基盘客户);
      expect(o.perStatus.数据异常).toBe(2);
      expect(b.truth.vehicles.filter((v) => v.duplicateRows.length).length).toBe(3);
      expect(o.churnRate).toBeGreaterThan(0.25);
      expect(o.churnRate).toBeLessThan(0.6);
      expect((o.perStatus.流失 + o.perStatus.彻底流失 - o.toWinBack) / o.classified).toBeLessThanOrEqual(0.25);
      expect((o.perStatus.流失 + o.perStatus.彻底流失 - o.toWinBack + 1) / o.classified).toBeGreaterThan(0.25);
      // calls: two unknown vehicles, four same-day pairs whose later call is not always the lower row
      const c = b.truth.calls!;
      expect(c.unmatched).toBe(2);
      expect(c.sameDayPairs.length).toBeGreaterThanOrEqual(4);
      expect(c.sameDayPairs.some((p) => p.laterRow === Math.min(...p.rows))).toBe(true);
      expect(c.sameDayPairs.some((p) => p.laterRow === Math.max(...p.rows))).toBe(true);
      expect(b.truth.vehicles.some((v) => v.最近回访结果 === '未回访')).toBe(true);
    }
  });

  test('register traffic: per-slot counts add up to per-date counts and to the record rows', () => {
    const d = books[3].truth.traffic!;
    let all = 0;
    for (const [date, slots] of Object.entries(d.perSlot)) {
      const v = Object.values(slots).reduce((a, x) => a + x.来店批数, 0);
      const c = Object.values(slots).reduce((a, x) => a + x.来电批数, 0);
      expect([v, c]).toEqual([d.perDate[date].来店批数, d.perDate[date].来电批数]);
      all += v + c;
    }
    expect(all).toBe(d.recordRows.length);
    expect(d.total.来访客户批数合计).toBe(all);
    // the edge times of the first two dates land in the first and last slots
    expect(d.perSlot['2026-10-01']['08:00-10:00'].来店批数 + d.perSlot['2026-10-01']['08:00-10:00'].来电批数).toBeGreaterThanOrEqual(2);
    expect(d.perSlot['2026-10-01']['18:00-20:00'].来店批数 + d.perSlot['2026-10-01']['18:00-20:00'].来电批数).toBeGreaterThanOrEqual(2);
  });

  test('the .xlsx round-trips: merged headers, real dates and time fractions as written', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await toXlsx(books[2]) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('Sheet1')!;
    const cs = books[2].truth.sheets[0];
    expect(ws.getCell(cs.headerRows[0], 1).value).toBe('序号');
    expect(ws.getCell(cs.headerRows[0], 1).isMerged).toBe(true);
    expect(ws.getCell(cs.headerRows[2], 9).value).toBe('上一次保养日期');
    const v = books[2].truth.vehicles!.find((x) => x.referenceDate && x.rows.length === 1 && x.未回厂月数 !== null)!;
    const cell = ws.getCell(v.rows[0], 9).value;
    if (cell instanceof Date) expect(cell.toISOString().slice(0, 10) <= (v.referenceDate as string)).toBe(true);
    const reg = new ExcelJS.Workbook();
    await reg.xlsx.load(await toXlsx(books[3]) as unknown as ArrayBuffer);
    expect(reg.getWorksheet('客流登记')!.getCell(books[3].truth.sheets[0].headerRows[0], 4).value).toBe('来店来电');
  });

  (WRITE ? test : test.skip)('WRITE_V2_WORKBOOKS=1: writes the four workbooks and their truth to test/generalisation/v2-workbooks/', async () => {
    const files = await writeV2Workbooks(join(__dirname, 'v2-workbooks'));
    console.log(`wrote ${files.join(', ')} (+ .truth.json) to test/generalisation/v2-workbooks/`);
    expect(files).toHaveLength(4);
  });
});
