/**
 * One exceljs cell value -> the value Office's `Range.values` would give for that cell.
 */
import type { CellValue } from '../core/plan/types';
import { dateToSerial } from './serial';

/** exceljs's cell value union, narrowed to what we inspect (the library types it loosely). */
type ExcelJsValue = unknown;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * Converts an exceljs cell value: '' for blank, dates -> serial numbers, formulas -> their cached result,
 * rich text -> plain text, hyperlinks -> their text, errors -> '#N/A' etc.
 * @example toCellValue({ formula: 'A1*2', result: 4 }) // 4
 * @example toCellValue({ richText: [{ text: '王' }, { text: '先生' }] }) // '王先生'
 */
export function toCellValue(value: ExcelJsValue): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateToSerial(value);
  if (!isObject(value)) return String(value);
  if ('error' in value) return String(value.error);
  if ('richText' in value && Array.isArray(value.richText)) {
    let text = '';
    for (const run of value.richText as { text?: unknown }[]) text += typeof run?.text === 'string' ? run.text : '';
    return text;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    // A formula with no cached result (never calculated) reads as blank, as Office shows before recalculation.
    return 'result' in value ? toCellValue(value.result) : '';
  }
  if ('hyperlink' in value) {
    const text = value.text;
    return text === undefined ? String(value.hyperlink) : toCellValue(text);
  }
  if ('text' in value) return toCellValue(value.text);
  return '';
}
