/**
 * The one order of text the product sorts by, the same in Node (the command line) and in every browser (the pane).
 * `localeCompare` and `Intl.Collator('zh-CN')` follow the runtime's ICU data: Chromium sorted 洪山区 before 江岸区
 * (pinyin) where Node put 江岸区 first, so the add-in and `churn-desk analyze` wrote the same tables in different
 * orders. Code-unit order is the same everywhere, and fast on lists of tens of thousands.
 * @example ['洪山区', '江岸区'].sort(compareText) // ['江岸区', '洪山区'] (U+6C5F before U+6D2A)
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const DIGITS = /(\d+)/;

/**
 * `compareText`, except that runs of digits compare by value: '2-3年' before '10年', '2026-02' before '2026-10'.
 * @example ['10年', '2-3年'].sort(compareNatural) // ['2-3年', '10年']
 */
export function compareNatural(a: string, b: string): number {
  const x = a.split(DIGITS);
  const y = b.split(DIGITS);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    // split with a capture group puts the digit runs at odd indexes.
    const c = i % 2 === 1 ? Number(x[i]) - Number(y[i]) || compareText(x[i], y[i]) : compareText(x[i], y[i]);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}
