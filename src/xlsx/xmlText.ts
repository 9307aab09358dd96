/** XML text escaping shared by the streaming writers (streamWriteWorkbook, streamTables). */

/**
 * Text escaped for XML element content. Characters XML 1.0 cannot hold, and CR (which XML parsers turn into LF),
 * are written the OOXML way, _xHHHH_, as Excel does (exceljs would drop them); a literal '_x0041_' becomes
 * '_x005F_x0041_'. streamReadWorkbook decodes both back.
 * @example xmlText('a<b\u0007') // 'a&lt;b_x0007_'
 */
export function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  if (!/[&<>\u0000-\u0008\u000b-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/.test(s)) return s;
  return s
    .replace(/_(x[0-9a-fA-F]{4})_/g, '_x005F_$1_')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // eslint-disable-next-line no-control-regex -- as above
    .replace(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}
