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
