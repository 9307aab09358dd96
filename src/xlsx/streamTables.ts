/**
 * Large tables of new sheets (more than STREAM_TABLE_ROWS rows; the 招揽名单 of a 300,000-vehicle workbook has ~150,000) written as XML rows
 * instead of exceljs cells: as exceljs cells they took most of the memory and much of the time of a large run.
 *
 * How: cutLargeTables gives a copy of the plan in which each large table keeps only its first data row (so the
 * skeleton workbook renderPlan builds has the table, its header, its column styles and everything else of the
 * sheet); its column validations move to sheet validations over the full rows, as renderTable would write them.
 * When the skeleton is zipped, streamSheetXml replaces that one data row by all of the table's rows, written with
 * the style ids exceljs gave the first row's cells, and patchTableXml widens the table's ref (and its autoFilter).
 *
 * Only tables the cut cannot change the look of are cut: no totals row, and nothing else of the sheet (cells,
 * tables, pivots, charts, row heights) in the table's data rows; any other table is rendered by exceljs as before.
 */
import type { CellValue, SheetSpec, TableSpec, WorkbookPlan } from '../core/plan/types';
import { a1, columnLetter } from '../core/plan/names';
import { xmlText } from './xmlText';

/** Tables with more data rows than this are streamed (below it, exceljs cells cost little and keep shared strings). */
export const STREAM_TABLE_ROWS = 5000;

/** A table cut from the skeleton plan: its full spec, and where it sits. */
export interface CutTable {
  table: TableSpec;
  /** 1-based Excel row of the first data row (the only one the skeleton holds). */
  firstExcelRow: number;
}

export interface CutPlan {
  /** The plan to render into the skeleton. */
  plan: WorkbookPlan;
  /** By index in plan.sheets: the tables cut from that sheet. */
  cut: Map<number, CutTable[]>;
}

/** Whether anything of `spec` but `table` lies in rows [first, last] (0-based). */
function sheetUsesRows(spec: SheetSpec, table: TableSpec, first: number, last: number): boolean {
  const overlaps = (a: number, b: number) => a <= last && b >= first;
  if (spec.cells.some((c) => overlaps(c.row, c.row + (c.mergeDown ?? 0)))) return true;
  if (spec.tables.some((t) => t !== table && overlaps(t.row, t.row + Math.max(t.rows.length, 1) + (t.totalsRow ? 1 : 0)))) return true;
  if ((spec.pivots ?? []).some((p) => p.row >= first && p.row <= last)) return true;
  if ((spec.charts ?? []).some((c) => c.row >= first && c.row <= last)) return true;
  return (spec.rowHeights ?? []).some((h) => h.row >= first && h.row <= last);
}

/**
 * The plan with every large table cut to its first data row (see the file comment); the plan itself is not changed.
 * @example const { plan: skeletonPlan, cut } = cutLargeTables(plan); // cut.get(6) -> [{ table: 招揽名单 list, firstExcelRow: 7 }]
 */
export function cutLargeTables(plan: WorkbookPlan, threshold = STREAM_TABLE_ROWS): CutPlan {
  const cut = new Map<number, CutTable[]>();
  const sheets = plan.sheets.map((spec, index) => {
    const large = spec.tables.filter(
      (t) => t.rows.length > threshold && !t.totalsRow && !sheetUsesRows(spec, t, t.row + 1, t.row + t.rows.length),
    );
    if (large.length === 0) return spec;
    cut.set(index, large.map((table) => ({ table, firstExcelRow: table.row + 2 })));
    const validations = [...(spec.validations ?? [])];
    const tables = spec.tables.map((t) => {
      if (!large.includes(t)) return t;
      t.columns.forEach((c, i) => {
        if (c.validation) validations.unshift({ row: t.row + 1, col: t.col + i, lastRow: t.row + t.rows.length, lastCol: t.col + i, validation: c.validation });
      });
      return { ...t, rows: t.rows.slice(0, 1), columns: t.columns.map((c) => ({ ...c, validation: undefined })) };
    });
    return { ...spec, tables, validations };
  });
  return { plan: { ...plan, sheets }, cut };
}

/** The ref of `table` when it holds `rows` data rows (header row included, no totals row). */
export function tableRef(table: TableSpec, rows: number): string {
  return `${a1(table.row, table.col)}:${a1(table.row + Math.max(rows, 1), table.col + table.columns.length - 1)}`;
}

/**
 * A table part of the skeleton with the cut table's ref (and autoFilter ref) widened to all its rows; other
 * table parts come back unchanged.
 * @example patchTableXml('<table name="T" ref="A5:C6"><autoFilter ref="A5:C6"/>…', cutTable) // ref="A5:C30005"
 */
export function patchTableXml(xml: string, tables: readonly CutTable[]): string {
  for (const { table } of tables) {
    if (!new RegExp(`\\sname="${table.name}"`).test(xml)) continue;
    return xml.split(`ref="${tableRef(table, 1)}"`).join(`ref="${tableRef(table, table.rows.length)}"`);
  }
  return xml;
}

/** Style id of each cell of a <row> element, by column letters. */
function styleIdsOfRow(rowXml: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const m of rowXml.matchAll(/<c\s([^>]*?)\/?>/g)) {
    const r = /\br="([A-Z]+)\d+"/.exec(m[1]);
    const s = /\bs="(\d+)"/.exec(m[1]);
    if (r) ids.set(r[1], s ? s[1] : '0');
  }
  return ids;
}

/** One table data row as XML: styled like the skeleton's first row; '' an empty styled cell, strings inline text. */
function rowXml(table: TableSpec, k: number, excelRow: number, letters: string[], styles: string[]): string {
  const values: readonly CellValue[] = table.rows[k];
  let cells = '';
  for (let i = 0; i < letters.length; i++) {
    const ref = `${letters[i]}${excelRow}`;
    const style = styles[i];
    const formula = table.columns[i].rowFormula;
    if (formula) {
      cells += `<c r="${ref}"${style}><f>${xmlText(formula.replace(/\{r\}/g, String(excelRow)))}</f></c>`;
      continue;
    }
    const v = values[i] ?? '';
    if (typeof v === 'number') {
      cells += Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : `<c r="${ref}"${style}/>`;
    } else if (typeof v === 'boolean') {
      cells += `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
    } else if (v === '') {
      cells += `<c r="${ref}"${style}/>`;
    } else {
      const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : '';
      cells += `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlText(v)}</t></is></c>`;
    }
  }
  return `<row r="${excelRow}">${cells}</row>`;
}

const CHUNK_CHARS = 1 << 16;

/** 0-based index of column letters: 'A' -> 0, 'AA' -> 26. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The dimension ref widened to also cover rows and columns up to (lastRow, lastCol), 1-based / 0-based. */
function widenDimension(xml: string, lastExcelRow: number, lastCol: number): string {
  return xml.replace(/<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\s*\/>/, (_all, c1: string, r1: string, c2?: string, r2?: string) => {
    const endCol = c2 ?? c1;
    const endRow = Math.max(Number(r2 ?? r1), lastExcelRow);
    const widerCol = columnIndex(endCol) >= lastCol ? endCol : columnLetter(lastCol);
    return `<dimension ref="${c1}${r1}:${widerCol}${endRow}"/>`;
  });
}

/**
 * The sheet XML of the skeleton with each cut table's single data row replaced by all of its rows, generated in
 * chunks of about 64 K characters.
 * @example zip.addEntry(path, streamSheetXml(skeletonXml, cut.get(i)!))
 */
export function* streamSheetXml(xml: string, tables: readonly CutTable[]): Generator<string> {
  const open = xml.search(/<sheetData\s*>/);
  const close = xml.indexOf('</sheetData>', open);
  if (open < 0 || close < 0) {
    yield xml; // cannot happen: the skeleton sheet holds at least the table's header
    return;
  }
  const byRow = new Map(tables.map((t) => [t.firstExcelRow, t]));
  let last = 0;
  let lastCol = 0;
  for (const { table } of tables) {
    last = Math.max(last, table.row + table.rows.length + 1);
    lastCol = Math.max(lastCol, table.col + table.columns.length - 1);
  }
  const bodyStart = xml.indexOf('>', open) + 1;
  yield widenDimension(xml.slice(0, bodyStart), last, lastCol);
  let chunk = '';
  for (const m of xml.slice(bodyStart, close).matchAll(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g)) {
    const rowNumber = Number(/\br="(\d+)"/.exec(m[0])?.[1]);
    const cutTable = byRow.get(rowNumber);
    if (!cutTable) {
      chunk += m[0];
      continue;
    }
    const { table } = cutTable;
    const letters = table.columns.map((_, i) => columnLetter(table.col + i));
    const ids = styleIdsOfRow(m[0]);
    const styles = letters.map((l) => {
      const s = ids.get(l);
      return s && s !== '0' ? ` s="${s}"` : '';
    });
    for (let k = 0; k < table.rows.length; k++) {
      chunk += rowXml(table, k, rowNumber + k, letters, styles);
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
  }
  yield chunk + xml.slice(close);
}
