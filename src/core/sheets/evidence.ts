/**
 * Content as evidence for a (column, field): what value type each field expects, how well a column's sampled
 * cells fit it, when they contradict the header, which columns are candidates by their content alone, and the
 * relations between fields (a last visit is on or after the purchase; a return after the call) — all as data.
 */
import { dateOrder, type ColumnProfiles, type ValueType } from './profile';
import { fieldsOf } from './synonyms';
import type { Field, SheetKind } from './types';

/** What each field's cells hold. 'any': nothing to check (free marks, notes, ids). */
export const FIELD_VALUE_TYPE: Record<Field, ValueType> = {
  name: 'text', phone: 'phone', plate: 'plate', vin: 'vin', model: 'text', purchaseDate: 'date', lastVisitDate: 'date',
  visitCount: 'count', mileage: 'mileage', region: 'text', advisor: 'text', gender: 'any', address: 'text',
  warrantyEndDate: 'date', callDate: 'date', result: 'result', reason: 'text', destination: 'text', invited: 'any',
  appointmentDate: 'date', returnDate: 'date', caller: 'text', date: 'date', time: 'time', contactType: 'contactType',
  callMark: 'any', visitMark: 'any', intendedModel: 'text', source: 'text', process: 'text', level: 'level', closure: 'any',
  consultant: 'text', remarks: 'any', testDrive: 'any', quote: 'any', order: 'any', prospectId: 'any', followDate: 'date',
  followMethod: 'text', followResult: 'text', nextDate: 'date', defeatReason: 'text', boughtInstead: 'text',
  createdDate: 'date',
};

/** Types whose cells can contradict a header (below CONTRADICTS of the non-blank cells fit). */
const CHECKABLE: ReadonlySet<ValueType> = new Set(['date', 'vin', 'plate', 'phone', 'mileage', 'count', 'time', 'contactType', 'level']);
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
/** Fewest non-blank sampled cells for content to count. */
const MIN_CELLS = 5;

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
      return 1 - Math.max(p.share.date, p.share.phone);
    default:
      return p.share[type];
  }
}

/**
 * How a column's cells bear on a field.
 * @example judgeContent('callDate', 0, profiles).contradicts // true for a 日期 column of text
 */
export function judgeContent(field: Field, col: number, profiles: ColumnProfiles): ContentJudgement | null {
  const p = profiles.columns[col];
  if (!p || p.nonBlank < MIN_CELLS) return null;
  const type = FIELD_VALUE_TYPE[field];
  const fit = fitOf(type, p);
  if (Number.isNaN(fit)) return { fit: null, contradicts: false, flags: [] };
  // Free text is contradicted only by cells that are plainly something else (a name column of dates).
  const contradicts = type === 'text' ? fit < 0.1 : CHECKABLE.has(type) && fit < (CONTRADICTS_BY_TYPE[type] ?? CONTRADICTS);
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
function contentScore(fit: number): number {
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
 * Candidates from a relation: an unnamed date column whose dates lie on or after the related field's column in
 * (nearly) every row, and after it in many, is that field (a last visit after the purchase).
 */
export function relationCandidates(
  kind: SheetKind,
  profiles: ColumnProfiles,
  columns: Partial<Record<Field, number>>,
  free: (col: number) => boolean,
): ContentCandidate[] {
  const out: ContentCandidate[] = [];
  for (const rel of RELATIONS) {
    if (rel.kind !== kind || columns[rel.field] !== undefined) continue;
    const anchor = columns[rel.after];
    if (anchor === undefined) continue;
    for (const p of profiles.columns) {
      if (!free(p.column) || p.nonBlank < MIN_CELLS || p.share.date < 0.9) continue;
      const o = dateOrder(profiles, p.column, anchor);
      if (!(o.onOrAfter >= 0.95 && o.after >= 0.3)) continue;
      out.push({ col: p.column, field: rel.field, score: contentScore(p.share.date) - 5, content: { fit: p.share.date, contradicts: false, flags: ['contentOnly', `after:${rel.after}`] } });
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
