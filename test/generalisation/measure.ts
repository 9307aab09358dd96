/**
 * Runs the product's sheet detection on generated workbooks and scores it against the generator's ground truth:
 * (1) key fields mapped correctly, per workbook and per field; (2) sheets given the right kind; (3) misreads that
 * the product flagged (reported missing / uncertain) vs silent.
 */
import { detectSheets } from '../../src/core/sheets/detectSheets';
import type { DetectedSheets, MappedSheet, SheetKind } from '../../src/core/sheets/types';
import type { Split } from './grammar';
import { generateWorkbook, type GeneratedWorkbook, type TruthSheet } from './generator';

export interface Tally { total: number; correct: number }
export interface FieldTally extends Tally { wrong: number; missing: number; flagged: number }

export interface Failure { seed: number; sheet: string; kind: SheetKind | null; field: string; header: string; got: string; flagged: boolean }

export interface SplitResult {
  split: Split;
  workbooks: number;
  /** Workbooks whose every sheet got the right kind and every key field the right column. */
  workbooksAllRight: number;
  /** Sum over workbooks of the share of that workbook's key fields mapped right (mean = this / workbooks). */
  workbookShareSum: number;
  keyFields: Tally;
  perField: Record<string, FieldTally>;
  /** Key fields by layout: '1-row' / '2-row' header, and by sheet shape (ticks, words, long, wide, key:…). */
  byLayout: Record<string, Tally>;
  sheets: Tally;
  perKind: Record<string, Tally>;
  /** 'truth -> detected' counts of wrong kinds. */
  confusions: Record<string, number>;
  /** Key-field misreads (wrong or missing column), flagged or silent; a sheet not recognised at all counts as flagged. */
  misreads: { total: number; flagged: number; flaggedBySheetNotFound: number; flaggedByWrongKindStop: number; silent: number; silentButLowEvidence: number; silentWrongKind: number };
  /** Key fields mapped right but still asked about (needsMapping / missingRequired): the cost of flagging. */
  rightButFlagged: number;
  /** Non-key fields: share mapped correctly, and fields mapped to a column that is not that field. */
  otherFields: Tally & { spurious: number };
  failures: Failure[];
  ms: number;
}

const KINDS: readonly SheetKind[] = ['customers', 'calls', 'register', 'prospects'];
const FLAG_PROP = /uncertain|lowconfidence|needsmapping|needmapping|unsure|doubt|lowconf|toconfirm|ambiguous|flag/i;

/**
 * The fields a mapped sheet reports as not placed with confidence: missingRequired plus MappedSheet.needsMapping
 * (each entry's field and its alternatives, reason 'missing' or 'lowConfidence'). Read by property name, not by
 * type, so the harness runs on a core with or without that flag (it was being added while this was written).
 * Returns 'sheet' in the set when the flag is a whole-sheet boolean.
 */
export function flaggedFields(m: MappedSheet): Set<string> {
  const out = new Set<string>(m.missingRequired as string[]);
  for (const [k, v] of Object.entries(m as unknown as Record<string, unknown>)) {
    if (!FLAG_PROP.test(k)) continue;
    if (v === true) out.add('sheet');
    else if (Array.isArray(v)) {
      for (const x of v) {
        if (typeof x === 'string') out.add(x);
        else if (x && typeof x === 'object') {
          // NeedsMapping: { field, fields: alternatives (mapping any one is enough), reason: 'missing' | 'lowConfidence' }
          const e = x as { field?: unknown; fields?: unknown };
          if (typeof e.field === 'string') out.add(e.field);
          if (Array.isArray(e.fields)) for (const f of e.fields) if (typeof f === 'string') out.add(f);
        }
      }
    } else if (v && typeof v === 'object') {
      for (const [f, w] of Object.entries(v as Record<string, unknown>)) if (w) out.add(f);
    }
  }
  return out;
}

function kindOfSheet(d: DetectedSheets, name: string): SheetKind | null {
  for (const k of KINDS) if (d[k]?.sheet.name === name) return k;
  return null;
}

const tally = (): Tally => ({ total: 0, correct: 0 });
const pct = (t: Tally): number => (t.total === 0 ? 1 : t.correct / t.total);

interface KeyOutcome { field: string; ok: boolean; got: string; flagged: boolean; header: string; lowEvidence?: boolean }

/** Fields whose per-field evidence (MappedSheet.evidence, when present) says low / none confidence or ambiguous. */
function lowEvidenceFields(m: MappedSheet | undefined): Set<string> {
  const out = new Set<string>();
  const ev = (m as unknown as { evidence?: unknown } | undefined)?.evidence;
  if (!Array.isArray(ev)) return out;
  for (const e of ev as { field?: unknown; confidence?: unknown; flags?: unknown }[]) {
    if (typeof e.field !== 'string') continue;
    if (e.confidence === 'low' || e.confidence === 'none' || (Array.isArray(e.flags) && e.flags.includes('ambiguous'))) out.add(e.field);
  }
  return out;
}

function keyOutcomes(t: TruthSheet, m: MappedSheet | undefined): KeyOutcome[] {
  const flags = m ? flaggedFields(m) : new Set<string>();
  const sheetFlag = flags.has('sheet');
  const cols = (m?.columns ?? {}) as Record<string, number | undefined>;
  const show = (c: number | undefined): string => (c === undefined ? 'missing' : `col ${c}${m && m.headers[c] ? ` "${m.headers[c]}"` : ''}`);
  const out: KeyOutcome[] = [];
  const low = lowEvidenceFields(m);
  const before = (): number => out.length;
  for (const k of t.keyFields) {
    const n0 = before();
    if (k === 'callVisit') {
      if (t.columns.contactType !== undefined) {
        out.push({ field: 'callVisit', ok: cols.contactType === t.columns.contactType, got: `contactType=${show(cols.contactType)}`, flagged: sheetFlag || flags.has('contactType') || flags.has('callMark') || flags.has('visitMark'), header: t.headers.contactType });
      } else {
        const ok = cols.callMark === t.columns.callMark && cols.visitMark === t.columns.visitMark;
        out.push({ field: 'callVisit', ok, got: `callMark=${show(cols.callMark)} visitMark=${show(cols.visitMark)} contactType=${show(cols.contactType)}`, flagged: sheetFlag || flags.has('contactType') || flags.has('callMark') || flags.has('visitMark'), header: `${t.headers.callMark} | ${t.headers.visitMark}` });
      }
    } else if (k === 'prospectKey') {
      const f = t.prospectKey ?? 'prospectId';
      out.push({ field: 'prospectKey', ok: cols[f] === t.columns[f], got: show(cols[f]), flagged: sheetFlag || flags.has(f) || flags.has('prospectId'), header: t.headers[f] });
    } else if (k === 'followDate' && t.groupDates) {
      const got = (m?.followUpGroups ?? []).map((g) => g.columns.followDate);
      const ok = got.length === t.groupDates.length && got.every((c, i) => c === t.groupDates![i]);
      out.push({ field: 'followDate(wide)', ok, got: `groups ${JSON.stringify(got)} want ${JSON.stringify(t.groupDates)}`, flagged: sheetFlag || flags.has('followDate'), header: t.headers['group1.followDate'] ?? '' });
    } else {
      out.push({ field: k, ok: cols[k] === t.columns[k], got: show(cols[k]), flagged: sheetFlag || flags.has(k), header: t.headers[k] });
    }
    const fieldsOfKey = k === 'callVisit' ? ['contactType', 'callMark', 'visitMark'] : k === 'prospectKey' ? [t.prospectKey ?? 'prospectId'] : [k];
    for (let j = n0; j < out.length; j++) out[j].lowEvidence = fieldsOfKey.some((f) => low.has(f));
  }
  return out;
}

export function scoreWorkbook(wb: GeneratedWorkbook, d: DetectedSheets, res: SplitResult): void {
  let allRight = true;
  const k0 = { ...res.keyFields };
  // A sheet taken for another kind is flagged only when the product stops on that very sheet: a NeedsMapping naming
  // it (the CLI exits non-zero, the pane and the ribbon show it before writing anything) — an uncertain kind, or a
  // field its (wrong) kind depends on. A stop about some other sheet does not count for it.
  const stoppedSheets = new Set((d.needsMapping ?? []).map((n) => n.sheet));
  for (const t of wb.truth) {
    const got = kindOfSheet(d, t.name);
    const kindKey = t.kind ?? 'none';
    res.perKind[kindKey] ??= tally();
    res.perKind[kindKey].total++;
    res.sheets.total++;
    const kindOk = got === t.kind;
    if (kindOk) {
      res.perKind[kindKey].correct++;
      res.sheets.correct++;
    } else {
      allRight = false;
      const c = `${kindKey} -> ${got ?? 'none'}`;
      res.confusions[c] = (res.confusions[c] ?? 0) + 1;
    }
    if (t.kind === null) continue;
    const m = kindOk ? d[t.kind] : undefined;
    for (const o of keyOutcomes(t, m)) {
      const key = `${t.kind}.${o.field}`;
      res.perField[key] ??= { total: 0, correct: 0, wrong: 0, missing: 0, flagged: 0 };
      const ft = res.perField[key];
      ft.total++;
      res.keyFields.total++;
      const layouts = [`${t.headerRows}-row header`, `${t.kind} ${t.shape}`];
      for (const l of layouts) {
        res.byLayout[l] ??= tally();
        res.byLayout[l].total++;
        if (o.ok) res.byLayout[l].correct++;
      }
      if (o.ok) {
        ft.correct++;
        res.keyFields.correct++;
        if (o.flagged) res.rightButFlagged++;
        continue;
      }
      allRight = false;
      const notFound = got === null;
      const wrongKindStop = !kindOk && !notFound && stoppedSheets.has(t.name);
      const flagged = o.flagged || notFound || wrongKindStop;
      if (o.got.includes('missing') && !o.got.includes('col')) ft.missing++;
      else ft.wrong++;
      res.misreads.total++;
      if (flagged) {
        ft.flagged++;
        res.misreads.flagged++;
        if (notFound && !o.flagged) res.misreads.flaggedBySheetNotFound++;
        if (wrongKindStop) res.misreads.flaggedByWrongKindStop++;
      } else {
        res.misreads.silent++;
        if (!kindOk) res.misreads.silentWrongKind++;
        else if (o.lowEvidence) res.misreads.silentButLowEvidence++;
      }
      res.failures.push({ seed: wb.seed, sheet: `${t.name} [${t.shape}, ${t.headerRows}-row header]`, kind: t.kind, field: o.field, header: o.header, got: kindOk ? o.got : `sheet detected as ${got ?? 'nothing'}`, flagged });
    }
    if (m) {
      const cols = m.columns as Record<string, number | undefined>;
      const keyish = new Set(['lastVisitDate', 'purchaseDate', 'vin', 'plate', 'phone', 'callDate', 'result', 'date', 'time', 'contactType', 'callMark', 'visitMark', 'prospectId', 'level', 'followDate']);
      for (const [f, c] of Object.entries(t.columns)) {
        if (keyish.has(f) || f.startsWith('group')) continue;
        res.otherFields.total++;
        if (cols[f] === c) res.otherFields.correct++;
      }
      for (const [f, c] of Object.entries(cols)) {
        if (c !== undefined && t.columns[f] !== c) {
          // mapped to a column the generator gave another meaning (or none)
          const truthField = Object.entries(t.columns).find(([, tc]) => tc === c)?.[0];
          if (truthField !== f) res.otherFields.spurious++;
        }
      }
    }
  }
  res.workbooks++;
  if (allRight) res.workbooksAllRight++;
  const n = res.keyFields.total - k0.total;
  res.workbookShareSum += n === 0 ? 1 : (res.keyFields.correct - k0.correct) / n;
}

export function emptyResult(split: Split): SplitResult {
  return {
    split, workbooks: 0, workbooksAllRight: 0, workbookShareSum: 0, keyFields: tally(), perField: {}, byLayout: {}, sheets: tally(), perKind: {}, confusions: {},
    misreads: { total: 0, flagged: 0, flaggedBySheetNotFound: 0, flaggedByWrongKindStop: 0, silent: 0, silentButLowEvidence: 0, silentWrongKind: 0 }, rightButFlagged: 0, otherFields: { ...tally(), spurious: 0 }, failures: [], ms: 0,
  };
}

/** The fixed seed list: 1..n. */
export function seedList(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

export function measure(split: Split, seeds: readonly number[]): SplitResult {
  const res = emptyResult(split);
  const t0 = Date.now();
  for (const seed of seeds) {
    const wb = generateWorkbook(seed, split);
    scoreWorkbook(wb, detectSheets(wb.sheets), res);
  }
  res.ms = Date.now() - t0;
  return res;
}

const f1 = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** The figures as text (printed by the test, pasted into docs/accuracy.md). */
export function summary(r: SplitResult, failureLines = 0): string {
  const lines: string[] = [];
  lines.push(`== ${r.split}: ${r.workbooks} workbooks, ${r.sheets.total} sheets, ${r.ms} ms`);
  lines.push(`key fields correct: ${f1(pct(r.keyFields))} (${r.keyFields.correct}/${r.keyFields.total}); mean per workbook: ${f1(r.workbookShareSum / Math.max(1, r.workbooks))}; workbooks fully right (every kind and key field): ${f1(r.workbooksAllRight / Math.max(1, r.workbooks))} (${r.workbooksAllRight}/${r.workbooks})`);
  lines.push(`sheet kinds correct: ${f1(pct(r.sheets))} (${r.sheets.correct}/${r.sheets.total}); ` + Object.entries(r.perKind).map(([k, t]) => `${k} ${f1(pct(t))} (${t.correct}/${t.total})`).join(', '));
  if (Object.keys(r.confusions).length) lines.push(`kind confusions: ${Object.entries(r.confusions).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  const m = r.misreads;
  lines.push(`misreads flagged: ${m.total === 0 ? 'n/a (no misreads)' : f1(m.flagged / m.total)} (${m.flagged}/${m.total}; ${m.flaggedBySheetNotFound} only because the sheet was not recognised, ${m.flaggedByWrongKindStop} on a sheet of the wrong kind that the product stops on; ${m.silent} silent: ${m.silentWrongKind} on a sheet taken for another kind, ${m.silentButLowEvidence} more shown as low-confidence only in the per-field evidence); right key fields still asked about: ${r.rightButFlagged}`);
  lines.push(`other fields correct: ${f1(pct(r.otherFields))} (${r.otherFields.correct}/${r.otherFields.total}); columns mapped to a field they are not: ${r.otherFields.spurious}`);
  lines.push('key fields by layout: ' + Object.entries(r.byLayout).sort().map(([k, t]) => `${k} ${f1(pct(t))}`).join(', '));
  lines.push('per key field (correct / total, wrong, missing, flagged):');
  for (const [k, t] of Object.entries(r.perField).sort()) lines.push(`  ${k.padEnd(28)} ${f1(pct(t)).padStart(6)}  ${t.correct}/${t.total}  wrong ${t.wrong}  missing ${t.missing}  flagged ${t.flagged}`);
  if (failureLines > 0) {
    const byHeader = new Map<string, number>();
    for (const f of r.failures) {
      const k = `${f.kind}.${f.field} "${f.header}" -> ${f.got.replace(/col \d+ /g, '')}${f.flagged ? ' [flagged]' : ''}`;
      byHeader.set(k, (byHeader.get(k) ?? 0) + 1);
    }
    lines.push(`most frequent misreads (of ${r.failures.length}):`);
    for (const [k, n] of [...byHeader].sort((a, b) => b[1] - a[1]).slice(0, failureLines)) lines.push(`  ×${n} ${k}`);
  }
  return lines.join('\n');
}

export const share = pct;
