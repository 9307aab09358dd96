/**
 * A PivotTable as the file adapter writes it (exceljs cannot): the pivot cache's fields and items, the table's
 * layout, and the cells it shows, computed once from the source grid. Excel redraws the table from its source when
 * the file opens (refreshOnLoad); until then, and in a reader that does not refresh (Excel's Protected View, a
 * phone's viewer), the cells written here are what the reader sees, so they are laid out exactly as Excel lays out
 * the pivot: compact form, the filter field two rows above the body, items in the plan's natural order, the grand
 * totals last.
 *
 * Only the shape the plan uses is written as a PivotTable: one row field, at most one column field, one count or
 * sum, an optional filter that hides some items. Anything else, or a source whose headers Excel would refuse as
 * field names (blank or repeated), stays a cross-tab of plain cells (crossTab.ts).
 */
import type { CellValue, Grid, PivotSpec } from '../../core/plan/types';
import { a1 } from '../../core/plan/names';
import { compareGroups } from '../crossTab';

/** One distinct value of a cache field: text, a number, or the blank item. */
export type PivotItem = { s: string } | { n: number } | { blank: true };

export interface FilePivotLabels {
  /** 总计 / Grand Total */
  total: string;
  /** (空白) / (blank) */
  blank: string;
  /** 行标签 / Row Labels */
  rowLabels: string;
  /** 列标签 / Column Labels */
  columnLabels: string;
  /** The data field's caption: 计数项:{field} / Count of {field}. */
  countOf: (field: string) => string;
  sumOf: (field: string) => string;
  /** The filter cell when several items are shown but not all: (多项) / (Multiple Items); when all are: (全部) / (All). */
  multipleItems: string;
  allItems: string;
  /** Caption of the values area: 值 / Values. */
  values: string;
}

export interface FilePivot {
  name: string;
  /** Final name of the sheet the pivot stands on (set by renderPlan). */
  sheet: string;
  source: { sheet: string; ref: string };
  /** Every column of the source, in order: its header and, for the fields on an axis or the filter, its items. */
  fields: { name: string; items?: PivotItem[] }[];
  rowField: number;
  columnField?: number;
  data: { field: number; fn: 'count' | 'sum'; name: string };
  /** The filter field and the indices of its hidden items. */
  page?: { field: number; hidden: number[] };
  /** Indices (into the field's items) of the rows and columns shown, in order. */
  rowItems: number[];
  columnItems: number[];
  /** The body (without the filter rows), as an A1 range on `sheet`, and the sheet cells the pivot fills. */
  location: string;
  /** Rows of cells from the pivot's planned top-left (filter rows included), as Excel shows them. */
  cells: CellValue[][];
  captions: { data: string; rowLabels: string; columnLabels: string; values: string };
}

/** Rows from the planned top-left to the body when there is a filter field: as the Office adapter (PIVOT_FILTER_ROWS). */
export const FILTER_ROWS = 3;

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

function itemKey(v: unknown): string {
  if (isBlank(v)) return '\u0000blank';
  if (typeof v === 'number' && Number.isFinite(v)) return `n:${v}`;
  return `s:${String(v)}`;
}

function itemOf(v: unknown): PivotItem {
  if (isBlank(v)) return { blank: true };
  if (typeof v === 'number' && Number.isFinite(v)) return { n: v };
  return { s: String(v) };
}

/** The label a reader sees for an item. */
function itemLabel(item: PivotItem, blank: string): string {
  return 'blank' in item ? blank : 'n' in item ? String(item.n) : item.s;
}

/**
 * The file PivotTable of `spec` over `grid` (the source sheet as Range.values gives it), placed at the spec's
 * top-left on `sheet`; null when the shape or the source cannot be a PivotTable (the caller writes a cross-tab).
 * @example filePivotOf(grid, spec, '地区分析', labels)?.location // 'A30:G38'
 */
export function filePivotOf(grid: Grid, spec: PivotSpec, sheet: string, sourceSheet: string, labels: FilePivotLabels): FilePivot | null {
  if (spec.rows.length !== 1 || spec.columns.length > 1 || spec.values.length !== 1) return null;
  const { headerRow, firstCol, lastCol } = spec.source;
  const lastRow = Math.min(spec.source.lastRow, grid.length - 1);
  if (lastRow <= headerRow) return null;
  const header = grid[headerRow] ?? [];
  const names: string[] = [];
  for (let c = firstCol; c <= lastCol; c++) {
    const h = header[c];
    const name = typeof h === 'string' ? h.trim() : typeof h === 'number' ? String(h) : '';
    // Excel refuses a PivotTable whose source has a blank or repeated header ("字段名无效"): no pivot then.
    if (!name || names.includes(name)) return null;
    names.push(name);
  }
  const field = (h: string) => {
    const i = names.indexOf(h.trim());
    return i < 0 ? undefined : i;
  };
  const rowField = field(spec.rows[0]);
  const columnField = spec.columns.length ? field(spec.columns[0]) : undefined;
  const dataField = field(spec.values[0].header);
  if (rowField === undefined || dataField === undefined || (spec.columns.length && columnField === undefined)) return null;
  const pageField = spec.exclude ? field(spec.exclude.header) : undefined;
  const fn = spec.values[0].fn;

  // Distinct values of the axis and filter fields, in order of appearance; counts of the rows the filter keeps.
  const axes = [rowField, columnField, pageField].filter((f): f is number => f !== undefined);
  const distinct = new Map<number, Map<string, PivotItem>>(axes.map((f) => [f, new Map()]));
  const excluded = new Set(spec.exclude?.values ?? []);
  const counts = new Map<string, Map<string, number>>();
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const row = grid[r] ?? [];
    for (const f of axes) {
      const v = row[firstCol + f];
      const k = itemKey(v);
      const m = distinct.get(f)!;
      if (!m.has(k)) m.set(k, itemOf(v));
    }
    if (pageField !== undefined && excluded.has(isBlank(row[firstCol + pageField]) ? '' : String(row[firstCol + pageField]))) continue;
    const raw = row[firstCol + dataField];
    const add = fn === 'count' ? (isBlank(raw) ? 0 : 1) : typeof raw === 'number' && Number.isFinite(raw) ? raw : 0;
    if (add === 0) continue;
    const rk = itemKey(row[firstCol + rowField]);
    const ck = columnField === undefined ? '' : itemKey(row[firstCol + columnField]);
    const line = counts.get(rk) ?? counts.set(rk, new Map()).get(rk)!;
    line.set(ck, (line.get(ck) ?? 0) + add);
  }

  // Items in the plan's natural order (the blank item last): Excel shows a field's items in the order of its list.
  const ordered = (f: number, header: string): [string, PivotItem][] =>
    [...distinct.get(f)!.entries()].sort(([, x], [, y]) => compareGroups(itemLabel(x, labels.blank), itemLabel(y, labels.blank), spec.order?.[header], labels.blank));
  const rowList = ordered(rowField, spec.rows[0]);
  const colList = columnField === undefined ? [] : ordered(columnField, spec.columns[0]);
  const shownRows = rowList.map(([k], i) => ({ k, i })).filter(({ k }) => counts.has(k));
  const shownCols = colList.map(([k], i) => ({ k, i })).filter(({ k }) => [...counts.values()].some((line) => line.has(k)));
  if (!shownRows.length) return null;

  const dataName = fn === 'count' ? labels.countOf(names[dataField]) : labels.sumOf(names[dataField]);
  const cells: CellValue[][] = [];
  const hidden: number[] = [];
  let pageItems: [string, PivotItem][] | undefined;
  if (pageField !== undefined) {
    pageItems = [...distinct.get(pageField)!.entries()];
    pageItems.forEach(([, item], i) => {
      if (excluded.has('blank' in item ? '' : 'n' in item ? String(item.n) : item.s)) hidden.push(i);
    });
    // Excel's filter cell: (全部) when every item is shown, the item itself when one is, (多项) otherwise.
    const visible = pageItems.filter((_, i) => !hidden.includes(i));
    const shown = hidden.length === 0 ? labels.allItems : visible.length === 1 ? itemLabel(visible[0][1], labels.blank) : labels.multipleItems;
    cells.push([], [names[pageField], shown], []);
  }
  const top = spec.row + cells.length;
  if (columnField !== undefined) {
    cells.push([dataName, labels.columnLabels]);
    cells.push([labels.rowLabels, ...shownCols.map(({ i }) => itemLabel(colList[i][1], labels.blank)), labels.total]);
  } else {
    cells.push([labels.rowLabels, dataName]);
  }
  const colTotals = shownCols.map(() => 0);
  let grand = 0;
  for (const { k, i } of shownRows) {
    const line = counts.get(k)!;
    if (columnField === undefined) {
      const v = line.get('') ?? 0;
      grand += v;
      cells.push([itemLabel(rowList[i][1], labels.blank), v]);
      continue;
    }
    let sum = 0;
    const values = shownCols.map(({ k: ck }, j) => {
      const v = line.get(ck) ?? 0;
      sum += v;
      colTotals[j] += v;
      return v === 0 ? '' : v;
    });
    grand += sum;
    cells.push([itemLabel(rowList[i][1], labels.blank), ...values, sum]);
  }
  cells.push(columnField === undefined ? [labels.total, grand] : [labels.total, ...colTotals, grand]);
  const bodyRows = cells.length - (top - spec.row);
  const width = columnField === undefined ? 2 : shownCols.length + 2;

  const fields = names.map((name, f): FilePivot['fields'][number] => {
    if (f === rowField) return { name, items: rowList.map(([, item]) => item) };
    if (f === columnField) return { name, items: colList.map(([, item]) => item) };
    if (f === pageField) return { name, items: pageItems!.map(([, item]) => item) };
    return { name };
  });
  return {
    name: spec.name,
    sheet,
    source: { sheet: sourceSheet, ref: `${a1(headerRow, firstCol)}:${a1(lastRow, lastCol)}` },
    fields,
    rowField,
    ...(columnField !== undefined ? { columnField } : {}),
    data: { field: dataField, fn, name: dataName },
    ...(pageField !== undefined ? { page: { field: pageField, hidden } } : {}),
    rowItems: shownRows.map(({ i }) => i),
    columnItems: shownCols.map(({ i }) => i),
    location: `${a1(top, spec.col)}:${a1(top + bodyRows - 1, spec.col + width - 1)}`,
    cells,
    captions: { data: dataName, rowLabels: labels.rowLabels, columnLabels: labels.columnLabels, values: labels.values },
  };
}
