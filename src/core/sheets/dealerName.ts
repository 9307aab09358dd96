/**
 * The dealer's name as the workbook's title rows give it: a DMS export's merged title such as
 * 'XX汽车销售服务有限公司保有客户明细表(截至2026年12月)' starts with the dealer. Used for 销售服务商 / the footers when
 * the settings name no dealer (a setting, when typed, always wins).
 */
import type { DetectedSheets } from './types';
import { readText } from '../values/readText';

const SHEET_ORDER = ['customers', 'calls', 'register', 'prospects'] as const;

/** A company or shop name at the start of a title: up to its legal or shop suffix. */
const NAME_AT_START = /^(.{2,40}?(?:有限责任公司|股份有限公司|有限公司|集团公司|公司|4S店|专营店|旗舰店|服务站|服务中心|分店|店))/;

/**
 * The dealer named at the start of a title, or '' when the title names none.
 * @example dealerFromTitle('武汉汉阳瑞达汽车销售服务有限公司保有客户明细表(截至2026年12月)') // '武汉汉阳瑞达汽车销售服务有限公司'
 * @example dealerFromTitle('保有客户明细表') // ''
 */
export function dealerFromTitle(title: string): string {
  const text = title.replace(/[((][^))]*[))]/g, '').replace(/\s+/g, '').trim();
  const m = NAME_AT_START.exec(text);
  if (!m) return '';
  const name = m[1];
  // '客户明细表' or '回访记录' alone are no dealer: a name holds more than a table's words.
  return /^(保有|客户|回访|招揽|展厅|意向|流失)/.test(name) ? '' : name;
}

/**
 * The dealer the title rows (the rows above the header row) of the detected sheets name, customer base first;
 * '' when none does.
 */
export function dealerFromTitles(detected: Pick<DetectedSheets, (typeof SHEET_ORDER)[number]>): string {
  for (const k of SHEET_ORDER) {
    const m = detected[k];
    if (!m || m.headerRow <= 0) continue;
    for (let r = 0; r < m.headerRow; r++) {
      const row = m.sheet.grid[r] ?? [];
      for (const v of row) {
        const text = readText(v);
        if (!text) continue;
        const name = dealerFromTitle(text);
        if (name) return name;
        break; // the title is the row's first text
      }
    }
  }
  return '';
}
