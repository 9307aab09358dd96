import { buildFormsPlan, fillRows, MAX_FORM_ROWS, formDefinition, renderForm, type FormFillData, type RegisterFillRow } from '../../../src/core/forms';
import { expandFormula } from '../../../src/core/forms/formulaTemplate';
import { chineseOrdinal, textWidth } from '../../../src/core/forms/renderForm';
import { FORM_CATALOGUE } from '../../../src/core/forms/catalogue';
import { a1 } from '../../../src/core/plan/names';
import type { CellSpec, SheetSpec } from '../../../src/core/plan/types';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';

const ctx = { dealerName: '某某汽车', period: '2026年10月', date: '2026-10-31' };
const settings = DEFAULT_SETTINGS;
const asOf = { y: 2026, m: 10, d: 31 };

/** The header cell of a form by its text (the last header row wins for two-level headers). */
function headerCol(sheet: SheetSpec, header: string): { row: number; col: number } {
  const hits = sheet.cells.filter((c) => c.style === 'header' && c.value === header);
  if (!hits.length) throw new Error(`no header ${header}`);
  return hits[hits.length - 1];
}
const at = (sheet: SheetSpec, row: number, col: number): CellSpec | undefined => sheet.cells.find((c) => c.row === row && c.col === col);
const totalsRowOf = (sheet: SheetSpec): number => sheet.cells.find((c) => c.style === 'total' && c.value === '合计')!.row;

describe('renderForm: 展厅来电/店登记表 (blank)', () => {
  const sheet = renderForm(formDefinition('F01')!, { ctx });
  const hdr = headerCol(sheet, '序号');
  const first = hdr.row + 1;

  it('has the seed columns in the seed order', () => {
    const headers = sheet.cells.filter((c) => c.row === hdr.row && c.style === 'header').map((c) => c.value);
    expect(headers).toEqual(['序号', '日期', '进-离', '来电(店)', '客户姓名', '性别', '电话', '地址', '拟购车型(时间)', '信息来源', '接待经过', '追踪后级别', '结案情形', '接待人', '备注']);
  });

  it('numbers 16 blank rows and prints landscape with the title and header repeated', () => {
    expect(at(sheet, first, 0)?.value).toBe(1);
    expect(at(sheet, first + 15, 0)?.value).toBe(16);
    expect(totalsRowOf(sheet)).toBe(first + 16);
    expect(sheet.print.orientation).toBe('landscape');
    expect(sheet.print.repeatRows).toEqual({ first: 0, last: hdr.row });
  });

  it.each([
    ['来电(店)', ['来电', '来店']],
    ['信息来源', ['网络', '电视', '报纸杂志', '广播', '展会', '亲友', '路过', '其他']],
    ['追踪后级别', ['H', 'A', 'B', 'C', 'N', 'O', 'F']],
    ['性别', ['男', '女']],
  ])('has a drop-down on %s over exactly the data rows', (header, values) => {
    const { col } = headerCol(sheet, header);
    const v = sheet.validations!.find((x) => x.col === col);
    expect(v).toEqual({ row: first, col, lastRow: first + 15, lastCol: col, validation: { type: 'list', values, strict: false } });
  });

  it('writes text columns with the text format so phones and names never turn into numbers or formulas', () => {
    const { col } = headerCol(sheet, '电话');
    expect(at(sheet, first, col)?.numberFormat).toBe('@');
  });

  it('carries the seed note on information sources and the three signatures', () => {
    expect(sheet.cells.some((c) => c.value === '来电/店信息来源:网络、电视、报纸杂志、广播、展会、亲友、路过、其他')).toBe(true);
    for (const s of ['前台客户接待:', '客服经理:', '展厅经理:']) expect(sheet.cells.some((c) => c.value === s)).toBe(true);
  });
});

describe('renderForm: 展厅客流量统计表 formulas', () => {
  const sheet = renderForm(formDefinition('F02')!, { ctx });
  const col = (h: string) => headerCol(sheet, h).col;
  const L = (h: string) => a1(0, col(h)).replace(/\d+$/, '');
  const first = headerCol(sheet, '08:00-10:00').row + 1;
  const totals = totalsRowOf(sheet);

  it('groups the six time slots under 来店 and 来电 (two header rows)', () => {
    const slots = sheet.cells.filter((c) => c.style === 'header' && typeof c.value === 'string' && /^\d\d:00-\d\d:00$/.test(c.value));
    expect(slots).toHaveLength(12);
    expect(slots.map((c) => c.value).slice(0, 6)).toEqual(['08:00-10:00', '10:00-12:00', '12:00-14:00', '14:00-16:00', '16:00-18:00', '18:00-20:00']);
    expect(sheet.cells.find((c) => c.value === '来店客户批数')?.mergeAcross).toBe(6);
  });

  it('computes 展厅销售率 = 展厅销售台数 / 当月销售总量 on the same row', () => {
    for (const r of [first, first + 10, totals - 1]) {
      expect(at(sheet, r, col('展厅销售率'))?.formula).toBe(`IFERROR(${L('展厅销售台数')}${r + 1}/${L('当月销售总量')}${r + 1},"")`);
    }
  });

  it('computes 留资率 and 展厅成交率 per row from the right columns', () => {
    const r = first + 3;
    expect(at(sheet, r, col('留资率'))?.formula).toBe(`IFERROR(${L('留有客户资料数')}${r + 1}/${L('来访客户批数合计')}${r + 1},"")`);
    const visits = sheet.cells.filter((c) => c.row === headerCol(sheet, '08:00-10:00').row && c.value === '合计')[0].col;
    expect(at(sheet, r, col('展厅成交率'))?.formula).toBe(`IFERROR(${L('接到订单数')}${r + 1}/${a1(r, visits)},"")`);
  });

  it('sums each count column over exactly the 31 day rows, and the totals-row rates divide the totals', () => {
    expect(totals - first).toBe(31);
    const c = col('接到订单数');
    const letter = L('接到订单数');
    expect(at(sheet, totals, c)?.formula).toBe(`SUM(${letter}${first + 1}:${letter}${totals})`);
    expect(at(sheet, totals, col('展厅销售率'))?.formula).toBe(`IFERROR(${a1(totals, col('展厅销售台数'))}/${a1(totals, col('当月销售总量'))},"")`);
  });
});

describe('print orientation', () => {
  it.each([
    ['F01', 'landscape'],
    ['F02', 'landscape'],
    ['F06', 'portrait'],
    ['F10', 'portrait'],
    ['F11', 'portrait'],
    ['AS5', 'landscape'],
    ['F16', 'portrait'], // a month roster: 11 narrow columns, forced portrait so the month fits one page
  ])('%s prints %s', (id, orientation) => {
    expect(renderForm(formDefinition(id)!, { ctx }).print.orientation).toBe(orientation);
  });

  it('every form over 100 characters wide is landscape; more than 8 columns too unless the definition says otherwise', () => {
    for (const s of buildFormsPlan({ filled: false, settings, asOf })) {
      const widths = s.columnWidths!.map((w) => w.width);
      const total = widths.reduce((a, b) => a + b, 0);
      const forced = formDefinition(s.key.slice(5))!.orientation;
      const wide = total > 100 || (widths.length > 8 && !forced);
      if (wide) expect([s.key, s.print.orientation]).toEqual([s.key, 'landscape']);
      if (!wide && !forced) expect([s.key, s.print.orientation]).toEqual([s.key, 'portrait']);
    }
  });
});

describe('documents', () => {
  it('writes the purchase contract as numbered clauses with 甲方/乙方 signatures, not a grid', () => {
    const sheet = renderForm(formDefinition('F10')!, { ctx });
    const texts = sheet.cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('第一条 合同双方');
    expect(texts.some((t) => t.startsWith('第九条'))).toBe(true);
    expect(texts).toEqual(expect.arrayContaining(['甲方(盖章):', '乙方(签字):', '车架号(VIN):']));
    expect(sheet.cells.some((c) => c.style === 'header')).toBe(false);
    expect(sheet.print.repeatRows).toBeUndefined();
  });

  it('numbers clauses in Chinese', () => {
    expect([1, 9, 10, 11, 20, 23].map(chineseOrdinal)).toEqual(['第一条', '第九条', '第十条', '第十一条', '第二十条', '第二十三条']);
  });
});

describe('filled 展厅来电/店登记表', () => {
  const row = (i: number, over: Partial<RegisterFillRow> = {}): RegisterFillRow => ({
    date: 46300 + (i % 30),
    timeInOut: '9:30-10:15',
    contactType: i % 3 === 0 ? '来电' : '来店',
    name: `客户${i}`,
    gender: i % 2 ? '男' : '女',
    phone: i % 4 === 0 ? '' : `1380000${String(i).padStart(4, '0')}`,
    address: '',
    intendedModel: '瑞虎8(一个月内)',
    source: '网络',
    process: '=HYPERLINK("x")',
    level: 'A',
    closure: '',
    consultant: '李四',
    remarks: '',
    ...over,
  });
  const register = Array.from({ length: 37 }, (_, i) => row(i + 1));
  const data: FormFillData = { register };
  const [sheet] = buildFormsPlan({ ids: ['1'], filled: true, data, settings, asOf });
  const first = headerCol(sheet, '序号').row + 1;
  const totals = totalsRowOf(sheet);

  it('holds exactly the register rows, in order, numbered', () => {
    expect(totals - first).toBe(37);
    expect(at(sheet, first, headerCol(sheet, '客户姓名').col)?.value).toBe('客户1');
    expect(at(sheet, first + 36, headerCol(sheet, '客户姓名').col)?.value).toBe('客户37');
    expect(at(sheet, first + 36, 0)?.value).toBe(37);
    expect(at(sheet, first + 4, headerCol(sheet, '日期').col)?.value).toBe(46305);
    expect(sheet.personalData).toBe(true);
  });

  it('keeps customer text that looks like a formula as a value', () => {
    const cell = at(sheet, first, headerCol(sheet, '接待经过').col)!;
    expect(cell.value).toBe('=HYPERLINK("x")');
    expect(cell.formula).toBeUndefined();
  });

  it('counts and rates over exactly the filled rows, matching the data', () => {
    const c = headerCol(sheet, '来电(店)').col;
    const letter = a1(0, c).replace(/\d+$/, '');
    expect(at(sheet, totals, c)?.formula).toBe(`COUNTA(${letter}${first + 1}:${letter}${first + 37})`);
    const summary = (label: string) => {
      const l = sheet.cells.find((x) => x.value === `${label}:`)!;
      return sheet.cells.find((x) => x.row === l.row && x.formula !== undefined)!.formula;
    };
    expect(summary('来电批数')).toBe(`COUNTIF(${letter}${first + 1}:${letter}${first + 37},"来电")`);
    // The data: 12 calls (every third row), 25 visits, 28 rows with a phone.
    expect(register.filter((r) => r.contactType === '来电')).toHaveLength(12);
    const p = a1(0, headerCol(sheet, '电话').col).replace(/\d+$/, '');
    // 留资 counts readable phones only (SUMPRODUCT over the 电话 range), over all rows with a contact type.
    const rate = summary('留资率')!;
    expect(rate.startsWith('IFERROR(SUMPRODUCT(ISNUMBER(-')).toBe(true);
    expect(rate).toContain(`${p}${first + 1}:${p}${first + 37},`);
    expect(rate.endsWith(`/COUNTA(${letter}${first + 1}:${letter}${first + 37}),"")`)).toBe(true);
    // The drop-downs cover the filled rows.
    expect(sheet.validations!.find((v) => v.col === c)).toMatchObject({ row: first, lastRow: first + 36 });
  });

  it('stays blank (16 numbered rows) when the workbook has no register', () => {
    const [blank] = buildFormsPlan({ ids: ['1'], filled: true, data: {}, settings, asOf });
    expect(totalsRowOf(blank) - (headerCol(blank, '序号').row + 1)).toBe(16);
  });

  it('reads a 100,000-row dataset in linear time, shows MAX_FORM_ROWS rows and says so on the sheet', () => {
    const big = Array.from({ length: 100000 }, (_, i) => row(i));
    const t0 = Date.now();
    const [s] = buildFormsPlan({ ids: ['1'], filled: true, data: { register: big }, settings, asOf });
    expect(Date.now() - t0).toBeLessThan(8000);
    expect(totalsRowOf(s) - (headerCol(s, '序号').row + 1)).toBe(MAX_FORM_ROWS);
    const notes = s.cells.filter((c) => c.value === `仅显示前 ${MAX_FORM_ROWS} 行,共 100000 行(可选择某个月份分期打印)`);
    expect(notes).toHaveLength(1);
    expect(notes[0].row).toBeGreaterThan(totalsRowOf(s));
  });

  it('has no cap note when every row fits', () => {
    const [s] = buildFormsPlan({ ids: ['1'], filled: true, data: { register: [row(0), row(1)] }, settings, asOf });
    expect(s.cells.some((c) => typeof c.value === 'string' && c.value.startsWith('仅显示前'))).toBe(false);
  });
});

describe('filling a matrix by key: 跟踪失败分析表', () => {
  const def = formDefinition('AS2')!;
  it('puts each category on its preset row and appends unknown ones', () => {
    const rows = fillRows(def, { failedFollowUps: [{ month: '2026-10', category: '号码有误', count: 48, previous: 41 }, { month: '2026-10', category: '新类别', count: 2 }] })!;
    expect(rows).toHaveLength(12);
    const wrong = rows.find((r) => r.category === '号码有误')!;
    expect(wrong).toMatchObject({ count: 48, previous: 41, action: '核对DMS档案,更新联系电话' });
    expect(rows[11]).toEqual({ category: '新类别', count: 2 });
    const sheet = renderForm(def, { ctx, rows });
    const change = headerCol(sheet, '环比增减');
    const r = change.row + 1 + rows.indexOf(wrong);
    const cnt = a1(r, headerCol(sheet, '本月台次').col);
    const prev = a1(r, headerCol(sheet, '上月台次').col);
    expect(at(sheet, r, change.col)?.formula).toBe(`IF(AND(ISNUMBER(${cnt}),ISNUMBER(${prev})),${cnt}-${prev},"")`);
  });
});

describe('formula templates', () => {
  const fctx = { row: 7, first: 5, last: 20, letters: new Map([['a', 'B'], ['b', 'C']]), totals: new Map([['a', 'B21']]) };
  it.each([
    ['{c:a}{r}/{c:b}{r}', 'B7/C7'],
    ['SUM({c:a}{first}:{c:a}{last})', 'SUM(B5:B20)'],
    ['{c:a}{r}/{t:a}', 'B7/B21'],
  ])('%s -> %s', (template, expected) => expect(expandFormula(template, fctx)).toBe(expected));
  it('throws on an unknown column, so a definition bug never writes a broken formula', () => {
    expect(() => expandFormula('{c:zz}{r}', fctx)).toThrow(/zz/);
    expect(() => expandFormula('{r}', { ...fctx, row: undefined })).toThrow();
  });
  it('counts CJK characters double for widths', () => expect(textWidth('合计A1')).toBe(6));
});

describe('every form in the pack', () => {
  const defs = buildFormsPlan({ filled: false, settings, asOf }).map((sheet) => ({ sheet, def: formDefinition(sheet.key.slice(5))! }));

  it('has a drop-down on every coded (list / yes-no) column, over exactly its data rows', () => {
    let checked = 0;
    for (const { sheet, def } of defs) {
      if (def.kind === 'document' || def.kind === 'cards' || !def.columns) continue;
      const headerLast = sheet.print.repeatRows!.last;
      const totals = sheet.cells.find((c) => c.style === 'total' && c.row > headerLast && c.formula === undefined && typeof c.value === 'string');
      def.columns.forEach((col, i) => {
        const v = sheet.validations!.find((x) => x.col === i);
        if (col.type !== 'list' && col.type !== 'yesno') return expect([def.id, col.key, v]).toEqual([def.id, col.key, undefined]);
        checked++;
        expect([def.id, col.key, v?.row]).toEqual([def.id, col.key, headerLast + 1]);
        if (totals) expect([def.id, col.key, v?.lastRow]).toEqual([def.id, col.key, totals.row - 1]);
        expect(v!.validation.type === 'list' && v!.validation.values.length).toBeGreaterThan(1);
      });
    }
    expect(checked).toBe(53); // 意向客户跟踪卡 (cards) is checked in cardsForm.test.ts
  });

  it('sums every summed column over exactly the data rows (between the header and the totals row)', () => {
    let checked = 0;
    for (const { sheet, def } of defs) {
      if (!def.columns?.some((c) => c.total === 'sum')) continue;
      const first = sheet.print.repeatRows!.last + 2; // 1-based first data row
      const totalsRow = sheet.cells.find((c) => c.style === 'total' && c.row >= first && c.col === 0)!.row;
      def.columns.forEach((col, i) => {
        if (col.total !== 'sum') return;
        const L = a1(0, i).replace(/\d+$/, '');
        expect([def.id, at(sheet, totalsRow, i)?.formula]).toEqual([def.id, `SUM(${L}${first}:${L}${totalsRow})`]);
        checked++;
      });
    }
    expect(checked).toBe(74);
  });

  it('writes only formulas whose placeholders were all expanded', () => {
    for (const { sheet } of defs) for (const c of sheet.cells) if (c.formula) expect(c.formula).not.toMatch(/[{}]/);
  });
});

describe('流失客户分析报表: 内因/外因', () => {
  const sheet = renderForm(formDefinition('AS1')!, { ctx, rows: [{ reasonCategory: '价格', count: 2 }] });
  const formula = at(sheet, headerCol(sheet, '内因/外因').row + 1, headerCol(sheet, '内因/外因').col)!.formula!;
  it.each([
    ['价格', '内因'],
    ['服务', '内因'],
    ['距离', '外因'],
    ['车辆报废', '外因'],
    ['其他', '其他'],
    ['(未填)', ''],
  ])('classifies %s as %s', (category, expected) => {
    // Evaluate the IF/OR chain for one value: every comparison against the category cell.
    const cell = a1(headerCol(sheet, '内因/外因').row + 1, headerCol(sheet, '流失原因类别').col);
    const js = formula
      .split(`${cell}=`).join(`${JSON.stringify(category)}===`)
      .replace(/IF\(/g, 'iff(')
      .replace(/OR\(/g, 'or(');
    const iff = (c: boolean, a: unknown, b: unknown) => (c ? a : b);
    const or = (...xs: boolean[]) => xs.some(Boolean);
    expect(new Function('iff', 'or', `return ${js};`)(iff, or)).toBe(expected);
  });
});

describe('totals rows are numbers, not text', () => {
  test('every formula cell of every form has a number format other than text (a formula in an @ cell stays text in Excel)', () => {
    const bad: string[] = [];
    for (const entry of FORM_CATALOGUE) {
      const def = formDefinition(entry.id)!;
      const spec = renderForm(def, { ctx });
      for (const c of spec.cells) if (c.formula !== undefined && c.numberFormat === '@') bad.push(`${def.id} ${c.row},${c.col}`);
    }
    expect(bad).toEqual([]);
  });
});
