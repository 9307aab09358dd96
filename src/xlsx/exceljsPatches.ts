/**
 * One fix to exceljs 4.4's reader, applied once when the file adapter loads: a data validation is stored per cell
 * address (`DataValidationsXform.parseClose` calls `range.forEachAddress`), so a validation over whole columns
 * (D:D is 1,048,576 cells, common in dealer templates) costs seconds and hundreds of MB, and one over the whole
 * sheet (A1:XFD1048576) never finishes. A range of more than LARGE_RANGE cells is kept as one range key instead:
 * exceljs's own writer already renders such keys back as one sqref (`optimiseDataValidations`, the
 * `addr.dimensions` branch), so the user's validation is written out unchanged.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- exceljs's internal xform class is only reachable by path */
const DataValidationsXform = require('exceljs/lib/xlsx/xform/sheet/data-validations-xform') as {
  prototype: { parseClose(name: string): boolean; _address: string; _dataValidation: Record<string, unknown>; model: Record<string, unknown> };
};
/* eslint-enable @typescript-eslint/no-require-imports */

const LARGE_RANGE = 10_000;

/** Cells in an A1 range ('B2:D10'), or 1 for a single cell; Infinity when it cannot be read. */
function cellsIn(range: string): number {
  const m = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/i.exec(range);
  if (!m) return range.includes(':') ? Infinity : 1;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return (Math.abs(col(m[3]) - col(m[1])) + 1) * (Math.abs(Number(m[4]) - Number(m[2])) + 1);
}

let applied = false;

export function applyExceljsPatches(): void {
  if (applied) return;
  applied = true;
  const proto = DataValidationsXform.prototype;
  const original = proto.parseClose;
  proto.parseClose = function (this: typeof proto, name: string): boolean {
    if (name !== 'dataValidation') return original.call(this, name);
    const ranges = (this._address ?? '').split(/\s+/).filter(Boolean);
    if (!ranges.some((r) => cellsIn(r) > LARGE_RANGE)) return original.call(this, name);
    const dv = this._dataValidation;
    const formulae = dv.formulae as unknown[] | undefined;
    if (!formulae || !formulae.length) {
      delete dv.formulae;
      delete dv.operator;
    }
    for (const r of ranges) this.model[r] = dv;
    return true;
  };
}
