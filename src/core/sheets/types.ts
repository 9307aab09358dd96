/**
 * The contract of the input layer: how a messy dealer sheet is described once its header row is found
 * and its columns are mapped by meaning. Implemented in src/core/sheets/ (header detection, synonyms,
 * sheet-kind detection); used by the after-sales and sales analyses.
 */
import type { SheetInput } from '../plan/types';

export type SheetKind = 'customers' | 'calls' | 'register' | 'prospects';

export const CUSTOMER_FIELDS = [
  'name', 'phone', 'plate', 'vin', 'model', 'purchaseDate', 'lastVisitDate', 'visitCount', 'mileage',
  'region', 'advisor', 'gender', 'address', 'warrantyEndDate',
] as const;
export const CALL_FIELDS = [
  'callDate', 'vin', 'plate', 'phone', 'name', 'result', 'reason', 'destination', 'invited',
  'appointmentDate', 'returnDate', 'caller',
] as const;
export const REGISTER_FIELDS = [
  'date', 'time', 'contactType', 'callMark', 'visitMark', 'name', 'gender', 'phone', 'address', 'intendedModel',
  'source', 'process', 'level', 'closure', 'consultant', 'remarks', 'testDrive', 'quote', 'order',
] as const;
export const PROSPECT_FIELDS = [
  'prospectId', 'name', 'phone', 'level', 'followDate', 'followMethod', 'followResult', 'nextDate',
  'defeatReason', 'boughtInstead', 'consultant', 'source', 'model', 'createdDate',
] as const;

export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
export type CallField = (typeof CALL_FIELDS)[number];
export type RegisterField = (typeof REGISTER_FIELDS)[number];
export type ProspectField = (typeof PROSPECT_FIELDS)[number];
export type Field = CustomerField | CallField | RegisterField | ProspectField;

/** One numbered follow-up group of a wide prospect card (第1次跟进日期, 第1次跟进结果, …): field -> column. */
export interface FollowUpGroup {
  n: number;
  columns: Partial<Record<'followDate' | 'followMethod' | 'followResult' | 'level' | 'nextDate', number>>;
}

/** A sheet whose header row was found and whose columns are mapped by meaning. */
export interface MappedSheet {
  sheet: SheetInput;
  kind: SheetKind;
  /** 0-based row of the header. */
  headerRow: number;
  /** Header texts of the header row, as written (trimmed). */
  headers: string[];
  /** field -> 0-based column index. */
  columns: Partial<Record<Field, number>>;
  /** Wide prospect cards only: numbered follow-up groups in order. */
  followUpGroups: FollowUpGroup[];
  /** Required fields of the kind that were not found (the pane asks the user to map them). */
  missingRequired: Field[];
  /**
   * 0-based indexes of data rows, ascending: rows below the header that are not blank, not a totals row
   * (合计/总计/小计), and not a repeated header.
   */
  dataRows: number[];
  /** Rows skipped as totals rows (reported). */
  totalsRows: number[];
  /**
   * Column index of ChurnDesk's own columns from a previous run (found by WorkbookState.ownedColumns or by their
   * exact headers), or null. These columns are ignored as input and rewritten.
   */
  ownedStart: number | null;
  /** How confident the detection is (number of recognised fields); used to pick between candidate sheets. */
  score: number;
}

/** The sheets found in a workbook, by role, with the ones not used. */
export interface DetectedSheets {
  customers?: MappedSheet;
  calls?: MappedSheet;
  register?: MappedSheet;
  prospects?: MappedSheet;
  /** Sheets not used, with why (e.g. 'ownedByChurnDesk', 'notRecognised'). */
  ignored: { sheet: string; reason: string }[];
}
