/** All after-sales summary sheets (1–7 of DOMAIN.md), in tab order. */
import type { SheetSpec } from '../../plan/types';
import type { SummaryContext } from './context';
import { failedFigures, failedSheet, type FailedFigures } from './failed';
import { ageSheet, groupSheet } from './groups';
import { monthlyCounts, monthlySheet, type MonthlyCounts } from './monthly';
import { overviewFigures, overviewSheet, type OverviewFigures } from './overview';
import { reasonsSheet } from './reasons';
import { warrantySheet } from './warranty';
import { winBackSheet, type WinBackFigures } from './winback';

export type { SummaryContext, ClassifiedSource } from './context';

export interface AfterSalesSummaries {
  sheets: SheetSpec[];
  overview: OverviewFigures;
  failed: FailedFigures;
  winBack: WinBackFigures;
  monthly: MonthlyCounts;
}

/**
 * Builds 流失概览, 地区分析, 车型分析, 车龄分析, 保期内外分析, 流失原因, 跟踪失败, 招揽汇总 and 招揽名单.
 * @example buildAfterSalesSummaries(ctx).sheets.map((s) => s.key)[0] // 'summary.overview'
 */
export function buildAfterSalesSummaries(ctx: SummaryContext): AfterSalesSummaries {
  const overview = overviewFigures(ctx);
  const failed = failedFigures(ctx);
  const winBack = winBackSheet(ctx);
  const monthly = monthlyCounts(ctx);
  return {
    sheets: [
      overviewSheet(ctx, overview),
      groupSheet(ctx, 'region'),
      groupSheet(ctx, 'model'),
      ageSheet(ctx),
      warrantySheet(ctx),
      reasonsSheet(ctx),
      failedSheet(ctx, failed),
      monthlySheet(ctx, monthly),
      winBack.sheet,
    ],
    overview,
    failed,
    winBack: winBack.figures,
    monthly,
  };
}
