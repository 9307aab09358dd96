/**
 * Editing an .xlsx package that is already written, as a map of its zip entries (readZipEntries): which part holds
 * a sheet, adding a relationship, a content type, or an element among a worksheet's children in schema order. The
 * parts exceljs cannot write (charts, PivotTables) are added this way after it has written the rest, by both file
 * engines.
 */

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * A package's entries by part name. Node callers hold Buffers (readZipEntries), the task pane's worker plain
 * Uint8Arrays (it has no Buffer): parts are read and written through partText / setPartText, which keep Buffers
 * where Buffer exists, so a Node caller gets Buffers back.
 */
export type PackageEntries = Map<string, Uint8Array>;

// ignoreBOM keeps a byte-order mark as Buffer#toString does (TextDecoder drops it by default).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/** A part's text (UTF-8), or undefined when the package lacks it. */
export function partText(entries: PackageEntries, path: string): string | undefined {
  const bytes = entries.get(path);
  return bytes === undefined ? undefined : decoder.decode(bytes);
}

/** Sets a part's text (UTF-8): a Buffer where Buffer exists (Node), else a Uint8Array (the worker). */
export function setPartText(entries: PackageEntries, path: string, text: string): void {
  entries.set(path, typeof Buffer === 'function' ? Buffer.from(text, 'utf8') : encoder.encode(text));
}

export const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const attrOf = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Sheet name -> path of its part, from xl/workbook.xml and its relationships. */
export function sheetPaths(entries: PackageEntries): Map<string, string> {
  const workbook = partText(entries, 'xl/workbook.xml') ?? '';
  const rels = partText(entries, 'xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\s[^>]*>/g) ?? []) {
    const id = attrOf(tag, 'Id');
    const target = attrOf(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const tag of workbook.match(/<sheet\s[^>]*>/g) ?? []) {
    const name = attrOf(tag, 'name');
    const rid = attrOf(tag, 'r:id');
    const target = rid ? targets.get(rid) : undefined;
    if (name !== undefined && target) out.set(unescapeXml(name), target);
  }
  return out;
}

/** xl/worksheets/sheet1.xml -> xl/worksheets/_rels/sheet1.xml.rels */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationship of `from` points to: 'xl/worksheets/sheet1.xml' + '../tables/table1.xml' -> 'xl/tables/table1.xml'. */
export function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Adds a relationship to a .rels part (created when missing); returns its new id. */
export function addRelationship(entries: PackageEntries, relsPath: string, type: string, target: string): string {
  let xml = partText(entries, relsPath) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
  if (/<Relationships[^>]*\/>/.test(xml)) xml = xml.replace(/<Relationships([^>]*)\/>/, '<Relationships$1></Relationships>');
  const used = new Set((xml.match(/\sId="([^"]*)"/g) ?? []).map((m) => m.slice(5, -1)));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  xml = xml.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`);
  setPartText(entries, relsPath, xml);
  return id;
}

/** One more than the highest N of the entries matching `pattern` (its group 1 is N): the next free part number. */
export function nextIndex(entries: PackageEntries, pattern: RegExp): number {
  let max = 0;
  for (const path of entries.keys()) {
    const m = pattern.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** Adds `<Override PartName ContentType>` elements to [Content_Types].xml. */
export function addContentTypes(entries: PackageEntries, overrides: { part: string; type: string }[]): void {
  if (!overrides.length) return;
  const types = partText(entries, '[Content_Types].xml') ?? '';
  const xml = overrides.map((o) => `<Override PartName="/${o.part}" ContentType="${o.type}"/>`).join('');
  setPartText(entries, '[Content_Types].xml', types.replace('</Types>', xml + '</Types>'));
}

/**
 * Index of the first direct child of the root element `root` named one of `names`, or undefined. Only direct
 * children count: a conditional format's data bar has an <extLst> of its own inside <conditionalFormatting>. A
 * worksheet's rows are skipped (nothing after <sheetData> is inside it).
 */
export function topLevelIndex(xml: string, names: string[], root = 'worksheet'): number | undefined {
  const open = new RegExp(`<${root}\\b[^>]*>`).exec(xml);
  if (!open) return undefined;
  const dataEnd = xml.indexOf('</sheetData>');
  const re = /<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g;
  re.lastIndex = Math.max(open.index + open[0].length, dataEnd >= 0 ? dataEnd + '</sheetData>'.length : 0);
  let depth = 1;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const [, close, name, selfClose] = m;
    if (close) {
      depth--;
      continue;
    }
    if (depth === 1 && names.includes(name)) return m.index;
    if (!selfClose) depth++;
  }
  return undefined;
}

/** `element` inserted among the root's direct children before the first of `after` (or before the root's end tag). */
export function insertTopLevel(xml: string, element: string, after: string[], root = 'worksheet'): string {
  const at = topLevelIndex(xml, after, root) ?? xml.lastIndexOf(`</${root}>`);
  return xml.slice(0, at) + element + xml.slice(at);
}

/** The root element with the r (relationships) namespace declared. */
export function withRelationshipNamespace(xml: string, root = 'worksheet'): string {
  const open = new RegExp(`<${root}\\b[^>]*>`).exec(xml);
  if (!open || /\sxmlns:r=/.test(open[0])) return xml;
  return xml.replace(open[0], open[0].replace(/>$/, ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'));
}
