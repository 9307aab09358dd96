/**
 * Why 列映射 was opened by a refresh: a refusal about a column (a 'needsMapping' error of src/office/errors.ts:
 * a field missing or unsure, or calls that match no vehicle by the key mapped). The mapping view shows the message
 * and brings the sheet and field concerned into view, since nothing was written and the fix is a mapping.
 */
import type { Field } from '../core/sheets/types';
import { describeError } from './describeError';
import type { Translate } from './i18nContext';

export interface MappingRequest {
  sheet: string;
  field: Field;
  /** The refusal in the pane's language. */
  message: string;
}

/**
 * The request of an error that asks for a mapping, or undefined for any other error.
 * @example mappingRequestOf(new ColumnRefusalError({ sheet: '回访记录', field: 'vin' }, 'aftersales.error.callsUnmatched', {}), t)
 *   // { sheet: '回访记录', field: 'vin', message: '“回访记录”的 … 条回访 …' }
 */
export function mappingRequestOf(error: unknown, t: Translate): MappingRequest | undefined {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; focus?: { sheet?: unknown; field?: unknown } };
  if (e.code !== 'needsMapping') return undefined;
  const focus = e.focus;
  if (!focus || typeof focus.sheet !== 'string' || typeof focus.field !== 'string') return undefined;
  return { sheet: focus.sheet, field: focus.field as Field, message: describeError(error, t) };
}
