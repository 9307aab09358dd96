/**
 * Content as evidence for a (column, field): what value type each field expects, how well a column's sampled
 * cells fit it, when they contradict the header, which columns are candidates by their content alone, and the
 * relations between fields (a last visit is on or after the purchase; a return after the call) — all as data.
 */
import { readConcepts } from './concepts';
import { dateRoles, namesOtherDate } from './dateRoles';
import { dateOrder, type ColumnProfiles, type ValueType } from './profile';
import { fieldsOf } from './synonyms';
import type { Field, SheetKind } from './types';

/** What each field's cells hold. 'any': nothing to check (free marks, notes, ids). */
export const FIELD_VALUE_TYPE: Record<Field, ValueType> = {
  name: 'text', phone: 'phone', plate: 'plate', vin: 'vin', model: 'text', purchaseDate: 'date', lastVisitDate: 'date',
  visitCount: 'count', mileage: 'mileage', region: 'text', advisor: 'text', gender: 'any', address: 'text',
  warrantyEndDate: 'date', callDate: 'date', result: 'result', reason: 'text', destination: 'text', invited: 'any',
  appointmentDate: 'date', returnDate: 'date', caller: 'text', date: 'date', time: 'time', contactType: 'contactType',
  callMark: 'mark', visitMark: 'mark', intendedModel: 'text', source: 'text', process: 'text', level: 'level', closure: 'any',
  consultant: 'text', remarks: 'any', testDrive: 'any', quote: 'any', order: 'any', prospectId: 'any', followDate: 'date',
  followMethod: 'text', followResult: 'text', nextDate: 'date', defeatReason: 'text', boughtInstead: 'text',
  createdDate: 'date',
};

/** Types whose cells can contradict a header (below CONTRADICTS of the non-blank cells fit). */
const CHECKABLE: ReadonlySet<ValueType> = new Set(['date', 'vin', 'plate', 'phone', 'mileage', 'count', 'time', 'contactType', 'level', 'mark']);
/**
 * A call/visit column holds 来电/来店 words in (nearly) every row: one whose cells are mostly something else
 * (回访类型 of 保养提醒, a follow-up method of 微信/上门) is no such column, even when a few cells say 电话.
 */
const CONTRADICTS_BY_TYPE: Partial<Record<ValueType, number>> = { contactType: 0.6 };
/** Types unmistakable enough to place a column by content alone (at DISCOVER share or more). */
const DISCOVER: Partial<Record<ValueType, number>> = {
  vin: 0.8, plate: 0.8, phone: 0.85, result: 0.6, contactType: 0.85, level: 0.85, time: 0.8, date: 0.9,
};
const CONTRADICTS = 0.3;
/** Value types that, filling a free-text column, say it is another field of the kind. */
const UNMISTAKABLE: readonly ('contactType' | 'level' | 'vin' | 'plate')[] = ['contactType', 'level', 'vin', 'plate'];
/**
 * The date of the record itself (a call's date, a register line's date, a follow-up's date) is written on every
 * row: a column of dates filled on fewer than RECORD_FILL of the sampled rows is some later, optional date (an
 * appointment, a return), not the record's (except where the date may be written once per day, FILLED_DOWN).
 */
export const RECORD_DATE: Partial<Record<SheetKind, Field>> = { calls: 'callDate', register: 'date', prospects: 'followDate' };
const RECORD_FILL = 0.9;
/** A register's date may be written once per day (the rows below it blank): its record date may be sparse. */
const FILLED_DOWN: ReadonlySet<SheetKind> = new Set(['register']);
/** Fewest non-blank sampled cells for content to count. */
const MIN_CELLS = 5;
const MIN_MARK_CELLS = 3;

/** `field` of `kind` lies on or after `after` (both dates) in every row that has both. */
export const RELATIONS: readonly { kind: SheetKind; field: Field; after: Field }[] = [
  { kind: 'customers', field: 'lastVisitDate', after: 'purchaseDate' },
  { kind: 'calls', field: 'returnDate', after: 'callDate' },
  { kind: 'prospects', field: 'nextDate', after: 'followDate' },
];

export interface ContentJudgement {
  /** Share of the non-blank sampled cells fitting the field's type; null when not checkable or too few cells. */
  fit: number | null;
  contradicts: boolean;
  flags: string[];
}

function fitOf(type: ValueType, p: ColumnProfiles['columns'][number]): number {
  switch (type) {
    case 'any':
      return NaN;
    case 'text':
      // Names, models, reasons are words: a column of dates, phones or codes (1003, YX20261001) is none of them.
      return 1 - Math.max(p.share.date, p.share.phone, p.share.code);
    default:
      return p.share[type];
  }
}

/**
 * How a column's cells bear on a field.
 * @example judgeContent('callDate', 0, profiles).contradicts // true for a 日期 column of text
 */
export function judgeContent(field: Field, col: number, profiles: ColumnProfiles, kind?: SheetKind): ContentJudgement | null {
  const p = profiles.columns[col];
  if (!p) return null;
  const type = FIELD_VALUE_TYPE[field];
  if (kind && RECORD_DATE[kind] === field && !FILLED_DOWN.has(kind) && p.sampled >= MIN_CELLS && p.nonBlank < p.sampled * RECORD_FILL) {
    return { fit: p.nonBlank ? fitOf(type, p) : 0, contradicts: true, flags: ['sparse'] };
  }
  // Marks and call/visit words are judged on fewer cells: a short register has few ticks in each column.
  if (p.nonBlank < (type === 'mark' || type === 'contactType' ? MIN_MARK_CELLS : MIN_CELLS)) return null;
  const fit = fitOf(type, p);
  if (Number.isNaN(fit)) return { fit: null, contradicts: false, flags: [] };
  // Free text is contradicted only by cells that are plainly something else (a name column of dates), or that are
  // unmistakably another field of this kind (a 'Channel' column of 来电/来店 words is the call/visit, not a source).
  const other = type === 'text' && kind ? UNMISTAKABLE.some((t) => p.share[t] >= DISCOVER[t]! && DISCOVERABLE[kind].some((f) => FIELD_VALUE_TYPE[f] === t)) : false;
  const contradicts = type === 'text' ? fit < 0.1 || other : CHECKABLE.has(type) && fit < (CONTRADICTS_BY_TYPE[type] ?? CONTRADICTS);
  return { fit, contradicts, flags: contradicts ? ['contentContradicts'] : [] };
}

/** Fields of a kind that content alone may place: their type is discoverable and no other field shares it. */
const DISCOVERABLE: { [K in SheetKind]: Field[] } = (() => {
  const out = {} as { [K in SheetKind]: Field[] };
  for (const kind of ['customers', 'calls', 'register', 'prospects'] as const) {
    const types = new Map<ValueType, number>();
    for (const f of fieldsOf(kind)) types.set(FIELD_VALUE_TYPE[f], (types.get(FIELD_VALUE_TYPE[f]) ?? 0) + 1);
    out[kind] = fieldsOf(kind).filter((f) => DISCOVER[FIELD_VALUE_TYPE[f]] !== undefined && types.get(FIELD_VALUE_TYPE[f]) === 1);
  }
  return out;
})();

export interface ContentCandidate {
  col: number;
  field: Field;
  score: number;
  content: ContentJudgement;
}

/** Score of a content-only candidate: below every header match (containment starts at 100). */
export function contentScore(fit: number): number {
  return 50 + Math.round(40 * fit);
}

/**
 * Columns placed by their content alone (for headers that name no field).
 * @example contentCandidates('calls', profiles, 8) // [{ col: 3, field: 'vin', score: 90, … }]
 */
export function contentCandidates(kind: SheetKind, profiles: ColumnProfiles, end: number): ContentCandidate[] {
  const out: ContentCandidate[] = [];
  const fields = DISCOVERABLE[kind];
  for (const p of profiles.columns) {
    if (p.column >= end || p.nonBlank < MIN_CELLS || p.nonBlank < p.sampled * 0.3) continue;
    for (const field of fields) {
      const type = FIELD_VALUE_TYPE[field];
      const fit = fitOf(type, p);
      const min = DISCOVER[type]!;
      if (!(fit >= min)) continue;
      // A column of times is not one of dates and the reverse; 'N' and 'Y' marks are no intent levels.
      if (type === 'time' && p.share.date >= 0.5 && p.share.time < 0.95) continue;
      if (type === 'level' && p.share.yesNo >= 0.5) continue;
      if (type === 'phone' && (p.share.vin > 0.3 || p.share.date > 0.3)) continue;
      out.push({ col: p.column, field, score: contentScore(fit), content: { fit, contradicts: false, flags: ['contentOnly'] } });
    }
  }
  return out;
}

/**
 * The record's date by content: when the kind's record date (RECORD_DATE) has no column, the one free column of
 * dates filled on (nearly) every row is it. Two or more such columns: each is a candidate, flagged ambiguous.
 */
export function recordDateCandidates(
  kind: SheetKind,
  profiles: ColumnProfiles,
  columns: Partial<Record<Field, number>>,
  free: (col: number) => boolean,
): ContentCandidate[] {
  const field = RECORD_DATE[kind];
  if (!field || columns[field] !== undefined) return [];
  const full = profiles.columns.filter((p) => free(p.column) && p.nonBlank >= MIN_CELLS && p.share.date >= 0.9 && p.nonBlank >= p.sampled * 0.95);
  const ambiguous = full.length > 1;
  return full.map((p) => ({
    col: p.column,
    field,
    score: contentScore(p.share.date) - 8,
    content: { fit: p.share.date, contradicts: false, flags: ambiguous ? ['contentOnly', 'recordDate', 'ambiguous'] : ['contentOnly', 'recordDate'] },
  }));
}

/**
 * A record's identifier by content (a prospect card's prospect ID, when its header names none): a column of codes
 * (1003, YX20261001) that is no phone, no date and no plain count, and that either
 * - repeats together with the person: rows with the same code have the same phone (or name) and the reverse, with
 *   some code on more than one row (a card with one row per follow-up), or
 * - is unique per row and holds codes mixing letters and digits (a card with one row per prospect; a column of
 *   plain numbers could as well be a row number or a budget).
 * Two or more such columns: each is a candidate, flagged ambiguous.
 */
export const RECORD_ID: Partial<Record<SheetKind, { field: Field; person: readonly Field[] }>> = {
  prospects: { field: 'prospectId', person: ['phone', 'name'] },
};

function sameGrouping(a: readonly string[], b: readonly string[]): { consistent: number; repeats: number; rows: number } {
  const ab = new Map<string, string>();
  const ba = new Map<string, string>();
  let rows = 0;
  let bad = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '' || b[i] === '') continue;
    rows++;
    const x = ab.get(a[i]);
    const y = ba.get(b[i]);
    if ((x !== undefined && x !== b[i]) || (y !== undefined && y !== a[i])) bad++;
    if (x === undefined) ab.set(a[i], b[i]);
    if (y === undefined) ba.set(b[i], a[i]);
  }
  return { consistent: rows ? 1 - bad / rows : 0, repeats: rows - ab.size, rows };
}

export function identifierCandidates(
  kind: SheetKind,
  profiles: ColumnProfiles,
  columns: Partial<Record<Field, number>>,
  free: (col: number) => boolean,
): ContentCandidate[] {
  const rule = RECORD_ID[kind];
  if (!rule || columns[rule.field] !== undefined) return [];
  const found: { col: number; fit: number }[] = [];
  const personCols = rule.person.map((f) => columns[f]).filter((c): c is number => c !== undefined && profiles.columns[c] !== undefined);
  let personRows = profiles.rows.length;
  if (personCols.length > 0) {
    personRows = 0;
    for (let i = 0; i < profiles.rows.length; i++) if (personCols.some((c) => profiles.columns[c].filled[i])) personRows++;
  }
  for (const p of profiles.columns) {
    if (!free(p.column) || p.nonBlank < MIN_CELLS || p.share.phone > 0.1 || p.share.date > 0.1) continue;
    // Codes on (nearly) every record: counted over the rows that name a person, so a note, a count line (以上共6条)
    // or a spacer row between the records (blank in the person's columns) neither dilutes nor thins the codes.
    let personCells = 0;
    let personCodes = 0;
    for (let i = 0; i < profiles.rows.length; i++) {
      if (personCols.length > 0 && !personCols.some((c) => profiles.columns[c].filled[i])) continue;
      if (p.filled[i]) personCells++;
      if (p.codes[i]) personCodes++;
    }
    if (personCells < MIN_CELLS || personCodes < personCells * 0.9 || personCells < personRows * 0.9) continue;
    const distinct = new Set(p.keys.filter((k) => k !== '')).size;
    let ok = false;
    if (distinct < p.nonBlank) {
      for (const f of rule.person) {
        const pc = columns[f];
        if (pc === undefined) continue;
        const g = sameGrouping(p.keys, profiles.columns[pc].keys);
        if (g.rows >= MIN_CELLS && g.repeats >= 2 && g.consistent >= 0.95) ok = true;
      }
    } else if (p.alphaCodes >= 1 && p.alphaCodes >= p.nonBlank * 0.1) {
      ok = true;
    }
    if (ok) found.push({ col: p.column, fit: personCodes / personCells });
  }
  const ambiguous = found.length > 1;
  return found.map((x) => ({
    col: x.col,
    field: rule.field,
    score: contentScore(x.fit) - 8,
    content: { fit: x.fit, contradicts: false, flags: ambiguous ? ['contentOnly', 'identifier', 'ambiguous'] : ['contentOnly', 'identifier'] },
  }));
}

/**
 * Candidates from a relation: an unnamed date column whose dates lie on or after the related field's column in
 * (nearly) every row, and after it in many, is that field (a last visit after the purchase).
 */
export function relationCandidates(
  kind: SheetKind,
  profiles: ColumnProfiles,
  columns: Partial<Record<Field, number>>,
  free: (col: number) => boolean,
  headers: readonly unknown[] = [],
): ContentCandidate[] {
  const out: ContentCandidate[] = [];
  const roles = dateRoles(profiles).roles;
  for (const rel of RELATIONS) {
    if (rel.kind !== kind || columns[rel.field] !== undefined) continue;
    const anchor = columns[rel.after];
    if (anchor === undefined) continue;
    for (const p of profiles.columns) {
      if (!free(p.column) || p.nonBlank < MIN_CELLS || p.share.date < 0.9) continue;
      // A date the header names as another (下次…, …到期, 出生…) or the order shows to be ahead, a birthday or the
      // earliest event is no later event of the relation.
      const role = roles.get(p.column);
      if (namesOtherDate(headers[p.column]) || role === 'future' || role === 'birth' || role === 'earliest') continue;
      const o = dateOrder(profiles, p.column, anchor);
      if (!(o.onOrAfter >= 0.95 && o.after >= 0.3)) continue;
      out.push({ col: p.column, field: rel.field, score: contentScore(p.share.date) - 5, content: { fit: p.share.date, contradicts: false, flags: ['contentOnly', `after:${rel.after}`] } });
    }
  }
  return out;
}

/**
 * Fields that share one meaning over two mark columns (来电 | 来店 ticks): in each row exactly one of the two is
 * marked. When one is placed, the other is the mark column beside it that is marked in the rows it is not.
 */
export const COMPLEMENTS: readonly { kind: SheetKind; fields: readonly [Field, Field] }[] = [
  { kind: 'register', fields: ['callMark', 'visitMark'] },
];

/** Share of the sampled rows with either column filled where exactly one is (NaN under 5 such rows). */
export function exclusiveShare(profiles: ColumnProfiles, a: number, b: number): number {
  const fa = profiles.columns[a]?.filled;
  const fb = profiles.columns[b]?.filled;
  if (!fa || !fb) return NaN;
  let either = 0;
  let one = 0;
  for (let i = 0; i < fa.length; i++) {
    if (!fa[i] && !fb[i]) continue;
    either++;
    if (fa[i] !== fb[i]) one++;
  }
  return either < 5 ? NaN : one / either;
}

/** Concept tags that say which side of a tick pair a header is (电/来电/call → the call mark; 店/来访 → the visit). */
const PAIR_SIDE: Partial<Record<Field, readonly string[]>> = { callMark: ['CALLIN', 'CALL', 'PHONE'], visitMark: ['WALKIN', 'VISIT', 'RECEPTION'] };

/**
 * Whether the headers of a placed pair (column `a` taken for the pair's first field, `b` for its second) agree with
 * that placement, by what differs between them: 'swapped' when they say the other way round, 'unsure' when neither
 * the differing parts nor the whole headers tell a side (a label naming both over two words naming none).
 */
export function pairVerdict(fields: readonly [Field, Field], a: unknown, b: unknown): 'agrees' | 'swapped' | 'unsure' {
  const [f1, f2] = fields;
  const [ha, hb] = distinctParts(a, b);
  const sa = sideOf(ha, fields);
  const sb = sideOf(hb, fields);
  if ((sa === f1 && sb !== f1) || (sb === f2 && sa !== f2)) return 'agrees';
  if ((sa === f2 && sb !== f2) || (sb === f1 && sa !== f1)) return 'swapped';
  return sideOf(a, fields) === null && sideOf(b, fields) === null ? 'unsure' : 'agrees';
}

/** Two headers without the start they share (a group label above both); each whole when they share none. */
export function distinctParts(a: unknown, b: unknown): [unknown, unknown] {
  if (typeof a !== 'string' || typeof b !== 'string') return [a, b];
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  // Only a whole label: the shared start up to its last separator (来电 | 来店 share 来 but no label).
  while (n > 0 && !/[\s/\\|:：\-_·.]/.test(a[n - 1])) n--;
  if (n === 0 || n === a.length || n === b.length) return [a, b];
  return [a.slice(n), b.slice(n)];
}

function sideOf(header: unknown, fields: readonly [Field, Field]): Field | null {
  const tags = readConcepts(header).tags;
  const hits = fields.filter((f) => (PAIR_SIDE[f] ?? []).some((t) => tags.has(t)));
  return hits.length === 1 ? hits[0] : null;
}

/**
 * A tick pair found by its cells, whatever its headers: when neither mark (nor the word column) is placed, two
 * columns of ticks of which exactly one is ticked in (nearly) every row are the pair. Which is which comes from
 * their headers' concepts (either one is enough); when neither says, both are asked about (flagged ambiguous),
 * never guessed.
 */
export function tickPairCandidates(
  kind: SheetKind,
  profiles: ColumnProfiles,
  columns: Partial<Record<Field, number>>,
  free: (col: number) => boolean,
  headers: readonly unknown[] = [],
): ContentCandidate[] {
  const out: ContentCandidate[] = [];
  for (const pair of COMPLEMENTS) {
    if (pair.kind !== kind || pair.fields.some((f) => columns[f] !== undefined) || columns.contactType !== undefined) continue;
    const marks = profiles.columns.filter((p) => free(p.column) && p.nonBlank >= 3 && p.share.mark >= 0.9);
    const pairs: [number, number, number][] = [];
    for (let i = 0; i < marks.length; i++) {
      for (let j = i + 1; j < marks.length; j++) {
        const a = marks[i].column;
        const b = marks[j].column;
        const x = exclusiveShare(profiles, a, b);
        // Both together fill (nearly) every sampled row: the record is either a call or a visit.
        let filled = 0;
        const fa = profiles.columns[a].filled;
        const fb = profiles.columns[b].filled;
        for (let r = 0; r < fa.length; r++) if (fa[r] || fb[r]) filled++;
        if (x >= 0.9 && filled >= fa.length * 0.9) pairs.push([a, b, x]);
      }
    }
    if (pairs.length !== 1) continue;
    const [a, b, x] = pairs[0];
    const [f1, f2] = pair.fields;
    // The side is told by what differs between the two headers: a group label both share (来电/来店 over
    // 电话 | 到访 under one label, a label in English over two short words) names both sides and tells neither.
    const [ha, hb] = distinctParts(headers[a], headers[b]);
    const sa = sideOf(ha, pair.fields);
    const sb = sideOf(hb, pair.fields);
    let fa: Field;
    let flags = ['contentOnly', 'tickPair'];
    if (sa && sb !== sa) fa = sa;
    else if (sb && sa !== sb) fa = sb === f1 ? f2 : f1;
    else {
      fa = f1;
      flags = [...flags, 'ambiguous'];
    }
    const fb = fa === f1 ? f2 : f1;
    const score = contentScore(x) - 10;
    out.push({ col: a, field: fa, score, content: { fit: x, contradicts: false, flags } });
    out.push({ col: b, field: fb, score, content: { fit: x, contradicts: false, flags } });
  }
  return out;
}

/** Candidates from a complement: the other mark column of a pair whose one column is placed. */
export function complementCandidates(
  kind: SheetKind,
  profiles: ColumnProfiles,
  columns: Partial<Record<Field, number>>,
  free: (col: number) => boolean,
): ContentCandidate[] {
  const out: ContentCandidate[] = [];
  for (const pair of COMPLEMENTS) {
    if (pair.kind !== kind) continue;
    const [f1, f2] = pair.fields;
    const placed = columns[f1] !== undefined ? f1 : columns[f2] !== undefined ? f2 : null;
    if (!placed || (columns[f1] !== undefined && columns[f2] !== undefined)) continue;
    const other = placed === f1 ? f2 : f1;
    const a = columns[placed]!;
    for (const p of profiles.columns) {
      if (!free(p.column) || p.nonBlank < 3 || p.share.mark < 0.9) continue;
      const x = exclusiveShare(profiles, a, p.column);
      if (!(x >= 0.9)) continue;
      // The column beside the placed one is the likelier (the two are written side by side).
      const near = Math.abs(p.column - a) === 1 ? 5 : 0;
      out.push({ col: p.column, field: other, score: contentScore(x) - 10 + near, content: { fit: x, contradicts: false, flags: ['contentOnly', `complement:${placed}`] } });
    }
  }
  return out;
}

/**
 * A mapped field that breaks its relation (last visits before the purchase in most rows): flag for the report.
 * @returns the flag, or null.
 */
export function relationBroken(kind: SheetKind, field: Field, profiles: ColumnProfiles, columns: Partial<Record<Field, number>>): string | null {
  for (const rel of RELATIONS) {
    if (rel.kind !== kind || rel.field !== field) continue;
    const a = columns[field];
    const b = columns[rel.after];
    if (a === undefined || b === undefined) continue;
    const o = dateOrder(profiles, a, b);
    if (o.onOrAfter < 0.6) return `before:${rel.after}`;
  }
  return null;
}
