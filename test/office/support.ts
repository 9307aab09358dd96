/** Hand-made plans and a stub core for adapter tests (the real core is exercised in refresh.test.ts). */
import { buildShareFile } from '../../src/worker/shareCore';
import type { ColumnWrite, SheetSpec, WorkbookPlan, CellValue } from '../../src/core/plan/types';
import { emptyState } from '../../src/core/state/stateSheet';
import type { CoreFunctions } from '../../src/worker/coreFunctions';
import { createInlineRunner, type CoreRunner } from '../../src/worker/runner';

/** A dealer sheet: a title row, a blank row, the header row (row 2), then `rows` customers. */
export function customerGrid(rows: number): CellValue[][] {
  const grid: CellValue[][] = [['XX店保有客户明细表'], [], ['客户姓名', '联系电话', '车架号', '车型', '购车日期', '最后进站日期', '行驶里程', '所在地', '服务顾问', '备注', '性别', '地址']];
  for (let i = 0; i < rows; i++) {
    grid.push([`客户${i}`, `138${String(i).padStart(8, '0')}`, `LVVDB11B${String(i).padStart(9, '0')}`, '瑞虎8', 44000 + (i % 900), 45000 + (i % 700), 30000 + i, i % 3 ? '武汉' : '孝感', '张三', '', i % 2 ? '男' : '女', `武汉市洪山区${i}号`]);
  }
  return grid;
}

const STATUS = ['活跃', '准流失', '流失', '彻底流失'];

/** A plan shaped like the real one: 6 appended columns, a list sheet of every row, a small summary with a chart. */
export function planFor(sheet: string, rows: number, extra: Partial<{ texts: string[] }> = {}): WorkbookPlan {
  const texts = extra.texts ?? [];
  const status = Array.from({ length: rows }, (_, i) => STATUS[i % 4]);
  const write: ColumnWrite = {
    sheet,
    headerRow: 2,
    startColumn: 12,
    firstDataRow: 3,
    lastDataRow: 2 + rows,
    columns: [
      { key: 'months', header: '未回厂月数', kind: 'integer', values: Array.from({ length: rows }, (_, i) => i % 30) },
      { key: 'status', header: '流失状态', kind: 'text', values: status, validation: { type: 'list', values: STATUS, strict: false } },
      { key: 'age', header: '车龄(年)', kind: 'integer', values: Array.from({ length: rows }, (_, i) => i % 7) },
      { key: 'warranty', header: '保修状态', kind: 'text', values: Array.from({ length: rows }, (_, i) => (i % 2 ? '保期内' : '保期外')) },
      { key: 'reason', header: '流失原因', kind: 'text', values: Array.from({ length: rows }, (_, i) => texts[i] ?? (i % 5 ? '' : '价格太贵')) },
      { key: 'next', header: '下次跟踪日期', kind: 'date', values: Array.from({ length: rows }, (_, i) => 46000 + (i % 60)) },
    ],
    conditionalFormats: [{ type: 'textEquals', col: 1, firstRow: 3, lastRow: 2 + rows, text: '流失', fill: 'red' }],
  };
  const list: SheetSpec = {
    key: 'list.winback',
    name: '招揽名单',
    role: 'list',
    personalData: true,
    cells: [{ row: 0, col: 0, value: '招揽名单', style: 'title', mergeAcross: 5 }],
    tables: [
      {
        name: 'CD_list_winback',
        row: 2,
        col: 0,
        columns: [
          { header: '客户姓名', kind: 'text' },
          { header: '联系电话', kind: 'text' },
          { header: '流失状态', kind: 'text' },
          { header: '未回厂月数', kind: 'integer' },
          { header: '建议动作', kind: 'text' },
          { header: '原因', kind: 'text' },
        ],
        rows: Array.from({ length: rows }, (_, i) => [texts[i] ?? `客户${i}`, `138${String(i).padStart(8, '0')}`, status[i], i % 30, '电话招揽', texts[i] ?? '']),
      },
    ],
    freeze: { rows: 3, columns: 0 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { first: 2, last: 2 }, footer: '&P / &N' },
  };
  const counts = STATUS.map((s) => [s, status.filter((x) => x === s).length] as CellValue[]);
  const summary: SheetSpec = {
    key: 'summary.overview',
    name: '流失概览',
    role: 'summary',
    cells: [
      { row: 0, col: 0, value: '流失概览', style: 'title' },
      { row: 1, col: 0, value: '=SUM(A1:A2)' },
      { row: 1, col: 3, formula: 'SUM(B5:B8)', numberFormat: '0' },
    ],
    tables: [
      {
        name: 'CD_summary_overview_status',
        row: 3,
        col: 0,
        columns: [
          { header: '状态', kind: 'text' },
          { header: '数量', kind: 'integer', total: { fn: 'sum' } },
          { header: '占比', kind: 'percent', rowFormula: 'IFERROR(B{r}/SUM($B$5:$B$8),"")' },
        ],
        rows: counts.map((r) => [...r, '']),
        totalsRow: true,
      },
    ],
    charts: [{ type: 'pie', title: '流失状态分布', table: 'CD_summary_overview_status', series: ['数量'], row: 3, col: 5, widthCols: 6, heightRows: 12 }],
    pivots: [{ name: 'CD_pivot_status', source: { sheet, headerRow: 2, firstCol: 0, lastCol: 17, lastRow: 2 + rows }, rows: ['所在地'], columns: ['流失状态'], values: [{ header: '流失状态', fn: 'count' }], row: 12, col: 0 }],
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
  };
  const state = emptyState();
  state.ownedSheets = { 'list.winback': '招揽名单', 'summary.overview': '流失概览' };
  state.lastRun = { at: '2026-10-31T00:00:00.000Z', figures: { vehicles: rows } };
  return {
    columnWrites: [write],
    sheets: [summary, list],
    state,
    report: { parts: [], figures: { vehicles: rows }, statusCounts: {}, issues: [], warnings: [] },
  };
}

/** A core that detects `sheet` as the customer sheet (header row 2) and returns `plan()` (a fresh copy each time). */
export function stubRunner(sheet: string, plan: () => WorkbookPlan): CoreRunner {
  const fns: CoreFunctions = {
    detect: () => ({
      sheets: [{ sheet, kind: 'customers', headerRow: 2, headers: [], mapping: {}, missingRequired: [], dataRowCount: 0 }],
      ignored: [],
    }),
    share: buildShareFile,
    analyse: (req) => {
      const p = plan();
      p.state.settings = req.state.settings;
      p.state.mappings = req.state.mappings;
      return p;
    },
    forms: () => [],
  };
  return createInlineRunner(fns);
}
