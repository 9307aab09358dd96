/**
 * A minimal .xlsx file from grids (values as `Range.values` gives them) and per-column number formats: what the
 * add-in needs to hand `Excel.createWorkbook(base64)` a share-safe copy. Written without Node or exceljs (plain
 * strings and a stored zip, src/xlsx/storedZip.ts), so it runs in the task pane's worker as well as in the CLI.
 *
 * What it keeps: every sheet in order with its name and visibility (hidden, very hidden), values (text as inline
 * strings, never formulas: a cell beginning with '=' stays text), numbers and booleans, a number format per column,
 * column widths when given, and the first row frozen when asked. What it does not keep: fonts, fills, borders,
 * merges, tables, charts: the copy is for reading, and the analysed original stays with the dealer.
 */
import { columnLetter } from '../core/plan/names';
import { xmlText } from './xmlText';
import { storedZip } from './storedZip';
import { setPartText, type PackageEntries } from './packageParts';

export interface GridSheet {
  name: string;
  grid: readonly (readonly unknown[])[];
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Number format per column ('General' or missing: none). */
  columnFormats?: readonly (string | undefined)[];
  /** Column widths in characters. */
  columnWidths?: readonly (number | undefined)[];
}

function attr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;');
}

const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** The styles part, with one cell format per distinct number format; returns the index per format. */
function stylesXml(formats: readonly string[]): { xml: string; index: Map<string, number> } {
  const index = new Map<string, number>();
  const custom: { id: number; code: string }[] = [];
  const xfs: number[] = [0];
  index.set('General', 0);
  let nextId = 164;
  for (const f of formats) {
    if (index.has(f)) continue;
    let id = BUILTIN_FORMATS[f];
    if (id === undefined) {
      id = nextId++;
      custom.push({ id, code: f });
    }
    index.set(f, xfs.length);
    xfs.push(id);
  }
  const numFmts = custom.length ? `<numFmts count="${custom.length}">${custom.map((c) => `<numFmt numFmtId="${c.id}" formatCode="${attr(c.code)}"/>`).join('')}</numFmts>` : '';
  const cellXfs = xfs.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('');
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    numFmts +
    '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${cellXfs}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>';
  return { xml, index };
}

/** One cell's XML, or '' for a blank. */
function cellXml(ref: string, v: unknown, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (v === '' || v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  const text = String(v);
  // Error values as Range.values returns them stay errors; everything else is text, never a formula.
  if (/^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)$/.test(text)) return `<c r="${ref}"${s} t="e"><v>${text}</v></c>`;
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlText(text.slice(0, 32767))}</t></is></c>`;
}

function sheetXml(sheet: GridSheet, styleIndex: Map<string, number>): string {
  const width = sheet.grid.reduce((w, r) => Math.max(w, r.length), 0);
  const colStyles: number[] = [];
  for (let c = 0; c < width; c++) {
    const f = sheet.columnFormats?.[c];
    colStyles.push(f && f !== 'General' ? (styleIndex.get(f) ?? 0) : 0);
  }
  const letters: string[] = [];
  for (let c = 0; c < width; c++) letters.push(columnLetter(c));
  const cols: string[] = [];
  for (let c = 0; c < width; c++) {
    const w = sheet.columnWidths?.[c];
    if (w || colStyles[c]) cols.push(`<col min="${c + 1}" max="${c + 1}"${w ? ` width="${w}" customWidth="1"` : ' width="10"'}${colStyles[c] ? ` style="${colStyles[c]}"` : ''}/>`);
  }
  const rows: string[] = [];
  sheet.grid.forEach((row, r) => {
    let cells = '';
    for (let c = 0; c < row.length; c++) cells += cellXml(`${letters[c]}${r + 1}`, row[c], colStyles[c]);
    if (cells) rows.push(`<row r="${r + 1}">${cells}</row>`);
  });
  const dim = width && sheet.grid.length ? `A1:${letters[width - 1]}${sheet.grid.length}` : 'A1';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="${dim}"/>` +
    (cols.length ? `<cols>${cols.join('')}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    '</worksheet>'
  );
}

/**
 * The .xlsx file's bytes.
 * @example gridWorkbook([{ name: '保有客户', grid: [['车主'], ['王**']] }]) // Uint8Array (a zip)
 */
export function gridWorkbook(sheets: readonly GridSheet[]): Uint8Array {
  return packageZip(gridPackage(sheets));
}

/** A package's entries as a stored zip, in their order. */
export function packageZip(entries: PackageEntries): Uint8Array {
  return storedZip([...entries].map(([name, data]) => ({ name, data })));
}

/**
 * The same package as entries by part name (sheet N of `sheets` is xl/worksheets/sheetN.xml), for the chart and
 * PivotTable injectors (src/xlsx/charts, src/xlsx/pivots) to add to before it is zipped (packageZip).
 */
export function gridPackage(sheets: readonly GridSheet[]): PackageEntries {
  const formats = new Set<string>();
  for (const s of sheets) for (const f of s.columnFormats ?? []) if (f && f !== 'General') formats.add(f);
  const styles = stylesXml([...formats]);
  // At least one sheet must be visible (Excel refuses a workbook whose sheets are all hidden).
  const anyVisible = sheets.some((s) => (s.visibility ?? 'Visible') === 'Visible');
  const sheetEntries = sheets.map((s, i) => {
    const vis = !anyVisible && i === 0 ? 'Visible' : (s.visibility ?? 'Visible');
    const state = vis === 'Hidden' ? ' state="hidden"' : vis === 'VeryHidden' ? ' state="veryHidden"' : '';
    return `<sheet name="${attr(s.name.slice(0, 31))}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`;
  });
  const firstVisible = Math.max(0, sheets.findIndex((s) => (s.visibility ?? 'Visible') === 'Visible'));
  const files: { name: string; data: string }[] = [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<bookViews><workbookView activeTab="${firstVisible}" firstSheet="${firstVisible}"/></bookViews>` +
        `<sheets>${sheetEntries.join('')}</sheets>` +
        '</workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    },
    { name: 'xl/styles.xml', data: styles.xml },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(s, styles.index) })),
  ];
  const entries: PackageEntries = new Map();
  for (const f of files) setPartText(entries, f.name, f.data);
  return entries;
}
