/**
 * The prospect funnel from the register (DOMAIN.md): 来电/来店 (every row) → 留资 (a readable phone) → 试乘试驾 →
 * 报价 → 成交, overall, per consultant and per information source. Each stage counts the rows that meet that
 * stage's own rule (an order without a recorded phone is still an order), so stage counts are exact per rule; each
 * stage's conversion is its count over the previous stage's.
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
  /** Count per stage, in FUNNEL_STAGES order. */
  counts: number[];
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

/** Overall conversion: orders over every row; null with no rows. */
export function overallConversion(counts: readonly number[]): number | null {
  return counts[0] > 0 ? counts[STAGES - 1] / counts[0] : null;
}

/**
 * Counts the funnel stages.
 * @example computeFunnel(facts).overall.counts // [200, 150, 60, 40, 12]
 */
export function computeFunnel(facts: RegisterFacts): Funnel {
  const overall = new Int32Array(STAGES);
  const byConsultant = new Int32Array(facts.consultants.length * STAGES);
  const bySource = new Int32Array((INFO_SOURCES.length + 1) * STAGES);
  for (let i = 0; i < facts.count; i++) {
    const flags = facts.flags[i];
    const cOffset = facts.consultant[i] * STAGES;
    const sOffset = (facts.source[i] < 0 ? INFO_SOURCES.length : facts.source[i]) * STAGES;
    for (let s = 0; s < STAGES; s++) {
      if (s === 0 || flags & STAGE_FLAGS[s]) {
        overall[s]++;
        byConsultant[cOffset + s]++;
        bySource[sOffset + s]++;
      }
    }
  }
  const groups = (block: Int32Array, labels: readonly string[]): FunnelGroup[] => {
    const out: FunnelGroup[] = [];
    labels.forEach((label, g) => {
      const counts = Array.from(block.subarray(g * STAGES, (g + 1) * STAGES));
      if (counts[0] > 0) out.push({ label: label === '' ? UNKNOWN_LABEL : label, counts });
    });
    return out;
  };
  // Named consultants first by volume; the blank group last.
  const consultants = groups(byConsultant, facts.consultants).sort(
    (a, b) => Number(a.label === UNKNOWN_LABEL) - Number(b.label === UNKNOWN_LABEL) || b.counts[0] - a.counts[0] || compareText(a.label, b.label),
  );
  return {
    overall: { label: '', counts: Array.from(overall) },
    byConsultant: consultants,
    bySource: groups(bySource, [...INFO_SOURCES, '']),
  };
}
