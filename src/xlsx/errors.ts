/** Typed errors of the file adapter; the CLI turns each into a message saying what to fix. */

/** The file is missing, not a zip, or not an .xlsx workbook. */
export class NotAWorkbookError extends Error {
  constructor(
    public readonly file: string,
    public readonly detail: string,
  ) {
    super(`Not an .xlsx workbook: ${file} (${detail})`);
    this.name = 'NotAWorkbookError';
  }
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
