/**
 * Print and screen setup shared by every list and summary sheet (issue 12.2), applied once to the finished plan so
 * that every builder (summaries, lists, the 目录 sheet) prints alike without knowing about it:
 * - print titles: the header row of the sheet's main table (the one with the most rows) repeats on every page (a
 *   sheet without a table: its title and subtitle);
 * - frozen panes: the rows down to that header row when the main table is the sheet's first table (a list), else the
 *   title and subtitle (a summary of several tables: freezing one table's header would hide the others);
 * - footer: the sheet's own name (&A), the dealer, and the page of that sheet (page numbering restarts at 1 on every
 *   sheet: firstPageNumber); the page total of a sheet is not printable (&N counts the whole print job in Excel and
 *   LibreOffice alike, see docs/decisions.md), so the footer says 第 x 页 of this sheet;
 * - wrapped text: a merged, wrapping cell (the conclusion lines, notes) gets a row height that shows all its lines,
 *   since neither Excel nor LibreOffice grows a row for a merged cell's wrapped text.
 */
import type { CellSpec, SheetSpec } from './types';

/** Excel's default column width in characters. */
const DEFAULT_WIDTH = 8.43;
/** Excel refuses a header/footer section longer than 255 characters; the dealer's part is kept well under it. */
const FOOTER_DEALER_MAX = 60;
/** The tallest frozen block a list keeps on screen (rows): a taller one would leave little to scroll. */
const MAX_FROZEN_ROWS = 12;
/** Excel's largest row height, in points. */
const MAX_ROW_HEIGHT = 409;

export interface PrintContext {
  /** The dealer's name ('' when unknown: the footer's centre stays empty). */
  dealer: string;
  /** The page part of the footer, with &P (catalogue text, e.g. '第 &P 页'). */
  pageText: string;
}

/**
 * Display width of a text in column-width units (the width of '0'): a CJK character about two, a Latin letter of
 * proportional text a little under one (measured on LibreOffice's PDF: 103 letters fit in 78 units).
 */
export function textWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) > 0x2e80 ? 2.1 : 0.9;
  return n;
}

/** Line height in points of a wrapped cell, by style (font size × about 1.6, as LibreOffice and Excel lay CJK out). */
function lineHeight(cell: CellSpec): number {
  if (cell.style === 'note') return 14;
  if (cell.style === 'title') return 26;
  return 18;
}

/** '&' starts a code in a header or footer: a literal one is written '&&'. */
export function footerText(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').slice(0, FOOTER_DEALER_MAX).replace(/&/g, '&&');
}

/** The row heights that show every line of the sheet's merged wrapping cells (the taller of what the plan had). */
function wrapHeights(spec: SheetSpec): { row: number; height: number }[] {
  const widths = new Map((spec.columnWidths ?? []).map((w) => [w.col, w.width]));
  const heights = new Map((spec.rowHeights ?? []).map((h) => [h.row, h.height]));
  for (const cell of spec.cells) {
    if (!cell.wrap || typeof cell.value !== 'string' || !cell.value) continue;
    let room = 0;
    for (let c = cell.col; c <= cell.col + (cell.mergeAcross ?? 0); c++) room += widths.get(c) ?? DEFAULT_WIDTH;
    // A little less than the columns hold: the cell's padding, and fonts a little wider than the estimate.
    room = Math.max(1, room * 0.92 - 1);
    let lines = 0;
    for (const part of cell.value.split('\n')) lines += Math.max(1, Math.ceil(textWidth(part) / room));
    const rows = (cell.mergeDown ?? 0) + 1;
    // One line needs no more than a default row of its font; each further line its line height.
    const need = Math.min(MAX_ROW_HEIGHT, Math.ceil((lines * lineHeight(cell) + (lines > 1 ? 4 : 0)) / rows));
    for (let r = cell.row; r < cell.row + rows; r++) heights.set(r, Math.max(heights.get(r) ?? 0, need));
  }
  return [...heights.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
}

/**
 * The sheet with print titles, frozen panes, the footer and wrap heights; forms and notices are returned as they are.
 * @example finishForPrint(list, { dealer: '某某4S店', pageText: '第 &P 页' }).print.repeatRows // { first: 5, last: 5 }
 */
export function finishForPrint(spec: SheetSpec, ctx: PrintContext): SheetSpec {
  if (spec.role !== 'list' && spec.role !== 'summary') return spec;
  let main = spec.tables[0];
  for (const t of spec.tables) if (t.rows.length >= main.rows.length) main = t;
  const first = spec.tables.reduce<typeof main | undefined>((a, t) => (!a || t.row < a.row ? t : a), undefined);
  const listLike = main !== undefined && main === first && main.row + 1 <= MAX_FROZEN_ROWS;
  const freeze = spec.freeze ?? (listLike ? { rows: main.row + 1, columns: 0 } : { rows: 2, columns: 0 });
  // A sheet of cells only (the 目录) repeats its title and subtitle.
  const repeatRows = spec.print.repeatRows ?? (main ? { first: main.row, last: main.row } : { first: 0, last: 1 });
  return {
    ...spec,
    freeze,
    rowHeights: wrapHeights(spec),
    print: {
      ...spec.print,
      repeatRows,
      footerLeft: '&A',
      footer: footerText(ctx.dealer),
      footerRight: ctx.pageText,
      firstPageNumber: 1,
    },
  };
}
