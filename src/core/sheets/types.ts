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

/** How sure a field's column is: chosen by the user, or by evidence (high / medium / low), or not placed at all. */
export type Confidence = 'user' | 'high' | 'medium' | 'low' | 'none';
/** What the header said: a listed synonym, a synonym contained in it, its concepts (concepts.ts), nothing, the user. */
export type HeaderMatch = 'user' | 'synonym' | 'contains' | 'concept' | 'initials' | 'none';

/** Why a field was mapped to a column (or not): for the report and the pane's 列映射 view. */
export interface FieldEvidence {
  field: Field;
  /** 0-based column, -1 when the field is not mapped. */
  column: number;
  /** The column's header text ('' when not mapped). */
  header: string;
  /** Combined score of header and content (higher is surer; comparable within a sheet). */
  score: number;
  confidence: Confidence;
  headerMatch: HeaderMatch;
  /** Share of the sampled non-blank cells that fit the field's value type; null when not checked. */
  contentFit: number | null;
  /** 'contentContradicts', 'contentOnly', 'ambiguous', 'after:<field>' (placed by a relation), 'before:<field>' (breaks it). */
  flags: string[];
  /** The next best column for the field, when there was one. */
  runnerUp?: { column: number; header: string; score: number };
}

/** A field the analysis depends on that is missing or placed with low confidence: the user must map it (or accept). */
export interface NeedsMapping {
  sheet: string;
  kind: SheetKind;
  /** The field to ask for (the first of `fields`). */
  field: Field;
  /** The rule's alternatives: mapping any one of them is enough. */
  fields: Field[];
  /**
   * 'uncertainKind': the sheet's kind itself is unsure (another kind fits it nearly as well, `runnerUp`); `field` is
   * the chosen kind's most telling field, mapping any column of the sheet by hand confirms the kind.
   */
  reason: 'missing' | 'lowConfidence' | 'uncertainKind';
  /** Columns that could hold it, best first. */
  candidates: { column: number; header: string; score: number }[];
  /** uncertainKind only: the kind the sheet fits next best. */
  runnerUp?: SheetKind;
}

/** A message by catalogue key (the same shape as plan Message). */
export interface Reason {
  key: string;
  params?: Record<string, string | number>;
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
  /** Per field of the kind: chosen column, score, confidence, runner-up (absent on sheets described by hand). */
  evidence?: FieldEvidence[];
  /** Fields the analysis depends on that are missing or unsure (see dependencies.ts). */
  needsMapping?: NeedsMapping[];
  /** Optional fields not found that change a result (each has a message 'input.absent.<field>'). */
  absent?: Field[];
  /** Why the sheet was taken for its kind (set by detectSheets). */
  why?: Reason[];
  /** The kind the sheet fits next best and its rank (set by detectSheets; absent when it fits no other kind). */
  kindRunnerUp?: { kind: SheetKind; rank: number };
}

/** One chosen sheet in the run report: its kind and why, and every field's column with the evidence. */
export interface SheetDetectionReport {
  sheet: string;
  kind: SheetKind;
  /** 0-based header row. */
  headerRow: number;
  why: Reason[];
  fields: FieldEvidence[];
  /** Optional fields not found that change a result ('input.absent.<field>'). */
  absent: Field[];
}

/** How the input was read: in RunReport.detection, so every host can show the mapping and what needs fixing. */
export interface DetectionReport {
  sheets: SheetDetectionReport[];
  /** Non-empty: no confident figures until these fields are mapped (or accepted as missing). */
  needsMapping: NeedsMapping[];
}

/** The sheets found in a workbook, by role, with the ones not used. */
export interface DetectedSheets {
  customers?: MappedSheet;
  calls?: MappedSheet;
  register?: MappedSheet;
  prospects?: MappedSheet;
  /** Sheets not used, with why (e.g. 'ownedByChurnDesk', 'notRecognised'). */
  ignored: { sheet: string; reason: string }[];
  /** Every chosen sheet's NeedsMapping, in kind order: non-empty means no confident figures. */
  needsMapping?: NeedsMapping[];
}
