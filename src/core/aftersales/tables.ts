/**
 * The typed, column-wise tables the after-sales analysis works on: one array per field, one slot per data row
 * (struct of arrays: a million rows cost a few arrays, not a million objects). Built by records.ts from the mapped
 * sheets. Missing or unreadable values: '' for text, NaN for dates (serials) and numbers.
 */

export interface CustomerTable {
  sheet: string;
  /** Grid row index (0-based) of each data row, ascending. */
  rows: number[];
  vin: string[];
  plate: string[];
  phone: string[];
  name: string[];
  model: string[];
  region: string[];
  advisor: string[];
  purchase: Float64Array;
  lastVisit: Float64Array;
  mileage: Float64Array;
}

export interface CallTable {
  sheet: string;
  rows: number[];
  callDate: Float64Array;
  /** Time of day of the call as a fraction of a day (0.5 = 12:00), NaN when unknown: orders calls on one date. */
  callTime: Float64Array;
  vin: string[];
  plate: string[];
  phone: string[];
  result: string[];
  reason: string[];
  destination: string[];
  /** 1 invited, 0 not, -1 unknown. */
  invited: Int8Array;
  returnDate: Float64Array;
  caller: string[];
}

/** An empty customer table of n rows (tests and the reader fill it). */
export function emptyCustomerTable(sheet: string, rows: number[]): CustomerTable {
  const n = rows.length;
  const texts = () => new Array<string>(n).fill('');
  const nums = () => new Float64Array(n).fill(NaN);
  return {
    sheet, rows, vin: texts(), plate: texts(), phone: texts(), name: texts(), model: texts(), region: texts(),
    advisor: texts(), purchase: nums(), lastVisit: nums(), mileage: nums(),
  };
}

/** An empty call table of n rows. */
export function emptyCallTable(sheet: string, rows: number[]): CallTable {
  const n = rows.length;
  const texts = () => new Array<string>(n).fill('');
  const nums = () => new Float64Array(n).fill(NaN);
  return {
    sheet, rows, callDate: nums(), callTime: nums(), vin: texts(), plate: texts(), phone: texts(), result: texts(), reason: texts(),
    destination: texts(), invited: new Int8Array(n).fill(-1), returnDate: nums(), caller: texts(),
  };
}
