/**
 * Describes one dealer sheet as a given kind: where its header is, which column holds which field, which rows
 * are data, and what is missing. The analyses read cells only through this description.
 */
import type { SheetInput } from '../plan/types';
import { findFollowUpGroups, findLabelledFollowUpGroups, findTwoRowFollowUpGroups } from './followUpGroups';
import { findHeaderRowScored } from './findHeaderRow';
import { matchColumns } from './matchColumns';
import { headerBaseKey, headerKey } from './normaliseHeader';
import { absentOf, needsMappingOf } from './dependencies';
import { profileColumns, type ColumnProfiles } from './profile';
import { missingRequiredFields } from './required';
import { isBlankRow, isRepeatedHeader, isTotalsRow } from './rowKinds';
import { findOwnedStart } from './ownedColumns';
import { isUnlabeledTotalsRow } from './unlabeledTotals';
import { dependencyColumns, isNoteRow } from './noteRows';
import { findTwoRowHeader, type TwoRowHeader } from './twoRowHeader';
import type { OwnedColumns } from './placeColumns';
import { fieldsOf } from './synonyms';
import type { Field, FollowUpGroup, MappedSheet, SheetKind } from './types';
import type { Grid } from '../plan/types';
import { longCellOfRow, type CheckedRows } from '../plan/excelLimits';

export interface MapSheetOptions {
  /** The user's mapping: field -> header text (as remembered in WorkbookState.mappings). Wins over any guess. */
  userMapping?: Partial<Record<Field, string>>;
  /**
   * Headers ChurnDesk wrote before: a trailing run of them (at least 3, see ownedColumns.ts) is ChurnDesk's own
   * columns, not input.
   */
  ownedHeaders?: readonly string[];
  /** This sheet's record of ChurnDesk's columns (WorkbookState.ownedColumns[sheet]): the most reliable way to find them. */
  ownedColumns?: OwnedColumns;
}

/** Header rows are composed on at most this many columns. */
const MAX_HEADER_WIDTH = 500;

/** The cell texts of a row, trimmed ('' for non-text). */
function headerTexts(row: readonly unknown[]): string[] {
  const out: string[] = new Array(row.length);
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    out[c] = typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  }
  return out;
}

/** First row with at least two non-empty cells (a fallback header when nothing is recognised). */
function firstTableRow(sheet: SheetInput): number {
  const rows = Math.min(sheet.grid.length, 30);
  for (let r = 0; r < rows; r++) {
    const row = sheet.grid[r] ?? [];
    let n = 0;
    for (const v of row) if (v !== '' && v !== null && v !== undefined) n++;
    if (n >= 2) return r;
  }
  return 0;
}

/** 'A' -> 0, 'AB' -> 27; NaN when not a column letter. */
function columnLetterIndex(s: string): number {
  if (!/^[A-Z]{1,3}$/.test(s)) return NaN;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The column whose header is the user's chosen text: exact first, then after normalisation; a column letter
 * ('C', written by `--map 保有客户:C=lastVisitDate` for a column without a usable header) when no header is it.
 */
function findUserColumn(headers: readonly string[], wanted: string, end: number): number | undefined {
  const w = wanted.trim();
  for (let c = 0; c < end; c++) if (headers[c] === w) return c;
  const key = headerKey(w);
  const base = headerBaseKey(w);
  if (key === '') return undefined;
  for (let c = 0; c < end; c++) if (headerKey(headers[c]) === key) return c;
  for (let c = 0; c < end; c++) if (headerBaseKey(headers[c]) === base) return c;
  const letter = columnLetterIndex(w);
  if (letter >= 0 && letter < end) return letter;
  return undefined;
}

/**
 * The two-row header around the found row, when reading the two rows together recognises more fields than the
 * lower row alone and no fewer than the upper one (a block of notes above a header has the shape of a group row,
 * but adds nothing to the header below it).
 */
function twoRowHeaderOf(grid: Grid, row: number, kind: SheetKind): TwoRowHeader | null {
  const pair = findTwoRowHeader(grid, row, MAX_HEADER_WIDTH);
  if (!pair) return null;
  const count = (cells: readonly unknown[]) => matchColumns(cells.slice(0, MAX_HEADER_WIDTH), kind).count;
  const together = count(pair.cells);
  return together > count(grid[pair.lower] ?? []) && together >= count(grid[pair.upper] ?? []) ? pair : null;
}

/** Profiles per grid and header row: detection maps one sheet as four kinds, and the cells are read once. */
const profileCache = new WeakMap<Grid, Map<number, ColumnProfiles>>();

/** The content profile of a sheet's columns below a header row (cached per grid). */
export function profilesOf(grid: Grid, headerRow: number, width: number): ColumnProfiles {
  let byRow = profileCache.get(grid);
  if (!byRow) {
    byRow = new Map();
    profileCache.set(grid, byRow);
  }
  let p = byRow.get(headerRow);
  if (!p || p.columns.length < width) {
    p = profileColumns(grid, headerRow, width);
    byRow.set(headerRow, p);
  }
  return p;
}

/**
 * The rows each mapping's row pass read, checked there against Excel's cell limit (assertInputWithinLimits then
 * reads only the rows above them). Kept beside the mapping, not in it: a MappedSheet is the detection's answer, this
 * only what its pass over the cells saw.
 */
const checkedRows = new WeakMap<MappedSheet, CheckedRows>();

/** What mapSheet's row pass checked of the sheet's cells (see longCellOfRow); undefined for a mapping not made here. */
export function checkedRowsOf(mapped: MappedSheet): CheckedRows | undefined {
  return checkedRows.get(mapped);
}

/**
 * Maps a sheet as the given kind.
 *
 * @example
 * const m = mapSheet({ name: 'Sheet1', grid: [['保有客户明细'], ['车架号', '购车日期'], ['LSV…', '2023/5/6'], ['合计', '']] }, 'customers');
 * // m.headerRow === 1, m.columns === { vin: 0, purchaseDate: 1 }, m.dataRows === [2], m.totalsRows === [3]
 */
export function mapSheet(sheet: SheetInput, kind: SheetKind, options: MapSheetOptions = {}): MappedSheet {
  const grid = sheet.grid;
  const kindFields = new Set<Field>(fieldsOf(kind));
  const userMapping: Partial<Record<Field, string>> = {};
  for (const [f, h] of Object.entries(options.userMapping ?? {}) as [Field, string | undefined][]) {
    if (h && kindFields.has(f)) userMapping[f] = h;
  }

  const found = findHeaderRowScored(grid, kind, { userMapping });
  const foundRow = found ? found.row : firstTableRow(sheet);
  // A two-row header (a group row over sub-headers) is read as one: each column by its sub-header or its upper text.
  const twoRowHeader = twoRowHeaderOf(grid, foundRow, kind);
  const headerRow = twoRowHeader ? twoRowHeader.upper : foundRow;
  const headerCells: readonly unknown[] = twoRowHeader ? twoRowHeader.cells : grid[headerRow] ?? [];
  const headers = headerTexts(headerCells);

  const ownedStart = findOwnedStart(headers, headerRow, options.ownedHeaders, options.ownedColumns);
  const end = ownedStart ?? headers.length;

  const fixed: Partial<Record<Field, number>> = {};
  for (const [f, h] of Object.entries(userMapping) as [Field, string][]) {
    const c = findUserColumn(headers, h, end);
    if (c !== undefined) fixed[f] = c;
  }
  const fixedColumns = new Set(Object.values(fixed));

  // Wide prospect cards: numbered follow-up columns are read as groups, not as single fields.
  // A card may carry them in two header rows (第1次跟进 merged over 日期 | 方式 | 结果): then the sub-header row
  // is part of the header, not data.
  let subHeaderRow = twoRowHeader ? twoRowHeader.lower : -1;
  let groups: FollowUpGroup[] = [];
  if (kind === 'prospects') {
    const twoRow = findTwoRowFollowUpGroups(grid[headerRow] ?? [], grid[headerRow + 1], end);
    if (twoRow) subHeaderRow = headerRow + 1;
    // A header already read as two rows: its sub-headers sit under their group labels (第1轮跟进 over 日 | 形式).
    const labelled = !twoRow && twoRowHeader ? findLabelledFollowUpGroups(twoRowHeader.groups, twoRowHeader.cells, end) : null;
    const oneRow = findFollowUpGroups(headerCells, end);
    groups = twoRow ?? (labelled && labelled.length >= oneRow.length ? labelled : oneRow);
  }
  const followUpGroups = groups.filter((g) => !Object.values(g.columns).some((c) => fixedColumns.has(c as number)));
  const skip = new Set<number>();
  for (const g of followUpGroups) for (const c of Object.values(g.columns)) if (c !== undefined) skip.add(c);

  const profiles = profilesOf(grid, subHeaderRow >= 0 ? subHeaderRow : headerRow, end);
  const { columns, count, evidence } = matchColumns(headerCells, kind, { endColumn: end, skip, fixed, profiles, groups: twoRowHeader?.groups });
  const mappedColumns = Object.values(columns) as number[];

  const dataRows: number[] = [];
  const totalsRows: number[] = [];
  const dependency = dependencyColumns(kind, columns, followUpGroups);
  const firstDataRow = subHeaderRow >= 0 ? subHeaderRow + 1 : headerRow + 1;
  // The one pass over every row below the header: each row's cells are checked against Excel's cell limit here,
  // while they are in the cache for the row's kind (a pass of its own read the million rows' cells again: 1.2-1.5 s).
  const checked: CheckedRows = { fromRow: firstDataRow, firstLongRow: -1, firstLongCol: -1 };
  for (let r = firstDataRow; r < grid.length; r++) {
    const row = grid[r];
    if (checked.firstLongRow < 0) {
      const long = longCellOfRow(row);
      if (long >= 0) {
        checked.firstLongRow = r;
        checked.firstLongCol = long;
      }
    }
    if (isBlankRow(row, end)) continue;
    if (isTotalsRow(row, end) || isUnlabeledTotalsRow(row, columns, end) || isNoteRow(row, dependency, end)) totalsRows.push(r);
    else if (!isRepeatedHeader(row, headers, mappedColumns)) dataRows.push(r);
  }

  const mapped: MappedSheet = {
    sheet,
    kind,
    headerRow,
    headers,
    columns,
    followUpGroups,
    missingRequired: missingRequiredFields(kind, columns, followUpGroups),
    dataRows,
    totalsRows,
    ownedStart,
    score: count + (followUpGroups.length > 0 ? 1 : 0),
    evidence,
  };
  mapped.needsMapping = needsMappingOf(mapped, evidence);
  mapped.absent = absentOf(mapped);
  checkedRows.set(mapped, checked);
  return mapped;
}
