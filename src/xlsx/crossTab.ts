/**
 * The file adapter's stand-in for a PivotTable (exceljs cannot write one): the same cross-tab computed once
 * from the source range and written as plain cells. Linear in the source rows (Map grouping).
 */
import type { CellValue, Grid, PivotSpec } from '../core/plan/types';
import { compareNatural } from '../core/plan/textOrder';

/** Labels used in the cross-tab: the grand total and the blank group. */
export interface CrossTabLabels {
  total: string;
  blank: string;
}

function keyText(v: unknown, blank: string): string {
  if (v === '' || v === null || v === undefined) return blank;
  return String(v);
}

/**
 * Compares two group labels: by `order` where listed (listed values first), then naturally ('2026-02' before
 * '2026-10', '2-3年' before '10年'), the blank group last.
 */
export function compareGroups(a: string, b: string, order: readonly string[] | undefined, blank: string): number {
  if (a === b) return 0;
  if (a === blank || b === blank) return a === blank ? 1 : -1;
  const ia = order ? order.indexOf(a) : -1;
  const ib = order ? order.indexOf(b) : -1;
  if (ia >= 0 || ib >= 0) return ia < 0 ? 1 : ib < 0 ? -1 : ia - ib;
  return compareNatural(a, b);
}

/**
 * Groups the source rows (but those `spec.exclude` leaves out) by the pivot's row fields (one output row per combination) and
 * its column field values (one output column per value and measure), counting or summing each measure. Rows and
 * columns come in their natural order (`spec.order`, months in time order, the blank group last); a row or column
 * whose cells are all zero is left out.
 * Returns the header row then the data rows, then a total row. Missing headers yield null.
 * @example crossTab([['地区','状态'],['A','流失'],['A','活跃']], { source: {sheet:'s',headerRow:0,firstCol:0,lastCol:1,lastRow:2}, rows:['地区'], columns:['状态'], values:[{header:'状态',fn:'count'}], name:'p', row:0, col:0 }, {total:'总计',blank:'(空白)'})
 * // [['地区','流失','活跃','总计'], ['A',1,1,2], ['总计',1,1,2]]
 */
export function crossTab(grid: Grid, spec: PivotSpec, labels: CrossTabLabels): CellValue[][] | null {
  const { headerRow, firstCol, lastCol, lastRow } = spec.source;
  const header = grid[headerRow] ?? [];
  const index = new Map<string, number>();
  for (let c = firstCol; c <= lastCol; c++) {
    const h = header[c];
    if (typeof h === 'string' && h.trim() && !index.has(h.trim())) index.set(h.trim(), c);
  }
  const find = (name: string) => index.get(name.trim());
  const rowCols = spec.rows.map(find);
  const colCols = spec.columns.map(find);
  const valueCols = spec.values.map((v) => find(v.header));
  if ([...rowCols, ...colCols, ...valueCols].some((c) => c === undefined)) return null;
  // The excluded rows (重复: a vehicle's extra rows) are skipped, so totals count each vehicle once. A missing
  // exclude column means nothing to exclude (an older sheet); the pivot itself is still useful.
  const excludeCol = spec.exclude ? find(spec.exclude.header) : undefined;
  const excluded = new Set(spec.exclude?.values ?? []);

  const rowKeys = new Map<string, { labels: string[]; cells: Map<string, number[]> }>();
  const colKeys = new Map<string, true>();
  const last = Math.min(lastRow, grid.length - 1);
  for (let r = headerRow + 1; r <= last; r++) {
    const row = grid[r] ?? [];
    if (excludeCol !== undefined && excluded.has(keyText(row[excludeCol], ''))) continue;
    const rowLabels = rowCols.map((c) => keyText(row[c as number], labels.blank));
    const rk = rowLabels.join('\u0001');
    const ck = colCols.map((c) => keyText(row[c as number], labels.blank)).join(' / ');
    colKeys.set(ck, true);
    let entry = rowKeys.get(rk);
    if (!entry) rowKeys.set(rk, (entry = { labels: rowLabels, cells: new Map() }));
    let acc = entry.cells.get(ck);
    if (!acc) entry.cells.set(ck, (acc = spec.values.map(() => 0)));
    spec.values.forEach((v, i) => {
      const raw = row[valueCols[i] as number];
      if (v.fn === 'count') acc![i] += raw === '' || raw === undefined || raw === null ? 0 : 1;
      else if (typeof raw === 'number' && Number.isFinite(raw)) acc![i] += raw;
    });
  }

  // Natural order (spec.order, then natural sort, the blank group last) and only groups with a non-zero cell.
  const rowList = [...rowKeys.values()]
    .filter((e) => [...e.cells.values()].some((acc) => acc.some((v) => v !== 0)))
    .sort((x, y) => {
      for (let i = 0; i < x.labels.length; i++) {
        const d = compareGroups(x.labels[i], y.labels[i], spec.order?.[spec.rows[i]], labels.blank);
        if (d) return d;
      }
      return 0;
    });
  const colOrder = spec.columns.length === 1 ? spec.order?.[spec.columns[0]] : undefined;
  const cols = [...colKeys.keys()]
    .filter((ck) => rowList.some((e) => e.cells.get(ck)?.some((v) => v !== 0)))
    .sort((x, y) => (spec.columns.length ? compareGroups(x, y, colOrder, labels.blank) : 0));
  const measureLabel = (ck: string, i: number) =>
    spec.columns.length === 0 ? spec.values[i].header : spec.values.length === 1 ? ck : `${ck} ${spec.values[i].header}`;
  const out: CellValue[][] = [];
  const head: CellValue[] = [...spec.rows];
  for (const ck of cols) spec.values.forEach((_, i) => head.push(measureLabel(ck, i)));
  if (spec.columns.length > 0) spec.values.forEach((v) => head.push(spec.values.length === 1 ? labels.total : `${labels.total} ${v.header}`));
  out.push(head);

  const width = cols.length * spec.values.length;
  const grand = new Array<number>(width + (spec.columns.length > 0 ? spec.values.length : 0)).fill(0);
  for (const { labels: rl, cells } of rowList) {
    const line: CellValue[] = [...rl];
    const rowTotals = spec.values.map(() => 0);
    let k = 0;
    for (const ck of cols) {
      const acc = cells.get(ck);
      spec.values.forEach((_, i) => {
        const v = acc ? acc[i] : 0;
        line.push(v);
        rowTotals[i] += v;
        grand[k++] += v;
      });
    }
    if (spec.columns.length > 0) rowTotals.forEach((v, i) => {
      line.push(v);
      grand[width + i] += v;
    });
    out.push(line);
  }
  // Without row fields the single data line already is the total.
  if (spec.rows.length > 0) out.push([labels.total, ...spec.rows.slice(1).map(() => '' as CellValue), ...grand]);
  return out;
}
