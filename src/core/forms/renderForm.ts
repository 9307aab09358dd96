/**
 * The one renderer of the form pack: FormDefinition (+ optional fill rows) → SheetSpec.
 *
 * Layout, top to bottom: merged title · header fields (label + fill-in cell) · the grid (one or two header rows,
 * data rows, a totals row of formulas) or the document body (numbered clauses) · summary rates · footer fields ·
 * notes · signature lines. Every grid is written as plain cells (style 'header' / 'cell' / 'total'), not as an Excel
 * table: a form is printed and filled by hand, two-level headers (来店 by time slot) cannot live in a table, and the
 * dealer's paper forms carry no filter buttons. Totals and rates are formulas, so they follow what is typed later.
 */
import type { CellSpec, CellValue, DataValidationSpec, SheetSpec } from '../plan/types';
import { a1, columnLetter, sanitizeSheetName } from '../plan/names';
import type { CardValues, FormColumn, FormColumnType, FormDefinition, FormField, TotalRule } from './types';
import { expandFormula, type FormulaContext } from './formulaTemplate';

/** Values known when the pack is generated, used by fields with a `source`. */
export interface FormContext {
  dealerName: string;
  /** e.g. '2026年10月' */
  period: string;
  /** e.g. '2026-10-31' */
  date: string;
}

/** A row of fill data already mapped to column keys. */
export type FormRowValues = Record<string, CellValue | undefined>;

export const YES_NO: readonly string[] = ['是', '否'];
/** Page footer of every form. */
export const FORM_FOOTER = '第 &P 页 / 共 &N 页';
/** Width (in characters) of a document form: 8 columns of 11 = 88, fits A4 portrait. */
const DOC_COLS = 8;
const DOC_COL_WIDTH = 11;
const DEFAULT_BLANK_ROWS = 15;

const NUMBER_FORMATS: Record<FormColumnType, string> = {
  text: '@',
  list: '@',
  yesno: '@',
  date: 'yyyy-mm-dd',
  time: 'hh:mm',
  integer: '0',
  number: '0.0',
  percent: '0.0%',
  money: '#,##0.00',
};

/** Display width of text: CJK and full-width characters count double. @example textWidth('合计A') // 5 */
export function textWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return n;
}

function defaultWidth(col: FormColumn): number {
  const byType: Partial<Record<FormColumnType, number>> = { date: 11, time: 7, money: 11, percent: 8, yesno: 6 };
  const header = col.group ? textWidth(col.header) + 2 : Math.min(textWidth(col.header) + 2, 16);
  return Math.max(5, Math.min(40, Math.max(header, byType[col.type] ?? 6)));
}

/** Column widths of a form, in characters. */
export function formColumnWidths(def: FormDefinition): number[] {
  if (def.kind === 'document' || !def.columns?.length) return new Array<number>(DOC_COLS).fill(DOC_COL_WIDTH);
  if (def.kind === 'cards') {
    const out: number[] = [];
    for (const c of def.columns) {
      const span = Math.max(1, c.span ?? 1);
      const w = c.width ?? defaultWidth(c);
      for (let i = 0; i < span; i++) out.push(Math.round((w / span) * 10) / 10);
    }
    return out;
  }
  return def.columns.map((c) => c.width ?? defaultWidth(c));
}

/** Landscape when the form is wide: more than 8 columns or wider than ~100 characters. */
export function isWide(widths: readonly number[]): boolean {
  let total = 0;
  for (const w of widths) total += w;
  return widths.length > 8 || total > 100;
}

function fieldValue(f: FormField, ctx: FormContext): CellValue {
  if (f.source === 'dealerName') return ctx.dealerName;
  if (f.source === 'period') return ctx.period;
  if (f.source === 'date') return ctx.date;
  return f.value ?? '';
}

/**
 * Splits the columns into `k` consecutive segments of nearly equal printed width: [start, length][].
 * Every segment gets at least one column.
 */
function segments(widths: readonly number[], k: number): [number, number][] {
  const ncols = widths.length;
  let total = 0;
  for (const w of widths) total += w;
  const out: [number, number][] = [];
  let start = 0;
  let acc = 0;
  for (let i = 0; i < k; i++) {
    const remainingSegments = k - i;
    if (remainingSegments === 1) {
      out.push([start, ncols - start]);
      break;
    }
    const target = (total * (i + 1)) / k;
    let end = start + 1;
    acc += widths[start];
    // Take more columns while that brings the segment's right edge closer to its share, leaving one per later segment.
    while (end < ncols - (remainingSegments - 1) && Math.abs(acc + widths[end] - target) < Math.abs(acc - target)) {
      acc += widths[end];
      end++;
    }
    out.push([start, end - start]);
    start = end;
  }
  return out;
}

/**
 * Estimated printed lines of a wrapped text over a column span of `widthChars` (Excel width units). A CJK glyph
 * takes about 1.8 units at the forms' 10–11 pt; erring wide keeps text from being cut in Excel.
 */
function linesFor(text: string, widthChars: number): number {
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil((textWidth(part) * 0.9) / Math.max(1, widthChars - 0.5)));
  return lines;
}

class SheetBuilder {
  readonly cells: CellSpec[] = [];
  readonly rowHeights: { row: number; height: number }[] = [];
  row = 0;
  constructor(
    readonly ncols: number,
    readonly widths: readonly number[],
  ) {}

  /** Width in characters of columns [start, start+len). */
  span(start: number, len: number): number {
    let w = 0;
    for (let c = start; c < start + len; c++) w += this.widths[c] ?? 0;
    return w;
  }

  /** A full-width merged text row (title, notes, clause text), with a height that shows every line. */
  fullRow(value: string, style: CellSpec['style'], opts: { height?: number; align?: CellSpec['align'] } = {}): void {
    this.cells.push({
      row: this.row,
      col: 0,
      value,
      style,
      mergeAcross: this.ncols - 1 > 0 ? this.ncols - 1 : undefined,
      wrap: true,
      align: opts.align ?? 'left',
    });
    const lines = linesFor(value, this.span(0, this.ncols));
    this.rowHeights.push({ row: this.row, height: opts.height ?? Math.max(18, lines * 15 + 4) });
    this.row++;
  }

  /** Label + fill-in cell pairs, several per row, wide ones alone on their row. */
  fields(fields: readonly FormField[], ctx: FormContext, perRowMax?: number): void {
    const per = perRowMax ?? this.perRow();
    this.pairs(
      fields.map((f) => {
        const v = fieldValue(f, ctx);
        const input: Partial<CellSpec> = { style: 'input', numberFormat: '@', align: 'left' };
        if (v !== '') input.value = v;
        // A value too long for its share of the row (a long 销售服务商 name) takes a row of its own, across the width
        // (and wraps there if it must, the row growing with it: pairs).
        const room = this.span(0, this.ncols) / per - (textWidth(f.label) + 2);
        const long = typeof v === 'string' && v !== '' && textWidth(v) * 0.9 > room;
        return { label: f.label, wide: f.wide || long, input };
      }),
      perRowMax,
    );
  }

  /** Label + content pairs per row: about 40 characters per pair, at most 4 per row. */
  perRow(): number {
    return Math.max(1, Math.min(4, Math.floor(this.span(0, this.ncols) / 40), this.ncols));
  }

  /** Label + content pairs laid out across the width: about 40 characters per pair, at most 4 per row. */
  pairs(items: readonly { label: string; wide?: boolean; input: Partial<CellSpec> }[], perRowMax?: number): void {
    const maxPerRow = perRowMax ?? this.perRow();
    let pending: typeof items[number][] = [];
    const flush = () => {
      if (!pending.length) return;
      const segs = segments(this.widths, Math.min(pending.length, this.ncols));
      let lines = 1;
      segs.forEach(([start, len], i) => (lines = Math.max(lines, this.pair(pending[i].label, pending[i].input, start, len))));
      // A value longer than its field (a long 销售服务商 name) wraps, and the row grows so it prints whole.
      this.rowHeights.push({ row: this.row, height: lines > 1 ? Math.max(20, lines * 15 + 4) : 20 });
      this.row++;
      pending = [];
    };
    for (const item of items) {
      if (item.wide) {
        flush();
        pending = [item];
        flush();
        continue;
      }
      pending.push(item);
      if (pending.length >= maxPerRow) flush();
    }
    flush();
  }

  /** One label and its content cell; returns the printed lines the content needs in its span (1 when it fits). */
  private pair(label: string, content: Partial<CellSpec>, start: number, len: number): number {
    // The label gets enough columns for its text where it can; the content keeps at least one column.
    let labelLen = 1;
    const need = textWidth(label) + 2;
    while (labelLen < len - 1 && this.span(start, labelLen) < need) labelLen++;
    if (len === 1) {
      this.cells.push({ row: this.row, col: start, value: `${label}:`, style: 'label', wrap: true });
      return 1;
    }
    this.cells.push({
      row: this.row,
      col: start,
      value: `${label}:`,
      style: 'label',
      align: 'right',
      mergeAcross: labelLen > 1 ? labelLen - 1 : undefined,
    });
    const inputLen = len - labelLen;
    const cell: CellSpec = { ...content, row: this.row, col: start + labelLen };
    if (inputLen > 1) cell.mergeAcross = inputLen - 1;
    const lines = typeof cell.value === 'string' && cell.value !== '' ? linesFor(cell.value, this.span(start + labelLen, inputLen)) : 1;
    if (lines > 1) cell.wrap = true;
    this.cells.push(cell);
    return lines;
  }

  blank(height = 8): void {
    this.rowHeights.push({ row: this.row, height });
    this.row++;
  }
}

function totalFormula(rule: TotalRule, letter: string, first: number, last: number, ctx: FormulaContext): string {
  const range = `${letter}${first}:${letter}${last}`;
  if (rule === 'sum') return `SUM(${range})`;
  if (rule === 'count') return `COUNTA(${range})`;
  if (rule === 'average') return `IFERROR(AVERAGE(${range}),"")`;
  return expandFormula(rule.formula, ctx);
}

/** Options of renderForm. */
export interface RenderFormOptions {
  ctx: FormContext;
  /** Rows to write instead of the preset and blank rows (a filled form, see fill.ts). Undefined or empty: a blank form. */
  rows?: readonly FormRowValues[];
  /** Sheet name to use (already made unique); default: the sanitised title. */
  sheetName?: string;
  /** Cards forms: the cards of a filled form (see fill.ts). Undefined or empty: three blank cards. */
  cards?: readonly CardValues[];
}

/**
 * Printable height of an A4 page (842 pt) at 100% between the forms' top and bottom margins (0.5 in and 0.6 in),
 * in points. A cards form is one page wide at 100% (its columns are narrower than the page), so its rows print at
 * the heights written here.
 */
const CARD_PAGE_HEIGHT = 842 - 72 * (0.5 + 0.6);
/** Height of a card's first row: a page may end up to this far (less CARD_PAGE_SLACK) from where we expect it. */
const CARD_HEAD_HEIGHT = 30;
/** How far short of the page end a page's last card ends: the page breaks inside the next card's first row. */
const CARD_PAGE_SLACK = 12;
const CARD_FIELD_HEIGHT = 20;
const CARD_ROW_HEIGHT = 19;
const CARD_GAP = 10;
const BLANK_CARDS = 3;

/**
 * The cards of a cards form (意向客户跟踪卡): each card its fields (three per row; the first row taller, it heads the
 * card) and its grid (header + one row per follow-up, at least def.cardRows). Cards never straddle a printed page:
 * when the next card would not fit, a blank row fills the page up to CARD_PAGE_SLACK short of its end, so the page
 * breaks inside that card's first row and the card starts the next page. The sheet's title block fills the first
 * page's first card slot the same way.
 */
function renderCards(b: SheetBuilder, def: FormDefinition, cards: readonly CardValues[], validations: DataValidationSpec[], titleHeight: number): void {
  const columns = def.columns ?? [];
  const fields = def.cardFields ?? [];
  const minRows = def.cardRows ?? 5;
  const list: readonly CardValues[] = cards.length ? cards : Array.from({ length: BLANK_CARDS }, () => ({ fields: {}, rows: [] }));
  const room = CARD_PAGE_HEIGHT - CARD_PAGE_SLACK;
  let used = titleHeight;
  const fieldRows = Math.ceil(fields.length / 2);
  // Each logical column's first sheet column and width (a column may span several sheet columns).
  const startOf: number[] = [];
  const widthOf: number[] = [];
  let at = 0;
  for (const col of columns) {
    const span = Math.max(1, col.span ?? 1);
    startOf.push(at);
    widthOf.push(b.span(at, span));
    at += span;
  }
  const headerH = headerHeight(columns, widthOf);
  list.forEach((card, index) => {
    // Row heights of this card, known before it is written, so it can be moved to the next page whole.
    const n = Math.max(minRows, card.rows.length);
    const rowHeights: number[] = [];
    for (let i = 0; i < n; i++) {
      let lines = 1;
      const values = card.rows[i] ?? {};
      columns.forEach((c, ci) => {
        const v = values[c.key];
        if (typeof v === 'string' && v) lines = Math.max(lines, linesFor(v, widthOf[ci]));
      });
      rowHeights.push(Math.max(CARD_ROW_HEIGHT, lines * 15 + 4));
    }
    let height = CARD_HEAD_HEIGHT + (fieldRows - 1) * CARD_FIELD_HEIGHT + headerH + CARD_GAP;
    for (const h of rowHeights) height += h;
    if (index > 0 && used + height > room && used < room) {
      // Fill the page: rows are at most 409 pt high in Excel.
      let rest = room - used;
      while (rest > 0) {
        const h = Math.min(409, rest);
        b.rowHeights.push({ row: b.row, height: h });
        b.row++;
        rest -= h;
      }
      used = 0;
    } else if (used + height > CARD_PAGE_HEIGHT) used = used + height - CARD_PAGE_HEIGHT; // a card taller than a page
    // The card's fields: label + value pairs, two per row.
    const items = fields.map((f) => {
      const v = f.field ? card.fields[f.field] : undefined;
      const input: Partial<CellSpec> = { style: 'input', align: 'left', numberFormat: f.type === 'date' ? 'yyyy-mm-dd' : '@' };
      if (v !== undefined && v !== '') input.value = v;
      return { label: f.label, input };
    });
    const firstFieldRow = b.row;
    b.pairs(items, 2);
    // The card's first row heads it: taller, so the page break it may hold leaves the card whole.
    const head = b.rowHeights.find((h) => h.row === firstFieldRow);
    if (head) head.height = CARD_HEAD_HEIGHT;
    const headerRow = b.row;
    const merge = (c: number) => (columns[c].span && columns[c].span! > 1 ? columns[c].span! - 1 : undefined);
    columns.forEach((col, c) => {
      b.cells.push({ row: headerRow, col: startOf[c], value: col.header, style: 'header', wrap: true, align: 'center', mergeAcross: merge(c) });
      for (let k = 1; k <= (merge(c) ?? 0); k++) b.cells.push({ row: headerRow, col: startOf[c] + k, style: 'header' });
    });
    b.rowHeights.push({ row: headerRow, height: headerH });
    b.row++;
    const first = b.row;
    for (let i = 0; i < n; i++) {
      const values = card.rows[i] ?? {};
      columns.forEach((col, c) => {
        const v = values[col.key];
        const cell: CellSpec = { row: b.row, col: startOf[c], style: 'cell', numberFormat: NUMBER_FORMATS[col.type], mergeAcross: merge(c) };
        if (v !== undefined && v !== '') cell.value = v;
        if (typeof v === 'string' && linesFor(v, widthOf[c]) > 1) cell.wrap = true;
        if (col.type !== 'text') cell.align = col.type === 'integer' || col.type === 'number' ? 'right' : 'center';
        b.cells.push(cell);
        for (let k = 1; k <= (merge(c) ?? 0); k++) b.cells.push({ row: b.row, col: startOf[c] + k, style: 'cell' });
      });
      b.rowHeights.push({ row: b.row, height: rowHeights[i] });
      b.row++;
    }
    columns.forEach((col, c) => {
      const values = col.type === 'list' ? col.values : col.type === 'yesno' ? YES_NO : undefined;
      if (values?.length) validations.push({ row: first, col: startOf[c], lastRow: b.row - 1, lastCol: startOf[c], validation: { type: 'list', values, strict: false } });
    });
    b.blank(CARD_GAP);
    used += height;
  });
}

/** Sum of the heights of rows [0, rows) as the builder set them (15 pt where none was set). */
function heightOfRows(b: SheetBuilder, rows: number): number {
  const byRow = new Map<number, number>();
  for (const h of b.rowHeights) byRow.set(h.row, h.height);
  let total = 0;
  for (let r = 0; r < rows; r++) total += byRow.get(r) ?? 15;
  return total;
}

/**
 * Renders one form as a SheetSpec, key 'form.<id>'.
 * @example renderForm(definition('F01')!, { ctx: { dealerName: 'XX店', period: '2026年10月', date: '2026-10-31' } }).name
 * // '展厅来电-店登记表'
 */
export function renderForm(def: FormDefinition, options: RenderFormOptions): SheetSpec {
  const widths = formColumnWidths(def);
  const ncols = widths.length;
  const b = new SheetBuilder(ncols, widths);
  const validations: DataValidationSpec[] = [];
  const isCards = def.kind === 'cards';
  const isGrid = def.kind !== 'document' && !isCards && !!def.columns?.length;

  b.fullRow(def.title, 'title', { height: 28, align: 'center' });
  if (def.headerFields?.length) b.fields(def.headerFields, options.ctx);
  let repeatLast = b.row - 1;

  if (isCards) {
    // The notes first (what the levels mean), then the cards.
    for (const n of def.notes ?? []) b.fullRow(n, 'note');
    b.blank(6);
    renderCards(b, def, options.cards ?? [], validations, heightOfRows(b, b.row));
  } else if (isGrid) {
    const columns = def.columns!;
    b.blank(6);
    // Header: two rows when some columns are grouped (来店客户批数 over its time slots).
    const grouped = columns.some((c) => c.group);
    const headerRow = b.row;
    if (grouped) {
      let c = 0;
      while (c < columns.length) {
        const g = columns[c].group;
        if (!g) {
          b.cells.push({ row: headerRow, col: c, value: columns[c].header, style: 'header', mergeDown: 1, wrap: true, align: 'center' });
          b.cells.push({ row: headerRow + 1, col: c, style: 'header' });
          c++;
          continue;
        }
        let end = c;
        while (end + 1 < columns.length && columns[end + 1].group === g) end++;
        b.cells.push({ row: headerRow, col: c, value: g, style: 'header', mergeAcross: end > c ? end - c : undefined, align: 'center', wrap: true });
        for (let k = c; k <= end; k++) {
          if (k > c) b.cells.push({ row: headerRow, col: k, style: 'header' });
          b.cells.push({ row: headerRow + 1, col: k, value: columns[k].header, style: 'header', wrap: true, align: 'center' });
        }
        c = end + 1;
      }
      b.rowHeights.push({ row: headerRow, height: 20 }, { row: headerRow + 1, height: headerHeight(columns, widths) });
      b.row += 2;
    } else {
      columns.forEach((col, c) => b.cells.push({ row: headerRow, col: c, value: col.header, style: 'header', wrap: true, align: 'center' }));
      b.rowHeights.push({ row: headerRow, height: headerHeight(columns, widths) });
      b.row += 1;
    }
    repeatLast = b.row - 1;

    // Data rows: a filled form's rows as given (fill.ts already merged any preset rows), otherwise the preset rows
    // (matrix) followed by blank rows for hand filling.
    let rows: readonly FormRowValues[];
    if (options.rows?.length) rows = options.rows;
    else {
      const blankForm: FormRowValues[] = [...((def.presetRows as FormRowValues[] | undefined) ?? [])];
      const blanks = def.blankRows ?? (def.kind === 'matrix' && def.presetRows?.length ? 0 : DEFAULT_BLANK_ROWS);
      for (let i = 0; i < blanks; i++) blankForm.push({});
      if (blankForm.length === 0) blankForm.push({});
      rows = blankForm;
    }
    const first = b.row + 1; // 1-based Excel row numbers
    const last = b.row + rows.length;
    const letters = new Map(columns.map((c, i) => [c.key, columnLetter(i)]));
    const totalsRow0 = columns.some((c) => c.total) ? b.row + rows.length : -1;
    const totalAddress = new Map<string, string>();
    if (totalsRow0 >= 0) columns.forEach((c, i) => c.total && totalAddress.set(c.key, a1(totalsRow0, i)));
    const fctx = (r?: number): FormulaContext => ({ row: r, first, last, letters, totals: totalAddress });

    // Per-column facts computed once: this loop runs once per cell of a filled register (a million cells and more).
    const plan = columns.map((col, c) => ({
      key: col.key,
      numberFormat: NUMBER_FORMATS[col.type],
      align: (col.type === 'integer' || col.type === 'number' || col.type === 'money' || col.type === 'percent'
        ? 'right'
        : col.type === 'text'
          ? undefined
          : 'center') as CellSpec['align'],
      formula: col.formula,
      numbered: col.key === 'no' && !def.presetRows?.length,
      width: widths[c],
    }));
    // A month of day rows (排班表, 客流量) at 17 pt keeps the month on one page; other forms get room to write.
    const minHeight = def.kind === 'matrix' ? 0 : rows.length > 25 ? 17 : 19;
    for (let i = 0; i < rows.length; i++) {
      const values = rows[i];
      const r0 = b.row;
      let lines = 1;
      for (let c = 0; c < plan.length; c++) {
        const p = plan[c];
        let cell: CellSpec;
        if (p.formula) {
          // A formula in a text ('@') cell would stay text in Excel: a text result (星期, 内因/外因) shows under General.
          cell = { row: r0, col: c, formula: expandFormula(p.formula, fctx(r0 + 1)), style: 'cell', numberFormat: p.numberFormat === '@' ? 'General' : p.numberFormat };
        } else {
          let v = values[p.key];
          if ((v === undefined || v === '') && p.numbered) v = i + 1;
          cell = v === undefined || v === '' ? { row: r0, col: c, style: 'cell', numberFormat: p.numberFormat } : { row: r0, col: c, value: v, style: 'cell', numberFormat: p.numberFormat };
          // Only long text can need more than one line: skip measuring the short values that make up most cells.
          if (typeof v === 'string' && v.length * 2 > p.width - 2) {
            const n = linesFor(v, p.width);
            if (n > 1 || textWidth(v) > p.width - 1) cell.wrap = true;
            if (n > lines) lines = n;
          }
        }
        if (p.align) cell.align = p.align;
        b.cells.push(cell);
      }
      const h = Math.max(minHeight, lines * 15 + 4);
      b.rowHeights.push({ row: r0, height: h });
      b.row++;
    }
    columns.forEach((col, c) => {
      const list = col.type === 'yesno' ? YES_NO : col.type === 'list' ? col.values : undefined;
      if (list?.length) validations.push({ row: first - 1, col: c, lastRow: last - 1, lastCol: c, validation: { type: 'list', values: list, strict: false } });
    });

    if (totalsRow0 >= 0) {
      const labelCol = columns.findIndex((c) => !c.total);
      columns.forEach((col, c) => {
        // A total over a text column is a count: a number format, since a formula in a text ('@') cell stays text in Excel.
        const format = col.total && NUMBER_FORMATS[col.type] === '@' ? '0' : NUMBER_FORMATS[col.type];
        const cell: CellSpec = { row: b.row, col: c, style: 'total', numberFormat: format };
        if (col.total) {
          cell.formula = totalFormula(col.total, columnLetter(c), first, last, fctx());
          cell.align = 'right';
        } else if (c === labelCol) {
          cell.value = def.totalsLabel ?? '合计';
          cell.align = 'center';
          cell.numberFormat = '@';
          // Span the label over the blank cells that follow it (up to 3), so '合计/平均' is never cut.
          let span = 0;
          while (span < 2 && c + span + 1 < columns.length && !columns[c + span + 1].total && textWidth(String(cell.value)) + 1 > b.span(c, span + 1)) span++;
          if (span > 0) cell.mergeAcross = span;
        }
        b.cells.push(cell);
      });
      b.rowHeights.push({ row: b.row, height: 20 });
      b.row++;
    }

    if (def.summaries?.length) {
      b.blank(6);
      b.pairs(
        def.summaries.map((sm) => ({
          label: sm.label,
          input: {
            formula: expandFormula(sm.formula, fctx()),
            style: 'total',
            numberFormat: sm.format === 'percent' ? '0.0%' : sm.format === 'money' ? '#,##0.00' : '0',
            align: 'right',
          },
        })),
      );
    }
  } else {
    // Document: preamble, numbered clauses, each clause's fill-in fields.
    if (def.preamble) {
      b.blank(6);
      b.fullRow(def.preamble, undefined);
    }
    (def.clauses ?? []).forEach((clause, i) => {
      const heading = `${chineseOrdinal(i + 1)}${clause.heading ? ` ${clause.heading}` : ''}`;
      b.fullRow(heading, 'label', { height: 20 });
      if (clause.text) b.fullRow(clause.text, undefined);
      if (clause.fields?.length) b.fields(clause.fields, options.ctx, 2);
    });
  }

  if (def.footerFields?.length) {
    b.blank(6);
    b.fields(def.footerFields, options.ctx);
  }
  if (def.notes?.length && !isCards) {
    for (const n of def.notes) b.fullRow(n, 'note');
  }
  if (def.signatures?.length) {
    b.blank(8);
    b.fields(
      def.signatures.map((label) => ({ label })),
      options.ctx,
      def.kind === 'document' ? 2 : undefined,
    );
  }

  const lastRow = Math.max(0, b.row - 1);
  return {
    key: `form.${def.id}`,
    name: options.sheetName ?? sanitizeSheetName(def.title),
    role: 'form',
    cells: b.cells,
    tables: [],
    columnWidths: widths.map((width, col) => ({ col, width })),
    rowHeights: b.rowHeights,
    validations,
    personalData: !!((options.rows?.length || options.cards?.length) && def.personalData),
    print: {
      orientation: def.orientation ?? (isWide(widths) ? 'landscape' : 'portrait'),
      paper: 'A4',
      // Cards print at 100% (they are narrower than the page), so their row heights are the printed ones.
      fitToWidth: !isCards,
      repeatRows: isGrid ? { first: 0, last: repeatLast } : undefined,
      area: { firstRow: 0, firstCol: 0, lastRow, lastCol: ncols - 1 },
      footer: FORM_FOOTER,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6 },
    },
  };
}

function headerHeight(columns: readonly FormColumn[], widths: readonly number[]): number {
  let lines = 1;
  columns.forEach((c, i) => (lines = Math.max(lines, linesFor(c.header, widths[i]))));
  return Math.max(20, lines * 14 + 6);
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 第一条 … 第二十条 (clauses never go past 99). @example chineseOrdinal(12) // '第十二条' */
export function chineseOrdinal(n: number): string {
  let s: string;
  if (n <= 10) s = DIGITS[n];
  else if (n < 20) s = '十' + DIGITS[n - 10];
  else s = DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  return `第${s}条`;
}
