/**
 * What the analysis depends on, per sheet kind, and what an absent optional field changes. Never silent: a field
 * the figures rest on that is missing or placed with low confidence becomes a NeedsMapping (the CLI stops and
 * names it, the pane opens 列映射 on it); an optional field that is simply absent is listed once with its effect.
 *
 * - customers: the last visit, the purchase date, a vehicle key (VIN, plate or phone: vehicles are matched by them);
 * - calls: the call date, the result, a vehicle key;
 * - register: the date, call or visit (one column or two mark columns), the arrival time;
 * - prospects: a prospect key (ID, phone or name), the follow-up date (numbered groups count), the intent level.
 */
import type { Field, FieldEvidence, MappedSheet, NeedsMapping, SheetKind } from './types';

export const DEPENDS: { [K in SheetKind]: readonly (readonly Field[])[] } = {
  customers: [['lastVisitDate'], ['purchaseDate'], ['vin', 'plate', 'phone']],
  calls: [['callDate'], ['result'], ['vin', 'plate', 'phone']],
  register: [['date'], ['contactType', 'callMark', 'visitMark'], ['time']],
  prospects: [['prospectId', 'phone', 'name'], ['followDate'], ['level']],
};

/** Optional fields whose absence changes a result (message 'input.absent.<field>' says how), per kind. */
export const CONSEQUENTIAL: { [K in SheetKind]: readonly Field[] } = {
  customers: ['mileage', 'region', 'model', 'warrantyEndDate'],
  calls: ['reason', 'destination', 'invited', 'returnDate', 'caller'],
  register: ['phone', 'source', 'consultant', 'level', 'closure'],
  prospects: ['nextDate', 'defeatReason', 'boughtInstead', 'consultant'],
};

const MAX_CANDIDATES = 5;

/** Numbered follow-up groups stand for the card's date and level. */
function coveredByGroups(m: MappedSheet, f: Field): boolean {
  return m.followUpGroups.some((g) => (f === 'followDate' && g.columns.followDate !== undefined) || (f === 'level' && g.columns.level !== undefined));
}

function candidatesFor(m: MappedSheet, fields: readonly Field[], evidence: readonly FieldEvidence[]): NeedsMapping['candidates'] {
  const out: NeedsMapping['candidates'] = [];
  const seen = new Set<number>();
  const push = (column: number, score: number) => {
    if (column < 0 || seen.has(column) || out.length >= MAX_CANDIDATES) return;
    seen.add(column);
    out.push({ column, header: m.headers[column] ?? '', score });
  };
  for (const f of fields) {
    const e = evidence.find((x) => x.field === f);
    if (e && e.column >= 0) push(e.column, e.score);
    if (e?.runnerUp) push(e.runnerUp.column, e.runnerUp.score);
  }
  // Then the columns nothing was mapped to: one of them is likely the field under a name nobody listed.
  const used = new Set(Object.values(m.columns) as number[]);
  for (const g of m.followUpGroups) for (const c of Object.values(g.columns)) used.add(c as number);
  const end = m.ownedStart ?? m.headers.length;
  for (let c = 0; c < end; c++) if (!used.has(c) && m.headers[c] !== '') push(c, 0);
  return out;
}

/**
 * The sheet's unmet dependencies.
 * @example needsMappingOf(mapSheet(customerBaseWithoutLastVisit, 'customers'))[0].field // 'lastVisitDate'
 */
export function needsMappingOf(m: MappedSheet, evidence: readonly FieldEvidence[]): NeedsMapping[] {
  const out: NeedsMapping[] = [];
  for (const rule of DEPENDS[m.kind]) {
    const placed = rule.filter((f) => m.columns[f] !== undefined || coveredByGroups(m, f));
    const sure = placed.filter((f) => {
      if (m.columns[f] === undefined) return true;
      const e = evidence.find((x) => x.field === f);
      return !e || e.confidence !== 'low';
    });
    if (sure.length > 0) {
      // The rule is met, but a column it would also use is unsure (a phone column beside a sure VIN column: vehicles
      // are matched by it too): ask about that column rather than use it silently.
      // A column the dealer named exactly (车架号 over shortened VINs) is used as named: its doubt is in the evidence.
      for (const f of placed) {
        if (sure.includes(f) || evidence.find((x) => x.field === f)?.headerMatch === 'synonym') continue;
        out.push({ sheet: m.sheet.name, kind: m.kind, field: f, fields: [f], reason: 'lowConfidence', candidates: candidatesFor(m, [f], evidence) });
      }
      continue;
    }
    const reason: NeedsMapping['reason'] = placed.length > 0 ? 'lowConfidence' : 'missing';
    const field = placed[0] ?? rule[0];
    out.push({ sheet: m.sheet.name, kind: m.kind, field, fields: [...rule], reason, candidates: candidatesFor(m, rule, evidence) });
  }
  return out;
}

/** Consequential optional fields the sheet lacks. */
export function absentOf(m: MappedSheet): Field[] {
  return CONSEQUENTIAL[m.kind].filter((f) => m.columns[f] === undefined);
}
