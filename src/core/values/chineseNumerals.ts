/**
 * Chinese numerals as people write them in dates and clock times: digit by digit for a year (二〇二六 = 2026), with
 * 十 for tens in a month, a day or an hour (十月 = 10, 二十三日 = 23, 十八点 = 18). One reader, used by the date
 * reader and the arrival-time reader, so both accept the same numerals.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/**
 * '3', '03', '十', '十一', '二十', '二十三' → number; NaN when it is not such a number (0..99).
 * @example readSmallNumber('二十三') // 23
 */
export function readSmallNumber(s: string): number {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十]{1,3}$/.test(s)) return NaN;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? DIGITS[s] : NaN;
  const tens = ten === 0 ? 1 : DIGITS[s.slice(0, ten)] ?? NaN;
  const unitText = s.slice(ten + 1);
  const units = unitText === '' ? 0 : DIGITS[unitText] ?? NaN;
  return tens * 10 + units;
}

/**
 * A year written digit by digit ('二〇二六', '二零二六') → number; NaN when any character is not a digit numeral.
 * @example readDigitByDigit('二〇二六') // 2026
 */
export function readDigitByDigit(s: string): number {
  if (s.length === 0) return NaN;
  let n = 0;
  for (const ch of s) {
    const d = /\d/.test(ch) ? Number(ch) : DIGITS[ch];
    if (d === undefined || ch === '两') return NaN;
    n = n * 10 + d;
  }
  return n;
}
