/**
 * Is a sheet recorded as ChurnDesk's still ChurnDesk's? A user may delete a generated sheet and make their own with
 * the same name; a refresh must then leave theirs alone. Each generated sheet's title (cell A1) is recorded in the
 * state when it is written, and a recorded sheet is only replaced while its A1 still shows that title.
 */
import type { ColumnWrite, SheetSpec, WorkbookState } from '../plan/types';

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
 * The columns of a sheet a ColumnWrite may clear and overwrite: the previous run's columns as the core found them
 * (ColumnWrite.replaces), else, for a write without that field, the position the previous state recorded.
 * @example ownedArea(write, previous) // { headerRow: 0, startColumn: 12, headers: ['未回厂月数', …] }
 */
export function ownedArea(write: ColumnWrite, previous: WorkbookState | null | undefined): WorkbookState['ownedColumns'][string] | undefined {
  if (write.replaces !== undefined) return write.replaces ?? undefined;
  return previous?.ownedColumns[write.sheet];
}
