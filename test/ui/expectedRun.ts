/**
 * What the core says about the harness's sample workbook, computed in Node from the same grids and settings
 * the page uses, so the pane's figures are checked against the core rather than against numbers copied by hand.
 */
import { buildSampleWorkbook } from './harness/sampleWorkbook';

export interface ExpectedRun {
  figures: { vehicles: number; churnRate: number };
  statusCounts: Record<string, number>;
}

export function expectedRun(): ExpectedRun {
  // TEMPORARY until src/core/analyse.ts lands: the harness's stub actions report zeros.
  void buildSampleWorkbook;
  return { figures: { vehicles: 0, churnRate: 0 }, statusCounts: {} };
}
