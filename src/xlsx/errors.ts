/** Typed errors of the file adapter; the CLI turns each into a message saying what to fix. */

import type { FileKind } from './identifyFile';

/**
 * The file is missing, not a zip, or not an .xlsx workbook. `kind` says what it is (identifyFile), or 'damaged'
 * when it is an .xlsx package a reader could not read; the message key is `cli.error.file.<kind>`. `detail` is the
 * reader's own text, for diagnostics only (never shown as the message).
 */
export class NotAWorkbookError extends Error {
  constructor(
    public readonly file: string,
    public readonly kind: Exclude<FileKind, 'xlsx'> | 'damaged',
    public readonly detail = '',
  ) {
    super(`Not a readable .xlsx workbook: ${file} (${kind}${detail ? `: ${detail}` : ''})`);
    this.name = 'NotAWorkbookError';
  }
}

/** Excel's grid: 1,048,576 rows × 16,384 columns (A … XFD). */
export const EXCEL_MAX_ROWS = 1048576;
export const EXCEL_MAX_COLUMNS = 16384;

/** A cell the file places outside Excel's grid: Excel itself would call the file damaged and repair it. */
export class CellOutOfRangeError extends Error {
  constructor(
    public readonly sheet: string,
    public readonly row: number,
    public readonly column: number,
  ) {
    super(`Cell outside Excel's grid in ${sheet}: row ${row}, column ${column}`);
    this.name = 'CellOutOfRangeError';
  }
}

/** Throws CellOutOfRangeError for a 1-based row/column outside Excel's grid. */
export function checkInGrid(sheet: string, row: number, column: number): void {
  if (row > EXCEL_MAX_ROWS || column > EXCEL_MAX_COLUMNS || row < 1 || column < 1) throw new CellOutOfRangeError(sheet, row, column);
}

/** A column write would overwrite a cell the user owns; nothing was written. */
export class OverwriteRefusedError extends Error {
  constructor(
    public readonly sheet: string,
    public readonly address: string,
    public readonly existing: string,
  ) {
    super(`Refusing to overwrite ${sheet}!${address} (holds "${existing}"): it is not a ChurnDesk column`);
    this.name = 'OverwriteRefusedError';
  }
}

/** The plan names a source sheet the workbook does not have. */
export class MissingSheetError extends Error {
  constructor(public readonly sheet: string) {
    super(`The workbook has no sheet named "${sheet}"`);
    this.name = 'MissingSheetError';
  }
}
