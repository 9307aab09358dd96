/**
 * Full-width → half-width conversion. Chinese input methods type digits, letters and punctuation in their
 * full-width forms (２０２３／５／６, ＫＭ, （）), and the ideographic space U+3000; readers compare against
 * ASCII, so every reader passes text through here first.
 */

/**
 * Converts full-width ASCII variants (U+FF01–U+FF5E) to ASCII and the ideographic space to a space.
 * Returns the same string object when nothing needs converting (the common case), so it allocates nothing then.
 *
 * @example toHalfWidth('２０２３／５／６') // '2023/5/6'
 * @example toHalfWidth('陕Ａ·１２３４５') // '陕A·12345'
 */
export function toHalfWidth(s: string): string {
  let i = 0;
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3000 || (c >= 0xff01 && c <= 0xff5e)) break;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3000) out += ' ';
    else if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else out += s[i];
  }
  return out;
}
