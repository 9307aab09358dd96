/**
 * The checker of issue 10's "How it will be checked": reads what `churn-desk analyze` wrote for one of the four v2
 * dealer workbooks (v2Workbooks.ts) and compares it with the workbook's independent truth:
 * - classification cells, vehicle by vehicle, on every customer-sheet row the truth lists for the vehicle
 *   (未回厂月数, 流失状态, 车龄(年), 车龄段, 保修状态, 最近回访结果, 流失原因, 原因类别; the product's columns are found by
 *   their header texts in the header rows), and the 重复记录 marks;
 * - the 流失概览 figures (基盘客户, count per status, classified, lost, churn rate, retention rate, to win back);
 * - for the register, 展厅客流量统计's 来店批数/来电批数 per date and two-hour slot, and 留有客户资料数/订单数 per date;
 * - rows that are not records: no status on them, and the report's counts (车辆数, 回访记录条数, 展厅登记行数 …) equal to
 *   the truth's;
 * - a refusal (non-zero exit whose message names a field and candidate columns) is "flagged", not a misread.
 * The figures are measurements. Nothing here calls the product: v2Check.test.ts runs the CLI and passes its output.
 */
import ExcelJS from 'exceljs';
import type { DealerTruth, VehicleTruth } from './v2Workbooks';

export interface CliRun { code: number | null; stdout: string; stderr: string; seconds: number }

export interface Tally { right: number; compared: number }

export interface CheckResult {
  file: string;
  code: number | null;
  seconds: number;
  /** The refusal's message lines when the run was refused with a message naming a field and candidate columns. */
  flagged: string[] | null;
  /** For a refusal: each field of the truth it names, and whether the truth's column is among the columns it names. */
  flaggedFields: { sheet: string; field: string; truthHeader: string; named: boolean }[];
  /** A non-zero exit without such a message (every truth cell then counts as wrong). */
  failedUnflagged: boolean;
  cells: Tally | null;
  perField: Record<string, Tally>;
  duplicates: Tally | null;
  overview: Tally | null;
  traffic: Tally | null;
  perDate: Tally | null;
  /** Rows of the customer sheet below the header that are not a vehicle's and carry no status (n of N). */
  nonRecordsLeftOut: Tally | null;
  /** The report's counts (stdout) that equal the truth's. */
  reportCounts: Tally | null;
  mismatches: string[];
}

export const CLASSIFICATION_FIELDS = ['未回厂月数', '流失状态', '车龄(年)', '车龄段', '保修状态', '最近回访结果', '流失原因', '原因类别'] as const;
type ClassField = (typeof CLASSIFICATION_FIELDS)[number];
export const DUPLICATE_HEADER = '重复记录';
export const OVERVIEW_SHEET = '流失概览';
export const TRAFFIC_SHEET = '展厅客流量统计';
const MAX_MISMATCHES = 20;

/** Words a refusal names a field with: the product's field ids and their zh-CN / en-US labels. */
const FIELD_WORDS = [
  'lastVisitDate', 'purchaseDate', 'vin', 'plate', 'phone', 'callDate', 'result', 'contactType', 'prospectId', 'level',
  '最后进站日期', '购车日期', '车架号', '车牌号', '联系电话', '回访日期', '回访结果', '来电/来店', '进-离时间', '意向级别', '日期',
  'last visit', 'purchase date', 'VIN', 'call date', 'call result',
];
const CANDIDATE_WORDS = /可能的列|候选|candidate|--map/i;

type Plain = string | number | null;

const norm = (s: string): string => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** A cell's value as the user sees it: formula results, rich text joined, dates as yyyy-mm-dd, blanks and dashes null. */
export function plain(v: ExcelJS.CellValue | undefined): Plain {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') {
    const s = norm(v);
    return s === '' || s === '—' || s === '-' || s === '–' ? null : s;
  }
  if (typeof v === 'object') {
    if ('result' in v) return plain((v as { result?: ExcelJS.CellValue }).result);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('richText' in v) return plain((v as ExcelJS.CellRichTextValue).richText.map((x) => x.text).join(''));
    if ('text' in v) return plain(String((v as { text: unknown }).text));
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

/** Equal as values: numbers as numbers (a numeric text counts), texts after NFKC and trimming, null only to null. */
export function same(product: Plain, truth: string | number | null): boolean {
  if (truth === null) return product === null;
  if (product === null) return false;
  if (typeof truth === 'number') {
    const n = typeof product === 'number' ? product : Number(String(product).replace(/[,\s]/g, ''));
    return Number.isFinite(n) && Math.abs(n - truth) < 1e-9;
  }
  return norm(String(product)) === norm(truth);
}

/** A rate written as a fraction or as a percent text ('41.9%'). */
function rate(v: Plain): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  const m = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(v);
  if (m) return Number(m[1]) / 100;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

const p2 = (n: number): string => String(n).padStart(2, '0');

/** A date cell of a summary table as yyyy-mm-dd (Date, serial, or text y-m-d / y/m/d / y年m月d日). */
export function isoDate(v: Plain): string | null {
  if (v === null) return null;
  if (typeof v === 'number') {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000);
    return d.toISOString().slice(0, 10);
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(v);
  return m ? `${m[1]}-${p2(Number(m[2]))}-${p2(Number(m[3]))}` : null;
}

/** Whether a non-zero exit is a refusal naming a field and candidate columns; its message lines if so. */
export function refusal(run: CliRun): string[] | null {
  if (run.code === 0) return null;
  const text = `${run.stderr}\n${run.stdout}`;
  const namesField = FIELD_WORDS.some((w) => text.includes(w));
  if (!namesField || !CANDIDATE_WORDS.test(text)) return null;
  // the message, without the progress line the CLI draws on stderr (\r-redrawn, ANSI codes)
  const lines = run.stderr.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g'), '').split(/[\r\n]+/).map((x) => x.trim()).filter(Boolean);
  const from = lines.findIndex((x) => /^churn-desk:/.test(x));
  return (from >= 0 ? lines.slice(from) : lines.filter((x) => !/已用 \d+ 秒|elapsed/.test(x))).slice(0, 8);
}

/** The truth's fields a refusal names (by field id), and whether it names the truth's column for each. */
export function refusedFields(truth: DealerTruth, message: string): CheckResult['flaggedFields'] {
  const out: CheckResult['flaggedFields'] = [];
  for (const s of truth.sheets) {
    if (!s.kind || !message.includes(s.name)) continue;
    for (const [field, header] of Object.entries(s.columns)) {
      if (!new RegExp(`(?<![A-Za-z])${field}(?![A-Za-z])`).test(message)) continue;
      const last = header.split('/').pop()!;
      out.push({ sheet: s.name, field, truthHeader: last, named: message.includes(last) });
    }
  }
  return out;
}

/** Header text -> 1-based column, searched in the rows above the first data row (columns right of the input first). */
function headerColumns(ws: ExcelJS.Worksheet, lastHeaderRow: number, inputWidth: number, wanted: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  const want = new Map(wanted.map((w) => [norm(w), w]));
  const width = ws.columnCount;
  for (const pass of [0, 1]) {
    for (let r = 1; r <= lastHeaderRow; r++) {
      for (let c = pass === 0 ? inputWidth + 1 : 1; c <= (pass === 0 ? width : inputWidth); c++) {
        const v = plain(ws.getCell(r, c).value);
        if (typeof v !== 'string') continue;
        const key = want.get(norm(v));
        if (key && !found.has(key)) found.set(key, c);
      }
    }
  }
  return found;
}

function truthValue(v: VehicleTruth, f: ClassField): string | number | null {
  return v[f] as string | number | null;
}

const tally = (): Tally => ({ right: 0, compared: 0 });
const add = (t: Tally, ok: boolean): void => { t.compared++; if (ok) t.right++; };

/** The counts of the CLI's report (stdout), by their zh-CN labels: label -> number. */
export function reportNumbers(stdout: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of stdout.split('\n')) {
    const m = /^\s*([^:：\d][^:：]*)[:：]\s*(\d+)\s*$/.exec(line);
    if (m && !out.has(m[1].trim())) out.set(m[1].trim(), Number(m[2]));
  }
  return out;
}

/**
 * Compares the product's output for one workbook with its truth. `inputWidths` is each input sheet's column count
 * (the product appends its columns to the right). `book` is null when the run wrote nothing.
 */
export function checkOutput(truth: DealerTruth, run: CliRun, book: ExcelJS.Workbook | null, inputWidths: Record<string, number>): CheckResult {
  const res: CheckResult = {
    file: truth.file, code: run.code, seconds: run.seconds, flagged: refusal(run), flaggedFields: [], failedUnflagged: false,
    cells: null, perField: {}, duplicates: null, overview: null, traffic: null, perDate: null, nonRecordsLeftOut: null, reportCounts: null, mismatches: [],
  };
  const miss = (s: string): void => { if (res.mismatches.length < MAX_MISMATCHES) res.mismatches.push(s); else if (res.mismatches.length === MAX_MISMATCHES) res.mismatches.push('…'); };
  if (res.flagged) {
    res.flaggedFields = refusedFields(truth, res.flagged.join('\n'));
    return res;
  }
  const failed = run.code !== 0 || book === null;
  if (failed) {
    res.failedUnflagged = true;
    miss(`exit ${run.code} without naming a field and candidate columns: ${(run.stderr || run.stdout).trim().split('\n').slice(0, 3).join(' / ')}`);
  }
  const numbers = reportNumbers(failed ? '' : run.stdout);

  // ---- after-sales: classification cells, duplicates, non-record rows, 流失概览 ----
  const cs = truth.sheets.find((s) => s.kind === 'customers');
  if (truth.vehicles && cs) {
    const cells = tally();
    const dup = tally();
    const left = tally();
    for (const f of CLASSIFICATION_FIELDS) res.perField[f] = tally();
    const ws = book?.getWorksheet(cs.name);
    const lastHeader = cs.firstDataRow - 1;
    const cols = ws ? headerColumns(ws, lastHeader, inputWidths[cs.name] ?? 0, [...CLASSIFICATION_FIELDS, DUPLICATE_HEADER]) : new Map<string, number>();
    if (!failed && !ws) miss(`sheet ${cs.name} not in the output`);
    for (const f of [...CLASSIFICATION_FIELDS, DUPLICATE_HEADER]) if (ws && !cols.has(f)) miss(`${cs.name}: no column headed ${f}`);
    const vehicleRows = new Set<number>();
    for (const v of truth.vehicles) {
      for (const row of v.rows) {
        vehicleRows.add(row);
        for (const f of CLASSIFICATION_FIELDS) {
          const c = cols.get(f);
          const pv = ws && c ? plain(ws.getCell(row, c).value) : null;
          const tv = truthValue(v, f);
          const ok = !failed && c !== undefined && same(pv, tv);
          add(cells, ok);
          add(res.perField[f], ok);
          if (!ok && c !== undefined) miss(`${cs.name}!${row} ${v.vin} ${f}: product ${JSON.stringify(pv)}, truth ${JSON.stringify(tv)}`);
        }
        const dc = cols.get(DUPLICATE_HEADER);
        const marked = ws && dc ? plain(ws.getCell(row, dc).value) !== null : false;
        const okDup = !failed && dc !== undefined && marked === v.duplicateRows.includes(row);
        add(dup, okDup);
        if (!okDup && dc !== undefined) miss(`${cs.name}!${row} ${v.vin} ${DUPLICATE_HEADER}: product ${marked ? 'marked' : 'not marked'}, truth ${v.duplicateRows.includes(row) ? 'a duplicate row' : 'the vehicle\'s row'}`);
      }
    }
    // every row below the header that is not a vehicle's carries no status
    const sc = cols.get('流失状态');
    const lastRow = Math.max(ws?.rowCount ?? 0, ...truth.nonRecordRows.filter((x) => x.sheet === cs.name).map((x) => x.row));
    // (from the row under the header: a notes row above the first data row is no record either)
    for (let row = Math.max(0, ...cs.headerRows) + 1; row <= lastRow; row++) {
      if (vehicleRows.has(row)) continue;
      const nr = truth.nonRecordRows.find((x) => x.sheet === cs.name && x.row === row);
      const st = ws && sc ? plain(ws.getCell(row, sc).value) : null;
      if (!nr && st === null) continue; // a blank row the product left alone
      const ok = !failed && sc !== undefined && st === null;
      add(left, ok);
      if (!ok && sc !== undefined) miss(`${cs.name}!${row} (${nr ? `non-record: ${nr.text}` : 'no record'}) was given 流失状态 ${JSON.stringify(st)}`);
    }
    res.cells = cells;
    res.duplicates = dup;
    res.nonRecordsLeftOut = left;
    if (truth.overview) res.overview = checkOverview(truth, failed ? null : book, miss);
    const rc = tally();
    const want: [string, number][] = [['车辆数', truth.vehicles.length]];
    if (truth.calls) want.push(['回访记录条数', truth.calls.records], ['未匹配到车辆的回访记录', truth.calls.unmatched]);
    for (const [label, t] of want) {
      const p = numbers.get(label);
      add(rc, p === t);
      if (p !== t && !failed) miss(`report ${label}: product ${p ?? 'absent'}, truth ${t}`);
    }
    res.reportCounts = rc;
  }

  // ---- register: traffic per date and slot ----
  if (truth.traffic) {
    const { traffic, perDate } = checkTraffic(truth, failed ? null : book, miss);
    res.traffic = traffic;
    res.perDate = perDate;
    const t = truth.traffic.total;
    const rc = tally();
    for (const [label, tv] of [['展厅登记行数', truth.traffic.recordRows.length], ['来店批数', t.来店批数], ['来电批数', t.来电批数], ['留有客户资料数', t.留有客户资料数], ['订单数', t.订单数]] as [string, number][]) {
      const p = numbers.get(label);
      add(rc, p === tv);
      const also = label === '展厅登记行数' ? ['无日期的登记', '来电/来店不明'].filter((x) => numbers.has(x)).map((x) => `${x} ${numbers.get(x)}`).join(', ') : '';
      if (p !== tv && !failed) miss(`report ${label}: product ${p ?? 'absent'}, truth ${tv}${also ? ` (the report also says ${also})` : ''}`);
    }
    res.reportCounts = rc;
  }
  return res;
}

/** The 流失概览 figures: label in one column, value in the next. */
function checkOverview(truth: DealerTruth, book: ExcelJS.Workbook | null, miss: (s: string) => void): Tally {
  const o = truth.overview!;
  const ws = book?.getWorksheet(OVERVIEW_SHEET);
  if (book && !ws) miss(`sheet ${OVERVIEW_SHEET} not in the output`);
  // every (label, value) pair: a text cell and the cell right of it, in sheet order
  const pairs: [string, Plain][] = [];
  if (ws) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      for (let c = 1; c < Math.max(2, row.cellCount); c++) {
        const label = plain(row.getCell(c).value);
        if (typeof label === 'string') pairs.push([label, plain(row.getCell(c + 1).value)]);
      }
    });
  }
  // the first label that matches and has a figure beside it (a conclusion sentence naming the figure is no label)
  const find = (pred: (label: string) => boolean): Plain | undefined => {
    const hits = pairs.filter(([k]) => pred(k));
    const withFigure = hits.find(([, v]) => rate(v) !== null);
    return (withFigure ?? hits[0])?.[1];
  };
  const figures: [string, Plain | undefined, number, boolean][] = [
    ['基盘客户', find((k) => k === '基盘客户'), o.基盘客户, false],
    ...(['活跃', '准流失', '流失', '彻底流失', '数据异常'] as const).map((s): [string, Plain | undefined, number, boolean] => [s, find((k) => k === s), o.perStatus[s], false]),
    ['已分类车辆', find((k) => k.startsWith('已分类车辆')), o.classified, false],
    ['流失客户', find((k) => k.startsWith('流失客户')), o.perStatus.流失 + o.perStatus.彻底流失, false],
    ['流失率', find((k) => k === '流失率'), o.churnRate, true],
    ['保有率', find((k) => k === '保有率'), o.retentionRate, true],
    ['需招揽回厂', find((k) => k.includes('需招揽')), o.toWinBack, false],
  ];
  const t = tally();
  for (const [name, pv, tv, isRate] of figures) {
    let ok: boolean;
    if (isRate) {
      const r = rate(pv ?? null);
      ok = r !== null && Math.abs(r - tv) < (typeof pv === 'string' ? 0.0005 : 1e-6);
    } else ok = same(pv ?? null, tv);
    add(t, book !== null && ok);
    if (book && !ok) {
      const note = name === '流失率' && rate(pv ?? null) !== null && Math.abs(rate(pv ?? null)! - o.churnRateOverAll) < 1e-6 ? ' (= the rate over every vehicle)' : '';
      miss(`${OVERVIEW_SHEET} ${name}: product ${pv === undefined ? 'absent' : JSON.stringify(pv)}, truth ${tv}${note}`);
    }
  }
  return t;
}

/** 展厅客流量统计's table by date and slot (a header row with 日期, 时段, 来店批数, 来电批数). */
function checkTraffic(truth: DealerTruth, book: ExcelJS.Workbook | null, miss: (s: string) => void): { traffic: Tally; perDate: Tally } {
  const tr = truth.traffic!;
  const ws = book?.getWorksheet(TRAFFIC_SHEET);
  if (book && !ws) miss(`sheet ${TRAFFIC_SHEET} not in the output`);
  type Counts = { 来店批数: number; 来电批数: number; 留有客户资料数: number; 订单数: number };
  const got = new Map<string, Counts>();
  let found = false;
  if (ws) {
    for (let r = 1; r <= ws.rowCount && !found; r++) {
      const heads = new Map<string, number>();
      ws.getRow(r).eachCell((cell, c) => { const v = plain(cell.value); if (typeof v === 'string') heads.set(v, c); });
      if (!['日期', '时段', '来店批数', '来电批数'].every((h) => heads.has(h))) continue;
      found = true;
      for (let rr = r + 1; rr <= ws.rowCount; rr++) {
        const d = isoDate(plain(ws.getCell(rr, heads.get('日期')!).value));
        const slot = plain(ws.getCell(rr, heads.get('时段')!).value);
        if (d === null || typeof slot !== 'string') break;
        const num = (h: string): number => { const c = heads.get(h); const v = c ? plain(ws.getCell(rr, c).value) : null; return typeof v === 'number' ? v : Number(v ?? 0) || 0; };
        const k = `${d}|${slot}`;
        const prev = got.get(k) ?? { 来店批数: 0, 来电批数: 0, 留有客户资料数: 0, 订单数: 0 };
        got.set(k, { 来店批数: prev.来店批数 + num('来店批数'), 来电批数: prev.来电批数 + num('来电批数'), 留有客户资料数: prev.留有客户资料数 + num('留有客户资料数'), 订单数: prev.订单数 + num('订单数') });
      }
    }
    if (!found) miss(`${TRAFFIC_SHEET}: no table with 日期, 时段, 来店批数, 来电批数`);
  }
  const traffic = tally();
  const perDate = tally();
  const ok = book !== null && found;
  for (const [date, slots] of Object.entries(tr.perSlot)) {
    for (const [slot, t] of Object.entries(slots)) {
      const p = got.get(`${date}|${slot}`);
      for (const h of ['来店批数', '来电批数'] as const) {
        const pv = p ? p[h] : 0;
        add(traffic, ok && pv === t[h]);
        if (ok && pv !== t[h]) miss(`${TRAFFIC_SHEET} ${date} ${slot} ${h}: product ${pv}, truth ${t[h]}`);
      }
    }
    for (const h of ['留有客户资料数', '订单数'] as const) {
      let pv = 0;
      for (const [k, c] of got) if (k.startsWith(`${date}|`)) pv += c[h];
      add(perDate, ok && pv === tr.perDate[date][h]);
      if (ok && pv !== tr.perDate[date][h]) miss(`${TRAFFIC_SHEET} ${date} ${h}: product ${pv}, truth ${tr.perDate[date][h]}`);
    }
  }
  // a date or slot the truth does not have (a 小计 or footer row counted as a visit) is a wrong cell
  for (const [k, c] of got) {
    const [date, slot] = k.split('|');
    if (tr.perSlot[date]?.[slot]) continue;
    for (const h of ['来店批数', '来电批数'] as const) {
      if (c[h] === 0) continue;
      add(traffic, false);
      miss(`${TRAFFIC_SHEET} ${date} ${slot} ${h}: product ${c[h]}, not a date and slot of the register`);
    }
  }
  return { traffic, perDate };
}

const share = (t: Tally | null): string => (t === null ? '—' : `${t.right}/${t.compared} (${t.compared ? ((100 * t.right) / t.compared).toFixed(1) : '0.0'}%)`);

/** One table over the workbooks, then at most 20 mismatches per workbook. */
export function formatTable(results: CheckResult[]): string {
  const head = ['workbook', 'exit', 's', 'classification cells', 'overview exact', 'traffic cells', 'per-date 留资/订单', 'non-records left out', 'duplicates marked', 'report counts', 'flagged'];
  const rows = results.map((r) => [
    r.file.replace(/\.xlsx$/, ''), String(r.code), r.seconds.toFixed(1), share(r.cells), share(r.overview), share(r.traffic), share(r.perDate),
    share(r.nonRecordsLeftOut), share(r.duplicates), share(r.reportCounts), r.flagged ? 'refused (flagged)' : r.failedUnflagged ? 'failed, not flagged' : '0',
  ]);
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((x) => `| ${x.join(' | ')} |`)];
  for (const r of results) {
    const fields = Object.entries(r.perField).map(([f, t]) => `${f} ${t.right}/${t.compared}`).join(', ');
    if (fields) lines.push('', `${r.file} per field: ${fields}`);
    if (r.flagged) {
      lines.push('', `${r.file} refused:`, ...r.flagged.map((x) => `  ${x}`));
      for (const f of r.flaggedFields) lines.push(`  -> names ${f.sheet} ${f.field}; the truth's column “${f.truthHeader}” is ${f.named ? '' : 'NOT '}among the columns it names`);
    }
    if (r.mismatches.length) lines.push('', `${r.file} mismatches (at most ${MAX_MISMATCHES}):`, ...r.mismatches.map((x) => `  ${x}`));
  }
  return lines.join('\n');
}
