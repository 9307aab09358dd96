/**
 * Finds which sheet of a workbook is the customer base, the call log, the showroom register and the prospect
 * cards — by content, never by sheet name (exports are often called 'Sheet1').
 *
 * Every sheet is scored as every kind on its first 30 rows; a kind's score counts recognised fields, counts
 * fields only that kind has (purchase date, call result, arrival time, next follow-up date …) a second time, and
 * adds a bonus when the kind's required fields are all there. The best (sheet, kind) pairs are then taken best
 * first, so each kind gets one sheet and each sheet at most one kind.
 */
import { STATE_SHEET_NAME } from '../plan/types';
import type { SheetInput } from '../plan/types';
import { HEADER_SCAN_ROWS } from './findHeaderRow';
import { mapSheet } from './mapSheet';
import { fieldsOf } from './synonyms';
import type { DetectedSheets, Field, MappedSheet, SheetKind } from './types';
import type { OwnedColumns } from './placeColumns';

export const SHEET_KINDS: readonly SheetKind[] = ['customers', 'calls', 'register', 'prospects'];

/** Reasons in DetectedSheets.ignored (i18n keys are 'input.ignored.<reason>'). */
export const IGNORED_REASON = {
  owned: 'ownedByChurnDesk',
  state: 'stateSheet',
  notRecognised: 'notRecognised',
  otherSheetChosen: 'otherSheetChosen',
} as const;

/** A kind needs at least this ranking score (and one field of its own) to be recognised. */
const MIN_RANK = 4;
const REQUIRED_BONUS = 4;

export interface DetectOptions {
  /** The user's mappings per sheet name: field -> header text. */
  mappings?: Record<string, Partial<Record<Field, string>>>;
  /** Sheets ChurnDesk created (summaries, forms): never input. */
  ownedSheetNames?: readonly string[];
  /** Headers of ChurnDesk's appended columns: those columns are not input. */
  ownedHeaders?: readonly string[];
  /** WorkbookState.ownedColumns: per sheet, where ChurnDesk's columns were written (more reliable than headers alone). */
  ownedColumns?: Record<string, OwnedColumns>;
}

/** Fields that appear in exactly one kind: they tell the kinds apart. */
const DISTINCTIVE: Record<SheetKind, ReadonlySet<Field>> = (() => {
  const counts = new Map<Field, number>();
  for (const k of SHEET_KINDS) for (const f of fieldsOf(k)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const out = {} as Record<SheetKind, ReadonlySet<Field>>;
  for (const k of SHEET_KINDS) out[k] = new Set(fieldsOf(k).filter((f) => counts.get(f) === 1));
  return out;
})();

/** How well a mapped sheet fits its kind (for choosing between sheets and kinds). */
export function kindRank(mapped: MappedSheet): number {
  let distinctive = 0;
  for (const f of Object.keys(mapped.columns) as Field[]) if (DISTINCTIVE[mapped.kind].has(f)) distinctive++;
  if (mapped.followUpGroups.length > 0) distinctive += 2;
  if (distinctive === 0) return 0;
  return mapped.score + distinctive + (mapped.missingRequired.length === 0 ? REQUIRED_BONUS : 0);
}

/** The first rows of a sheet: enough to decide its kind without touching a million rows. */
function head(sheet: SheetInput): SheetInput {
  return sheet.grid.length <= HEADER_SCAN_ROWS ? sheet : { name: sheet.name, grid: sheet.grid.slice(0, HEADER_SCAN_ROWS) };
}

/**
 * Assigns sheets to kinds by content.
 *
 * @example
 * const d = detectSheets([{ name: 'Sheet1', grid: callLog }, { name: 'Sheet2', grid: customerBase }]);
 * // d.customers.sheet.name === 'Sheet2', d.calls.sheet.name === 'Sheet1'
 */
export function detectSheets(sheets: readonly SheetInput[], options: DetectOptions = {}): DetectedSheets {
  const ignored: DetectedSheets['ignored'] = [];
  const owned = new Set((options.ownedSheetNames ?? []).map((n) => n.toLowerCase()));
  const candidates: { sheetIndex: number; kind: SheetKind; rank: number }[] = [];
  const inputs: SheetInput[] = [];
  for (const sheet of sheets) {
    if (sheet.name === STATE_SHEET_NAME) {
      ignored.push({ sheet: sheet.name, reason: IGNORED_REASON.state });
      continue;
    }
    if (owned.has(sheet.name.toLowerCase())) {
      ignored.push({ sheet: sheet.name, reason: IGNORED_REASON.owned });
      continue;
    }
    const i = inputs.push(sheet) - 1;
    const firstRows = head(sheet);
    // A sheet competes for every kind whose required fields it has; when it has none complete, only for its
    // best kind (so a second copy of the customer base is not taken for a showroom register).
    const complete: { sheetIndex: number; kind: SheetKind; rank: number }[] = [];
    let best: { sheetIndex: number; kind: SheetKind; rank: number } | null = null;
    for (const kind of SHEET_KINDS) {
      const mapped = mapSheet(firstRows, kind, { userMapping: options.mappings?.[sheet.name], ownedHeaders: options.ownedHeaders, ownedColumns: options.ownedColumns?.[sheet.name] });
      const rank = kindRank(mapped);
      if (rank < MIN_RANK) continue;
      const cand = { sheetIndex: i, kind, rank };
      if (mapped.missingRequired.length === 0) complete.push(cand);
      if (!best || rank > best.rank) best = cand;
    }
    if (complete.length > 0) candidates.push(...complete);
    else if (best) candidates.push(best);
  }
  // Best first; on a tie the earlier sheet, then the kind order above.
  candidates.sort((a, b) => b.rank - a.rank || a.sheetIndex - b.sheetIndex || SHEET_KINDS.indexOf(a.kind) - SHEET_KINDS.indexOf(b.kind));
  const result: DetectedSheets = { ignored };
  const usedSheets = new Set<number>();
  for (const c of candidates) {
    if (usedSheets.has(c.sheetIndex) || result[c.kind]) continue;
    usedSheets.add(c.sheetIndex);
    const sheet = inputs[c.sheetIndex];
    // Map the whole sheet only once its kind is known (data rows need every row).
    result[c.kind] = mapSheet(sheet, c.kind, { userMapping: options.mappings?.[sheet.name], ownedHeaders: options.ownedHeaders, ownedColumns: options.ownedColumns?.[sheet.name] });
  }
  for (let i = 0; i < inputs.length; i++) {
    if (usedSheets.has(i)) continue;
    const recognised = candidates.some((c) => c.sheetIndex === i);
    ignored.push({ sheet: inputs[i].name, reason: recognised ? IGNORED_REASON.otherSheetChosen : IGNORED_REASON.notRecognised });
  }
  return result;
}
