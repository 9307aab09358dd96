/**
 * What the core says about the harness's sample workbook, computed in Node from the same grids and stored
 * settings the page uses, so the pane's figures are checked against the core, not against numbers copied by hand.
 */
import { analyseWorkbook } from '../../src/core/analyse';
import { emptyState } from '../../src/core/state/stateSheet';
import type { RunReport } from '../../src/core/plan/types';
import { buildSampleWorkbook, SAMPLE_SETTINGS } from './harness/sampleWorkbook';

export function expectedRun(): Pick<RunReport, 'figures' | 'statusCounts'> {
  const { grids } = buildSampleWorkbook();
  const plan = analyseWorkbook(
    Object.entries(grids).map(([name, grid]) => ({ name, grid })),
    { state: { ...emptyState(), settings: SAMPLE_SETTINGS } },
  );
  return { figures: plan.report.figures, statusCounts: plan.report.statusCounts };
}
