/**
 * The actions the task pane and the ribbon commands call. Implemented over Office.js in src/office/
 * (createOfficeActions); React components receive them as props and never call Excel.run themselves.
 */
import type { FormPeriod } from '../core/forms/period';
import type { CellValue, RunReport } from '../core/plan/types';
import type { Settings } from '../core/settings/settings';
import type { SheetKind, Field, FieldEvidence, NeedsMapping, Reason } from '../core/sheets/types';

export interface Progress {
  /** i18n key of the current step, e.g. 'progress.reading'. */
  step: string;
  /** 0..1 */
  fraction: number;
}

export interface RunOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/** Options of generateForms: the run options and the period the filled forms cover. */
export interface FormsOptions extends RunOptions {
  /** 'all' (default: every row) or a month 'YYYY-MM' (validate with parseFormPeriod from src/core/forms). */
  period?: FormPeriod;
}

export interface DetectedSheetSummary {
  sheet: string;
  kind: SheetKind;
  headerRow: number;
  headers: string[];
  /** field -> header text it was mapped to */
  mapping: Partial<Record<Field, string>>;
  missingRequired: Field[];
  dataRowCount: number;
  /** Per field: the chosen column, score, confidence (user/high/medium/low/none), how it was read, runner-up. */
  evidence?: FieldEvidence[];
  /** Fields the analysis depends on that are missing or unsure here: open 列映射 on them. */
  needsMapping?: NeedsMapping[];
  /** Why the sheet was taken for its kind (catalogue keys 'input.why.*'). */
  why?: Reason[];
  /** Optional fields not found that change a result ('input.absent.<field>'). */
  absent?: Field[];
}

export interface DetectionSummary {
  sheets: DetectedSheetSummary[];
  ignored: { sheet: string; reason: string }[];
  /** Every sheet's NeedsMapping: non-empty means no confident figures until they are mapped. */
  needsMapping?: NeedsMapping[];
}

export interface RunSummary {
  report: RunReport;
  /** Names of the sheets written. */
  sheetsWritten: string[];
  /** Syncs used (for diagnostics). */
  syncs: number;
  durationMs: number;
}

export interface SheetPreview {
  headers: string[];
  rows: CellValue[][];
}

export interface FormsResult {
  sheets: string[];
}

export interface ShareSafeResult {
  /** Sheets in the new, share-safe workbook (every sheet of this one, hidden ones included). */
  sheets: number;
  maskedCells: number;
  /** Size of the file handed to Excel.createWorkbook. */
  bytes: number;
  /** Charts and PivotTables of the summary sheets carried into the copy. */
  charts: number;
  pivots: number;
  /** Charts left out: their table no longer shows what the last refresh wrote (refresh, then share again). */
  staleCharts: number;
}

export interface ChurnDeskActions {
  detect(): Promise<DetectionSummary>;
  analyse(options?: RunOptions): Promise<RunSummary>;
  generateForms(formIds: string[], filled: boolean, options?: FormsOptions): Promise<FormsResult>;
  loadSettings(): Promise<Settings>;
  saveSettings(partial: unknown): Promise<Settings>;
  /**
   * Stores the user's mapping of `sheet`; `acceptMissing` adds fields the user said the sheet does not have (the
   * analysis goes on without them and does not ask again). A field mapped now is no longer accepted as missing.
   */
  saveMapping(sheet: string, mapping: Partial<Record<Field, string>>, acceptMissing?: Field[]): Promise<void>;
  previewSheet(sheet: string, rows: number): Promise<SheetPreview>;
  shareSafeCopy(options?: RunOptions): Promise<ShareSafeResult>;
  /** The last run's figures stored in the workbook, for the home view before any refresh. */
  lastRun(): Promise<RunReport['figures'] | null>;
}
