/**
 * Writes the analysed workbook for a large input without building an exceljs cell object per source cell.
 *
 * How: a small "skeleton" workbook is rendered with the ordinary renderPlan (so the new sheets, tables, formulas,
 * print setup, validations, conditional formats and the very hidden state sheet are exactly what the in-memory
 * path writes), in which every source sheet is a placeholder holding only a few real cells: A1, the appended
 * headers, and one "probe" cell per number format the sheet uses (so exceljs puts each format into styles.xml
 * and we can read back its style id). The skeleton is zipped by exceljs into memory; then the output zip is
 * written entry by entry, and each placeholder's <sheetData> is replaced by rows generated from the grids
 * (source values with their number formats, formulas with their cached results, plus the appended columns),
 * deflated as they are generated.
 *
 * New sheets' tables of more than STREAM_TABLE_ROWS rows (the 招揽名单, 逾期跟踪名单 of a large dealer) are cut to
 * one row in the skeleton and their rows streamed the same way (streamTables.ts): as exceljs cells they took most
 * of the memory of a large run.
 *
 * Strings are written as inline strings (t="inlineStr"): text, never a formula.
 */
import ExcelJS from 'exceljs';
import type { CellValue, ColumnWrite, WorkbookPlan, WorkbookState } from '../core/plan/types';
import { columnLetter } from '../core/plan/names';
import type { Locale } from '../core/settings/settings';
import { checkColumnWriteOnGrid, renderPlan, type RenderResult } from './renderPlan';
import { ownedArea } from '../core/state/ownership';
import { numberFormatOf } from './styles';
import { MissingSheetError } from './errors';
import { cellKey, type StreamedSheet } from './streamReadWorkbook';
import { addPlannedParts } from './writePackage';
import { sheetPaths } from './packageParts';
import { readZipEntries, ZipFileWriter } from './zip';
import { xmlText } from './xmlText';
import { cutLargeTables, patchTableXml, streamSheetXml } from './streamTables';

export { xmlText };

export interface StreamWriteOptions {
  previousState?: WorkbookState | null;
  locale?: Locale;
}

/** The appended columns of one sheet, as the row writer needs them. */
interface Appended {
  write: ColumnWrite;
  formats: string[];
}

const CHUNK_CHARS = 1 << 16;

/**
 * zlib level of the streamed output. Measured on a 100,000-vehicle output (327 MB of XML): level 6 took 3.65 s of
 * CPU for 38.2 MB, level 3 1.73 s for 43.9 MB, level 1 1.18 s for 47.9 MB. Level 3 halves the cost for 15% more bytes.
 * Level 1 since h/fastcheck: measured again (load 8.8) level 3 took 2.83 s, level 1 1.07 s (9% more bytes); on a
 * shared 2-core machine the deflate threads compete with the reader and the package check for the same cores.
 */
export const STREAM_DEFLATE_LEVEL = 1;

function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;');
}

/** Clears the columns ChurnDesk wrote last time and writes this plan's columns into the grid (mutates it). */
function applyColumnWrite(sheet: StreamedSheet, write: ColumnWrite, owned: WorkbookState['ownedColumns'][string] | undefined): void {
  const grid = sheet.grid;
  if (owned) {
    const last = owned.startColumn + owned.headers.length - 1;
    for (let r = owned.headerRow; r < grid.length; r++) {
      const row = grid[r];
      const fmts = sheet.formats.rows[r];
      for (let c = owned.startColumn; c <= last && c < row.length; c++) {
        row[c] = '';
        if (fmts && c < fmts.length) fmts[c] = 0;
      }
    }
  }
  const put = (r: number, c: number, v: CellValue) => {
    while (grid.length <= r) grid.push([]);
    const row = grid[r];
    while (row.length < c) row.push('');
    row[c] = v;
  };
  write.columns.forEach((column, i) => {
    const c = write.startColumn + i;
    put(write.headerRow, c, column.header);
    for (let k = 0; k < column.values.length; k++) {
      const v = column.values[k];
      if (v !== '' || (grid[write.firstDataRow + k]?.length ?? 0) > c) put(write.firstDataRow + k, c, v);
    }
  });
}

/**
 * Step 1 of both stream writers (this one and spliceWorkbook): checks every column write on the grids before touching
 * anything, so a refused write leaves nothing written, then writes the columns into the grids. Returns each sheet's
 * writes in plan order.
 * @throws MissingSheetError when a ColumnWrite names a sheet the workbook does not have.
 * @throws OverwriteRefusedError when a column would cover a user's cell.
 */
export function writeColumnsIntoGrids(byName: Map<string, StreamedSheet>, plan: WorkbookPlan, previous: WorkbookState | null): Map<string, ColumnWrite[]> {
  for (const write of plan.columnWrites) {
    const sheet = byName.get(write.sheet);
    if (!sheet) throw new MissingSheetError(write.sheet);
    checkColumnWriteOnGrid(write.sheet, sheet.grid, write, ownedArea(write, previous));
  }
  const bySheet = new Map<string, ColumnWrite[]>();
  for (const write of plan.columnWrites) {
    applyColumnWrite(byName.get(write.sheet)!, write, ownedArea(write, previous));
    const list = bySheet.get(write.sheet) ?? [];
    list.push(write);
    bySheet.set(write.sheet, list);
  }
  return bySheet;
}

/** The attributes of every <c> element of a sheet XML, by cell address: its style id. */
function styleIdsByAddress(xml: string): Map<string, string> {
  const ids = new Map<string, string>();
  const re = /<c\s([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const r = /\br="([A-Z]+\d+)"/.exec(m[1]);
    const s = /\bs="(\d+)"/.exec(m[1]);
    if (r) ids.set(r[1], s ? s[1] : '0');
  }
  return ids;
}

/** Generates the <row> elements of a sheet from its grid, in chunks of about 64 K characters. */
function* sheetRows(sheet: StreamedSheet, appended: Appended[], headerIds: Map<string, string>, formatIds: Map<string, string>): Generator<string> {
  const { grid, formats, formulas } = sheet;
  const letters: string[] = [];
  const letter = (c: number) => letters[c] ?? (letters[c] = columnLetter(c));
  // A formula never calculated reads as '' (as Office shows it) but is still written: rows reach their last formula.
  const rowEnd = new Map<number, number>();
  for (const key of formulas.keys()) {
    const r = Math.floor(key / 16384);
    rowEnd.set(r, Math.max(rowEnd.get(r) ?? 0, (key % 16384) + 1));
  }
  let chunk = '';
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    const end = Math.max(row.length, rowEnd.get(r) ?? 0);
    if (end === 0) continue;
    const fmts = formats.rows[r];
    let cells = '';
    for (let c = 0; c < end; c++) {
      const v = row[c] ?? '';
      if (v === '' && (rowEnd.size === 0 || !formulas.has(cellKey(r, c)))) continue;
      const ref = `${letter(c)}${r + 1}`;
      let s: string | undefined;
      let isAppended = false;
      for (const a of appended) {
        const k = c - a.write.startColumn;
        if (k < 0 || k >= a.formats.length) continue;
        if (r === a.write.headerRow) {
          s = headerIds.get(ref);
          isAppended = true;
        } else if (r >= a.write.firstDataRow && r < a.write.firstDataRow + a.write.columns[k].values.length) {
          s = formatIds.get(a.formats[k]);
          isAppended = true;
        }
      }
      if (!isAppended && fmts && c < fmts.length && fmts[c] !== 0) s = formatIds.get(formats.names[fmts[c]]);
      const style = s && s !== '0' ? ` s="${s}"` : '';
      const formula = isAppended ? undefined : formulas.get(cellKey(r, c));
      if (formula !== undefined) {
        const f = `<f>${xmlText(formula)}</f>`;
        if (v === '') cells += `<c r="${ref}"${style}>${f}</c>`;
        else if (typeof v === 'number') cells += `<c r="${ref}"${style}>${f}<v>${v}</v></c>`;
        else if (typeof v === 'boolean') cells += `<c r="${ref}"${style} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
        else cells += `<c r="${ref}"${style} t="str">${f}<v>${xmlText(v)}</v></c>`;
      } else if (typeof v === 'number' && Number.isFinite(v)) {
        cells += `<c r="${ref}"${style}><v>${v}</v></c>`;
      } else if (typeof v === 'boolean') {
        cells += `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
      } else {
        const text = String(v);
        const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
        cells += `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
      }
    }
    if (cells === '') continue;
    chunk += `<row r="${r + 1}">${cells}</row>`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The number format a cell of the merged grid is written with ('General' for none). */
function formatOf(sheet: StreamedSheet, appended: Appended[], r: number, c: number): string | null {
  for (const a of appended) {
    const k = c - a.write.startColumn;
    if (k < 0 || k >= a.formats.length) continue;
    if (r === a.write.headerRow) return null; // styled by renderPlan's header cell
    if (r >= a.write.firstDataRow && r < a.write.firstDataRow + a.write.columns[k].values.length) return a.formats[k];
  }
  const fmts = sheet.formats.rows[r];
  return fmts && c < fmts.length ? sheet.formats.names[fmts[c]] : 'General';
}

/**
 * Applies `plan` to the streamed sheets (their grids are mutated: appended columns written in) and writes the
 * result to `out`. Same checks and results as renderPlan.
 * @throws OverwriteRefusedError (nothing written) when a column would cover a user's cell.
 * @throws MissingSheetError when a ColumnWrite names a sheet the workbook does not have.
 * @example await streamWriteWorkbook(sheets, plan, 'out.xlsx', { previousState: state })
 */
export async function streamWriteWorkbook(sheets: StreamedSheet[], plan: WorkbookPlan, out: string, options: StreamWriteOptions = {}): Promise<RenderResult> {
  const previous = options.previousState ?? null;
  const byName = new Map(sheets.map((s) => [s.name, s]));

  // 1. The appended columns, checked and written into the grids.
  const appendedBySheet = new Map<string, Appended[]>();
  for (const [name, writes] of writeColumnsIntoGrids(byName, plan, previous)) {
    appendedBySheet.set(name, writes.map((write) => ({ write, formats: write.columns.map((c) => numberFormatOf(c)) })));
  }

  // 2. The skeleton: placeholders for the source sheets, then everything else rendered by renderPlan.
  const skeleton = new ExcelJS.Workbook();
  const placeholders = new Map<ExcelJS.Worksheet, StreamedSheet>();
  const probes = new Map<StreamedSheet, Map<string, string>>();
  for (const sheet of sheets) {
    const ws = skeleton.addWorksheet(sheet.name, { state: sheet.visibility });
    placeholders.set(ws, sheet);
    // A1 decides whether a sheet ChurnDesk made is still its own (renderPlan's ownership check).
    const a1 = sheet.grid[0]?.[0];
    if (a1 !== undefined && a1 !== '') ws.getCell(1, 1).value = a1;
    // One probe per number format, at the first cell that uses it (a real cell: the rows replace it anyway).
    const appended = appendedBySheet.get(sheet.name) ?? [];
    const probe = new Map<string, string>();
    for (let r = 0; r < sheet.grid.length; r++) {
      const row = sheet.grid[r];
      if (!sheet.formats.rows[r] && appended.length === 0) continue;
      for (let c = 0; c < row.length; c++) {
        if (row[c] === '') continue;
        const fmt = formatOf(sheet, appended, r, c);
        if (fmt === null || fmt === 'General' || probe.has(fmt)) continue;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = row[c] as ExcelJS.CellValue;
        cell.numFmt = fmt;
        probe.set(fmt, cell.address);
      }
    }
    probes.set(sheet, probe);
  }
  // Large tables of new sheets keep one row in the skeleton; the rest is streamed into their sheet XML below.
  const { plan: skeletonPlan, cut } = cutLargeTables(plan);
  const result = renderPlan(skeleton, skeletonPlan, {
    previousState: previous,
    locale: options.locale,
    columnCells: 'skip',
    sourceGrid: (name) => byName.get(name)?.grid,
  });
  // Placeholders renderPlan removed (sheets ChurnDesk made last time, now replaced) are not written.
  const kept = new Map<string, StreamedSheet>();
  for (const ws of skeleton.worksheets) {
    const sheet = placeholders.get(ws);
    if (sheet) kept.set(ws.name, sheet);
  }

  // 3. Zip: every skeleton part as is, except each placeholder's rows.
  // Stored, not deflated: every part is deflated once, by zlib, when the output is written.
  const skeletonZip = await skeleton.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions);
  const entries = readZipEntries(Buffer.from(skeletonZip));
  // exceljs writes no charts and no PivotTables: the planned ones are added to the skeleton (src/xlsx/writePackage.ts).
  addPlannedParts(entries, result);
  const parts = sheetPaths(entries);
  const placeholderParts = new Map<string, StreamedSheet>();
  for (const [name, sheet] of kept) {
    const part = parts.get(name);
    if (part) placeholderParts.set(part, sheet);
  }
  const cutParts = new Map<string, NonNullable<ReturnType<typeof cut.get>>>();
  for (const [index, tables] of cut) {
    const part = parts.get(result.sheetsWritten[index]);
    if (part) cutParts.set(part, tables);
  }
  const cutTables = [...cut.values()].flat();
  const zip = new ZipFileWriter(out, STREAM_DEFLATE_LEVEL);
  try {
    for (const [path, data] of entries) {
      if (path.endsWith('/')) continue; // jszip's folder entries: an .xlsx needs none
      const tables = cutParts.get(path);
      if (tables) {
        await zip.addEntry(path, streamSheetXml(data.toString('utf8'), tables));
        continue;
      }
      if (cutTables.length && /^xl\/tables\/[^/]+\.xml$/.test(path)) {
        await zip.addEntry(path, [Buffer.from(patchTableXml(data.toString('utf8'), cutTables), 'utf8')]);
        continue;
      }
      const sheet = placeholderParts.get(path);
      if (!sheet) {
        await zip.addEntry(path, [data]);
        continue;
      }
      const xml = data.toString('utf8');
      const ids = styleIdsByAddress(xml);
      const formatIds = new Map<string, string>();
      for (const [fmt, address] of probes.get(sheet)!) formatIds.set(fmt, ids.get(address) ?? '0');
      const open = xml.search(/<sheetData\s*\/?>/);
      const selfClosing = /^<sheetData\s*\/>/.test(xml.slice(open));
      const close = selfClosing ? xml.indexOf('>', open) + 1 : xml.indexOf('</sheetData>', open) + '</sheetData>'.length;
      let width = 0;
      for (const row of sheet.grid) if (row.length > width) width = row.length;
      const ref = sheet.grid.length && width ? `A1:${columnLetter(width - 1)}${sheet.grid.length}` : 'A1';
      const head = xml.slice(0, open).replace(/<dimension ref="[^"]*"\s*\/>/, `<dimension ref="${xmlAttr(ref)}"/>`);
      const tail = xml.slice(close);
      const rows = sheetRows(sheet, appendedBySheet.get(sheet.name) ?? [], ids, formatIds);
      await zip.addEntry(path, (function* () {
        yield head + '<sheetData>';
        yield* rows;
        yield '</sheetData>' + tail;
      })());
    }
    zip.finish();
  } catch (e) {
    zip.abort();
    throw e;
  }
  return result;
}
