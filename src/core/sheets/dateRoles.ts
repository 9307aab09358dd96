/**
 * Date columns told apart by the ORDER of their dates, row by row (issue 10 part 1: "their order against the
 * purchase date"). On a customer sheet the dates of one vehicle follow its life: it is bought first (purchase,
 * 初登, warranty start: the earliest vehicle event), serviced after (the last visit is on or after
 * every other past event, and not after the export), and some dates lie ahead (next service, insurance or
 * warranty expiry) or decades back (the owner's birthday). Whatever the headers say, the cells show which column
 * plays which part:
 *
 * - **birth**: its median lies BIRTH_YEARS or more before every other date column's median;
 * - **future**: with two other date columns at least, most of its dates (FUTURE_SHARE) lie after every date of the
 *   others: the export cannot be older than its most recent past event. This rests on an estimate of the export
 *   date, so it only keeps a column from being placed by its cells; it never contradicts a header;
 * - **earliest**: on or before every other past date column in (nearly) every row that has both, and strictly
 *   before one of them in many;
 * - **latest**: on or after every other past date column in (nearly) every row, and strictly after the earliest in
 *   many;
 * - anything else is **middle** (a first service, a second sale) and says nothing.
 *
 * A kind lists which field each role stands for (ORDER_ROLES, as data); matchColumns uses the roles as evidence in
 * the one scoring mechanism: a header match that agrees gains, one that disagrees is contradicted (taken last and
 * flagged), and an unnamed column with a role becomes a content candidate for its field. Cheap: the profile's
 * sampled dates only.
 */
import { readConcepts } from './concepts';
import { contentScore, type ContentCandidate } from './evidence';
import { dateOrder, type ColumnProfiles } from './profile';
import type { Field, SheetKind } from './types';

export type DateRole = 'earliest' | 'latest' | 'middle' | 'future' | 'birth';

/** Which field each role of the order stands for, per kind (a kind absent here has no order evidence). */
export const ORDER_ROLES: Partial<Record<SheetKind, Partial<Record<DateRole, Field>>>> = {
  customers: { earliest: 'purchaseDate', latest: 'lastVisitDate' },
};

/**
 * Header concepts that say a date is another one (a next or planned date, an end, a birthday): such a column is
 * never placed on a role by its cells alone (下次保养日期 of mostly past dates is still no last visit).
 */
const OTHER_DATE_CONCEPTS: readonly string[] = ['NEXT', 'PLAN', 'END', 'BIRTH', 'CREATE', 'INSURANCE', 'MAKER'];

/** A column counts when at least this share of its non-blank sampled cells are dates, and MIN_DATES of them. */
const DATE_SHARE = 0.8;
const MIN_DATES = 5;
/** Rows in which an order must hold, and the share strictly ordered that tells two columns apart. */
const ORDER_HOLDS = 0.95;
const STRICTLY = 0.3;
const BIRTH_YEARS = 12;
/** A column of vehicles: this share of VINs or plates. */
const VEHICLE_SHARE = 0.8;
const FUTURE_SHARE = 0.6;
/** Dates up to this many days after the reference still count as past (an export made a little after its data). */
const FUTURE_SLACK_DAYS = 30;

function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1))))];
}

export interface DateRoles {
  /** Column -> role, for the date columns of the sheet (columns not listed are no date columns). */
  roles: Map<number, DateRole>;
}

const cache = new WeakMap<ColumnProfiles, DateRoles>();

/**
 * The role of each date column by the order of its dates.
 * @example dateRoles(profiles).roles.get(3) // 'earliest' for the purchase-date column of a customer sheet
 */
export function dateRoles(profiles: ColumnProfiles): DateRoles {
  const hit = cache.get(profiles);
  if (hit) return hit;
  const roles = new Map<number, DateRole>();
  // The order is a vehicle's life: a sheet with no column of VINs or plates (a prospect card's created and
  // follow-up dates) has none.
  if (!profiles.columns.some((p) => p.nonBlank >= MIN_DATES && (p.share.vin >= VEHICLE_SHARE || p.share.plate >= VEHICLE_SHARE))) {
    const none = { roles };
    cache.set(profiles, none);
    return none;
  }
  const cols: { col: number; dates: number[] }[] = [];
  for (const p of profiles.columns) {
    if (p.nonBlank < MIN_DATES || p.share.date < DATE_SHARE) continue;
    const dates: number[] = [];
    for (const d of p.dates) if (!Number.isNaN(d)) dates.push(d);
    if (dates.length >= MIN_DATES) cols.push({ col: p.column, dates });
  }
  const median = new Map(cols.map((c) => [c.col, quantile(c.dates, 0.5)]));
  for (const c of cols) {
    const others = cols.filter((o) => o.col !== c.col);
    if (others.length > 0 && others.every((o) => median.get(c.col)! <= median.get(o.col)! - BIRTH_YEARS * 365)) roles.set(c.col, 'birth');
  }
  const lived = cols.filter((c) => !roles.has(c.col));
  // Two date columns alone cannot tell a recent last visit from a date ahead (both lie after the purchases):
  // 'future' needs two other columns to stand for the past.
  if (lived.length >= 3) {
    const max = new Map(lived.map((c) => [c.col, Math.max(...c.dates)]));
    for (const c of lived) {
      // The export is no older than the latest date of the other columns: most of this column's dates after even
      // that one lie ahead of the export.
      const reference = Math.max(...lived.filter((o) => o.col !== c.col).map((o) => max.get(o.col)!));
      const ahead = c.dates.filter((d) => d > reference + FUTURE_SLACK_DAYS).length / c.dates.length;
      if (ahead >= FUTURE_SHARE) roles.set(c.col, 'future');
    }
  }
  const past = lived.filter((c) => !roles.has(c.col));
  if (past.length >= 2) {
    const holds = (later: number, earlier: number) => {
      const o = dateOrder(profiles, later, earlier);
      return { on: o.onOrAfter >= ORDER_HOLDS, strictly: o.after >= STRICTLY };
    };
    let earliest: number | null = null;
    for (const c of past) {
      const others = past.filter((o) => o.col !== c.col);
      if (others.every((o) => holds(o.col, c.col).on) && others.some((o) => holds(o.col, c.col).strictly)) {
        earliest = c.col;
        break;
      }
    }
    let latest: number | null = null;
    for (const c of past) {
      if (c.col === earliest) continue;
      const others = past.filter((o) => o.col !== c.col);
      const apart = earliest === null ? others.some((o) => holds(c.col, o.col).strictly) : holds(c.col, earliest).strictly;
      if (others.every((o) => holds(c.col, o.col).on) && apart) {
        latest = c.col;
        break;
      }
    }
    for (const c of past) roles.set(c.col, c.col === earliest ? 'earliest' : c.col === latest ? 'latest' : 'middle');
  } else {
    for (const c of past) roles.set(c.col, 'middle');
  }
  const out = { roles };
  cache.set(profiles, out);
  return out;
}

/** The role a field of a kind stands for, or null when the order says nothing about the field. */
export function roleOfField(kind: SheetKind, field: Field): DateRole | null {
  const m = ORDER_ROLES[kind];
  if (!m) return null;
  for (const [role, f] of Object.entries(m) as [DateRole, Field][]) if (f === field) return role;
  return null;
}

/**
 * How the order bears on a header's match of (column, field): 'agrees' when the column plays the field's role,
 * 'contradicts' when it plays another role that the order establishes (birth, future, or the other end of the
 * order while the field's own role is held by another column), null when the order says nothing.
 */
export function orderJudgement(kind: SheetKind, field: Field, col: number, profiles: ColumnProfiles): { verdict: 'agrees' | 'contradicts'; role: DateRole } | null {
  const want = roleOfField(kind, field);
  if (!want) return null;
  const { roles } = dateRoles(profiles);
  const role = roles.get(col);
  if (!role) return null;
  if (role === want) return { verdict: 'agrees', role };
  // A birthday contradicts any vehicle event. 'future' rests on an estimate of the export date, so it keeps a
  // column out of the content candidates but never overrules a header.
  if (role === 'birth') return { verdict: 'contradicts', role };
  if (role === 'future') return null;
  // The latest past event is never the earliest one: another vehicle date lies after it in every row.
  if (want === 'latest' && role === 'earliest') return { verdict: 'contradicts', role };
  const holder = [...roles].find(([, r]) => r === want);
  // The column sits at the other end of the order, and the field's own end is another column.
  if (holder && (role === 'earliest' || role === 'latest')) return { verdict: 'contradicts', role };
  return null;
}

/** Whether a header says its date is another one than any role (a next, planned or end date, a birthday). */
export function namesOtherDate(header: unknown): boolean {
  const tags = readConcepts(header).tags;
  return OTHER_DATE_CONCEPTS.some((t) => tags.has(t));
}

/**
 * Candidates from the order: an unplaced field of the kind whose role one free column plays (and whose header does
 * not name another date) is that column, below every header match.
 * @example orderCandidates('customers', profiles, { lastVisitDate: 4 }, free, headers) // [{ col: 2, field: 'purchaseDate', … }]
 */
export function orderCandidates(
  kind: SheetKind,
  profiles: ColumnProfiles,
  columns: Partial<Record<Field, number>>,
  free: (col: number) => boolean,
  headers: readonly unknown[] = [],
): ContentCandidate[] {
  const wanted = ORDER_ROLES[kind];
  if (!wanted) return [];
  const { roles } = dateRoles(profiles);
  // With no field of the order named by its header, the order alone cannot tell purchase-then-visit from
  // visit-then-next-service: the columns are offered, and asked about (ambiguous).
  const anchored = Object.values(wanted).some((f) => columns[f] !== undefined);
  const out: ContentCandidate[] = [];
  for (const [col, role] of roles) {
    const field = wanted[role];
    if (!field || columns[field] !== undefined || !free(col) || namesOtherDate(headers[col])) continue;
    const fit = profiles.columns[col].share.date;
    const flags = ['contentOnly', `order:${role}`, ...(anchored ? [] : ['ambiguous'])];
    out.push({ col, field, score: contentScore(fit) - 5, content: { fit, contradicts: false, flags } });
  }
  return out;
}
