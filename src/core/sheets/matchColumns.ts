/**
 * Maps the header cells of one row to fields of a sheet kind, by meaning.
 *
 * Each (column, field) pair gets a score: an exact synonym match beats a match after stripping bracketed units,
 * (both ranked by the synonym's place in its list: earlier is preferred), which beats containment (the header contains a synonym; a longer synonym is more specific and scores higher;
 * a field's `exclude` words veto containment). All candidate pairs are then taken best first, so each column
 * maps to at most one field and each field to at most one column, and the best match wins any conflict.
 */
import { headerBaseKey, headerKey } from './normaliseHeader';
import { SYNONYMS } from './synonyms';
import type { Field, SheetKind } from './types';

interface CompiledField {
  field: Field;
  synonyms: string[];
  exclude: string[];
}

interface CompiledKind {
  /** synonym key -> fields having it (exact match). */
  exact: Map<string, Field[]>;
  fields: CompiledField[];
}

const compiled = new Map<SheetKind, CompiledKind>();

/** Normalised synonyms of a kind, built once. */
function compile(kind: SheetKind): CompiledKind {
  let c = compiled.get(kind);
  if (c) return c;
  const exact = new Map<string, Field[]>();
  const fields: CompiledField[] = [];
  for (const [field, def] of Object.entries(SYNONYMS[kind])) {
    const synonyms = [...new Set(def.synonyms.map(headerKey).filter((s) => s !== ''))];
    for (const s of synonyms) {
      const list = exact.get(s);
      if (list) list.push(field as Field);
      else exact.set(s, [field as Field]);
    }
    fields.push({ field: field as Field, synonyms, exclude: (def.exclude ?? []).map(headerKey) });
  }
  c = { exact, fields };
  compiled.set(kind, c);
  return c;
}

const ASCII_ONLY = /^[a-z0-9]+$/;

/** Short synonyms ('sa', 'id', '市', 'tel') only ever match exactly: containment would find them everywhere. */
function canContain(synonym: string): boolean {
  return ASCII_ONLY.test(synonym) ? synonym.length >= 4 : synonym.length >= 2;
}

/** Match quality of a header for a field, 0 when it does not match. Exported for tests. */
export function matchScore(kind: SheetKind, field: Field, header: unknown): number {
  const def = compile(kind).fields.find((f) => f.field === field);
  if (!def) return 0;
  return scoreOne(def, headerKey(header), headerBaseKey(header));
}

function scoreOne(def: CompiledField, key: string, base: string): number {
  if (key === '') return 0;
  let best = 0;
  const n = def.synonyms.length;
  for (let i = 0; i < n; i++) {
    const s = def.synonyms[i];
    // Exact matches rank by the synonym's place in the list: when two columns both match a field exactly
    // (来电(店) and 咨询类型), the synonym listed first is the better name for it.
    if (s === key) return 1000 + (n - i);
    if (s === base) best = Math.max(best, 900 + (n - i));
  }
  if (best > 0) return best;
  for (const x of def.exclude) if (x !== '' && base.includes(x)) return 0;
  for (const s of def.synonyms) {
    if (canContain(s) && base.includes(s)) {
      // Longer synonyms are more specific; a header much longer than the synonym is a weaker match.
      best = Math.max(best, 100 + s.length * 10 - Math.min(50, base.length - s.length));
    }
  }
  return best;
}

export interface ColumnMatch {
  /** field -> 0-based column. */
  columns: Partial<Record<Field, number>>;
  /** Number of fields mapped. */
  count: number;
}

export interface MatchOptions {
  /** Columns from this index on are not input (ChurnDesk's own columns). */
  endColumn?: number;
  /** Columns already taken by something else (e.g. numbered follow-up groups). */
  skip?: ReadonlySet<number>;
  /** The user's choices: field -> column, applied before any guess. */
  fixed?: Partial<Record<Field, number>>;
}

/**
 * Maps a header row's cells to the fields of a kind.
 *
 * @example matchColumns(['序号', '客户姓名', '联系电话', '购车日期'], 'customers').columns
 * // { name: 1, phone: 2, purchaseDate: 3 }
 */
export function matchColumns(headerRow: readonly unknown[], kind: SheetKind, options: MatchOptions = {}): ColumnMatch {
  const { fields } = compile(kind);
  const end = Math.min(headerRow.length, options.endColumn ?? headerRow.length);
  const columns: Partial<Record<Field, number>> = {};
  const takenColumns = new Set<number>();
  let count = 0;
  if (options.fixed) {
    for (const [field, col] of Object.entries(options.fixed) as [Field, number][]) {
      if (col === undefined || takenColumns.has(col) || !fields.some((f) => f.field === field)) continue;
      columns[field] = col;
      takenColumns.add(col);
      count++;
    }
  }
  const candidates: { col: number; field: Field; score: number }[] = [];
  for (let c = 0; c < end; c++) {
    if (takenColumns.has(c) || options.skip?.has(c)) continue;
    const h = headerRow[c];
    if (typeof h !== 'string' || h.trim() === '') continue;
    const key = headerKey(h);
    const base = headerBaseKey(h);
    for (const def of fields) {
      if (columns[def.field] !== undefined) continue;
      const score = scoreOne(def, key, base);
      if (score > 0) candidates.push({ col: c, field: def.field, score });
    }
  }
  // Best first; on equal scores the leftmost column, then dictionary order of fields, so results are stable.
  candidates.sort((a, b) => b.score - a.score || a.col - b.col);
  for (const cand of candidates) {
    if (takenColumns.has(cand.col) || columns[cand.field] !== undefined) continue;
    columns[cand.field] = cand.col;
    takenColumns.add(cand.col);
    count++;
  }
  return { columns, count };
}
