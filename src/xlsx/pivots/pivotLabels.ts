/**
 * Excel's own captions of a PivotTable in the report's language (what Excel shows after it refreshes the pivot):
 * the CLI's file and the add-in's share-safe copy (written in the worker) use the same, so the catalogue entries
 * live in the area every bundle keeps (src/i18n/<locale>/common.ts).
 */
import type { Locale } from '../../core/settings/settings';
import { t } from '../../i18n';
import type { FilePivotLabels } from './filePivot';

/** @example pivotLabels('zh-CN').countOf('车架号') // '计数项:车架号' */
export function pivotLabels(locale: Locale): FilePivotLabels {
  return {
    total: t(locale, 'pivot.grandTotal'),
    blank: t(locale, 'pivot.blank'),
    rowLabels: t(locale, 'pivot.rowLabels'),
    columnLabels: t(locale, 'pivot.columnLabels'),
    countOf: (field) => t(locale, 'pivot.countOf', { field }),
    sumOf: (field) => t(locale, 'pivot.sumOf', { field }),
    multipleItems: t(locale, 'pivot.multipleItems'),
    allItems: t(locale, 'pivot.allItems'),
    values: t(locale, 'pivot.values'),
  };
}
