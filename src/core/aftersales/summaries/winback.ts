/**
 * Summary 7, 招揽名单: every vehicle that needs something done (all but 活跃), best priority first, then the
 * freshest loss first (fewer months without a visit: cheaper to win back), then sheet order. Holds names and phones:
 * personalData, so the share-safe copy masks it.
 */
import type { CellValue, SheetSpec, TableColumn } from '../../plan/types';
import { buildSummarySheet } from '../../plan/summarySheet';
import { ActionTexts } from '../analyseVehicles';
import { PRIORITIES, type Priority } from '../labels';
import type { SummaryContext } from './context';
import { CALLER_FIELDS, CALLER_HEADER_KEYS, defaultCaller, hasRecord, NoteMatcher, readCallerNotes, scriptKeyOf, scriptTable, ServiceDueTexts, type CallerField, type CallerNote } from './callSheet';
import { CONTACT_RESULTS } from '../labels';
import { ymdToSerial } from '../../values/dates';

const RANK: Record<Priority, number> = Object.fromEntries(PRIORITIES.map((p, i) => [p, i])) as Record<Priority, number>;

export interface WinBackFigures {
  toCall: number;
  high: number;
  toUpdate: number;
  /** Rows of the list carrying a caller's record (date, result, appointment or note) kept from the previous sheet. */
  notesKept: number;
  /** Rows of 历史招揽记录: records of vehicles no longer on the list. */
  notesArchived: number;
}

/** Vehicle indexes of the list, in list order. */
export function winBackOrder(ctx: SummaryContext): number[] {
  const { a } = ctx;
  const list: number[] = [];
  for (let v = 0; v < a.vehicles.count; v++) if (a.status[v] !== '活跃') list.push(v);
  // One numeric sort key per vehicle (priority rank, then months, then sheet order), so the comparator is a subtraction.
  const key = new Float64Array(a.vehicles.count);
  for (const v of list) {
    const m = a.monthsSinceVisit[v];
    key[v] = RANK[a.priority[v]] * 1e4 + (Number.isNaN(m) ? 9999 : Math.min(m, 9998));
  }
  list.sort((x, y) => key[x] - key[y] || x - y);
  return list;
}

/**
 * The list slots (indexes into `order`) in the order of their vehicles.
 * @example slotsInVehicleOrder([2, 0, 1], 3) // Int32Array [1, 2, 0]
 */
export function slotsInVehicleOrder(order: readonly number[], vehicles: number): Int32Array {
  const slotOf = new Int32Array(vehicles).fill(-1);
  for (let i = 0; i < order.length; i++) slotOf[order[i]] = i;
  const slots = new Int32Array(order.length);
  let k = 0;
  for (let v = 0; v < vehicles; v++) if (slotOf[v] >= 0) slots[k++] = slotOf[v];
  return slots;
}

/**
 * Row indexes sorted by caller (callers in string order, '' last), rows of one caller in their order: a stable
 * counting sort over the few distinct callers instead of comparing a caller text per comparison.
 * @example byCallerOrder(['乙', '', '甲', '乙']) // [2, 0, 3, 1]
 */
export function byCallerOrder(callers: readonly string[]): number[] {
  const rankOf = new Map<string, number>();
  for (const c of callers) if (!rankOf.has(c)) rankOf.set(c, 0);
  const distinct = [...rankOf.keys()].sort((x, y) => {
    if (!x) return 1;
    if (!y) return -1;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  distinct.forEach((c, i) => rankOf.set(c, i));
  const start = new Array<number>(distinct.length + 1).fill(0);
  const rank = new Int32Array(callers.length);
  for (let i = 0; i < callers.length; i++) start[(rank[i] = rankOf.get(callers[i]) as number) + 1]++;
  for (let r = 1; r <= distinct.length; r++) start[r] += start[r - 1];
  const out = new Array<number>(callers.length);
  for (let i = 0; i < callers.length; i++) out[start[rank[i]]++] = i;
  return out;
}

export function winBackSheet(ctx: SummaryContext): { sheet: SheetSpec; figures: WinBackFigures } {
  const { t, a, settings } = ctx;
  const order = winBackOrder(ctx);
  const sourceRows = a.vehicles;
  const customerRows = ctx.a.vehicles.firstRow;
  const rowsOfSheet = ctx.rowsOfSheet;
  const figures: WinBackFigures = { toCall: 0, high: 0, toUpdate: 0, notesKept: 0, notesArchived: 0 };
  const rows: CellValue[][] = new Array(order.length);
  const texts = new ActionTexts(a, settings, t);
  const script = scriptTable(settings, t);
  const matcher = new NoteMatcher(readCallerNotes(ctx.previousWinBack, t));
  const callers: string[] = new Array(order.length);
  const due = new ServiceDueTexts(settings, ctx.asOf, t);
  // A row depends on its vehicle alone, except for the notes kept, which are taken in list order. Without notes to
  // take, the rows are built in vehicle order, each into its list slot, so the twenty per-vehicle columns are read
  // one after the other rather than at random (a cache miss per column and row at 1,000,000 vehicles); same rows.
  const slots = matcher.isEmpty ? slotsInVehicleOrder(order, a.vehicles.count) : null;
  for (let k = 0; k < order.length; k++) {
    const i = slots === null ? k : slots[k];
    const v = order[i];
    const p = a.priority[v];
    if (p === '—') figures.toUpdate++;
    else figures.toCall++;
    if (p === 'A 高') figures.high++;
    const [action, why] = texts.of(v);
    const kept = matcher.take(sourceRows.vin[v], sourceRows.plate[v], sourceRows.phone[v], sourceRows.name[v]);
    if (kept && hasRecord(kept)) figures.notesKept++;
    const caller = kept && kept.values.caller !== '' ? String(kept.values.caller) : defaultCaller(a, v);
    callers[i] = caller;
    // The call sheet first (what a caller reads and fills, the print area), then the analysis behind it.
    rows[i] = [
      caller, p, sourceRows.name[v], sourceRows.phone[v], sourceRows.plate[v], sourceRows.model[v], a.status[v],
      Number.isNaN(a.monthsSinceVisit[v]) ? '' : a.monthsSinceVisit[v],
      Number.isFinite(sourceRows.lastVisit[v]) ? sourceRows.lastVisit[v] : '',
      Number.isFinite(sourceRows.mileage[v]) ? Math.round(sourceRows.mileage[v]) : '',
      due.of(a, v), a.reasonCategory[v], action, script(scriptKeyOf(a, v)),
      kept ? kept.values.callDate : '', kept ? kept.values.result : '', kept ? kept.values.appointment : '', kept ? kept.values.note : '',
      sourceRows.vin[v], sourceRows.region[v], Number.isNaN(a.ageYears[v]) ? '' : a.ageYears[v], a.lastResult[v], a.reasonText[v], why,
      sourceRows.advisor[v], rowsOfSheet ? rowsOfSheet[customerRows[v]] + 1 : '',
    ];
  }
  // Sorted by caller (each caller's rows together, unassigned last), then the priority order above: a caller filters
  // or prints their own block. Stable: rows of one caller keep the priority order.
  const sorted = byCallerOrder(callers).map((i) => rows[i]);
  const history = historyRows(matcher.leftover(), ymdToSerial(ctx.asOf));
  figures.notesArchived = history.length;
  const text = (key: string, width?: number) => ({ header: t(key), kind: 'text' as const, width });
  const [caller, ...record] = callerColumns(t);
  const sheet = buildSummarySheet({
    key: 'list.winback',
    name: t('aftersales.sheet.winback'),
    title: t('aftersales.title.winback'),
    subtitle: ctx.subtitle,
    conclusion: [t('aftersales.c.winback', { call: figures.toCall, a: figures.high, update: figures.toUpdate }), callerLine(callers, t)],
    tables: [
      {
        id: 'list',
        caption: t('aftersales.cap.winback'),
        columns: [
          caller, { ...text('aftersales.h.priority', 8), validation: { type: 'list', values: [...PRIORITIES], strict: false } },
          text('aftersales.h.name', 9), text('aftersales.h.phone', 13), text('aftersales.h.plate', 10), text('aftersales.h.model', 10),
          text('aftersales.h.status', 9), { header: t('aftersales.h.months'), kind: 'integer', width: 8 },
          { header: t('callsheet.h.lastVisit'), kind: 'date', width: 11 }, { header: t('callsheet.h.mileage'), kind: 'integer', width: 10 },
          { ...text('callsheet.h.serviceDue', 22), wrap: true }, text('callsheet.h.reasonCategory', 9), text('aftersales.h.action', 14),
          { ...text('callsheet.h.script', 40), wrap: true },
          ...record,
          text('aftersales.h.vin', 20), text('aftersales.h.region', 10), { header: t('aftersales.h.ageYears'), kind: 'integer', width: 9 },
          text('aftersales.h.lastResult', 12), text('aftersales.h.reason', 24), text('aftersales.h.why', 36), text('aftersales.h.advisor', 10),
          { header: t('aftersales.h.sourceRow'), kind: 'integer', width: 9 },
        ],
        rows: sorted,
        conditionalFormats: rows.length
          ? [{ type: 'textEquals', col: PRIORITY_COL, firstRow: 0, lastRow: rows.length - 1, text: 'A 高', fill: 'orange' }]
          : undefined,
      },
      ...(history.length
        ? [{
            id: 'history',
            caption: t('callsheet.cap.history'),
            columns: [
              text('aftersales.h.vin', 20), text('aftersales.h.plate', 11), text('aftersales.h.name', 10), text('aftersales.h.phone', 14),
              ...callerColumns(t), { header: t('callsheet.h.leftOn'), kind: 'date' as const, width: 12 },
            ],
            rows: history,
          }]
        : []),
    ],
    notes: [t('callsheet.note.howTo')],
    personalData: true,
    orientation: 'landscape',
  });
  return { sheet: printCallSheet(sheet), figures };
}

/** Callers named in the conclusion line; the rest are summed up. */
const CALLERS_NAMED = 8;

/**
 * The conclusion's second line: rows per caller, most first (then by name), and the unassigned rows, so a manager
 * sees the split and each caller knows to filter the 招揽专员 column.
 * @example callerLine(['小刘', '小刘', ''], t) // '按招揽专员:小刘 2位;未分配 1位。在表头筛选“招揽专员”只看自己的客户'
 */
export function callerLine(callers: readonly string[], t: SummaryContext['t']): string {
  const counts = new Map<string, number>();
  let unassigned = 0;
  for (const c of callers) {
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    else unassigned++;
  }
  const ranked = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const named = ranked.slice(0, CALLERS_NAMED).map(([name, n]) => t('callsheet.c.caller', { name, n }));
  const rest = ranked.slice(CALLERS_NAMED);
  if (rest.length) named.push(t('callsheet.c.otherCallers', { callers: rest.length, n: rest.reduce((a, [, n]) => a + n, 0) }));
  return t('callsheet.c.byCaller', {
    callers: named.length ? named.join(t('callsheet.c.sep')) : t('callsheet.c.none'),
    unassigned,
  });
}

/** Column of 招揽优先级 in the list; columns 0..PRINT_LAST_COL (招揽专员 … 备注) are the printed call sheet. */
export const PRIORITY_COL = 1;
export const PRINT_LAST_COL = 17;

/**
 * Print-ready: the print area is the call sheet (招揽专员 … 备注) over every row, so the analysis columns to the right
 * (车架号, 理由, 源表行号 …) do not shrink the page; the title, conclusion and note lines span that width only.
 */
function printCallSheet(sheet: SheetSpec): SheetSpec {
  let lastRow = 0;
  for (const c of sheet.cells) lastRow = Math.max(lastRow, c.row);
  for (const tb of sheet.tables) lastRow = Math.max(lastRow, tb.row + Math.max(tb.rows.length, 1) + (tb.totalsRow ? 1 : 0));
  const cells = sheet.cells.map((c) => (c.mergeAcross !== undefined && c.col + c.mergeAcross > PRINT_LAST_COL ? { ...c, mergeAcross: PRINT_LAST_COL - c.col } : c));
  return { ...sheet, cells, rowHeights: wrappedRowHeights(sheet), print: { ...sheet.print, area: { firstRow: 0, firstCol: 0, lastRow, lastCol: PRINT_LAST_COL } } };
}

/** Lists up to this many rows get row heights for their wrapped text (a longer list is worked on screen). */
export const MAX_SIZED_ROWS = 2000;
const LINE_POINTS = 15;
const MAX_LINES = 6;

/**
 * Heights of the rows whose wrapped text (应做服务, 招揽话术) needs more than one line at its column's width, so it
 * shows and prints whole: a host does not grow a row's height for wrapped text on its own (LibreOffice, files).
 * CJK characters count two widths. Only for lists up to MAX_SIZED_ROWS rows.
 */
function wrappedRowHeights(sheet: SheetSpec): { row: number; height: number }[] {
  const out: { row: number; height: number }[] = [];
  const list = sheet.tables[0];
  if (!list || list.rows.length > MAX_SIZED_ROWS) return out;
  const wrapped = list.columns.map((c, j) => [c, j] as const).filter(([c]) => c.wrap && c.width);
  for (let i = 0; i < list.rows.length; i++) {
    let lines = 1;
    for (const [c, j] of wrapped) {
      const v = list.rows[i][j];
      if (typeof v !== 'string' || !v) continue;
      let w = 0;
      for (const ch of v) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
      lines = Math.max(lines, Math.ceil(w / Math.max(1, c.width! - 2)));
    }
    if (lines > 1) out.push({ row: list.row + 1 + i, height: Math.min(lines, MAX_LINES) * LINE_POINTS });
  }
  return out;
}

/** The caller's columns: text for who and what (never a formula), validated dates, the contact-result codes. */
function callerColumns(t: SummaryContext['t']): TableColumn[] {
  const widths: Record<CallerField, number> = { caller: 10, callDate: 12, result: 12, appointment: 12, note: 30 };
  return CALLER_FIELDS.map((f) => {
    const header = t(CALLER_HEADER_KEYS[f]);
    if (f === 'callDate' || f === 'appointment') return { header, kind: 'date', width: widths[f], validation: { type: 'date', strict: true } };
    if (f === 'result') {
      return { header, kind: 'text', width: widths[f], validation: { type: 'list', values: CONTACT_RESULTS.filter((r) => r !== '未回访'), strict: true } };
    }
    return { header, kind: 'text', width: widths[f] };
  });
}

/** Rows of the 历史招揽记录 table: notes of vehicles no longer on the list, with the date they left it. */
function historyRows(notes: readonly CallerNote[], asOfSerial: number): CellValue[][] {
  return notes.map((n) => [
    n.vin, n.plate, n.name, n.phoneShown || n.phone,
    ...CALLER_FIELDS.map((f) => n.values[f]),
    n.leftOn === '' ? asOfSerial : n.leftOn,
  ]);
}
