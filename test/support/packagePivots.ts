/**
 * The PivotTables of an .xlsx package as a reader finds them: through each sheet's relationships to its pivot table
 * parts and from those to their caches. For tests of the file adapter's pivots (src/xlsx/pivots/).
 */
import * as fs from 'fs';
import * as path from 'path';
import { readZipEntries } from '../../src/xlsx/zip';

export interface PackagePivot {
  name: string;
  sheet: string;
  location: string;
  source: { sheet: string; ref: string };
  fields: number;
  xml: string;
}

/** The PivotTables of a package: name, sheet (through the sheets' relationships), location and cache source. */
export function packagePivots(file: string): PackagePivot[] {
  const entries = readZipEntries(fs.readFileSync(file));
  const text = (p: string) => entries.get(p)?.toString('utf8') ?? '';
  const workbook = text('xl/workbook.xml');
  const wbRels = text('xl/_rels/workbook.xml.rels');
  const target = (rels: string, id: string) => new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  const resolve = (from: string, t: string) => path.posix.normalize(t.startsWith('/') ? t.slice(1) : path.posix.join(path.posix.dirname(from), t));
  const out: PackagePivot[] = [];
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]+)"/g)) {
    const sheetPart = resolve('xl/workbook.xml', target(wbRels, m[2])!);
    const rels = text(sheetPart.replace(/([^/]+)$/, '_rels/$1.rels'));
    for (const r of rels.matchAll(/<Relationship [^>]*>/g)) {
      if (!/relationships\/pivotTable"/.test(r[0])) continue;
      const tablePart = resolve(sheetPart, /Target="([^"]+)"/.exec(r[0])![1]);
      const xml = text(tablePart);
      const tableRels = text(tablePart.replace(/([^/]+)$/, '_rels/$1.rels'));
      const cachePart = resolve(tablePart, /Target="([^"]+)"/.exec(tableRels)![1]);
      const cache = text(cachePart);
      const src = /<worksheetSource [^>]*>/.exec(cache)![0];
      out.push({
        name: /<pivotTableDefinition [^>]*name="([^"]+)"/.exec(xml)![1],
        sheet: m[1],
        location: /<location ref="([^"]+)"/.exec(xml)![1],
        source: { sheet: /sheet="([^"]+)"/.exec(src)![1], ref: /ref="([^"]+)"/.exec(src)![1] },
        fields: (cache.match(/<cacheField /g) ?? []).length,
        xml,
      });
    }
  }
  return out;
}

/** 0-based [row, col] of an A1 cell reference. */
export function cellOf(ref: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, c - 1];
}

/** The area a pivot fills on its sheet, 0-based and inclusive, its filter rows (two above the body, and one blank) included. */
export function pivotArea(p: PackagePivot): { r0: number; c0: number; r1: number; c1: number } {
  const [from, to] = p.location.split(':');
  const [r0, c0] = cellOf(from);
  const [r1, c1] = cellOf(to);
  return { r0: /<pageFields/.test(p.xml) ? r0 - 3 : r0, c0, r1, c1 };
}
