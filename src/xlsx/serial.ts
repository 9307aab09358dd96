/**
 * JS Date <-> Excel serial number, exactly as exceljs converts them.
 *
 * Why not the calendar helpers of src/core/values/dates.ts: exceljs turns the serial stored in the file into a
 * Date with `(serial - 25569) days after 1970-01-01` and back the same way, ignoring Excel's phantom 1900-02-29.
 * Inverting exceljs's own formula therefore gives back the very number stored in the file, which is what
 * Office's `Range.values` returns: serial 60 (the phantom 1900-02-29) and serial 1 (1900-01-01) read back as 60
 * and 1, even though exceljs's Date for them is one day early. For every date from 1900-03-01 on, the Date is
 * the true calendar date.
 */

export const MS_PER_DAY = 86400000;
const UNIX_EPOCH_SERIAL = 25569;

/**
 * The serial number exceljs read as `date` (1900 date system), including the time fraction.
 * @example dateToSerial(new Date(Date.UTC(2023, 4, 6, 12))) // 45052.5
 */
export function dateToSerial(date: Date): number {
  const serial = date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  // exceljs rounded the stored serial to whole milliseconds; round the same way so 0.1 stays 0.1 where it can.
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

/**
 * The Date exceljs writes as `serial`: the inverse of dateToSerial.
 * @example serialToDate(45052).toISOString() // '2023-05-06T00:00:00.000Z'
 */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}
