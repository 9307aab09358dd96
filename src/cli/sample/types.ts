/** A sheet of the sample workbook as plain cells plus what the writer needs to format it like a dealer's. */
import type { CellValue } from '../../core/plan/types';

export interface SampleSheet {
  name: string;
  /** Anchored at A1, as Range.values would give it after the file is written. */
  grid: CellValue[][];
  /** 0-based row of the header. */
  headerRow: number;
  /** Columns whose numeric cells are dates ('yyyy-mm-dd'). */
  dateColumns: number[];
  /** Columns whose numeric cells are times of day ('hh:mm'). */
  timeColumns: number[];
  /** Merged areas, 0-based inclusive (the title row). */
  merges: { row: number; col: number; lastRow: number; lastCol: number }[];
  /** Column widths in characters. */
  widths: number[];
}

export interface SampleOptions {
  /** Vehicles in the customer base (default 2,000). */
  vehicles: number;
  seed: number;
  /** Serial date the data is "as of" (the month-end of the export). */
  asOf: number;
  /** Showroom register rows (default vehicles / 2). */
  registerRows?: number;
  /** Prospects on the follow-up cards (default register rows × 0.3). */
  prospects?: number;
}

export interface SampleWorkbook {
  sheets: SampleSheet[];
  counts: { vehicles: number; customerRows: number; duplicates: number; calls: number; register: number; prospects: number; prospectRows: number };
  /** The true status band of every vehicle (0 active, 1 at risk, 2 lost, 3 gone, 4 data problem), for tests. */
  bands: Uint8Array;
  dealerName: string;
}
