/**
 * One NeedsMapping said in words: which field of which sheet is missing or unsure, and the columns that could hold
 * it. The CLI prints it, the ribbon's dialog and the pane show it: one wording for the three.
 */
import { columnLetter } from '../plan/names';
import type { Locale } from '../settings/settings';
import { t } from '../../i18n';
import type { NeedsMapping } from './types';

/** A column as the user sees it: “车架号”(B), or the letter alone when the header is blank. */
export function columnLabel(header: string, column: number): string {
  return header ? `“${header}”(${columnLetter(column)})` : columnLetter(column);
}

/**
 * The problem and the candidates, as two texts.
 * @example needsMappingText(need, 'zh-CN') // { problem: '保有客户:找不到“最后进站日期”列(…)', candidates: '可能的列:“栏位X”(D)' }
 */
export function needsMappingText(n: NeedsMapping, locale: Locale): { problem: string; candidates: string } {
  const tr = (key: string, params?: Record<string, string | number>) => t(locale, key, params);
  const current = n.candidates[0];
  const problem = tr(`input.needsMapping.${n.reason}`, {
    sheet: n.sheet,
    field: tr(`input.field.${n.field}`),
    fields: n.fields.map((f) => `${tr(`input.field.${f}`)}(${f})`).join('、'),
    header: current ? columnLabel(current.header, current.column) : '',
    kind: tr(`input.kind.${n.kind}`),
    runnerUp: n.runnerUp ? tr(`input.kind.${n.runnerUp}`) : '',
  });
  const candidates = n.candidates.length
    ? tr('input.needsMapping.candidates', { candidates: n.candidates.map((c) => columnLabel(c.header, c.column)).join('、') })
    : tr('input.needsMapping.noCandidates');
  return { problem, candidates };
}
