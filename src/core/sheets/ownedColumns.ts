/**
 * Finds ChurnDesk's own appended columns on a source sheet (from a previous run), so they are not read as input.
 *
 * Three ways, most reliable first:
 * 1. The sheet's record in WorkbookState.ownedColumns: its start column, when the header row still shows the
 *    recorded headers there.
 * 1b. The recorded headers, all of them in their order, anywhere in the header row: the user inserted, deleted or
 *    moved columns (or rows above the header) since, or typed a column of their own right of ours. The whole
 *    recorded run (at least 3 headers) is the marker; the header row alone may have moved.
 * 2. By header text: ChurnDesk appends at the right, so its columns are the TRAILING run of headers that are all
 *    ChurnDesk headers. A lone ChurnDesk-like header in the middle (a call log's own 流失原因 column) is input,
 *    so the run must end at the last header and hold at least 3 of them (or every known header when fewer are
 *    known). Taking merely the first matching header would cut a call log in half, because the headers of all
 *    sheets' columns are passed together.
 */
import type { OwnedColumns } from './placeColumns';

/** A trailing run shorter than this is not taken for ChurnDesk's columns. */
const MIN_OWNED_RUN = 3;

/**
 * The first column of ChurnDesk's columns in a header row, or null.
 *
 * @example findOwnedStart(['车架号', '流失原因', '未回厂月数', '流失状态', '建议动作'], 0, ['未回厂月数', '流失状态', '建议动作', '流失原因']) // 1
 * @example findOwnedStart(['回访日期', '流失原因', '回访人'], 0, ['流失原因', '流失状态']) // null
 */
export function findOwnedStart(
  headers: readonly string[],
  headerRow: number,
  ownedHeaders?: readonly string[],
  recorded?: OwnedColumns,
): number | null {
  if (recorded && recorded.headerRow === headerRow && recorded.headers.length > 0) {
    let shows = true;
    for (let i = 0; i < recorded.headers.length && shows; i++) shows = headers[recorded.startColumn + i] === recorded.headers[i].trim();
    if (shows) return recorded.startColumn;
  }
  if (recorded && recorded.headers.length >= MIN_OWNED_RUN) {
    const want = recorded.headers.map((h) => h.trim());
    for (let start = 0; start + want.length <= headers.length; start++) {
      let i = 0;
      while (i < want.length && headers[start + i] === want[i]) i++;
      if (i === want.length) return start;
    }
  }
  if (!ownedHeaders || ownedHeaders.length === 0) return null;
  const owned = new Set(ownedHeaders.map((h) => h.trim()).filter((h) => h !== ''));
  let last = headers.length - 1;
  while (last >= 0 && headers[last] === '') last--;
  let start = last + 1;
  while (start > 0 && owned.has(headers[start - 1])) start--;
  const run = last + 1 - start;
  return run > 0 && run >= Math.min(MIN_OWNED_RUN, owned.size) ? start : null;
}
