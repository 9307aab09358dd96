/**
 * How many rows go into one request. Excel on the web rejects a request or response over 5 MB and a range read
 * is capped at 5,000,000 cells, so every read and write is cut into row blocks bounded in cells and in estimated
 * bytes, well under the limits (large writes near the limit fail as GeneralException on the web).
 */

export interface ChunkPolicy {
  /** At most this many cells per block. */
  maxCells: number;
  /** At most this many estimated bytes per request/response. */
  maxBytes: number;
  /** Bytes assumed per cell when reading (content unknown before it is read). */
  readBytesPerCell: number;
}

export const DEFAULT_CHUNK_POLICY: ChunkPolicy = {
  maxCells: 2_000_000,
  maxBytes: 4 * 1024 * 1024,
  readBytesPerCell: 40,
};

/**
 * Rows per read block for a sheet `columns` wide.
 * @example readChunkRows(20) // 5242 with the default policy (4 MB / 40 bytes / 20 columns)
 */
export function readChunkRows(columns: number, policy: ChunkPolicy = DEFAULT_CHUNK_POLICY): number {
  const cols = Math.max(1, columns);
  return Math.max(1, Math.floor(Math.min(policy.maxCells, policy.maxBytes / policy.readBytesPerCell) / cols));
}

/** Approximate UTF-8 JSON size of one cell value (CJK counts 3 bytes), without Node's Buffer. */
export function cellBytes(v: unknown): number {
  if (typeof v === 'number') return 24;
  if (typeof v === 'boolean') return 6;
  if (typeof v !== 'string') return 4;
  let n = 3;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    n += c > 0x7f ? 3 : c === 0x22 || c === 0x5c ? 2 : 1;
  }
  return n;
}

/**
 * Rows per write block for columns of values (column-major: one array per column). The widest row of a sample
 * (every 1st of up to 2,000 evenly spaced rows) sets the estimate, doubled for safety, so a block never nears 5 MB.
 * @example writeChunkRows([['a','b']], 2) // 2 (all rows fit)
 */
export function writeChunkRows(columns: readonly (readonly unknown[])[], rows: number, policy: ChunkPolicy = DEFAULT_CHUNK_POLICY): number {
  if (rows <= 0) return 1;
  const cols = Math.max(1, columns.length);
  const step = Math.max(1, Math.floor(rows / 2000));
  let widest = 8;
  for (let r = 0; r < rows; r += step) {
    let b = 2;
    for (const col of columns) b += cellBytes(col[r]) + 1;
    if (b > widest) widest = b;
  }
  const byBytes = Math.floor(policy.maxBytes / (widest * 2));
  const byCells = Math.floor(policy.maxCells / cols);
  return Math.max(1, Math.min(rows, byBytes, byCells));
}

/** Number of blocks of `size` rows covering `rows` rows (0 rows: 0 blocks). */
export function chunkCount(rows: number, size: number): number {
  return rows <= 0 ? 0 : Math.ceil(rows / size);
}
