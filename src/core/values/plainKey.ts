/**
 * The common case of a matching key, already in its normal form: a VIN or plate typed as capitals and digits
 * (plates also with ideographs, 鄂A12345). normaliseVin / normalisePlate would return such a text unchanged, so
 * they return it at once instead of running the half-width, blank and decoration passes on a million cells.
 */

/**
 * True when `s` has at least 5 characters, all of them A–Z or 0–9 (or, with `ideographs`, CJK ideographs
 * U+4E00–U+9FFF). No blank form (—, 无, N/A, null …) has 5 characters or more, and none of these characters is
 * full-width, a space, lower case or a plate's decoration, so the normalisers would return `s` itself.
 * @example isPlainKey('LSVAB123456789012', false) // true
 * @example isPlainKey('陕A12345', true) // true
 * @example isPlainKey('lsv123456', false) // false (lower case: upper-cased by the normaliser)
 */
export function isPlainKey(s: string, ideographs: boolean): boolean {
  const n = s.length;
  if (n < 5) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) continue;
    if (ideographs && c >= 0x4e00 && c <= 0x9fff) continue;
    return false;
  }
  return true;
}
