/** What every sales summary needs besides its figures: the translator, dealer line and the analysis date. */
import type { TableColumn } from '../../plan/types';

export interface SummaryContext {
  /** i18n lookup bound to the workbook's language. */
  t: (key: string, params?: Record<string, string | number>) => string;
  /** Subtitle line: dealer and analysis date. */
  subtitle: string;
  /** Analysis date serial. */
  asOf: number;
  /** settings.conclusions.mostlyUnknownShare: above it, a conclusion says most values are unknown. */
  mostlyUnknownShare?: number;
}

/** '12.3%' for a share, '—' when there is none (no denominator). @example percentText(0.1234) // '12.3%' */
export function percentText(x: number | null): string {
  return x === null || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(1)}%`;
}

/** A share as a cell value: the number, or '' when there is no denominator. */
export function shareValue(part: number, whole: number): number | '' {
  return whole > 0 ? part / whole : '';
}

export const textCol = (header: string): TableColumn => ({ header, kind: 'text' });
export const intCol = (header: string, sum = false): TableColumn => ({ header, kind: 'integer', ...(sum ? { total: { fn: 'sum' as const } } : {}) });
export const pctCol = (header: string): TableColumn => ({ header, kind: 'percent' });
export const dateCol = (header: string): TableColumn => ({ header, kind: 'date' });
