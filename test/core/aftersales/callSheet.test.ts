/**
 * The win-back list as a working call sheet (issue 12.3) and the callers' notes kept across refreshes (issue 14.1),
 * on the small hand-made workbook (analysis date 2026-10-31). The previous sheet is handed to the core as the grid
 * an adapter reads (`sheetGrid` lays out a SheetSpec as Excel would show it).
 */
import { analyseWorkbook, previousWinBackGrid, previousWinBackSheet, winBackSheetName } from '../../../src/core/analyse';
import type { CellValue, SheetSpec, TableSpec, WorkbookPlan } from '../../../src/core/plan/types';
import { resolveSettings, SettingsValidationError } from '../../../src/core/settings/settings';
import { emptyState } from '../../../src/core/state/stateSheet';
import { NoteMatcher, readCallerNotes, type CallerNote } from '../../../src/core/aftersales/summaries/callSheet';
import { callerLine } from '../../../src/core/aftersales/summaries/winback';
import { translator } from '../../../src/i18n';
import { ymdToSerial } from '../../../src/core/values/dates';
import { AS_OF, calls, customers } from './fixtures/smallWorkbook';

const t = translator('zh-CN');
const COL = { caller: 0, priority: 1, name: 2, lastVisit: 8, mileage: 9, due: 10, category: 11, script: 13, callDate: 14, result: 15, appointment: 16, note: 17, vin: 18 };
/** 招揽专员, 招揽日期, 招揽结果, 预约日期, 备注 of a list row. */
const callerOf = (r: CellValue[]) => [r[COL.caller], ...r.slice(COL.callDate, COL.note + 1)];
const serial = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return ymdToSerial({ y, m, d });
};

function listSheet(plan: WorkbookPlan): SheetSpec {
  return plan.sheets.find((s) => s.key === 'list.winback')!;
}
function table(s: SheetSpec, suffix: string): TableSpec | undefined {
  return s.tables.find((x) => x.name.endsWith(suffix));
}
function rowOf(plan: WorkbookPlan, name: string): CellValue[] {
  return table(listSheet(plan), '_list')!.rows.find((r) => r[COL.name] === name)!;
}

/** The sheet as Range.values shows it: cells, then each table's header and rows. */
function sheetGrid(s: SheetSpec): CellValue[][] {
  const g: CellValue[][] = [];
  const put = (r: number, c: number, v: CellValue) => {
    while (g.length <= r) g.push([]);
    while (g[r].length < c) g[r].push('');
    g[r][c] = v;
  };
  for (const c of s.cells) if (c.value !== undefined) put(c.row, c.col, c.value);
  for (const tb of s.tables) {
    tb.columns.forEach((c, j) => put(tb.row, tb.col + j, c.header));
    tb.rows.forEach((r, i) => r.forEach((v, j) => put(tb.row + 1 + i, tb.col + j, v)));
  }
  return g;
}

/** The callers type into the list's rows of these customers (header looked up by text, as a user sees it). */
function typeNotes(grid: CellValue[][], notes: Record<string, Partial<Record<string, CellValue>>>): void {
  const h = grid.findIndex((r) => r.includes('招揽结果'));
  const header = grid[h];
  for (let r = h + 1; r < grid.length; r++) {
    const n = notes[String(grid[r][header.indexOf('客户姓名')])];
    if (!n) continue;
    for (const [k, v] of Object.entries(n)) grid[r][header.indexOf(k)] = v!;
  }
}

describe('the win-back call sheet', () => {
  const first = analyseWorkbook([customers, calls], { asOf: AS_OF, state: emptyState() });

  it('gives each row its reason category, the matching script, last visit, mileage and the service due', () => {
    const lisi = rowOf(first, '李四');
    expect(lisi[COL.category]).toBe('');
    expect(lisi[COL.script]).toBe(t('callsheet.script.未知'));
    expect(lisi[COL.lastVisit]).toBe(serial('2026-02-15'));
    expect(lisi[COL.mileage]).toBe(50000); // 45,000 and 5万 on the duplicate row: the highest
    expect(lisi[COL.due]).toBe('定期保养(2026-08-15到期,已超2个月)');
    const wang = rowOf(first, '王五');
    expect([wang[COL.category], wang[COL.script]]).toEqual(['价格', t('callsheet.script.价格')]);
    expect(String(wang[COL.script])).toContain('保养套餐');
    const zheng = rowOf(first, '郑十');
    expect([zheng[COL.category], zheng[COL.lastVisit]]).toEqual(['距离', '']);
    expect(String(zheng[COL.script])).toContain('预约');
    // Never came back: due 6 months after purchase (2025-06-01).
    expect(zheng[COL.due]).toBe('定期保养(2025-12-01到期,已超10个月)');
    expect(rowOf(first, '吴九')[COL.due]).toBe('');
  });

  it('offers the end-of-warranty check to a vehicle whose warranty ends within the set months', () => {
    const plan = analyseWorkbook([customers, calls], { asOf: AS_OF, state: emptyState(), settings: { warranty: { months: 18, km: 100000 } } });
    // 郑十 bought 2025-06-01: an 18-month warranty ends 2026-12-01, within 3 months of 2026-10-31.
    expect(rowOf(plan, '郑十')[COL.due]).toBe('保修到期前检查(保修期至2026-12-01)');
  });

  it("uses the dealer's own script from the settings, and the default for the other reasons", () => {
    const plan = analyseWorkbook([customers, calls], { asOf: AS_OF, state: emptyState(), settings: { winBack: { scripts: { 价格: '本月工时费五折' } } } });
    expect(rowOf(plan, '王五')[COL.script]).toBe('本月工时费五折');
    expect(rowOf(plan, '郑十')[COL.script]).toBe(t('callsheet.script.距离'));
  });

  it('validates the script table and the service interval, naming the field', () => {
    const fields = (s: unknown) => {
      try {
        resolveSettings(s);
        return [];
      } catch (e) {
        return (e as SettingsValidationError).errors.map((x) => x.field);
      }
    };
    expect(fields({ winBack: { scripts: { 价钱: 'x' } } })).toEqual(['winBack.scripts.价钱']);
    expect(fields({ winBack: { scripts: { 价格: 5 } } })).toEqual(['winBack.scripts.价格']);
    expect(fields({ winBack: { scripts: { 价格: 'x'.repeat(501) } } })).toEqual(['winBack.scripts.价格']);
    expect(fields({ winBack: { scripts: [] } })).toEqual(['winBack.scripts']);
    expect(fields({ winBack: { serviceIntervalMonths: 0, warrantyCheckMonths: -1 } })).toEqual(['winBack.serviceIntervalMonths', 'winBack.warrantyCheckMonths']);
    expect(resolveSettings({}).winBack).toEqual({ scripts: {}, serviceIntervalMonths: 6, warrantyCheckMonths: 3 });
  });

  it("has empty caller columns: text for who, result and note, validated dates, the contact-result drop-down", () => {
    const list = table(listSheet(first), '_list')!;
    const cols = [list.columns[COL.caller], ...list.columns.slice(COL.callDate, COL.note + 1)];
    expect(cols.map((c) => [c.header, c.kind, c.validation?.type ?? ''])).toEqual([
      ['招揽专员', 'text', ''], ['招揽日期', 'date', 'date'], ['招揽结果', 'text', 'list'], ['预约日期', 'date', 'date'], ['备注', 'text', ''],
    ]);
    const result = cols[2].validation!;
    expect(result.type === 'list' && result.values).toEqual(['成功', '空号', '停机', '号码有误', '关机', '无法接通', '无人接听', '拒接', '呼转', '忙/有事', '人在外地', '其他']);
    expect(list.rows.every((r) => r.slice(COL.callDate, COL.note + 1).every((v) => v === ''))).toBe(true);
    expect(table(listSheet(first), '_history')).toBeUndefined();
  });

  it('prints the call sheet (招揽专员 … 备注) over every row, scripts wrapped, the analysis columns outside the print area', () => {
    const s = listSheet(first);
    const list = table(s, '_list')!;
    expect(list.columns.slice(0, 18).map((c) => c.header)).toEqual([
      '招揽专员', '招揽优先级', '客户姓名', '联系电话', '车牌号', '车型', '流失状态', '未回厂月数', '最近进站日期', '行驶里程(km)', '应做服务',
      '原因类别', '建议动作', '招揽话术', '招揽日期', '招揽结果', '预约日期', '备注',
    ]);
    expect(s.print.area).toEqual({ firstRow: 0, firstCol: 0, lastRow: Math.max(...s.cells.map((c) => c.row)), lastCol: 17 });
    expect(s.print.area!.lastRow).toBeGreaterThan(list.row + list.rows.length);
    expect(list.columns.filter((c) => c.wrap).map((c) => c.header)).toEqual(['应做服务', '招揽话术']);
    expect(s.cells.every((c) => (c.mergeAcross ?? 0) + c.col <= 17)).toBe(true);
    expect(s.conditionalFormats).toEqual([expect.objectContaining({ col: 1, text: 'A 高' })]);
    // Every row's script wraps over several lines at 40 widths: each row is given the height of its lines.
    const heights = new Map((s.rowHeights ?? []).map((h) => [h.row, h.height]));
    list.rows.forEach((r, i) => {
      const width = [...String(r[COL.script])].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
      expect([i, heights.get(list.row + 1 + i)]).toEqual([i, Math.min(6, Math.ceil(width / 38)) * 15]);
    });
  });

  describe('a refresh keeps what callers typed', () => {
    const grid = sheetGrid(listSheet(first));
    typeNotes(grid, {
      李四: { 招揽日期: serial('2026-11-02'), 招揽结果: '成功', 预约日期: '2026/11/8', 备注: '=HYPERLINK("x") 周六上午来' },
      吴九: { 招揽专员: '小张', 备注: '号码待核实' },
      郑十: { 招揽日期: '下周再打', 招揽结果: '无人接听' },
    });
    // The user sorts the table by name (rows move, headers stay).
    const h = grid.findIndex((r) => r.includes('招揽结果'));
    const end = grid.findIndex((r, i) => i > h && !r[COL.vin] && !r[COL.name]);
    const body = grid.slice(h + 1, end).sort((a, b) => String(a[COL.name]).localeCompare(String(b[COL.name])));
    grid.splice(h + 1, body.length, ...body);
    const state = first.state;
    const again = analyseWorkbook([customers, calls], { asOf: AS_OF, state, previousWinBack: grid });

    it('puts every note on the same vehicle, dates as dates, text as text', () => {
      expect(callerOf(rowOf(again, '李四'))).toEqual(['李顾问', serial('2026-11-02'), '成功', serial('2026-11-08'), '=HYPERLINK("x") 周六上午来']);
      expect(callerOf(rowOf(again, '吴九'))).toEqual(['小张', '', '', '', '号码待核实']);
      // Text typed in a date column moves into 备注 under its header: nothing lost, no text in a date column.
      expect(callerOf(rowOf(again, '郑十'))).toEqual(['小刘', '', '无人接听', '', '招揽日期:下周再打']);
      expect(rowOf(again, '王五').slice(COL.callDate, COL.note + 1)).toEqual(['', '', '', '']);
      expect(again.report.figures.callerRecordsKept).toBe(3);
    });

    it('sorts by the caller typed in (吴九 is now 小张\'s)', () => {
      expect(table(listSheet(again), '_list')!.rows.map((r) => [r[COL.caller], r[COL.name]])).toEqual([
        ['小刘', '王五'], ['小刘', '郑十'], ['小张', '吴九'], ['小王', '赵六'], ['小王', '周八'], ['李顾问', '李四'],
      ]);
    });

    it('gives the same list on a second refresh', () => {
      const third = analyseWorkbook([customers, calls], { asOf: AS_OF, state: again.state, previousWinBack: sheetGrid(listSheet(again)) });
      expect(listSheet(third)).toEqual(listSheet(again));
    });

    it('keeps the notes of a vehicle that left the list in 历史招揽记录, and brings them back when it returns', () => {
      // 李四 came back on 2026-10-20: active, off the list.
      const back = { ...customers, grid: customers.grid.map((r) => (r[0] === '李四' ? r.map((v, j) => (j === 6 ? '2026-10-20' : v)) : r)) };
      const out = analyseWorkbook([back, calls], { asOf: AS_OF, state: again.state, previousWinBack: sheetGrid(listSheet(again)) });
      expect(table(listSheet(out), '_list')!.rows.some((r) => r[COL.name] === '李四')).toBe(false);
      expect([out.report.figures.callerRecordsKept, out.report.figures.callerRecordsArchived]).toEqual([2, 1]);
      const history = table(listSheet(out), '_history')!;
      expect(history.columns.map((c) => c.header)).toEqual(['车架号', '车牌号', '客户姓名', '联系电话', '招揽专员', '招揽日期', '招揽结果', '预约日期', '备注', '移出名单日期']);
      expect(history.rows).toEqual([
        ['VIN0002', '陕A10002', '李四', '13800000002', '李顾问', serial('2026-11-02'), '成功', serial('2026-11-08'), '=HYPERLINK("x") 周六上午来', serial('2026-10-31')],
      ]);
      // Refreshed again a month later: the history row stays as it was (same date it left).
      const later = analyseWorkbook([back, calls], { asOf: { y: 2026, m: 11, d: 30 }, state: out.state, previousWinBack: sheetGrid(listSheet(out)) });
      expect(table(listSheet(later), '_history')!.rows).toEqual(history.rows);
      // Lost again: the notes return to the list and leave the history.
      const lost = analyseWorkbook([customers, calls], { asOf: AS_OF, state: later.state, previousWinBack: sheetGrid(listSheet(later)) });
      expect(rowOf(lost, '李四')[COL.result]).toBe('成功');
      expect(table(listSheet(lost), '_history')).toBeUndefined();
    });
  });

  it('reads notes by header wherever the columns are, in either language, by VIN, else plate, else phone', () => {
    const grid = [
      ['说明'],
      ['备注', 'Plate', '车架号', '联系电话', '招揽结果'],
      ['a', '', 'lsv 0001', '', '成功'],
      ['b', '陕A·10002', '', '', ''],
      ['c', '', '', '138-0000-0007', ''],
      ['d', '', '', '', ''],
    ];
    grid[1].push('客户姓名');
    grid.push(['e', '', '', '', '', '无名氏']);
    const notes = readCallerNotes(grid, t);
    expect(notes.map((n) => [n.vin, n.plate, n.phone, n.values.note, n.values.result])).toEqual([
      ['LSV0001', '', '', 'a', '成功'],
      ['', '陕A10002', '', 'b', ''],
      ['', '', '13800000007', 'c', ''],
      ['', '', '', 'e', ''],
    ]);
  });

  it('matches a note to a vehicle by VIN, else plate, else phone, else (no key at all) name; two VINs never match', () => {
    const note = (vin: string, plate: string, phone: string, name: string, text: string): CallerNote => ({
      vin, plate, phone, name, phoneShown: phone, leftOn: '', values: { caller: '', callDate: '', result: '', appointment: '', note: text },
    });
    const m = new NoteMatcher([note('VIN1', '陕A1', '', '甲', 'a'), note('', '陕A2', '', '乙', 'b'), note('', '', '', '丙', 'c'), note('', '', '139', '丁', 'd')]);
    expect(m.take('VIN9', '陕A1', '', '甲')).toBeNull(); // same plate, another VIN: another car
    expect(m.take('VIN2', '陕A2', '', '')?.values.note).toBe('b'); // the note had no VIN: its plate decides
    expect(m.take('', '', '139', '丙')?.values.note).toBe('d'); // a phone, so the name is not used
    expect(m.take('', '', '', '丙')?.values.note).toBe('c');
    expect(m.take('VIN1', '', '', '')?.values.note).toBe('a');
    expect(m.take('VIN1', '', '', '')).toBeNull(); // each note once
    expect(m.leftover()).toEqual([]);
  });

  it('says in the conclusion how the list splits by caller: most first (ties by character code), eight named, the rest summed, the unassigned', () => {
    const callers = ['甲', '乙', '乙', '', ...'丙丁戊己庚辛壬癸子'.split(''), '丑', '丑', ''];
    expect(callerLine(callers, t)).toBe('按招揽专员:丑 2位、乙 2位、丁 1位、丙 1位、壬 1位、子 1位、己 1位、庚 1位、其他4人共4位;未分配 2位。在表头筛选“招揽专员”可只看自己的客户');
    expect(callerLine([''], translator('en-US'))).toBe('By caller: none yet; unassigned 1. Filter the Caller column to see only your own customers');
  });

  it('names the previous list sheet from the state, the user\'s name when renamed', () => {
    expect(winBackSheetName(first.state)).toBe('招揽名单');
    expect(winBackSheetName({ ...first.state, renamedSheets: { 'list.winback': '我的名单' } })).toBe('我的名单');
    expect(winBackSheetName(emptyState())).toBeNull();
  });

  it('finds the previous list renamed by the user by the title its first cell still shows', () => {
    const state = { ...first.state, ownedSheetTitles: { ...first.state.ownedSheetTitles, 'list.winback': '流失客户招揽名单' } };
    const list = [['流失客户招揽名单'], ['x']];
    expect(previousWinBackSheet([{ name: '招揽名单', grid: list }], state)).toBe('招揽名单');
    expect(previousWinBackSheet([{ name: '我的名单', grid: list }, { name: '其他', grid: [['别的']] }], state)).toBe('我的名单');
    expect(previousWinBackGrid([{ name: '我的名单', grid: list }], state)).toBe(list);
    // Two candidates: unsure, none taken.
    expect(previousWinBackSheet([{ name: 'a', grid: list }, { name: 'b', grid: list }], state)).toBeNull();
    expect(previousWinBackSheet([{ name: 'a', grid: list }], emptyState())).toBeNull();
  });

  it('counts the records kept on the list and those moved to the history', () => {
    expect([first.report.figures.callerRecordsKept, first.report.figures.callerRecordsArchived]).toEqual([0, 0]);
  });
});
