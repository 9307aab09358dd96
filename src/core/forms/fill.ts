/**
 * Filling a form from the analyses' datasets, generically: a definition names its dataset (`fillFrom`) and each
 * column names the dataset property it shows (`field`). No per-form code, so a new fillable form is data too.
 */
import type { CellValue } from '../plan/types';
import type { CardValues, FormDefinition } from './types';
import type { FormFillData } from './fillData';
import type { FormRowValues } from './renderForm';
import { MAX_FORM_CARDS, MAX_FORM_ROWS } from './fillData';
import { dateSpan, inPeriod, periodRange, type FormPeriod } from './period';

/** A dataset value as a cell value: numbers (finite), strings and booleans pass; anything else is blank. */
function toCell(v: unknown): CellValue | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return undefined;
}

/** Reads 'a.b.0' from a row object. @example readPath({ v: [3, 4] }, 'v.1') // 4 */
export function readPath(row: unknown, path: string | readonly string[]): unknown {
  let cur: unknown = row;
  for (const part of typeof path === 'string' ? path.split('.') : path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** What filling one form gave: its rows, and what the sheet must say about the period and the cap. */
export interface FilledForm {
  rows: FormRowValues[];
  /** Cards forms: one entry per card (rows is then empty). */
  cards?: CardValues[];
  /** Data rows of the period (before the cap); rows.length may be less (plus preset rows). */
  total: number;
  /** Data rows shown: min(total, MAX_FORM_ROWS). */
  shown: number;
  /** First and last date among the period's rows (serials; ±Infinity when none is dated or the form has no date). */
  first: number;
  last: number;
}

/**
 * Fills a form for a period: the dataset rows dated in it (every row under 'all', undated ones included), at most
 * MAX_FORM_ROWS of them, in the dataset's order. Undefined when the form has no dataset or the period holds no row
 * (then the form is printed blank). Linear in the dataset size.
 * @example fillForm(formDefinition('F01')!, { register: rows }, '2026-10')?.total // October's register rows
 */
export function fillForm(def: FormDefinition, data: FormFillData | undefined, period: FormPeriod = 'all'): FilledForm | undefined {
  if (!def.fillFrom || !data) return undefined;
  const dataset = data[def.fillFrom] as readonly unknown[] | undefined;
  if (!Array.isArray(dataset) || dataset.length === 0) return undefined;
  const mapped = (def.columns ?? [])
    .filter((c) => c.field && !c.formula)
    .map((c) => ({ key: c.key, path: c.field!.split('.'), simple: c.field!.indexOf('.') < 0 ? c.field! : null }));
  // A form without a date column holds its whole dataset whatever the period.
  const range = def.fillDateOf ? periodRange(period) : null;
  const rows: FormRowValues[] = [];
  const cards: CardValues[] | undefined = def.kind === 'cards' ? [] : undefined;
  const max = cards ? MAX_FORM_CARDS : MAX_FORM_ROWS;
  let inPeriodCount = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const item of dataset) {
    const d = def.fillDateOf ? readPath(item, def.fillDateOf) : undefined;
    if (!inPeriod(d, range)) continue;
    inPeriodCount++;
    const span = dateSpan(d);
    if (span) {
      if (span[0] < first) first = span[0];
      if (span[1] > last) last = span[1];
    }
    if ((cards ?? rows).length >= max) continue; // keep counting and dating, stop building rows
    if (cards) {
      cards.push(cardOf(def, item));
      continue;
    }
    const values: FormRowValues = {};
    for (const c of mapped) {
      const raw = c.simple !== null && item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[c.simple] : readPath(item, c.path);
      const v = toCell(raw);
      if (v !== undefined) values[c.key] = v;
    }
    rows.push(values);
  }
  if (inPeriodCount === 0) return undefined;
  // The analysis may have capped the dataset already (PeriodCap): its counts say how many rows there really were.
  const counted = data.rowCounts?.[def.fillFrom]?.[def.fillDateOf ? period : 'all'];
  const total = Math.max(inPeriodCount, counted ?? 0);
  if (cards) return { rows: [], cards, total, shown: cards.length, first, last };
  return { rows: placeRows(def, rows), total, shown: rows.length, first, last };
}

/** One card: its fields and its grid rows, read from a dataset row. */
function cardOf(def: FormDefinition, item: unknown): CardValues {
  const fields: CardValues['fields'] = {};
  for (const f of def.cardFields ?? []) {
    if (!f.field) continue;
    const v = toCell(readPath(item, f.field));
    if (typeof v === 'string' || typeof v === 'number') fields[f.field] = v;
  }
  const rows: CardValues['rows'] = [];
  const list = def.cardRowsOf ? readPath(item, def.cardRowsOf) : undefined;
  if (Array.isArray(list)) {
    for (const r of list) {
      const values: CardValues['rows'][number] = {};
      for (const c of def.columns ?? []) {
        if (!c.field || c.formula) continue;
        const v = toCell(readPath(r, c.field));
        if (v !== undefined) values[c.key] = v;
      }
      rows.push(values);
    }
  }
  return { fields, rows };
}

/**
 * The rows a filled form shows (see fillForm), or undefined when it is printed blank.
 * @example fillRows(formDefinition('F01')!, { register: [row] })?.[0].name // row.name
 */
export function fillRows(def: FormDefinition, data: FormFillData | undefined, period: FormPeriod = 'all'): FormRowValues[] | undefined {
  return fillForm(def, data, period)?.rows;
}

/** Data rows after the definition's preset rows, or merged onto them by the key column (matrix forms). */
function placeRows(def: FormDefinition, rows: FormRowValues[]): FormRowValues[] {
  const presets = (def.presetRows ?? []).map((p) => ({ ...p }) as FormRowValues);
  if (!def.fillKey) {
    for (const r of rows) presets.push(r);
    return presets;
  }
  // Matrix with a key column: put each data row on its preset row (e.g. 跟踪失败分析表 by failure category).
  const index = new Map<string, number>();
  presets.forEach((p, i) => index.set(String(p[def.fillKey!] ?? ''), i));
  for (const r of rows) {
    const at = index.get(String(r[def.fillKey] ?? ''));
    if (at === undefined) {
      if (!def.fillPresetOnly) presets.push(r);
    }
    else Object.assign(presets[at], r);
  }
  return presets;
}
