/**
 * Validation of a written package's parts against the OOXML schemas (ISO/IEC 29500-4 transitional, the ECMA-376
 * schemas Excel reads), with xmllint-wasm. The schemas are not in the repository (their licence is not ours to
 * redistribute): $CHURN_DESK_OOXML_XSD names a folder holding sml.xsd, dml-chart.xsd, dml-spreadsheetDrawing.xsd and
 * their imports (default /tmp/ooxml-xsd). docs/real-excel-checks.md says where to get them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readZipEntries } from '../../src/xlsx/zip';

export const XSD_DIR = process.env.CHURN_DESK_OOXML_XSD ?? '/tmp/ooxml-xsd';
export const haveXsd = ['sml.xsd', 'dml-chart.xsd', 'dml-spreadsheetDrawing.xsd'].every((f) => fs.existsSync(path.join(XSD_DIR, f)));

/** The schema of a part the product writes, or null for parts not validated (relationships, content types, docProps). */
export function schemaOf(part: string): string | null {
  if (/^xl\/charts\/chart\d+\.xml$/.test(part)) return 'dml-chart.xsd';
  if (/^xl\/drawings\/drawing\d+\.xml$/.test(part)) return 'dml-spreadsheetDrawing.xsd';
  if (/^xl\/(workbook|styles|sharedStrings)\.xml$/.test(part) || /^xl\/(worksheets\/sheet|tables\/table|pivotTables\/pivotTable|pivotCache\/pivotCacheDefinition)\d+\.xml$/.test(part)) return 'sml.xsd';
  return null;
}

/**
 * The schema errors of every part of `bytes` that schemaOf names ([] = valid), as 'part: message'. Markup
 * compatibility (ECMA-376 part 3): a consumer ignores the namespaces mc:Ignorable lists, as Excel does, so those
 * attributes (x14ac:dyDescent, x14ac:knownFonts, xr:uid …) are removed before validating.
 * `only` limits the parts (e.g. the worksheets with a drawing).
 */
export async function schemaErrors(bytes: Buffer, only: (part: string, xml: string) => boolean = () => true): Promise<{ parts: number; errors: string[] }> {
  const { validateXML } = require('xmllint-wasm') as typeof import('xmllint-wasm');
  const preload = fs.readdirSync(XSD_DIR).filter((f) => f.endsWith('.xsd')).map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(XSD_DIR, f), 'utf8') }));
  const errors: string[] = [];
  let parts = 0;
  for (const [p, b] of readZipEntries(bytes)) {
    const schema = schemaOf(p);
    const xml = b.toString('utf8');
    if (!schema || !only(p, xml)) continue;
    parts++;
    const contents = xml.replace(/\smc:Ignorable="[^"]*"/g, '').replace(/\s(?:x14ac|xr\d*):\w+="[^"]*"/g, '');
    const result = await validateXML({ xml: { fileName: p.replace(/\//g, '_'), contents }, schema: preload.find((x) => x.fileName === schema)!, preload: preload.filter((x) => x.fileName !== schema) });
    for (const e of result.errors) errors.push(`${p}: ${e.rawMessage}`);
  }
  return { parts, errors };
}
