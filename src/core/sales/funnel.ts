/**
 * The prospect funnel from the register (DOMAIN.md): 来电/来店 (every row) → 留资 (a readable phone) → 试乘试驾 →
 * 报价 → 成交, overall, per consultant and per information source. The stages nest (DOMAIN.md): a row counts at a
 * stage only when it meets that stage's rule and reached every earlier stage, so a stage never holds more rows than
 * the one before and no conversion exceeds 100%. Beside the funnel, each stage's independent count (the rows that
 * meet that stage's own rule alone: an order without a recorded phone is still an order) is kept; it is shown only
 * as a share of 来电/来店, never as a conversion.
 */
import { FUNNEL_STAGES, UNKNOWN_LABEL } from './labels';
import { INFO_SOURCES } from './infoSource';
import { FLAG_LEAD, FLAG_ORDER, FLAG_QUOTE, FLAG_TEST_DRIVE, type RegisterFacts } from './registerFacts';
import { compareText } from '../plan/textOrder';

const STAGE_FLAGS = [0, FLAG_LEAD, FLAG_TEST_DRIVE, FLAG_QUOTE, FLAG_ORDER] as const;
const STAGES = FUNNEL_STAGES.length;

export interface FunnelGroup {
  /** Consultant or source ('未填写' when blank); '' for the overall funnel. */
  label: string;
  /** Nested count per stage, in FUNNEL_STAGES order: rows that reached this stage and every earlier one. */
  counts: number[];
  /** Independent count per stage: rows that meet this stage's own rule, whatever the earlier stages. */
  independent: number[];
}

export interface Funnel {
  overall: FunnelGroup;
  byConsultant: FunnelGroup[];
  bySource: FunnelGroup[];
}

/** Each stage's conversion from the one before (the first stage: null). @example conversions([10,5,2,2,1]) // [null,0.5,0.4,1,0.5] */
export function conversions(counts: readonly number[]): (number | null)[] {
  return counts.map((c, i) => (i === 0 ? null : counts[i - 1] > 0 ? c / counts[i - 1] : null));
}

/** Overall conversion: nested orders (rows that went through every stage) over every row; null with no rows. */
export function overallConversion(counts: readonly number[]): number | null {
  return counts[0] > 0 ? counts[STAGES - 1] / counts[0] : null;
}

/**
 * Counts the funnel stages.
 * @example computeFunnel(facts).overall.counts // [200, 150, 60, 40, 12] (never increasing)
 */
export function computeFunnel(facts: RegisterFacts): Funnel {
  // Per block: nested counts in the first STAGES slots of a group, independent counts in the next STAGES.
  const W = STAGES * 2;
  const overall = new Int32Array(W);
  const byConsultant = new Int32Array(facts.consultants.length * W);
  const bySource = new Int32Array((INFO_SOURCES.length + 1) * W);
  for (let i = 0; i < facts.count; i++) {
    const flags = facts.flags[i];
    const cOffset = facts.consultant[i] * W;
    const sOffset = (facts.source[i] < 0 ? INFO_SOURCES.length : facts.source[i]) * W;
    let nested = true;
    for (let s = 0; s < STAGES; s++) {
      const meets = s === 0 || (flags & STAGE_FLAGS[s]) !== 0;
      nested = nested && meets;
      if (nested) {
        overall[s]++;
        byConsultant[cOffset + s]++;
        bySource[sOffset + s]++;
      }
      if (meets) {
        overall[STAGES + s]++;
        byConsultant[cOffset + STAGES + s]++;
        bySource[sOffset + STAGES + s]++;
      }
    }
  }
  const group = (block: Int32Array, g: number, label: string): FunnelGroup => ({
    label,
    counts: Array.from(block.subarray(g * W, g * W + STAGES)),
    independent: Array.from(block.subarray(g * W + STAGES, (g + 1) * W)),
  });
  const groups = (block: Int32Array, labels: readonly string[]): FunnelGroup[] => {
    const out: FunnelGroup[] = [];
    labels.forEach((label, g) => {
      if (block[g * W] > 0) out.push(group(block, g, label === '' ? UNKNOWN_LABEL : label));
    });
    return out;
  };
  // Named consultants first by volume; the blank group last.
  const consultants = groups(byConsultant, facts.consultants).sort(
    (a, b) => Number(a.label === UNKNOWN_LABEL) - Number(b.label === UNKNOWN_LABEL) || b.counts[0] - a.counts[0] || compareText(a.label, b.label),
  );
  return {
    overall: group(overall, 0, ''),
    byConsultant: consultants,
    bySource: groups(bySource, [...INFO_SOURCES, '']),
  };
}
