/**
 * Filling a form from the analyses' datasets, generically: a definition names its dataset (`fillFrom`) and each
 * column names the dataset property it shows (`field`). No per-form code, so a new fillable form is data too.
 */
import type { CellValue } from '../plan/types';
import type { FormDefinition } from './types';
import type { FormFillData } from './fillData';
import type { FormRowValues } from './renderForm';
import { serialToYmd, ymdToSerial } from '../values/dates';

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

/**
 * The serial range [from, to) of the latest month among the rows' dates at `path`; null when no row has a date.
 * @example latestMonthRange([{ date: 46296 }, { date: 46326 }], 'date') // October 2026: { from: 46296, to: 46327 }
 */
export function latestMonthRange(rows: readonly unknown[], path: string): { from: number; to: number } | null {
  let latest = -Infinity;
  for (const r of rows) {
    const d = readPath(r, path);
    if (typeof d === 'number' && Number.isFinite(d) && d > latest) latest = d;
  }
  if (!Number.isFinite(latest)) return null;
  const { y, m } = serialToYmd(latest);
  return { from: ymdToSerial({ y, m, d: 1 }), to: ymdToSerial(m === 12 ? { y: y + 1, m: 1, d: 1 } : { y, m: m + 1, d: 1 }) };
}

/**
 * The rows a filled form shows, or undefined when the form has no dataset or the data holds none (then the form is
 * printed blank). Linear in the dataset size.
 * @example fillRows(formDefinition('F01')!, { register: [row] })?.[0].name // row.name
 */
export function fillRows(def: FormDefinition, data: FormFillData | undefined): FormRowValues[] | undefined {
  if (!def.fillFrom || !data) return undefined;
  const dataset = data[def.fillFrom] as readonly unknown[] | undefined;
  if (!Array.isArray(dataset) || dataset.length === 0) return undefined;
  const mapped = (def.columns ?? [])
    .filter((c) => c.field && !c.formula)
    .map((c) => ({ key: c.key, path: c.field!.split('.'), simple: c.field!.indexOf('.') < 0 ? c.field! : null }));
  const rows: FormRowValues[] = [];
  const month = def.fillMonthOf ? latestMonthRange(dataset, def.fillMonthOf) : null;
  for (const item of dataset) {
    if (month) {
      const d = readPath(item, def.fillMonthOf!);
      if (!(typeof d === 'number' && d >= month.from && d < month.to)) continue;
    }
    const values: FormRowValues = {};
    for (const c of mapped) {
      const raw = c.simple !== null && item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[c.simple] : readPath(item, c.path);
      const v = toCell(raw);
      if (v !== undefined) values[c.key] = v;
    }
    rows.push(values);
  }
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
    if (at === undefined) presets.push(r);
    else Object.assign(presets[at], r);
  }
  return presets;
}
