/**
 * Whether a call-log row records a call (DOMAIN.md, 最近回访结果: "未回访 when no call is recorded"). Dealers often
 * prefill the log with the customers to call (VIN, plate, phone, caller) and fill the rest as the calls are made, so
 * a row that names a vehicle but holds nothing that only a call produces is a call still to be made, not a call.
 */
import type { CallTable } from './tables';

/**
 * True when row i holds a call date, a result, a reason, a destination, an invitation answer or a return date.
 * @example isRecordedCall(calls, 0) // false for a row holding only 车架号 and 回访人
 */
export function isRecordedCall(calls: CallTable, i: number): boolean {
  return (
    !Number.isNaN(calls.callDate[i]) ||
    calls.result[i].trim() !== '' ||
    calls.reason[i].trim() !== '' ||
    calls.destination[i].trim() !== '' ||
    calls.invited[i] >= 0 ||
    !Number.isNaN(calls.returnDate[i])
  );
}
