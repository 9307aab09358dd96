/**
 * The source workbook's stylesheet with the product's styles (those exceljs wrote for the skeleton: the new sheets,
 * the appended columns) appended after it. The source's own fonts, fills, borders, number formats, cell formats and
 * differential formats keep their indexes, so every s="" of the user's cells still means what it meant; the product's
 * indexes move past the source's lists (remapStyleIds), its custom number formats get
 * ids the source does not use (or the source's id of the same format code). An item the source already holds (written
 * there by the previous refresh) is reused rather than appended again: refreshing twice gives the same stylesheet.
 */
import { attrOf, unescapeXml } from './packageParts';

/** Where the product's styles landed in the merged stylesheet. */
export interface MergedStyles {
  xml: string;
  /** Index in the merged cellXfs of the skeleton's cellXfs[i]. */
  xfIndexes: number[];
  /** Index in the merged dxfs of the skeleton's dxfs[i]. */
  dxfIndexes: number[];
}

/** The list element <name …>…</name> (or <name …/>) of a stylesheet: where it is and its direct children. */
interface List {
  start: number;
  end: number;
  open: string;
  items: string[];
}

function listOf(xml: string, name: string, item: string): List | undefined {
  const open = new RegExp(`<${name}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return undefined;
  if (open[1] === '/') return { start: open.index, end: open.index + open[0].length, open: open[0].replace(/\s*\/>$/, '>'), items: [] };
  const close = xml.indexOf(`</${name}>`, open.index);
  const inner = xml.slice(open.index + open[0].length, close);
  const items = inner.match(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, 'g')) ?? [];
  return { start: open.index, end: close + name.length + 3, open: open[0], items };
}

function listXml(list: Pick<List, 'open'>, name: string, items: string[]): string {
  const open = /\scount="/.test(list.open) ? list.open.replace(/\scount="\d*"/, ` count="${items.length}"`) : list.open.replace(/^(<[\w:]+)/, `$1 count="${items.length}"`);
  return `${open}${items.join('')}</${name}>`;
}

/** Schema order of CT_Stylesheet's children. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** `xml` with list `name` set to `items` (replaced in place, or inserted at its schema position). */
function setList(xml: string, name: string, item: string, items: string[]): string {
  const list = listOf(xml, name, item);
  if (list) return xml.slice(0, list.start) + listXml(list, name, items) + xml.slice(list.end);
  const element = listXml({ open: `<${name}>` }, name, items);
  for (const next of ORDER.slice(ORDER.indexOf(name) + 1)) {
    const at = new RegExp(`<${next}\\b`).exec(xml);
    if (at) return xml.slice(0, at.index) + element + xml.slice(at.index);
  }
  return xml.replace('</styleSheet>', element + '</styleSheet>');
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}=")[^"]*(")`);
  return re.test(tag) ? tag.replace(re, `$1${value}$2`) : tag.replace(/^(<[\w:]+)/, `$1 ${name}="${value}"`);
}

/**
 * `source` with the styles of `product` appended (see the file comment).
 * @example const merged = mergeStyles(sourceStylesXml, skeletonStylesXml); remapCellStyles(sheetXml, merged.xfOffset)
 */
export function mergeStyles(source: string, product: string): MergedStyles {
  let xml = source;
  const items = (x: string, name: string, item: string) => listOf(x, name, item)?.items ?? [];

  // Number formats: the same code keeps the source's id; another one gets a fresh id (>= 164).
  const srcFmts = items(source, 'numFmts', 'numFmt');
  const byCode = new Map<string, string>();
  let nextId = 164;
  for (const f of srcFmts) {
    const id = attrOf(f, 'numFmtId') ?? '';
    byCode.set(unescapeXml(attrOf(f, 'formatCode') ?? ''), id);
    nextId = Math.max(nextId, Number(id) + 1);
  }
  const fmtIds = new Map<string, string>();
  const addedFmts: string[] = [];
  for (const f of items(product, 'numFmts', 'numFmt')) {
    const id = attrOf(f, 'numFmtId') ?? '';
    const code = unescapeXml(attrOf(f, 'formatCode') ?? '');
    let to = byCode.get(code);
    if (to === undefined) {
      to = String(nextId++);
      byCode.set(code, to);
      addedFmts.push(setAttr(f, 'numFmtId', to));
    }
    fmtIds.set(id, to);
  }
  if (addedFmts.length) xml = setList(xml, 'numFmts', 'numFmt', [...srcFmts, ...addedFmts]);

  // Fonts, fills, borders: an item the source already has (the product's, written by the previous refresh) is
  // reused, so refreshing again does not grow the stylesheet.
  const indexes: Record<string, number[]> = {};
  for (const [name, item] of [
    ['fonts', 'font'],
    ['fills', 'fill'],
    ['borders', 'border'],
  ] as const) {
    const mine = items(xml, name, item);
    const all = [...mine];
    indexes[item] = items(product, name, item).map((x) => appendOnce(all, x));
    if (all.length > mine.length) xml = setList(xml, name, item, all);
  }
  const srcXfs = items(xml, 'cellXfs', 'xf');
  const xfs = [...srcXfs];
  const xfIndexes = items(product, 'cellXfs', 'xf').map((xf) => {
    const open = /^<xf\b[^>]*?\/?>/.exec(xf)![0];
    let tag = open;
    for (const [attr, item] of [
      ['fontId', 'font'],
      ['fillId', 'fill'],
      ['borderId', 'border'],
    ] as const) {
      const v = attrOf(tag, attr);
      if (v !== undefined) tag = setAttr(tag, attr, String(indexes[item][Number(v)] ?? 0));
    }
    const fmt = attrOf(tag, 'numFmtId');
    if (fmt !== undefined && Number(fmt) >= 164) tag = setAttr(tag, 'numFmtId', fmtIds.get(fmt) ?? '0');
    // The product's cells take the source's Normal cell style (xfId 0): its own cellStyleXfs are not carried.
    tag = setAttr(tag, 'xfId', '0');
    return appendOnce(xfs, tag + xf.slice(open.length));
  });
  if (xfs.length > srcXfs.length) xml = setList(xml, 'cellXfs', 'xf', xfs);
  const srcDxfs = items(xml, 'dxfs', 'dxf');
  const dxfs = [...srcDxfs];
  const dxfIndexes = items(product, 'dxfs', 'dxf').map((d) => appendOnce(dxfs, d.replace(/<numFmt\b[^>]*>/g, (tag) => {
    const id = attrOf(tag, 'numFmtId');
    return id !== undefined && Number(id) >= 164 ? setAttr(tag, 'numFmtId', fmtIds.get(id) ?? id) : tag;
  })));
  if (dxfs.length > srcDxfs.length) xml = setList(xml, 'dxfs', 'dxf', dxfs);
  return { xml, xfIndexes, dxfIndexes };
}

/** Index of `item` in `list`, appended when missing. */
function appendOnce(list: string[], item: string): number {
  const at = list.indexOf(item);
  if (at >= 0) return at;
  list.push(item);
  return list.length - 1;
}

/**
 * Product XML (a new sheet, or cells spliced into a source sheet) with its style references moved to the merged
 * stylesheet: s="" of cells and rows, style="" of cols, dxfId="" of conditional formats.
 * @example remapStyleIds('<c r="A1" s="2">', { xfIndexes: [40, 41, 42], dxfIndexes: [] }) // '<c r="A1" s="42">'
 */
export function remapStyleIds(xml: string, merged: Pick<MergedStyles, 'xfIndexes' | 'dxfIndexes'>): string {
  const xf = (n: string) => String(merged.xfIndexes[Number(n)] ?? 0);
  return xml
    .replace(/<(c|row)\b[^>]*>/g, (tag) => tag.replace(/(\ss=")(\d+)(")/, (_a, p: string, n: string, q: string) => `${p}${xf(n)}${q}`))
    .replace(/<col\b[^>]*>/g, (tag) => tag.replace(/(\sstyle=")(\d+)(")/, (_a, p: string, n: string, q: string) => `${p}${xf(n)}${q}`))
    .replace(/(\sdxfId=")(\d+)(")/g, (_a, p: string, n: string, q: string) => `${p}${merged.dxfIndexes[Number(n)] ?? 0}${q}`);
}
