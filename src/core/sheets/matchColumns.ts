/**
 * Maps the header cells of one row to fields of a sheet kind, by meaning.
 *
 * Each (column, field) pair gets a score: an exact synonym match beats a match after stripping bracketed units,
 * (both ranked by the synonym's place in its list: earlier is preferred), which beats containment (the header contains a synonym; a longer synonym is more specific and scores higher;
 * a field's `exclude` words veto containment). A header that matches no synonym may still match a field's concept
 * signature (concepts.ts: 最末入厂日 is LATEST + VISIT + DATE), scored like containment.
 *
 * With a content profile (profile.ts), the cells count too (evidence.ts): a header match whose values agree gains a
 * little, one whose values contradict it (a 日期 column of text) falls below every sound candidate and is flagged,
 * and a column with no header match whose values are unmistakable (VINs, plates, call results, 来电/来店 words,
 * dates after the purchase date) becomes a candidate of its own, below every header match.
 *
 * All candidate pairs are then taken best first, so each column maps to at most one field and each field to at
 * most one column, and the best match wins any conflict.
 */
import { conceptScore, readConcepts } from './concepts';
import { COMPLEMENTS, pairVerdict, complementCandidates, tickPairCandidates, identifierCandidates, recordDateCandidates, contentCandidates, judgeContent, relationBroken, relationCandidates, type ContentJudgement } from './evidence';
import { orderCandidates, orderJudgement } from './dateRoles';
import { headerBaseKey, headerKey } from './normaliseHeader';
import { INITIALS_AGREE, initialsScore } from './pinyinInitials';
import type { ColumnProfiles } from './profile';
import { SYNONYMS, type FieldSynonyms } from './synonyms';
import type { Confidence, Field, FieldEvidence, HeaderMatch, SheetKind } from './types';

interface CompiledField {
  field: Field;
  synonyms: string[];
  exclude: string[];
  excludeConcepts?: FieldSynonyms['excludeConcepts'];
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
    fields.push({ field: field as Field, synonyms, exclude: (def.exclude ?? []).map(headerKey), excludeConcepts: def.excludeConcepts });
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
  return Math.max(synonymScore(def, header, headerKey(header), headerBaseKey(header)), conceptScore(kind, field, header));
}

/** The header's concepts name what the field's `excludeConcepts` rule out (a member of staff for a customer's name). */
function conceptExcluded(def: CompiledField, header: unknown): boolean {
  const x = def.excludeConcepts;
  if (!x) return false;
  const tags = readConcepts(header).tags;
  return x.any.some((t) => tags.has(t)) && !(x.unless ?? []).some((t) => tags.has(t));
}

/** scoreOne, with containment stopped by the field's excluded concepts (an exact synonym still matches). */
function synonymScore(def: CompiledField, header: unknown, key: string, base: string): number {
  const syn = scoreOne(def, key, base);
  return syn > 0 && syn < 900 && conceptExcluded(def, header) ? 0 : syn;
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
  /** For every field of the kind: the chosen column (or none), its score, confidence and runner-up. */
  evidence: FieldEvidence[];
}

export interface MatchOptions {
  /** Columns from this index on are not input (ChurnDesk's own columns). */
  endColumn?: number;
  /** Columns already taken by something else (e.g. numbered follow-up groups). */
  skip?: ReadonlySet<number>;
  /** The user's choices: field -> column, applied before any guess. */
  fixed?: Partial<Record<Field, number>>;
  /** The columns' content (profile.ts): when given, values count as evidence beside the header. */
  profiles?: ColumnProfiles;
  /**
   * Two-row headers (twoRowHeader.ts): per column, the group label it sits under. A sub-header that names no field
   * alone (日期 under 跟进记录) is read together with its label, a little below a sub-header that does.
   */
  groups?: readonly string[];
}

/** A header match whose cells play the field's part in the order of the row's dates gains this much. */
const ORDER_AGREES = 15;

interface Candidate {
  col: number;
  field: Field;
  score: number;
  header: HeaderMatch;
  headerScore: number;
  content: ContentJudgement | null;
}

/** The header evidence of one (column, field): synonym (exact, base, containment) or concept, whichever is higher. */
function headerEvidence(kind: SheetKind, def: CompiledField, h: string, key: string, base: string): { score: number; match: HeaderMatch } {
  const syn = synonymScore(def, h, key, base);
  const concept = conceptScore(kind, def.field, h);
  if (syn >= 900) return { score: syn, match: 'synonym' };
  if (concept > syn) return { score: concept, match: 'concept' };
  if (syn > 0) return { score: syn, match: 'contains' };
  // A code of pinyin initials names the field only as a weak reading (the caller needs the values to agree).
  const initials = initialsScore(kind, def.field, h);
  return initials > 0 ? { score: initials, match: 'initials' } : { score: 0, match: 'none' };
}

function confidenceOf(c: Candidate): Confidence {
  if (c.content?.contradicts) return 'low';
  if (c.header === 'synonym') return 'high';
  if (c.header === 'none') return 'medium';
  return c.content && c.content.fit !== null && c.content.fit >= 0.6 ? 'high' : 'medium';
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
  const chosen = new Map<Field, Candidate>();
  let count = 0;
  if (options.fixed) {
    for (const [field, col] of Object.entries(options.fixed) as [Field, number][]) {
      if (col === undefined || takenColumns.has(col) || !fields.some((f) => f.field === field)) continue;
      columns[field] = col;
      takenColumns.add(col);
      chosen.set(field, { col, field, score: 2000, header: 'user', headerScore: 2000, content: null });
      count++;
    }
  }
  const profiles = options.profiles;
  const candidates: Candidate[] = [];
  for (let c = 0; c < end; c++) {
    if (takenColumns.has(c) || options.skip?.has(c)) continue;
    const h = headerRow[c];
    if (typeof h !== 'string' || h.trim() === '') continue;
    const key = headerKey(h);
    const base = headerBaseKey(h);
    for (const def of fields) {
      if (columns[def.field] !== undefined) continue;
      let ev = headerEvidence(kind, def, h, key, base);
      const label = options.groups?.[c];
      // The label adds context to a sub-header that says something itself (日期 under 跟进记录), never the meaning of
      // one it does not explain (two unknown tick columns under 到访形式 are not named by the label).
      if (ev.score <= 0 && label && readConcepts(h).coverage >= 0.5) {
        const joined = `${label}${h}`;
        const withLabel = headerEvidence(kind, def, joined, headerKey(joined), headerBaseKey(joined));
        if (withLabel.score > 0) ev = { score: Math.max(1, withLabel.score - 10), match: withLabel.match === 'synonym' ? 'contains' : withLabel.match };
      }
      if (ev.score <= 0) continue;
      let content = profiles ? judgeContent(def.field, c, profiles, kind) : null;
      // Initials stand for several words (联系手机 and 联系时间): only the reading the values agree with is taken.
      if (ev.match === 'initials' && !(content && !content.contradicts && content.fit !== null && content.fit >= INITIALS_AGREE)) continue;
      // The order of the row's dates (dateRoles.ts): a purchase date is the earliest vehicle event, a last visit the
      // latest past one; a header that says one while its cells play another part is contradicted.
      const order = profiles && !content?.contradicts ? orderJudgement(kind, def.field, c, profiles) : null;
      if (order) {
        const flag = `order:${order.role}`;
        content = order.verdict === 'contradicts'
          ? { fit: content?.fit ?? null, contradicts: true, flags: ['contentContradicts', flag] }
          : { fit: content?.fit ?? null, contradicts: false, flags: [...(content?.flags ?? []), flag] };
      }
      let score = ev.score + (order?.verdict === 'agrees' ? ORDER_AGREES : 0);
      if (content?.contradicts) score = Math.min(score, 150) - 100;
      else if (content && content.fit !== null) score += Math.round(content.fit * 20);
      candidates.push({ col: c, field: def.field, score, header: ev.match, headerScore: ev.score, content });
    }
  }
  if (profiles) {
    const headerCols = new Set(candidates.filter((x) => !x.content?.contradicts).map((x) => x.col));
    for (const cc of contentCandidates(kind, profiles, end)) {
      if (takenColumns.has(cc.col) || options.skip?.has(cc.col) || columns[cc.field] !== undefined) continue;
      // A column whose header already says what it is keeps that meaning; content speaks for the unnamed ones.
      if (headerCols.has(cc.col)) continue;
      if (candidates.some((x) => x.col === cc.col && x.field === cc.field)) continue;
      candidates.push({ col: cc.col, field: cc.field, score: cc.score, header: 'none', headerScore: 0, content: cc.content });
    }
  }
  // Best first; on equal scores the leftmost column, then dictionary order of fields, so results are stable.
  candidates.sort((a, b) => b.score - a.score || a.col - b.col);
  const take = (cand: Candidate): void => {
    if (takenColumns.has(cand.col) || columns[cand.field] !== undefined) return;
    columns[cand.field] = cand.col;
    takenColumns.add(cand.col);
    chosen.set(cand.field, cand);
    count++;
  };
  // Headers whose cells contradict them are taken last: after every sound candidate and every relation.
  for (const cand of candidates) if (!cand.content?.contradicts) take(cand);
  if (profiles) {
    // Relations need their anchor placed first: a last visit is recognised by lying after the purchase date.
    const free = (c: number) => c < end && !takenColumns.has(c) && !options.skip?.has(c);
    // The record's own date first (filled on every row): the relations below may need it as their anchor.
    const steps = [recordDateCandidates, orderCandidates, relationCandidates, complementCandidates, tickPairCandidates, identifierCandidates];
    for (const step of steps) {
      const found = step(kind, profiles, columns, free, headerRow).sort((a, b) => b.score - a.score || a.col - b.col);
      for (const cc of found) {
        const cand: Candidate = { col: cc.col, field: cc.field, score: cc.score, header: 'none', headerScore: 0, content: cc.content };
        candidates.push(cand);
        take(cand);
      }
    }
  }
  for (const cand of candidates) if (cand.content?.contradicts) take(cand);
  // A pair of mark columns placed by their headers (来电 | 来店 ticks) is checked by what differs between the two
  // headers: a group label over both (a 方式 or Channel label over the two) names both sides, so containment alone may cross them.
  const unsurePair = new Set<Field>();
  for (const pair of COMPLEMENTS) {
    const [f1, f2] = pair.fields;
    const c1 = chosen.get(f1);
    const c2 = chosen.get(f2);
    if (pair.kind !== kind || !c1 || !c2 || c1.header === 'user' || c2.header === 'user' || (c1.header === 'none' && c2.header === 'none')) continue;
    const verdict = pairVerdict(pair.fields, headerRow[c1.col], headerRow[c2.col]);
    if (verdict === 'swapped') {
      columns[f1] = c2.col;
      columns[f2] = c1.col;
      chosen.set(f1, { ...c2, field: f1 });
      chosen.set(f2, { ...c1, field: f2 });
    } else if (verdict === 'unsure') {
      unsurePair.add(f1);
      unsurePair.add(f2);
    }
  }
  const evidence: FieldEvidence[] = [];
  for (const def of fields) {
    const c = chosen.get(def.field);
    const others = candidates.filter((x) => x.field === def.field && x.col !== c?.col).sort((a, b) => b.score - a.score || a.col - b.col);
    const runner = others[0];
    const ev: FieldEvidence = c
      ? {
        field: def.field,
        column: c.col,
        header: String(headerRow[c.col] ?? '').trim(),
        score: c.score,
        confidence: c.header === 'user' ? 'user' : confidenceOf(c),
        headerMatch: c.header,
        contentFit: c.content?.fit ?? null,
        flags: c.content?.flags ?? [],
      }
      : { field: def.field, column: -1, header: '', score: 0, confidence: 'none', headerMatch: 'none', contentFit: null, flags: [] };
    // Two unnamed columns that look the same: content alone cannot tell which one is meant.
    if (c && c.header === 'none' && ((runner && runner.header === 'none' && runner.score >= c.score - 5) || c.content?.flags.includes('ambiguous'))) {
      ev.confidence = 'low';
      if (!ev.flags.includes('ambiguous')) ev.flags = [...ev.flags, 'ambiguous'];
    }
    if (c && unsurePair.has(def.field)) {
      ev.confidence = 'low';
      ev.flags = [...ev.flags, 'ambiguous'];
    }
    const broken = c && profiles && c.header !== 'user' ? relationBroken(kind, def.field, profiles, columns) : null;
    if (broken) {
      ev.confidence = 'low';
      ev.flags = [...ev.flags, broken];
    }
    if (runner) ev.runnerUp = { column: runner.col, header: String(headerRow[runner.col] ?? '').trim(), score: runner.score };
    evidence.push(ev);
  }
  return { columns, count, evidence };
}
