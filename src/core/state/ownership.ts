/**
 * Is a sheet recorded as ChurnDesk's still ChurnDesk's? A user may delete a generated sheet and make their own with
 * the same name; a refresh must then leave theirs alone. Each generated sheet's title (cell A1) is recorded in the
 * state when it is written, and a recorded sheet is only replaced while its A1 still shows that title.
 */
import type { ColumnWrite, SheetInput, SheetSpec, WorkbookState } from '../plan/types';

/** The title a spec writes in A1 ('' when A1 holds no text). */
export function sheetTitle(spec: SheetSpec): string {
  const c = spec.cells.find((cell) => cell.row === 0 && cell.col === 0);
  return typeof c?.value === 'string' ? c.value : '';
}

/**
 * True when the sheet recorded under `key` may be replaced: its A1 still shows the recorded title. States written
 * before titles were recorded have none; their sheets are trusted by name, as before.
 */
export function stillOwned(state: WorkbookState, key: string, a1Value: unknown): boolean {
  const titles = state.ownedSheetTitles;
  if (!titles || !(key in titles)) return true;
  return String(a1Value ?? '') === titles[key];
}

/**
 * The sheets the state's claims hold for, checked against the workbook: a sheet recorded under a key with a title is
 * the product's only while its A1 shows that title (otherwise it is the user's, and is read like any other sheet);
 * a sheet recorded without a title (a state written before titles were recorded, or one edited by hand) is taken
 * by name, and `untitledClaims` lists those so a refusal can say when such a claim is what hid the data.
 * `a1` holds the A1 value of the sheets read, by name (firstCells); a recorded sheet not among them is kept.
 * @example claimedSheetNames(state, new Map([['保有客户', '车主']])).names // [] when 保有客户 was recorded as '售后流失总览'
 */
export function claimedSheetNames(state: WorkbookState, a1: ReadonlyMap<string, unknown>): { names: string[]; untitledClaims: { key: string; sheet: string }[] } {
  const titles = state.ownedSheetTitles ?? {};
  const names: string[] = [];
  const untitledClaims: { key: string; sheet: string }[] = [];
  for (const [key, sheet] of Object.entries(state.ownedSheets)) {
    if (!a1.has(sheet)) {
      names.push(sheet);
      continue;
    }
    if (!(key in titles)) {
      names.push(sheet);
      untitledClaims.push({ key, sheet });
    } else if (String(a1.get(sheet) ?? '') === titles[key]) names.push(sheet);
  }
  return { names, untitledClaims };
}

/**
 * The columns of a sheet a ColumnWrite may clear and overwrite: the previous run's columns as the core found them
 * (ColumnWrite.replaces), else, for a write without that field, the position the previous state recorded.
 * @example ownedArea(write, previous) // { headerRow: 0, startColumn: 12, headers: ['未回厂月数', …] }
 */
export function ownedArea(write: ColumnWrite, previous: WorkbookState | null | undefined): WorkbookState['ownedColumns'][string] | undefined {
  if (write.replaces !== undefined) return write.replaces ?? undefined;
  return previous?.ownedColumns[write.sheet];
}

/**
 * The recorded sheets under their current names. A sheet recorded under a key but missing by name is followed to
 * the one sheet, recorded under no key, whose A1 still shows the title recorded for that key: the user renamed it.
 * The state then records it under the user's name, in ownedSheets and in renamedSheets, so a refresh updates it in
 * place and keeps that name (sheetNameFor). `a1` holds the A1 value of every sheet of the workbook by name. Two
 * candidates, or none: nothing is followed (the sheet is the user's). Idempotent.
 * @example followRenamedSheets(state, new Map([['我的总览', '售后流失总览']])).ownedSheets['summary.overview'] // '我的总览'
 */
export function followRenamedSheets(state: WorkbookState, a1: ReadonlyMap<string, unknown>): WorkbookState {
  const titles = state.ownedSheetTitles ?? {};
  const recorded = new Set(Object.values(state.ownedSheets));
  const ownedSheets = { ...state.ownedSheets };
  const renamedSheets = { ...(state.renamedSheets ?? {}) };
  let followed = false;
  for (const [key, name] of Object.entries(state.ownedSheets)) {
    if (a1.has(name) || !(key in titles) || titles[key] === '') continue;
    const candidates = [...a1].filter(([sheet, v]) => !recorded.has(sheet) && String(v ?? '') === titles[key]).map(([sheet]) => sheet);
    if (candidates.length !== 1) continue;
    ownedSheets[key] = candidates[0];
    renamedSheets[key] = candidates[0];
    recorded.add(candidates[0]);
    followed = true;
  }
  return followed ? { ...state, ownedSheets, renamedSheets } : state;
}

/**
 * The name a planned sheet takes: the user's, when they renamed the sheet it replaces (WorkbookState.renamedSheets,
 * while that is still the sheet recorded for the key), else the plan's. `previous`: the followed state.
 * @example sheetNameFor('summary.overview', '流失概览', previous) // '我的总览'
 */
export function sheetNameFor(key: string, planned: string, previous: WorkbookState | null | undefined): string {
  const kept = previous?.renamedSheets?.[key];
  return kept !== undefined && previous?.ownedSheets[key] === kept ? kept : planned;
}

/**
 * The A1 value of every sheet read (grids anchored at A1), by name: what followRenamedSheets compares with the
 * recorded titles. The heads the Office adapter reads hold every sheet; the file engines read every sheet whole.
 * @example firstCells([{ name: '我的总览', grid: [['售后流失总览']] }]).get('我的总览') // '售后流失总览'
 */
export function firstCells(sheets: readonly Pick<SheetInput, 'name' | 'grid'>[]): Map<string, unknown> {
  return new Map(sheets.map((s) => [s.name, s.grid[0]?.[0] ?? '']));
}
