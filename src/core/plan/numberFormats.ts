/**
 * The number format of each column kind, shared by both adapters so a file and a live workbook format alike.
 * Text gets '@' so customer text is never parsed as a number or date, nor turned into a formula.
 */
import type { ColumnKind } from './types';

export const KIND_FORMATS: Record<ColumnKind, string> = {
  text: '@',
  integer: '0',
  number: '0.0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  month: 'yyyy-mm',
  time: 'hh:mm',
};

/** The number format of a column: its own, or its kind's default. @example numberFormatOf({ kind: 'percent' }) // '0.0%' */
export function numberFormatOf(col: { kind: ColumnKind; numberFormat?: string }): string {
  return col.numberFormat ?? KIND_FORMATS[col.kind];
}
