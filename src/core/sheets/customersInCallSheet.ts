/**
 * A customer base whose calls are written in the same sheet (one row per vehicle, or per call, with the call's
 * date and result to the right): its cells hold vehicles AND call results, so it is read as a call log, and no
 * customer base is found. The product cannot yet read one sheet as two kinds; rather than "no customer sheet"
 * without a field, it refuses naming the sheet, the call columns it found there, the customer columns it found
 * there, and the customer fields it could not place (issue 10 part 3: never a refusal that names nothing).
 */
import { columnLabel } from './needsMappingText';
import { mapSheet } from './mapSheet';
import { DEPENDS } from './dependencies';
import type { DetectedSheets, Field } from './types';

/** The call log's columns that make it one (its record date, result and call details). */
const CALL_FIELDS: readonly Field[] = ['callDate', 'result', 'reason', 'caller'];
/** The customer base's columns worth naming (its dependencies and the vehicle). */
const CUSTOMER_FIELDS: readonly Field[] = ['vin', 'plate', 'phone', 'purchaseDate', 'lastVisitDate'];

export interface CustomersInCallSheet {
  sheet: string;
  /** “去电日期时间”(J)=callDate, … */
  callColumns: string;
  /** “车架编号”(B)=vin, … */
  customerColumns: string;
  /** Customer fields the sheet has no sure column for ('lastVisitDate, purchaseDate'), '' when none. */
  missingFields: string;
}

/**
 * When no customer base was found but the call log has vehicles, that sheet read as a customer base: which
 * columns it has for each kind. null when there is a customer base, no call log, or the call log holds no vehicle.
 * @example customersInCallSheet(detectSheets([{ name: '流失客户回访', grid }]))?.callColumns // '“去电日期时间”(J)=callDate、“去电结果”(K)=result'
 */
export function customersInCallSheet(detected: DetectedSheets): CustomersInCallSheet | null {
  const calls = detected.calls;
  if (detected.customers || !calls) return null;
  if (calls.columns.vin === undefined && calls.columns.plate === undefined) return null;
  const asCustomers = mapSheet(calls.sheet, 'customers');
  const label = (m: typeof calls, fields: readonly Field[]) =>
    fields.filter((f) => m.columns[f] !== undefined).map((f) => `${columnLabel(m.headers[m.columns[f]!] ?? '', m.columns[f]!)}=${f}`).join('、');
  const unsure = new Set((asCustomers.needsMapping ?? []).flatMap((n) => n.fields));
  const missing = DEPENDS.customers.flat().filter((f) => f !== 'phone' && f !== 'plate' && f !== 'vin' && unsure.has(f));
  return { sheet: calls.sheet.name, callColumns: label(calls, CALL_FIELDS), customerColumns: label(asCustomers, CUSTOMER_FIELDS), missingFields: missing.join(', ') };
}

/** A result column filled with call results on at least this share of the sampled cells is a call log's. */
const RESULT_FIT = 0.6;

/**
 * The mirror case: a sheet read as the customer base that also holds calls (call results in a column the base does
 * not use, mostly readable as results) while no call log was found. Reading the base alone would report every such vehicle as
 * 未回访 with confident figures; the same refusal names the columns of each kind. null when there is a call log, no
 * base, or the base has no call date and result of its own.
 * @example callsInCustomerSheet(detectSheets([{ name: 'export', grid }]))?.callColumns // '“回访时间”(J)=callDate、“回访结果”(K)=result'
 */
export function callsInCustomerSheet(detected: DetectedSheets): CustomersInCallSheet | null {
  const base = detected.customers;
  if (!base || detected.calls) return null;
  const used = new Set(Object.values(base.columns) as number[]);
  const asCalls = mapSheet(base.sheet, 'calls');
  const result = asCalls.columns.result;
  // The call results are what the base has no use for; the call date may be sparse (one row per vehicle, called or
  // not) or taken by the base as its latest date, so it is named when found, not required.
  if (asCalls.headerRow !== base.headerRow || result === undefined || used.has(result)) return null;
  const fit = asCalls.evidence?.find((e) => e.field === 'result')?.contentFit ?? 0;
  if (!(fit >= RESULT_FIT)) return null;
  const label = (m: typeof base, fields: readonly Field[]) =>
    fields.filter((f) => m.columns[f] !== undefined).map((f) => `${columnLabel(m.headers[m.columns[f]!] ?? '', m.columns[f]!)}=${f}`).join('、');
  const unsure = new Set((base.needsMapping ?? []).flatMap((n) => n.fields));
  const missing = DEPENDS.customers.flat().filter((f) => f !== 'phone' && f !== 'plate' && f !== 'vin' && unsure.has(f));
  return { sheet: base.sheet.name, callColumns: label(asCalls, CALL_FIELDS), customerColumns: label(base, CUSTOMER_FIELDS), missingFields: missing.join(', ') };
}
