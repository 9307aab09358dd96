/**
 * Writes the sample grids to an .xlsx with exceljs's streaming writer, so a million-vehicle workbook never holds
 * the whole file in memory: numbers in date columns get a date format (real Excel dates), times 'hh:mm',
 * the title row is merged, the header row bold.
 */
import ExcelJS from 'exceljs';
import type { SampleSheet } from './types';

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { name: 'Microsoft YaHei', bold: true, size: 10 },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
};
const TITLE_STYLE: Partial<ExcelJS.Style> = { font: { name: 'Microsoft YaHei', bold: true, size: 14 } };

/**
 * Writes the sheets to `file`. `onRow` reports progress every 10,000 rows.
 * @example await writeSample('out/sample.xlsx', generateSample({ vehicles: 2000, seed: 1, asOf: 46326 }).sheets)
 */
export async function writeSample(file: string, sheets: SampleSheet[], onRow?: (written: number, total: number) => void): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const total = sheets.reduce((n, s) => n + s.grid.length, 0);
  let written = 0;
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: sheet.headerRow + 1 }] });
    ws.columns = sheet.widths.map((width) => ({ width }));
    const dateCols = new Set(sheet.dateColumns);
    const timeCols = new Set(sheet.timeColumns);
    for (const m of sheet.merges) ws.mergeCells(m.row + 1, m.col + 1, m.lastRow + 1, m.lastCol + 1);
    for (let r = 0; r < sheet.grid.length; r++) {
      const values = sheet.grid[r];
      const row = ws.getRow(r + 1);
      for (let c = 0; c < values.length; c++) {
        const v = values[c];
        if (v === '') continue;
        const cell = row.getCell(c + 1);
        cell.value = v;
        if (typeof v === 'number' && r > sheet.headerRow) {
          if (dateCols.has(c) && v >= 1) cell.numFmt = 'yyyy-mm-dd';
          else if (timeCols.has(c) && v < 1) cell.numFmt = 'hh:mm';
        }
        if (r === sheet.headerRow) cell.style = HEADER_STYLE;
        else if (r < sheet.headerRow && c === 0) cell.style = TITLE_STYLE;
      }
      row.commit();
      if (onRow && ++written % 10000 === 0) onRow(written, total);
    }
    ws.commit();
  }
  await workbook.commit();
}
