/**
 * Scans a share-safe copy for the personal values planted in its input (heldOutDealers.ts): every cell of every
 * sheet (values, rich text, hyperlinks, formulas, notes), every sheet name, and every part of the file (the
 * shared-string table, comments, properties), as a reader decodes them. Used for the CLI's copy and the add-in's.
 */
import ExcelJS from 'exceljs';
import { normalise, type Secret } from './heldOutDealers';
import { readZipEntries } from '../../src/xlsx/zip';

/** Every text a reader of the copy can see, with where it is. */
async function cellTexts(file: Buffer): Promise<{ where: string; text: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as never);
  const out: { where: string; text: string }[] = [];
  wb.eachSheet((ws) => {
    out.push({ where: `sheet name ${ws.name}`, text: ws.name });
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const at = `${ws.name}!${cell.address}`;
        const v = cell.value as unknown;
        const parts: string[] = [];
        const flat = (x: unknown): void => {
          if (x === null || x === undefined) return;
          if (x instanceof Date) return;
          if (typeof x !== 'object') return void parts.push(typeof x === 'number' ? x.toFixed(0) : String(x));
          const o = x as Record<string, unknown>;
          if (Array.isArray(o.richText)) parts.push((o.richText as { text: string }[]).map((r) => r.text).join(''));
          for (const k of ['text', 'hyperlink', 'formula', 'sharedFormula', 'error']) if (o[k] !== undefined) flat(o[k]);
          if ('result' in o) flat(o.result);
        };
        flat(v);
        const note = cell.note as unknown;
        if (typeof note === 'string') parts.push(note);
        else if (note && typeof note === 'object') parts.push(((note as { texts?: { text?: string }[] }).texts ?? []).map((x) => x.text ?? '').join(''));
        for (const p of parts) out.push({ where: at, text: p });
      }),
    );
  });
  return out;
}

function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface Leak {
  seed: number;
  kind: Secret['kind'];
  value: string;
  planted: string;
  found: string;
}

export interface Scan {
  cells: number;
  parts: number;
  sharedStrings: number;
  /** Distinct values planted. */
  planted: Map<string, { kind: Secret['kind']; where: Set<string> }>;
  leaks: Leak[];
}

/** Every planted value found in the copy, once per value and per kind of place (cell, file part). */
export async function scanCopy(copy: Buffer, secrets: readonly Secret[], seed: number): Promise<Scan> {
  const planted = new Map<string, { kind: Secret['kind']; where: Set<string> }>();
  for (const s of secrets) {
    const e = planted.get(s.needle) ?? { kind: s.kind, where: new Set<string>() };
    e.where.add(s.where);
    planted.set(s.needle, e);
  }
  const texts = await cellTexts(copy);
  const cells = texts.length;
  let parts = 0;
  let sharedStrings = 0;
  for (const [name, data] of readZipEntries(copy)) {
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    const xml = data.toString('utf8');
    parts++;
    if (/sharedStrings/i.test(name)) sharedStrings += (xml.match(/<si>/g) ?? []).length;
    // The text between tags, and the attribute values (a hyperlink target, a defined name), as a reader decodes them.
    texts.push({ where: `part ${name}`, text: decodeXml(xml.replace(/<[^>]*?(?:"([^"]*)")?[^>]*>/g, ' $1 ')) });
  }
  const leaks: Leak[] = [];
  const found = new Set<string>();
  for (const { where, text } of texts) {
    const norm = normalise(text);
    const place = where.startsWith('part ') ? 'part' : 'cell';
    for (const [needle, s] of planted) {
      if (found.has(`${needle}|${place}`) || !norm.includes(needle)) continue;
      found.add(`${needle}|${place}`);
      leaks.push({ seed, kind: s.kind, value: needle, planted: [...s.where].join('; '), found: where });
    }
  }
  return { cells, parts, sharedStrings, planted, leaks };
}
