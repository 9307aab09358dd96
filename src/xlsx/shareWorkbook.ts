/**
 * The share-safe copy of a workbook file: every sheet (hidden and very hidden included, ChurnDesk's state sheet
 * too) read into grids, masked by the core's `maskWorkbook`, and the edits applied to the loaded copy. Cell notes
 * and hyperlink targets are scrubbed too; exceljs writes a fresh shared-string table, so no unmasked string of the
 * input survives in the file. The input file is only read.
 */
import ExcelJS from 'exceljs';
import { maskWorkbook, type MaskOptions } from '../core/share/maskWorkbook';
import { loadWorkbook, worksheetToGrid } from './readWorkbook';

export interface ShareResult {
  sheets: { name: string; maskedCells: number; personalColumns: number }[];
  maskedCells: number;
}

function scrubNote(cell: ExcelJS.Cell, scrub: (text: string) => string): void {
  const note = cell.note as unknown;
  if (!note) return;
  if (typeof note === 'string') {
    cell.note = scrub(note);
    return;
  }
  const texts = (note as { texts?: { text?: string }[] }).texts;
  if (!Array.isArray(texts)) return;
  // A note split into runs is scrubbed whole (a phone may span two runs), then kept as one plain run.
  const whole = texts.map((t) => (typeof t.text === 'string' ? t.text : '')).join('');
  const scrubbed = scrub(whole);
  if (scrubbed !== whole) cell.note = scrubbed;
}

/**
 * Loads IN, masks it and returns the masked workbook (not yet written).
 * @example const { workbook, result } = await shareSafeWorkbook('dealer.xlsx');
 */
export async function shareSafeWorkbook(file: string, options: MaskOptions = {}): Promise<{ workbook: ExcelJS.Workbook; result: ShareResult }> {
  const workbook = await loadWorkbook(file);
  const worksheets: ExcelJS.Worksheet[] = [];
  workbook.eachSheet((ws) => worksheets.push(ws));
  const grids = worksheets.map((ws) => ({ name: ws.name, grid: worksheetToGrid(ws) }));
  const mask = maskWorkbook(grids, options);
  const sheets: ShareResult['sheets'] = [];
  // The same remembered values as the grids (a customer's name in a note is masked like in a cell).
  const scrub = mask.scrub;
  mask.sheets.forEach((m, i) => {
    const ws = worksheets[i];
    for (const e of m.edits) {
      const cell = ws.getCell(e.row + 1, e.col + 1);
      // A plain text value: drops a formula, rich text or a hyperlink that would carry the original.
      cell.value = e.value;
      cell.numFmt = '@';
    }
    sheets.push({ name: m.sheet, maskedCells: m.edits.length, personalColumns: m.columns.length });
  });
  // Notes and the remaining hyperlink targets (tel:, mailto:) are free text too.
  for (const ws of worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        scrubNote(cell, scrub);
        const v = cell.value as unknown;
        if (v && typeof v === 'object' && 'hyperlink' in (v as object)) {
          const link = v as { text?: unknown; hyperlink?: string };
          const target = scrub(String(link.hyperlink ?? ''));
          if (target !== link.hyperlink) cell.value = typeof link.text === 'string' ? scrub(link.text) : '';
        }
      });
    });
  }
  return { workbook, result: { sheets, maskedCells: mask.maskedCells } };
}

/** Every text a workbook's cells hold (what a chart's labels or a pivot's items may repeat in a share-safe copy). */
export function cellTexts(workbook: ExcelJS.Workbook): Set<string> {
  const out = new Set<string>();
  workbook.eachSheet((ws) => {
    for (const row of worksheetToGrid(ws)) for (const v of row) if (typeof v === 'string' && v !== '') out.add(v);
  });
  return out;
}
