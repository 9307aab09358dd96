/**
 * Charts by name: which table columns a ChartSpec draws, and what would make it lie. Both adapters draw the
 * columns `resolveChart` returns (and nothing else); the core's tests assert `chartProblems` is empty for every
 * planned chart.
 */
import type { ChartSpec, TableColumn, TableSpec } from './types';

/** Labels of a total row or column, in every locale: never a series, never a category. */
export const TOTAL_LABELS: readonly string[] = ['合计', '总计', '小计', '总数', 'total', 'grand total', 'subtotal', 'sum'];

/** true when `text` names a total (合计, 总计, Total …), ignoring case and surrounding spaces. */
export function isTotalLabel(text: unknown): boolean {
  return typeof text === 'string' && TOTAL_LABELS.includes(text.trim().toLowerCase());
}

/** The unit of a column: rates (percent columns) and counts/amounts never share an axis. */
export function columnUnit(col: TableColumn): 'rate' | 'count' {
  return col.kind === 'percent' ? 'rate' : 'count';
}

export interface ResolvedSeries {
  header: string;
  /** Column index within the table. */
  col: number;
  axis: 'primary' | 'secondary';
  unit: 'rate' | 'count';
}

export interface ResolvedChart {
  /** Column index (within the table) of the categories, -1 when the category header is missing. */
  category: number;
  /** The series found, primary first, in the spec's order; missing headers are left out (and reported). */
  series: ResolvedSeries[];
}

/** The chart's category header: `category`, else the table's first column. */
export function categoryHeader(chart: Pick<ChartSpec, 'category'>, table: Pick<TableSpec, 'columns'>): string {
  return chart.category ?? table.columns[0]?.header ?? '';
}

/**
 * Finds every series and the category column of `chart` in `table` by header.
 * @example resolveChart({ series: ['流失'], ... }, table).series[0].col // 3
 */
export function resolveChart(chart: Pick<ChartSpec, 'category' | 'series' | 'secondary'>, table: Pick<TableSpec, 'columns'>): ResolvedChart {
  const find = (h: string) => table.columns.findIndex((c) => c.header === h);
  const series: ResolvedSeries[] = [];
  const add = (headers: string[] | undefined, axis: ResolvedSeries['axis']) => {
    for (const header of headers ?? []) {
      const col = find(header);
      if (col >= 0 && !series.some((s) => s.col === col)) series.push({ header, col, axis, unit: columnUnit(table.columns[col]) });
    }
  };
  add(chart.series, 'primary');
  add(chart.secondary, 'secondary');
  return { category: find(categoryHeader(chart, table)), series };
}

/**
 * Everything that would make `chart` show something other than its title says: a series or category header the
 * table lacks, a total as series or category, counts and rates on one axis, a pie with more than one series or a
 * secondary axis. Empty when the chart is sound.
 * @example chartProblems({ type: 'line', series: ['通话数', '接通率'], ... }, table) // ['counts and rates share the primary axis: 通话数, 接通率']
 */
export function chartProblems(chart: ChartSpec, table: Pick<TableSpec, 'columns' | 'rows'>): string[] {
  const problems: string[] = [];
  const headers = new Set(table.columns.map((c) => c.header));
  const cat = categoryHeader(chart, table);
  if (!headers.has(cat)) problems.push(`category column missing: ${cat}`);
  for (const h of [...chart.series, ...(chart.secondary ?? [])]) {
    if (!headers.has(h)) problems.push(`series column missing: ${h}`);
    if (isTotalLabel(h)) problems.push(`a total is a series: ${h}`);
  }
  if (!chart.series.length) problems.push('no series');
  const r = resolveChart(chart, table);
  const primary = r.series.filter((s) => s.axis === 'primary');
  const secondary = r.series.filter((s) => s.axis === 'secondary');
  if (new Set(primary.map((s) => s.unit)).size > 1) problems.push(`counts and rates share the primary axis: ${primary.map((s) => s.header).join(', ')}`);
  const notRates = secondary.filter((s) => s.unit !== 'rate');
  if (notRates.length) problems.push(`secondary axis is for rates only: ${notRates.map((s) => s.header).join(', ')}`);
  if (secondary.length && primary.some((s) => s.unit === 'rate')) problems.push('rates on both axes');
  if (chart.type === 'pie' && (r.series.length > 1 || secondary.length)) problems.push('a pie has one series');
  if (r.category >= 0) {
    const totals = table.rows.map((row) => row[r.category]).filter(isTotalLabel);
    if (totals.length) problems.push(`a total is a category: ${String(totals[0])}`);
  }
  return problems;
}
