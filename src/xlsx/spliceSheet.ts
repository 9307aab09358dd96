/**
 * Streams a source worksheet's XML through once, copying its bytes as they are, except:
 *  - the new cells of each row (the plan's appended columns) are spliced in at their column's place (before
 *    </row> when, as almost always, the row has no cell right of them);
 *  - cells in `removeColumns` (the columns the product wrote last time, a refresh) are dropped;
 *  - rows that get new cells but do not exist yet (gaps, or past the last row) are added in row order;
 *  - the part before <sheetData> and the part after </sheetData> (small: dimension, cols, validations, conditional
 *    formats) go through `head` and `tail`.
 * A user's cell, style id, formula, merge or table is never rewritten: those bytes are copied.
 *
 * Works on bytes (Buffer.indexOf): a row the splice does not need to look into costs two searches and a copy.
 */

/** What to change in one sheet. Rows and columns are 0-based. */
export interface SheetSplice {
  /** New cells of row r, sorted by column, as [column, '<c …>…</c>'] (XML text, JS string), or undefined. */
  cellsOf(r: number): [number, string][] | undefined;
  /** Last row that has new cells (-1: none). */
  lastRow: number;
  /** Smallest column that gets a cell or loses one (cells left of it are never looked at). */
  firstColumn: number;
  /** Column ranges [first, last] whose existing cells are dropped from `fromRow` down (refresh). */
  removeColumns: { first: number; last: number; fromRow: number }[];
  /** Rewrites the XML before <sheetData> (dimension, cols). */
  head(xml: string): string;
  /** Rewrites the XML after </sheetData> (validations, conditional formats). */
  tail(xml: string): string;
}

const OUT_BYTES = 1 << 20;

/**
 * `xml` (the product's, unprefixed) with every element name given namespace prefix `p` ('x:'), for a sheet written
 * with a prefix (`<x:worksheet xmlns:x="…main">`): there an unprefixed element would be in no namespace.
 */
export function prefixed(xml: string, p: string): string {
  return p ? xml.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (_all, slash: string, name: string) => `<${slash}${p}${name}`) : xml;
}

/** `xml` with prefix `p` taken off its element names (prefixed's inverse for a part whose elements all carry it). */
export function unprefixed(xml: string, p: string): string {
  return p ? xml.split(`<${p}`).join('<').split(`</${p}`).join('</') : xml;
}

/** 0-based column of the letters of a cell reference starting at buf[i] (stops at the first digit). */
function columnAt(buf: Buffer, i: number, end: number): number {
  let n = 0;
  for (; i < end; i++) {
    const ch = buf[i];
    if (ch < 0x41 || ch > 0x5a) break;
    n = n * 26 + (ch - 64);
  }
  return n - 1;
}

/** Index of `name="` inside the tag buf[start, end), or -1. */
function attrIndex(buf: Buffer, start: number, end: number, name: string): number {
  // Searched inside the tag only: a search of the whole buffer for an attribute the tag lacks would read to its end.
  const at = buf.subarray(start, end).indexOf(` ${name}="`, 0, 'latin1');
  return at >= 0 ? start + at + name.length + 3 : -1;
}

/** The integer at buf[i…] (digits). */
function intAt(buf: Buffer, i: number): number {
  let n = 0;
  for (; buf[i] >= 0x30 && buf[i] <= 0x39; i++) n = n * 10 + (buf[i] - 0x30);
  return n;
}

/** 0-based column of a <c> element's r attribute in text, or -1. */
function cellColumn(tag: string): number {
  const m = /\sr="([A-Z]+)\d+"/.exec(tag);
  if (!m) return -1;
  let n = 0;
  for (const ch of m[1]) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const toLatin1 = (xml: string) => (/[^ -~\t\n\r]/.test(xml) ? Buffer.from(xml, 'utf8').toString('latin1') : xml);

/** Rows as the product adds them: `<row r="N">cells</row>`. */
function newRow(r: number, cells: [number, string][], p: string): string {
  let xml = `<${p}row r="${r + 1}">`;
  for (const [, c] of cells) xml += prefixed(c, p);
  return xml + `</${p}row>`;
}

/**
 * The sheet XML `chunks` with `splice` applied, as buffers of about 1 MB.
 * @example await zip.addEntry(part, spliceSheet(entryChunks(file, fd, entry), splice))
 */
export async function* spliceSheet(chunks: AsyncIterable<Buffer>, splice: SheetSplice): AsyncGenerator<Buffer> {
  let out: Buffer[] = [];
  let outBytes = 0;
  const push = (b: Buffer) => {
    if (b.length === 0) return;
    out.push(b);
    outBytes += b.length;
  };
  const pushText = (s: string) => push(Buffer.from(s, 'utf8'));
  const flush = function* () {
    if (outBytes >= OUT_BYTES) {
      yield Buffer.concat(out, outBytes);
      out = [];
      outBytes = 0;
    }
  };

  // The sheet's namespace prefix ('' or 'x:'), known at <sheetData>; the searched tags carry it.
  let p = '';
  let ROW_OPEN = Buffer.from('<row');
  let ROW_CLOSE = Buffer.from('</row>');
  let SHEETDATA_CLOSE = Buffer.from('</sheetData>');
  let CELL_OPEN = Buffer.from('<c ');
  let CELL = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
  let state: 'head' | 'rows' | 'tail' = 'head';
  let pending: Buffer = Buffer.alloc(0);
  let nextRow = 0; // every row below this one was written
  let implicitRow = -1;
  const tailParts: Buffer[] = [];

  /** New rows for r in [nextRow, upTo) (rows the source does not have). */
  const addRowsBefore = (upTo: number) => {
    const end = Math.min(upTo, splice.lastRow + 1);
    let text = '';
    for (let r = nextRow; r < end; r++) {
      const cells = splice.cellsOf(r);
      if (cells?.length) text += newRow(r, cells, p);
    }
    if (text) pushText(text);
    if (upTo > nextRow) nextRow = upTo;
  };

  const removes = (r: number) => splice.removeColumns.some((x) => r >= x.fromRow);

  /** One source row element buf[start, end): copied, or spliced. */
  const row = (buf: Buffer, start: number, end: number, selfClosing: boolean, tagEnd: number) => {
    const ra = attrIndex(buf, start, tagEnd, 'r');
    const r = ra >= 0 ? intAt(buf, ra) - 1 : implicitRow + 1;
    implicitRow = r;
    addRowsBefore(r);
    nextRow = r + 1;
    const cells = r <= splice.lastRow ? splice.cellsOf(r) : undefined;
    if (!cells?.length && !removes(r)) {
      push(buf.subarray(start, end));
      return;
    }
    // Fast path: the row's last cell lies left of every column the splice touches.
    if (!selfClosing) {
      const closeAt = end - ROW_CLOSE.length;
      const lastCell = buf.lastIndexOf(CELL_OPEN, closeAt);
      const lastTagEnd = lastCell >= tagEnd ? buf.indexOf(0x3e, lastCell) : -1;
      const ca = lastCell >= tagEnd ? attrIndex(buf, lastCell, lastTagEnd, 'r') : -1;
      if (lastCell < tagEnd || (ca >= 0 && columnAt(buf, ca, lastTagEnd) < splice.firstColumn)) {
        if (!cells?.length) {
          push(buf.subarray(start, end));
          return;
        }
        // The row's spans hint (first:last column, 1-based) widened to the new cells.
        const sa = attrIndex(buf, start, tagEnd, 'spans');
        const colon = sa >= 0 ? buf.indexOf(0x3a, sa) : -1;
        const quote = sa >= 0 ? buf.indexOf(0x22, sa) : -1;
        const lastNew = cells[cells.length - 1][0] + 1;
        if (colon > sa && colon < quote && intAt(buf, colon + 1) < lastNew) {
          push(buf.subarray(start, colon + 1));
          pushText(String(lastNew));
          push(buf.subarray(quote, closeAt));
        } else push(buf.subarray(start, closeAt));
        let text = '';
        for (const [, c] of cells) text += c;
        pushText(prefixed(text, p) + `</${p}row>`);
        return;
      }
    }
    // Slow path: the row's cells, merged with the new ones by column (latin1 keeps every byte as it was).
    const tag = buf.toString("latin1", start, tagEnd + 1);
    const lastNew = cells?.length ? cells[cells.length - 1][0] + 1 : 0;
    const openTag = (selfClosing ? tag.replace(/\s*\/>$/, '>') : tag).replace(/(\sspans="\d+:)(\d+)"/, (all, p: string, n: string) => (Number(n) < lastNew ? `${p}${lastNew}"` : all));
    const inner = selfClosing ? '' : buf.toString("latin1", tagEnd + 1, end - ROW_CLOSE.length);
    const dropped = (col: number) => splice.removeColumns.some((x) => r >= x.fromRow && col >= x.first && col <= x.last) || (cells ?? []).some(([c]) => c === col);
    const incoming = (cells ?? []).map(([c, xml]) => [c, toLatin1(prefixed(xml, p))] as [number, string]);
    let text = openTag;
    let k = 0;
    let col = -1;
    let last = 0;
    for (const m of inner.matchAll(CELL)) {
      const at = cellColumn(m[0].slice(0, m[0].indexOf('>') + 1));
      col = at >= 0 ? at : col + 1;
      text += inner.slice(last, m.index);
      last = m.index + m[0].length;
      while (k < incoming.length && incoming[k][0] < col) text += incoming[k++][1];
      if (!dropped(col)) text += m[0];
    }
    const rest = inner.slice(last);
    while (k < incoming.length) text += incoming[k++][1];
    text += rest + `</${p}row>`;
    push(Buffer.from(text, 'latin1'));
  };

  const rowsUntilEnd = (): number => {
    // Returns the index up to which `pending` was consumed.
    let pos = 0;
    // </sheetData> is looked for once per chunk, not once per row (that read the rest of the chunk at every row).
    const close = pending.indexOf(SHEETDATA_CLOSE, 0);
    for (;;) {
      const open = pending.indexOf(ROW_OPEN, pos);
      if (close >= 0 && (open < 0 || close < open)) {
        push(pending.subarray(pos, close));
        addRowsBefore(splice.lastRow + 1);
        state = 'tail';
        tailParts.push(pending.subarray(close));
        return pending.length;
      }
      if (open < 0) return pos;
      const tagEnd = pending.indexOf(0x3e, open);
      if (tagEnd < 0) return pos;
      push(pending.subarray(pos, open));
      if (pending[tagEnd - 1] === 0x2f) {
        row(pending, open, tagEnd + 1, true, tagEnd);
        pos = tagEnd + 1;
        continue;
      }
      const end = pending.indexOf(ROW_CLOSE, tagEnd);
      if (end < 0) return open;
      row(pending, open, end + ROW_CLOSE.length, false, tagEnd);
      pos = end + ROW_CLOSE.length;
    }
  };

  for await (const chunk of chunks) {
    if (state === 'tail') {
      tailParts.push(chunk);
      continue;
    }
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    if (state === 'head') {
      const found = /<([A-Za-z_][\w.-]*:)?sheetData\b/.exec(pending.toString('latin1'));
      const at = found ? found.index : -1;
      const tagEnd = at >= 0 ? pending.indexOf(0x3e, at) : -1;
      if (tagEnd < 0) continue;
      p = found![1] ?? '';
      if (p) {
        ROW_OPEN = Buffer.from(`<${p}row`);
        ROW_CLOSE = Buffer.from(`</${p}row>`);
        SHEETDATA_CLOSE = Buffer.from(`</${p}sheetData>`);
        CELL_OPEN = Buffer.from(`<${p}c `);
        CELL = new RegExp(`<${p}c\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${p}c>)`, 'g');
      }
      const head = prefixed(splice.head(unprefixed(pending.toString('utf8', 0, at), p)), p);
      if (pending[tagEnd - 1] === 0x2f) {
        // <sheetData/>: an empty sheet.
        pushText(head + `<${p}sheetData>`);
        addRowsBefore(splice.lastRow + 1);
        push(Buffer.from(`</${p}sheetData>`));
        state = 'tail';
        tailParts.push(pending.subarray(tagEnd + 1));
        pending = Buffer.alloc(0);
        continue;
      }
      pushText(head);
      push(pending.subarray(at, tagEnd + 1));
      pending = pending.subarray(tagEnd + 1);
      state = 'rows';
    }
    const used = rowsUntilEnd();
    // The unfinished row is copied out of the chunk, so the chunk's memory can go.
    pending = (state as string) === 'tail' ? Buffer.alloc(0) : Buffer.from(pending.subarray(used));
    yield* flush();
  }
  if (state !== 'tail') throw new Error('damaged worksheet: no </sheetData>');
  const tail = Buffer.concat(tailParts).toString('utf8');
  const close = `</${p}sheetData>`;
  const edited = (xml: string) => prefixed(splice.tail(unprefixed(xml, p)), p);
  pushText(tail.startsWith(close) ? close + edited(tail.slice(close.length)) : edited(tail));
  yield Buffer.concat(out, outBytes);
}
