/**
 * Keeps the user's dates and times exactly as stored when exceljs saves a workbook it loaded.
 *
 * Why: exceljs reads a date-formatted cell as a JS Date and writes it back as `ms / 86400000 + 25569`. Adding the
 * epoch offset after the division costs the last bits of the fraction, so a time typed as 11:00 (0.458333…)
 * comes back as 0.45833333333212, which LibreOffice shows as 10:59:59. Writing the serial number ourselves
 * (dateToSerial inverts exceljs's reading exactly) with the cell's own date format leaves the file's value as it was.
 */
import type ExcelJS from 'exceljs';
import { MS_PER_DAY, dateToSerial } from './serial';

/** Days between the 1900 and the 1904 date systems (a Mac workbook's serial 0 is 1904-01-01). */
const DATE1904_OFFSET = 1462;

/**
 * Replaces every Date value that carries a number format by its exact serial number (mutates the workbook).
 * @returns how many cells were pinned.
 * @example pinDateSerials(loaded.workbook) // 2417
 */
export function pinDateSerials(workbook: ExcelJS.Workbook): number {
  const offset = (workbook.properties as { date1904?: boolean }).date1904 ? DATE1904_OFFSET : 0;
  let pinned = 0;
  workbook.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        // Without a number format the Date is exceljs's to format; a number there would lose the date look.
        if (v instanceof Date && cell.numFmt) {
          // Whole milliseconds are exact integers: shift by the date system there, divide once at the end.
          cell.value = (Math.round(dateToSerial(v) * MS_PER_DAY) - offset * MS_PER_DAY) / MS_PER_DAY;
          pinned++;
        }
      });
    });
  });
  return pinned;
}
