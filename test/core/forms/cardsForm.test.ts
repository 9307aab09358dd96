/** 意向客户跟踪卡 as cards: one card per prospect, its own fields and follow-up lines, never cut by a page break. */
import { buildFormsPlan, type FormFillData, type ProspectCardFillRow } from '../../../src/core/forms';
import { resolveSettings } from '../../../src/core/settings/settings';
import { ymdToSerial } from '../../../src/core/values/dates';

const asOf = { y: 2026, m: 10, d: 31 };
const day = (d: number) => ymdToSerial({ y: 2026, m: 10, d });
const card = (i: number, followUps: number): ProspectCardFillRow => ({
  prospectId: `YX${i}`, name: `客户${i}`, phone: '13800000000', model: '瑞虎8', source: '网络', consultant: '李四',
  created: day(1), date: day(1 + followUps), level: 'B', nextDate: day(20),
  followUps: Array.from({ length: followUps }, (_, k) => ({ n: k + 1, date: day(1 + k), method: '电话', result: '要求再优惠', level: 'B', nextDate: day(8 + k) })),
});

function render(data: FormFillData) {
  return buildFormsPlan({ ids: ['F04'], filled: true, data, settings: resolveSettings({ dealerName: '测试店' }), asOf })[0];
}

describe('意向客户跟踪卡', () => {
  const cards = Array.from({ length: 20 }, (_, i) => card(i + 1, 1 + (i % 7)));
  const sheet = render({ prospectCards: cards });
  const headerRows = [...new Set(sheet.cells.filter((c) => c.style === 'header' && c.value === '次数').map((c) => c.row))];

  it('prints one card per prospect, with its fields and a line per follow-up (at least five)', () => {
    expect(headerRows).toHaveLength(20);
    expect(sheet.cells.some((c) => c.style === 'input' && c.value === 'YX7')).toBe(true);
    expect(sheet.cells.some((c) => c.style === 'input' && c.value === '客户7')).toBe(true);
    // 建卡日期 is the card's created date, not the analysis date.
    expect(sheet.cells.some((c) => c.style === 'input' && c.value === day(1) && c.numberFormat === 'yyyy-mm-dd')).toBe(true);
    const linesOfSeventh = sheet.cells.filter((c) => c.row > headerRows[6] && c.row <= headerRows[6] + 7 && c.col === 0 && typeof c.value === 'number');
    expect(linesOfSeventh.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Drop-downs for 跟踪方式 and 意向级别 over each card's lines.
    expect(sheet.validations!.filter((v) => v.row === headerRows[0] + 1)).toHaveLength(2);
  });

  it('never lets a printed page end inside a card: each page ends within the first row of the next card', () => {
    expect(sheet.print.fitToWidth).toBe(false);
    const height = new Map(sheet.rowHeights!.map((h) => [h.row, h.height]));
    const page = 842 - 72 * (0.5 + 0.6);
    // Simulate the printer: a row that does not fit starts the next page.
    let used = 0;
    const pageStarts: number[] = [];
    const last = Math.max(...sheet.cells.map((c) => c.row));
    for (let r = 0; r <= last; r++) {
      const h = height.get(r) ?? 15;
      if (used + h > page) {
        pageStarts.push(r);
        used = 0;
      }
      used += h;
    }
    const cardStarts = headerRows.map((r) => r - 5); // five field rows above each card's grid header
    expect(pageStarts.length).toBeGreaterThan(3);
    for (const start of pageStarts.filter((r) => r < cardStarts[cardStarts.length - 1])) expect(cardStarts).toContain(start);
  });

  it('prints three blank cards when there is no data', () => {
    const blank = buildFormsPlan({ ids: ['F04'], filled: false, settings: resolveSettings({}), asOf })[0];
    expect(blank.cells.filter((c) => c.style === 'header' && c.value === '次数')).toHaveLength(3);
  });
});
