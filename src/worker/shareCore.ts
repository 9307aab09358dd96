/**
 * The worker's half of 分享: mask every sheet (src/core/share/maskWorkbook) and write the share-safe .xlsx
 * (src/xlsx/gridWorkbook), returned as base64 for Excel.createWorkbook. Pure; runs in the Web Worker.
 */
import type { ShareRequest, ShareResponse } from '../office/shareSafe';
import { shareSafeFromGrids } from '../xlsx/shareGridWorkbook';
import { toBase64 } from '../xlsx/storedZip';

/** @example buildShareFile({ sheets: [{ name: 'S', grid: [['车主'], ['王小明']], visibility: 'Visible', columnFormats: [] }], extraPersonalHeaders: [] }).maskedCells // 1 */
export function buildShareFile(req: ShareRequest): ShareResponse {
  const result = shareSafeFromGrids(
    req.sheets.map((s) => ({ name: s.name, grid: s.grid, visibility: s.visibility, columnFormats: s.columnFormats })),
    { extraPersonalHeaders: req.extraPersonalHeaders },
  );
  return { base64: toBase64(result.file), maskedCells: result.maskedCells, bytes: result.file.length };
}
