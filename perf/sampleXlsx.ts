/**
 * The benches' sample workbook written straight as SpreadsheetML (issue 13: "generate the benchmark's 500k workbook
 * with a generator fast enough"). `churn-desk sample` goes through exceljs's streaming writer, which builds a cell
 * object and a style object per cell: at 500,000 vehicles that step alone took minutes on this machine. Here each
 * row is one string, deflated by src/xlsx's ZipFileWriter as it is produced.
 *
 * The cells are those writeSample (src/cli/sample/writeSample.ts) writes, with the same rules: inline strings (as
 * exceljs writes them with useSharedStrings: false), numbers in date columns as dates ('yyyy-mm-dd'), numbers below 1
 * in time columns as 'hh:mm', a bold header row, a bold title, merged title rows, frozen panes under the header and
 * the column widths. Not written: exceljs's docProps and theme parts, which no reader of the product looks at.
 */
import { ZipFileWriter } from '../src/xlsx/zip';
import type { CellValue } from '../src/core/plan/types';
import type { SampleSheet } from '../src/cli/sample/types';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Style indexes of the cellXfs below. */
const STYLE = { date: 1, time: 2, header: 3, title: 4 } as const;

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="hh:mm"/></numFmts><fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="10"/><name val="Microsoft YaHei"/></font><font><b/><sz val="14"/><name val="Microsoft YaHei"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Characters XML 1.0 cannot hold are written as Excel's _xHHHH_ escapes (as exceljs does). */
// eslint-disable-next-line no-control-regex
const XML_SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
function escapeXml(s: string): string {
  return s.replace(XML_SPECIAL, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `_x${ch.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`));
}

function cellXml(ref: string, v: CellValue, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : '';
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  const text = String(v);
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

/** The rows of one sheet as XML, a block of rows per string (what the zip writer deflates piece by piece). */
function* sheetXml(sheet: SampleSheet): Generator<string> {
  const width = sheet.grid.reduce((w, r) => Math.max(w, r.length), 0);
  const letters = Array.from({ length: width }, (_v, c) => columnName(c));
  const dateCols = new Set(sheet.dateColumns);
  const timeCols = new Set(sheet.timeColumns);
  const frozen = sheet.headerRow + 1;
  const cols = sheet.widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('');
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
  let block = '';
  for (let r = 0; r < sheet.grid.length; r++) {
    const values = sheet.grid[r];
    let cells = '';
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      if (v === '' || v === null || v === undefined) continue;
      let style = 0;
      if (r === sheet.headerRow) style = STYLE.header;
      else if (r < sheet.headerRow && c === 0) style = STYLE.title;
      else if (typeof v === 'number' && r > sheet.headerRow) {
        if (dateCols.has(c) && v >= 1) style = STYLE.date;
        else if (timeCols.has(c) && v < 1) style = STYLE.time;
      }
      cells += cellXml(letters[c] + (r + 1), v, style);
    }
    if (cells) block += `<row r="${r + 1}">${cells}</row>`;
    if (block.length > 1 << 20) {
      yield block;
      block = '';
    }
  }
  const merges = sheet.merges.map((m) => `<mergeCell ref="${letters[m.col] ?? columnName(m.col)}${m.row + 1}:${letters[m.lastCol] ?? columnName(m.lastCol)}${m.lastRow + 1}"/>`);
  yield `${block}</sheetData>${merges.length ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : ''}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/**
 * Writes `sheets` to `file` as an .xlsx (deflate level 6, as exceljs).
 * @example await writeSampleXlsx('/tmp/s.xlsx', generateSample({ vehicles: 2000, seed: 42, asOf: 46326 }).sheets)
 */
export async function writeSampleXlsx(file: string, sheets: readonly SampleSheet[]): Promise<void> {
  const zip = new ZipFileWriter(file, 6);
  const overrides = sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  await zip.addEntry('[Content_Types].xml', [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`,
  ]);
  await zip.addEntry('_rels/.rels', [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`]);
  const sheetRefs = sheets.map((s, i) => `<sheet name="${escapeXml(s.name).replace(/"/g, '&quot;')}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  await zip.addEntry('xl/workbook.xml', [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheetRefs}</sheets></workbook>`]);
  const rels = sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  await zip.addEntry('xl/_rels/workbook.xml.rels', [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rels}<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`]);
  await zip.addEntry('xl/styles.xml', [STYLES_XML]);
  for (const [i, sheet] of sheets.entries()) await zip.addEntry(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet));
  zip.finish();
}
