/**
 * Finds which sheet of a workbook is the customer base, the call log, the showroom register and the prospect
 * cards — by content, never by sheet name (exports are often called 'Sheet1').
 *
 * Every sheet is scored as every kind on its first 30 rows. A recognised field counts by how distinctive it is
 * for the kind: one point for each other kind that has no such field (name and phone, which every kind has, count
 * nothing; VIN and plate count for the customer base and the call log against the register and the prospect
 * cards; 回访结果, 来店/来电, 信息来源, 意向级别, 跟踪日期 count most). A kind whose required fields are all there
 * gets a bonus. Kinds are then assigned so that each sheet gets at most one kind, each kind at most one sheet,
 * and the total score is the highest possible (not greedily: a call log that also looks a bit like a register
 * must not take the register's place when the real register is there).
 *
 * Content counts as well as headers (CONTENT_RULES): a sheet whose cells hold VINs or plates is about vehicles,
 * so it is no register and no prospect card whatever its headers say; one with vehicles and call results is a call
 * log; one with 来电/来店 words is a register. Each chosen sheet says why (MappedSheet.why).
 */
import { STATE_SHEET_NAME } from '../plan/types';
import type { SheetInput } from '../plan/types';
import { HEADER_SCAN_ROWS } from './findHeaderRow';
import { findFollowUpGroups } from './followUpGroups';
import { mapSheet, profilesOf } from './mapSheet';
import type { ColumnProfiles } from './profile';
import { missingRequiredFields } from './required';
import { fieldsOf } from './synonyms';
import { DEPENDS } from './dependencies';
import type { DetectedSheets, Field, MappedSheet, NeedsMapping, Reason, SheetKind } from './types';
import type { OwnedColumns } from './placeColumns';

export const SHEET_KINDS: readonly SheetKind[] = ['customers', 'calls', 'register', 'prospects'];

/** Reasons in DetectedSheets.ignored (i18n keys are 'input.ignored.<reason>'). */
export const IGNORED_REASON = {
  owned: 'ownedByChurnDesk',
  state: 'stateSheet',
  notRecognised: 'notRecognised',
  otherSheetChosen: 'otherSheetChosen',
} as const;

/** A kind needs at least this ranking score (and one field of its own) to be recognised. */
const MIN_RANK = 4;
const REQUIRED_BONUS = 4;
/** More when every field the analysis depends on (dependencies.ts: a card's level, a register's time) is there too. */
const DEPENDS_BONUS = 3;

export interface DetectOptions {
  /** The user's mappings per sheet name: field -> header text. */
  mappings?: Record<string, Partial<Record<Field, string>>>;
  /** Sheets ChurnDesk created (summaries, forms): never input. */
  ownedSheetNames?: readonly string[];
  /** Headers of ChurnDesk's appended columns: those columns are not input. */
  ownedHeaders?: readonly string[];
  /** WorkbookState.ownedColumns: per sheet, where ChurnDesk's columns were written (more reliable than headers alone). */
  ownedColumns?: Record<string, OwnedColumns>;
  /**
   * WorkbookState.acceptedMissing: per sheet, fields the user said the sheet does not have (列映射's "本表没有这一列").
   * A NeedsMapping on any of them is not asked again; the analysis goes on without the field, as with the CLI's
   * --accept-missing.
   */
  acceptedMissing?: Record<string, readonly string[]>;
}

/**
 * How much each field of a kind tells that kind apart: the number of other kinds that have no such field
 * (0 for name and phone, 3 for fields only that kind has).
 */
const DISTINCTIVENESS: Record<SheetKind, ReadonlyMap<Field, number>> = (() => {
  const fieldSets = new Map<SheetKind, Set<Field>>(SHEET_KINDS.map((k) => [k, new Set(fieldsOf(k))]));
  const out = {} as Record<SheetKind, ReadonlyMap<Field, number>>;
  for (const k of SHEET_KINDS) {
    const weights = new Map<Field, number>();
    for (const f of fieldsOf(k)) {
      let lacking = 0;
      for (const other of SHEET_KINDS) if (other !== k && !fieldSets.get(other)?.has(f)) lacking++;
      weights.set(f, lacking);
    }
    out[k] = weights;
  }
  return out;
})();

/**
 * A kind chosen by at most this many points over the sheet's next best kind is asked about, not assumed: a call log
 * that reads nearly as well as a prospect card (or a card given the call log's place because another sheet took
 * the cards) would otherwise be analysed as the wrong thing without a word. Ranks are whole points (one point per
 * kind a field tells apart, REQUIRED_BONUS for a complete kind), so 4 is about one distinctive field or one
 * content rule. Measured on the spent v4 split: 13 of the 19 sheets of a wrong kind that nothing else stopped,
 * against 42 of about 2,000 right sheets asked about (docs/decisions.md, "Uncertain sheet kinds").
 */
const KIND_MARGIN = 4;

/** Numbered follow-up groups (第1次跟进日期 …) are a prospect card's own mark. */
const FOLLOW_UP_GROUPS_WEIGHT = 6;

/**
 * How well a mapped sheet fits its kind (for choosing between sheets and kinds): the distinctiveness of its
 * recognised fields, plus a bonus when the kind's required fields are all there; 0 when nothing distinctive was
 * recognised.
 *
 * @example kindRank(mapSheet({ name: 'S', grid: [['日期', '来电(店)', '信息来源']] }, 'register')) // 3 + 3 + 2 + 4 = 12
 */
export function kindRank(mapped: MappedSheet): number {
  const weights = DISTINCTIVENESS[mapped.kind];
  // A column whose cells contradict its header (a 类型 column without 来电/来店 words) is no evidence for the kind.
  // Nor is a date placed only by an order no header anchors (two unnamed dates, one after the other): on a call
  // log its call and return dates would make a customer base of it.
  const contradicted = new Set((mapped.evidence ?? []).filter((e) => e.column >= 0 && (e.flags.includes('contentContradicts') || (e.flags.includes('ambiguous') && e.flags.some((f) => f.startsWith('order:'))))).map((e) => e.field));
  const sound: Partial<Record<Field, number>> = {};
  for (const [f, c] of Object.entries(mapped.columns) as [Field, number][]) if (!contradicted.has(f)) sound[f] = c;
  let distinctive = 0;
  for (const f of Object.keys(sound) as Field[]) distinctive += weights.get(f) ?? 0;
  if (mapped.followUpGroups.length > 0) distinctive += FOLLOW_UP_GROUPS_WEIGHT;
  if (distinctive === 0) return 0;
  const complete = missingRequiredFields(mapped.kind, sound, mapped.followUpGroups).length === 0;
  const dependsMet = complete && !(mapped.needsMapping ?? []).some((n) => n.reason === 'missing');
  return distinctive + (complete ? REQUIRED_BONUS : 0) + (dependsMet ? DEPENDS_BONUS : 0);
}

/** What a sheet's cells show, whatever its headers (from the content profile). */
type ContentSignal = 'vehicles' | 'callResults' | 'callVisitWords' | 'levels' | 'timesOfDay';

const SIGNAL_TEST: Record<ContentSignal, (p: ColumnProfiles['columns'][number]) => boolean> = {
  vehicles: (p) => p.share.vin >= 0.8 || p.share.plate >= 0.8,
  callResults: (p) => p.share.result >= 0.6,
  callVisitWords: (p) => p.share.contactType >= 0.85,
  // Intent levels (H/A/B/C, h级, 7天内 …), not a column of Y/N marks.
  // (At least three different ones: a column of 三日回访 / 流失招揽 reads as two levels but is none.)
  levels: (p) => p.share.level >= 0.85 && p.share.yesNo < 0.5 && p.levelKinds >= 3,
  // Arrival times (9:30-10:15, 9点半, time fractions), not dates: a register's in-out column.
  timesOfDay: (p) => p.share.time >= 0.8 && p.share.date < 0.5,
};

/**
 * Content rules: when every signal of `when` is present and none of `unless`, the kind's rank changes by `delta`,
 * with the reason given. Call results (接通, 空号, 无人接听 …) are a call log's; intent levels a card's or a register's.
 */
const CONTENT_RULES: readonly { kind: SheetKind; when: readonly ContentSignal[]; unless?: readonly ContentSignal[]; delta: number; reason: string; evenIncomplete?: boolean }[] = [
  { kind: 'prospects', when: ['vehicles'], delta: -8, reason: 'input.why.vehiclesNotSales' },
  { kind: 'register', when: ['vehicles'], delta: -8, reason: 'input.why.vehiclesNotSales' },
  { kind: 'calls', when: ['vehicles', 'callResults'], delta: 6, reason: 'input.why.vehiclesAndResults' },
  { kind: 'calls', when: ['vehicles'], unless: ['callResults'], delta: -6, reason: 'input.why.vehiclesNoResults' },
  // A base whose date headers name nothing is still a base (its missing dates are then asked for).
  { kind: 'customers', when: ['vehicles'], unless: ['callResults'], delta: 3, reason: 'input.why.vehiclesNoResults', evenIncomplete: true },
  { kind: 'calls', when: ['callResults'], unless: ['vehicles', 'levels', 'callVisitWords'], delta: 4, reason: 'input.why.callResults' },
  { kind: 'prospects', when: ['callResults'], unless: ['levels'], delta: -4, reason: 'input.why.resultsNoLevels' },
  { kind: 'register', when: ['callResults'], unless: ['callVisitWords', 'levels'], delta: -4, reason: 'input.why.resultsNoLevels' },
  { kind: 'prospects', when: ['levels'], unless: ['vehicles', 'timesOfDay', 'callVisitWords'], delta: 3, reason: 'input.why.levels' },
  { kind: 'register', when: ['timesOfDay'], unless: ['vehicles'], delta: 3, reason: 'input.why.timesOfDay' },
  { kind: 'prospects', when: ['timesOfDay'], delta: -3, reason: 'input.why.timesOfDay' },
  { kind: 'calls', when: ['levels'], unless: ['vehicles'], delta: -4, reason: 'input.why.levelsNotCalls' },
  { kind: 'register', when: ['callVisitWords'], delta: 3, reason: 'input.why.callVisitWords' },
];

/** The content signals of a sheet below its header row. */
function contentSignals(m: MappedSheet): Set<ContentSignal> {
  const end = m.ownedStart ?? m.headers.length;
  const p = profilesOf(m.sheet.grid, m.headerRow, end);
  const out = new Set<ContentSignal>();
  for (const col of p.columns) {
    if (col.column >= end || col.nonBlank < 5) continue;
    for (const [signal, test] of Object.entries(SIGNAL_TEST) as [ContentSignal, (x: typeof col) => boolean][]) {
      if (test(col)) out.add(signal);
    }
  }
  return out;
}

/**
 * The kind's rank with content taken into account, and why.
 * @example rankWithContent(mapSheet(callLogWithProspectHeaders, 'prospects')).rank // lowered: its cells hold plates
 */
export function rankWithContent(mapped: MappedSheet): { rank: number; why: Reason[] } {
  const base = kindRank(mapped);
  const why: Reason[] = [];
  const headerFields = (mapped.evidence ?? []).filter((e) => e.column >= 0 && e.headerMatch !== 'none').map((e) => e.field);
  const contentFields = (mapped.evidence ?? []).filter((e) => e.column >= 0 && e.headerMatch === 'none').map((e) => e.field);
  why.push({ key: 'input.why.headers', params: { n: headerFields.length, fields: headerFields.join(', ') } });
  if (contentFields.length) why.push({ key: 'input.why.content', params: { n: contentFields.length, fields: contentFields.join(', ') } });
  if (mapped.followUpGroups.length) why.push({ key: 'input.why.followUpGroups', params: { n: mapped.followUpGroups.length } });
  if (base === 0) return { rank: 0, why };
  const signals = contentSignals(mapped);
  let rank = base;
  // Numbered follow-up columns (第1次跟踪时间 …) are a prospect card's own mark: no other kind has them.
  if (mapped.kind !== 'prospects' && findFollowUpGroups(mapped.headers, mapped.ownedStart ?? mapped.headers.length).length >= 2) {
    rank -= FOLLOW_UP_GROUPS_WEIGHT;
    why.push({ key: 'input.why.followUpGroupsNotKind' });
  }
  for (const rule of CONTENT_RULES) {
    if (rule.kind !== mapped.kind || !rule.when.every((s) => signals.has(s)) || rule.unless?.some((s) => signals.has(s))) continue;
    // A call log's bonus needs a complete call log (date, result, key): results in a customer base are not one.
    if (rule.delta > 0 && !rule.evenIncomplete && mapped.missingRequired.length > 0) continue;
    rank += rule.delta;
    why.push({ key: rule.reason });
  }
  return { rank: Math.max(0, rank), why };
}

interface Candidate {
  sheetIndex: number;
  kind: SheetKind;
  rank: number;
  why: Reason[];
}

/**
 * Each sheet at most one kind, each kind at most one sheet, highest total rank. Exact, by dynamic programming over
 * the sheets and the set of kinds already given (4 kinds: 16 sets), so linear in the number of sheets.
 * On a tie the earlier sheet takes the kind (two copies of the same base: the first is used).
 */
function assignKinds(candidates: readonly Candidate[], sheetCount: number): Map<number, SheetKind> {
  const bySheet: Candidate[][] = Array.from({ length: sheetCount }, () => []);
  for (const c of candidates) bySheet[c.sheetIndex].push(c);
  const kindBit = (k: SheetKind): number => 1 << SHEET_KINDS.indexOf(k);
  const masks = 1 << SHEET_KINDS.length;
  // best[i][mask]: the best total from sheet i on, when the kinds in mask are already taken.
  const best: Float64Array[] = Array.from({ length: sheetCount + 1 }, () => new Float64Array(masks));
  for (let i = sheetCount - 1; i >= 0; i--) {
    for (let mask = 0; mask < masks; mask++) {
      let value = best[i + 1][mask];
      for (const c of bySheet[i]) {
        const bit = kindBit(c.kind);
        if (mask & bit) continue;
        value = Math.max(value, c.rank + best[i + 1][mask | bit]);
      }
      best[i][mask] = value;
    }
  }
  const chosen = new Map<number, SheetKind>();
  let mask = 0;
  for (let i = 0; i < sheetCount; i++) {
    // Taking a kind is preferred over skipping on a tie (earlier sheet first), then the higher rank, then kind order.
    const options = bySheet[i]
      .filter((c) => !(mask & kindBit(c.kind)) && c.rank + best[i + 1][mask | kindBit(c.kind)] === best[i][mask])
      .sort((a, b) => b.rank - a.rank || SHEET_KINDS.indexOf(a.kind) - SHEET_KINDS.indexOf(b.kind));
    if (options.length > 0) {
      chosen.set(i, options[0].kind);
      mask |= kindBit(options[0].kind);
    }
  }
  return chosen;
}

/**
 * The question for a sheet whose kind is unsure: it names the kind chosen, the runner-up and the chosen kind's most
 * telling field with its column (mapping that column, or any other of the sheet, by hand confirms the kind).
 */
function uncertainKindOf(m: MappedSheet, runnerUp: SheetKind): NeedsMapping {
  const weights = DISTINCTIVENESS[m.kind];
  let field: Field | undefined;
  for (const rule of DEPENDS[m.kind]) {
    for (const f of rule) {
      if (m.columns[f] === undefined) continue;
      if (field === undefined || (weights.get(f) ?? 0) > (weights.get(field) ?? 0)) field = f;
    }
  }
  field ??= DEPENDS[m.kind][0][0];
  const column = m.columns[field];
  const candidates = column === undefined ? [] : [{ column, header: m.headers[column] ?? '', score: m.evidence?.find((e) => e.field === field)?.score ?? 0 }];
  return { sheet: m.sheet.name, kind: m.kind, field, fields: [field], reason: 'uncertainKind', candidates, runnerUp };
}

/** The sheet's best other kind and its rank (none when no other kind fits at all). */
function runnerUpKind(ranks: Partial<Record<SheetKind, number>>, chosen: SheetKind): { kind: SheetKind; rank: number } | undefined {
  let best: { kind: SheetKind; rank: number } | undefined;
  for (const k of SHEET_KINDS) {
    const r = ranks[k] ?? 0;
    if (k !== chosen && r >= MIN_RANK && (!best || r > best.rank)) best = { kind: k, rank: r };
  }
  return best;
}

/** The first rows of a sheet: enough to decide its kind without touching a million rows. */
function head(sheet: SheetInput): SheetInput {
  return sheet.grid.length <= HEADER_SCAN_ROWS ? sheet : { name: sheet.name, grid: sheet.grid.slice(0, HEADER_SCAN_ROWS) };
}

/**
 * Assigns sheets to kinds by content.
 *
 * @example
 * const d = detectSheets([{ name: 'Sheet1', grid: callLog }, { name: 'Sheet2', grid: customerBase }]);
 * // d.customers.sheet.name === 'Sheet2', d.calls.sheet.name === 'Sheet1'
 */
export function detectSheets(sheets: readonly SheetInput[], options: DetectOptions = {}): DetectedSheets {
  const ignored: DetectedSheets['ignored'] = [];
  const owned = new Set((options.ownedSheetNames ?? []).map((n) => n.toLowerCase()));
  const candidates: Candidate[] = [];
  const inputs: SheetInput[] = [];
  /** Per input sheet, its rank as every kind (0 when it does not fit): the runner-up of the kind chosen. */
  const ranksBySheet: Partial<Record<SheetKind, number>>[] = [];
  for (const sheet of sheets) {
    if (sheet.name === STATE_SHEET_NAME) {
      ignored.push({ sheet: sheet.name, reason: IGNORED_REASON.state });
      continue;
    }
    if (owned.has(sheet.name.toLowerCase())) {
      ignored.push({ sheet: sheet.name, reason: IGNORED_REASON.owned });
      continue;
    }
    const i = inputs.push(sheet) - 1;
    const firstRows = head(sheet);
    ranksBySheet[i] = {};
    // A sheet competes for every kind whose required fields it has, and for its best kind even when incomplete
    // (a register without a 来电/来店 column is still a register; the pane asks for the missing column). It does not
    // compete for a kind it fits only partly and less well than another (so a second copy of the customer base
    // is not taken for a call log).
    let best: Candidate | null = null;
    const complete: Candidate[] = [];
    for (const kind of SHEET_KINDS) {
      const mapped = mapSheet(firstRows, kind, { userMapping: options.mappings?.[sheet.name], ownedHeaders: options.ownedHeaders, ownedColumns: options.ownedColumns?.[sheet.name] });
      const { rank, why } = rankWithContent(mapped);
      ranksBySheet[i][kind] = rank;
      if (rank < MIN_RANK) continue;
      const cand = { sheetIndex: i, kind, rank, why };
      if (mapped.missingRequired.length === 0) complete.push(cand);
      if (!best || rank > best.rank) best = cand;
    }
    candidates.push(...complete);
    if (best && !complete.includes(best)) candidates.push(best);
  }
  const chosen = assignKinds(candidates, inputs.length);
  const result: DetectedSheets = { ignored, needsMapping: [] };
  const usedSheets = new Set<number>();
  for (const [sheetIndex, kind] of chosen) {
    usedSheets.add(sheetIndex);
    const sheet = inputs[sheetIndex];
    // Map the whole sheet only once its kind is known (data rows need every row).
    const mapped = mapSheet(sheet, kind, { userMapping: options.mappings?.[sheet.name], ownedHeaders: options.ownedHeaders, ownedColumns: options.ownedColumns?.[sheet.name] });
    const cand = candidates.find((c) => c.sheetIndex === sheetIndex && c.kind === kind);
    mapped.why = [{ key: 'input.why.rank', params: { rank: cand?.rank ?? 0 } }, ...(cand?.why ?? [])];
    const runnerUp = runnerUpKind(ranksBySheet[sheetIndex], kind);
    if (runnerUp) mapped.kindRunnerUp = runnerUp;
    // A mapping the user gave for the sheet confirms its kind; without one, a close runner-up is asked about.
    const confirmed = Object.keys(options.mappings?.[sheet.name] ?? {}).length > 0;
    if (runnerUp && !confirmed && (cand?.rank ?? 0) - runnerUp.rank <= KIND_MARGIN) {
      mapped.needsMapping = [uncertainKindOf(mapped, runnerUp.kind), ...(mapped.needsMapping ?? [])];
    }
    result[kind] = mapped;
  }
  for (const k of SHEET_KINDS) {
    const mapped = result[k];
    if (!mapped) continue;
    const accepted = options.acceptedMissing?.[mapped.sheet.name];
    if (accepted?.length && mapped.needsMapping) mapped.needsMapping = mapped.needsMapping.filter((n) => !n.fields.some((f) => accepted.includes(f)));
    result.needsMapping!.push(...(mapped.needsMapping ?? []));
  }
  for (let i = 0; i < inputs.length; i++) {
    if (usedSheets.has(i)) continue;
    const recognised = candidates.some((c) => c.sheetIndex === i);
    ignored.push({ sheet: inputs[i].name, reason: recognised ? IGNORED_REASON.otherSheetChosen : IGNORED_REASON.notRecognised });
  }
  return result;
}
