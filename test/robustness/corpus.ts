/**
 * A corpus of malformed and unusual inputs for `churn-desk analyze`, generated from one small sample workbook:
 * files that are not workbooks, damaged packages, odd but valid workbooks, product-named sheets and columns, a
 * tampered state sheet, bad settings files and bad --as-of values. Each case says what a clear answer is.
 */
import ExcelJS from 'exceljs';
import { readZipEntries } from '../../src/xlsx/zip';
import { storedZip } from '../../src/xlsx/storedZip';

export type Expect = 'ok' | 'refused' | 'either';

export interface Case {
  name: string;
  group: string;
  /** The input file's bytes. */
  bytes: Buffer;
  /** Extra CLI arguments; `{settings}` is replaced by the path of `settingsText`. */
  args?: string[];
  settingsText?: string | Buffer;
  expect: Expect;
  /** A message the refusal must contain. */
  message?: RegExp;
}

/** Deterministic bytes. */
function noise(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

function pack(entries: Map<string, Buffer>): Buffer {
  return Buffer.from(storedZip([...entries].map(([name, data]) => ({ name, data: new Uint8Array(data) }))));
}

function withEntry(base: Map<string, Buffer>, name: string, f: (xml: string) => string | Buffer): Buffer {
  const m = new Map(base);
  const old = m.get(name);
  const next = f(old ? old.toString('utf8') : '');
  m.set(name, typeof next === 'string' ? Buffer.from(next, 'utf8') : next);
  return pack(m);
}

function without(base: Map<string, Buffer>, name: string): Buffer {
  const m = new Map(base);
  m.delete(name);
  return pack(m);
}

const HEADERS = ['车主', '手机号码', '车牌号', 'VIN码', '车型', '开票日期', '最后进站日期', '里程', '地区'];

function vin(i: number): string {
  return `LVVDBG0R29${String(100000 + i).padStart(7, '0')}`;
}

function customerRow(i: number): unknown[] {
  return [`客户${i}`, 13800000000 + i, `鄂A${String(10000 + i).slice(-5)}`, vin(i), '瑞虎8', new Date(Date.UTC(2020, i % 12, 1 + (i % 27))), new Date(Date.UTC(2025, (i * 5) % 12, 1 + (i % 27))), 10000 + i * 137, i % 3 ? '汉阳区' : '黄陂区'];
}

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A plain customer sheet: a title row, a header row, `n` vehicles. */
function customerSheet(wb: ExcelJS.Workbook, n = 40, name = '保有客户', headerAt = 2): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell(1, 1).value = '某某汽车销售服务有限公司保有客户明细(截至2026年10月31日)';
  HEADERS.forEach((h, c) => (ws.getCell(headerAt, c + 1).value = h));
  for (let i = 0; i < n; i++) customerRow(i).forEach((v, c) => (ws.getCell(headerAt + 1 + i, c + 1).value = v as ExcelJS.CellValue));
  return ws;
}

/** The corpus. `base` is a valid small workbook's bytes (customer sheet + call log). */
export async function buildCorpus(): Promise<Case[]> {
  const cases: Case[] = [];
  const add = (c: Case) => cases.push(c);
  const base = await workbookBytes((wb) => {
    customerSheet(wb, 40);
    const calls = wb.addWorksheet('回访记录');
    calls.addRow(['回访日期', 'VIN码', '通话结果', '流失原因']);
    for (let i = 0; i < 20; i++) calls.addRow([new Date(Date.UTC(2026, 8, 1 + i)), vin(i), i % 2 ? '无人接听' : '已接通', i % 3 ? '价格贵' : '']);
  });
  const entries = readZipEntries(base);

  // --- Not workbooks at all.
  add({ name: 'zero bytes', group: 'not a workbook', bytes: Buffer.alloc(0), expect: 'refused', message: /空文件/ });
  for (const [i, n] of [16, 100, 4096, 70000, 300000].entries()) add({ name: `random ${n} bytes`, group: 'not a workbook', bytes: noise(n, 7 + i), expect: 'refused' });
  add({ name: 'PDF', group: 'not a workbook', bytes: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'), expect: 'refused', message: /PDF/ });
  add({ name: 'CSV named .xlsx', group: 'not a workbook', bytes: Buffer.from('车主,手机号码,最后进站日期\n王小明,13812345678,2025-01-01\n'), expect: 'refused', message: /CSV/ });
  add({ name: 'CSV with BOM', group: 'not a workbook', bytes: Buffer.from('\ufeff车主\t手机\n王\t138\n'), expect: 'refused', message: /CSV/ });
  add({ name: 'HTML table named .xls', group: 'not a workbook', bytes: Buffer.from('<html><table><tr><td>车主</td></tr></table></html>'), expect: 'refused', message: /网页/ });
  for (const frac of [0.02, 0.05, 0.1, 0.2, 0.25, 0.33, 0.4, 0.5, 0.6, 0.66, 0.75, 0.8, 0.9, 0.95, 0.99]) add({ name: `zip truncated at ${frac * 100}%`, group: 'not a workbook', bytes: base.subarray(0, Math.floor(base.length * frac)), expect: 'refused' });
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  add({ name: 'encrypted workbook', group: 'not a workbook', bytes: Buffer.concat([ole, Buffer.alloc(1000), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le')]), expect: 'refused', message: /加密的工作簿,请先取消密码/ });
  add({ name: 'legacy .xls', group: 'not a workbook', bytes: Buffer.concat([ole, Buffer.alloc(1000), Buffer.from('Workbook', 'utf16le')]), expect: 'refused', message: /97-2003/ });
  add({ name: 'other OLE file', group: 'not a workbook', bytes: Buffer.concat([ole, Buffer.alloc(1000), Buffer.from('WordDocument', 'utf16le')]), expect: 'refused' });
  add({ name: '.xlsb', group: 'not a workbook', bytes: pack(new Map([['xl/workbook.bin', Buffer.from('x')], ['[Content_Types].xml', Buffer.from('<Types/>')]])), expect: 'refused', message: /xlsb/ });
  add({ name: '.ods', group: 'not a workbook', bytes: pack(new Map([['mimetype', Buffer.from('application/vnd.oasis.opendocument.spreadsheet')], ['content.xml', Buffer.from('<x/>')]])), expect: 'refused', message: /\.ods/ });
  add({ name: '.docx', group: 'not a workbook', bytes: pack(new Map([['word/document.xml', Buffer.from('<w/>')]])), expect: 'refused', message: /Word/ });
  add({ name: 'zip inside a zip', group: 'not a workbook', bytes: pack(new Map([['客户表.xlsx', base]])), expect: 'refused', message: /压缩包/ });
  add({ name: 'package without xl/workbook.xml', group: 'not a workbook', bytes: without(entries, 'xl/workbook.xml'), expect: 'refused' });
  add({ name: 'empty zip', group: 'not a workbook', bytes: pack(new Map()), expect: 'refused' });

  // --- Damaged packages.
  const sheet1 = 'xl/worksheets/sheet1.xml';
  const sst = [...entries.keys()].find((k) => /sharedStrings/i.test(k)) ?? 'xl/sharedStrings.xml';
  for (const frac of [0.1, 0.5, 0.9]) {
    add({ name: `sheet XML cut at ${frac * 100}%`, group: 'damaged package', bytes: withEntry(entries, sheet1, (x) => x.slice(0, Math.floor(x.length * frac))), expect: 'either' });
    add({ name: `shared strings cut at ${frac * 100}%`, group: 'damaged package', bytes: withEntry(entries, sst, (x) => x.slice(0, Math.floor(x.length * frac))), expect: 'either' });
  }
  add({ name: 'shared-string index out of range', group: 'damaged package', bytes: withEntry(entries, sheet1, (x) => x.replace(/(<c [^>]*t="s"[^>]*><v>)\d+(<\/v>)/, '$199999$2')), expect: 'either' });
  add({ name: 'negative shared-string index', group: 'damaged package', bytes: withEntry(entries, sheet1, (x) => x.replace(/(<c [^>]*t="s"[^>]*><v>)\d+(<\/v>)/, '$1-3$2')), expect: 'either' });
  add({ name: 'external entity', group: 'damaged package', bytes: withEntry(entries, sst, (x) => x.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace(/<t>([^<]*)<\/t>/, '<t>&xxe;</t>')), expect: 'either' });
  const laughs = '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>';
  add({ name: 'entity expansion', group: 'damaged package', bytes: withEntry(entries, sst, (x) => x.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', `<?xml version="1.0"?>${laughs}`).replace(/<t>([^<]*)<\/t>/, '<t>&f;</t>')), expect: 'either' });
  add({ name: 'prefixed namespace', group: 'damaged package', bytes: withEntry(entries, sheet1, (x) => x.replace(/<(\/?)(worksheet|sheetData|row|c|v|f|is|t|cols|col|dimension|sheetViews|sheetView|sheetFormatPr|pageMargins|mergeCells|mergeCell)([\s>/])/g, '<$1x:$2$3').replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')), expect: 'either' });
  add({ name: 'sheet part missing', group: 'damaged package', bytes: without(entries, sheet1), expect: 'either' });
  add({ name: 'styles missing', group: 'damaged package', bytes: without(entries, 'xl/styles.xml'), expect: 'either' });
  add({ name: 'styles garbage', group: 'damaged package', bytes: withEntry(entries, 'xl/styles.xml', () => noise(300, 3)), expect: 'either' });
  add({ name: 'workbook.xml garbage', group: 'damaged package', bytes: withEntry(entries, 'xl/workbook.xml', () => '<workbook><sheets><sheet'), expect: 'refused' });
  add({ name: 'content types missing', group: 'damaged package', bytes: without(entries, '[Content_Types].xml'), expect: 'either' });
  add({ name: 'relationships missing', group: 'damaged package', bytes: without(entries, 'xl/_rels/workbook.xml.rels'), expect: 'either' });
  add({ name: 'cell at XFD1048576', group: 'damaged package', bytes: withEntry(entries, sheet1, (x) => x.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>末格</t></is></c></row></sheetData>')), expect: 'either' });
  add({ name: 'cell beyond XFD', group: 'damaged package', bytes: withEntry(entries, sheet1, (x) => x.replace('</sheetData>', '<row r="50"><c r="XFE50"><v>1</v></c></row></sheetData>')), expect: 'either' });
  add({ name: 'row beyond 1048576', group: 'damaged package', bytes: withEntry(entries, sheet1, (x) => x.replace('</sheetData>', '<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>')), expect: 'either' });
  add({ name: 'data validation over the whole sheet', group: 'damaged package', bytes: withEntry(entries, sheet1, (x) => x.replace('</sheetData>', '</sheetData><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>')), expect: 'either' });
  add({ name: 'invalid XML character', group: 'damaged package', bytes: withEntry(entries, sst, (x) => x.replace(/<t>([^<]*)<\/t>/, '<t>\u0001坏</t>')), expect: 'either' });
  add({ name: 'non-UTF-8 bytes in shared strings', group: 'damaged package', bytes: withEntry(entries, sst, (x) => Buffer.concat([Buffer.from(x.slice(0, 200)), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(x.slice(200))])), expect: 'either' });
  add({ name: 'number cell holding text', group: 'damaged package', bytes: withEntry(entries, sheet1, (x) => x.replace(/(<c r="H3"[^>]*>)<v>[^<]*<\/v>/, '$1<v>abc</v>')), expect: 'either' });

  // Random corruption: bytes overwritten inside one part (the zip itself stays readable).
  const parts = [...entries.keys()].filter((k) => k.endsWith('.xml'));
  for (let seed = 1; seed <= 85; seed++) {
    const part = parts[seed % parts.length];
    const bytes = withEntry(entries, part, (x) => {
      const b = Buffer.from(x, 'utf8');
      const r = noise(16, seed * 31);
      for (let k = 0; k < 8; k++) b[(r[k] * 257 + r[k + 8] * seed) % b.length] = r[(k + 3) % 16];
      return b;
    });
    add({ name: `corrupted ${part} (seed ${seed})`, group: 'damaged package', bytes, expect: 'either' });
  }

  // --- Odd but valid workbooks.
  const valid = async (name: string, build: (wb: ExcelJS.Workbook) => void, expect: Expect = 'ok', message?: RegExp) =>
    add({ name, group: 'odd but valid', bytes: await workbookBytes(build), expect, message });
  await valid('no sheets with data', (wb) => wb.addWorksheet('Sheet1'), 'refused');
  await valid('header only', (wb) => customerSheet(wb, 0), 'either');
  for (const at of [30, 60, 120, 199]) await valid(`header at row ${at}`, (wb) => customerSheet(wb, 30, '保有客户', at));
  await valid('duplicated headers', (wb) => {
    const ws = customerSheet(wb, 30);
    ws.getCell(2, 10).value = '车主';
    ws.getCell(2, 11).value = '最后进站日期';
  });
  await valid('everything merged', (wb) => {
    const ws = customerSheet(wb, 10);
    ws.mergeCells('A3:I12');
  }, 'either');
  // No room right of the data for the 13 columns: a clear refusal naming XFD (nothing is written over the note).
  await valid('a cell at column XFD', (wb) => {
    const ws = customerSheet(wb, 20);
    ws.getCell(5, 16384).value = '边上的备注';
  }, 'either', /XFD/);
  await valid('200,000 blank rows between data', (wb) => {
    const ws = customerSheet(wb, 20);
    customerRow(99).forEach((v, c) => (ws.getCell(200_030, c + 1).value = v as ExcelJS.CellValue));
  });
  await valid('32,767-character cells', (wb) => {
    const ws = customerSheet(wb, 20);
    ws.getCell(3, 1).value = '王'.repeat(32767);
    ws.getCell(1, 1).value = '店'.repeat(32767);
  });
  await valid('error values', (wb) => {
    const ws = customerSheet(wb, 20);
    ws.getCell(3, 7).value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell(4, 8).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    ws.getCell(5, 1).value = { error: '#REF!' } as ExcelJS.CellErrorValue;
  });
  await valid('rich text', (wb) => {
    const ws = customerSheet(wb, 20);
    ws.getCell(3, 1).value = { richText: [{ text: '王', font: { bold: true } }, { text: '小明' }] };
  });
  await valid('formulas and DDE payloads in customer cells', (wb) => {
    const ws = customerSheet(wb, 20);
    ws.getCell(3, 1).value = '=cmd|\' /C calc\'!A0';
    ws.getCell(4, 1).value = '+1+1';
    ws.getCell(5, 1).value = '-2+3';
    ws.getCell(6, 1).value = '@SUM(1)';
    ws.getCell(7, 8).value = { formula: 'SUM(1,2)', result: 3 };
  });
  await valid('control characters', (wb) => {
    const ws = customerSheet(wb, 20);
    ws.getCell(3, 1).value = '王\u0007小\u001b明';
    ws.getCell(4, 1).value = '李\r\n娜';
  });
  await valid('1904 date system', (wb) => {
    customerSheet(wb, 20);
    (wb.properties as { date1904?: boolean }).date1904 = true;
  });
  await valid('absurd dates and mileages', (wb) => {
    const ws = customerSheet(wb, 20);
    ws.getCell(3, 6).value = new Date(Date.UTC(1850, 0, 1));
    ws.getCell(4, 7).value = new Date(Date.UTC(2999, 0, 1));
    ws.getCell(5, 8).value = -500;
    ws.getCell(6, 8).value = 9e15;
    ws.getCell(7, 7).value = '2026-13-45';
    ws.getCell(8, 8).value = '约十万公里';
  });
  await valid('hyperlinks and comments', (wb) => {
    const ws = customerSheet(wb, 20);
    ws.getCell(3, 1).value = { text: '王小明', hyperlink: 'mailto:a@b.c' };
    ws.getCell(4, 1).note = '客户要求不要打电话';
  });
  await valid('hidden customer sheet', (wb) => {
    const ws = customerSheet(wb, 20);
    ws.state = 'hidden';
  }, 'either');
  await valid('sheet name with quotes and brackets', (wb) => customerSheet(wb, 20, "客户'表(2026)"));
  await valid('31-character sheet name', (wb) => customerSheet(wb, 20, '保'.repeat(31)));
  await valid('only a call log', (wb) => {
    const ws = wb.addWorksheet('回访');
    ws.addRow(['回访日期', 'VIN码', '通话结果']);
    ws.addRow([new Date(Date.UTC(2026, 1, 1)), vin(1), '已接通']);
  }, 'either');

  // --- Sheets and columns with the product's names.
  await valid('user sheet named 招揽名单', (wb) => {
    customerSheet(wb, 20);
    wb.addWorksheet('招揽名单').addRow(['我的笔记', '别删']);
  });
  // The user's own sheet under the state's name is never overwritten: refused, naming it.
  await valid('user sheet named ChurnDesk_State', (wb) => {
    customerSheet(wb, 20);
    wb.addWorksheet('ChurnDesk_State').addRow(['这是用户自己的表']);
  }, 'refused', /ChurnDesk_State/);
  await valid('user column named 流失状态', (wb) => {
    const ws = customerSheet(wb, 20);
    ws.getCell(2, 10).value = '流失状态';
    ws.getCell(3, 10).value = '用户自己写的';
  });
  await valid('user sheets named like every summary', (wb) => {
    customerSheet(wb, 20);
    for (const n of ['流失概览', '地区分析', '车型分析', '车龄分析', '流失原因']) wb.addWorksheet(n).addRow([`${n}:用户的`]);
  });

  // --- A tampered state sheet: a claim to check, never a licence to overwrite.
  const stateCases: [string, string[][]][] = [
    ['state null', [['ChurnDesk state v1'], ['null']]],
    ['state garbage', [['ChurnDesk state v1'], ['{not json']]],
    ['state array', [['ChurnDesk state v1'], ['[1,2,3]']]],
    ['state wrong version', [['ChurnDesk state v1'], ['{"version":99}']]],
    ['state with null fields', [['ChurnDesk state v1'], ['{"version":1,"settings":null,"mappings":null,"ownedSheets":null,"ownedColumns":null}']]],
    ['state with wrong types', [['ChurnDesk state v1'], ['{"version":1,"settings":"x","mappings":[1],"ownedSheets":7,"ownedColumns":"y"}']]],
    ['state claims the customer sheet', [['ChurnDesk state v1'], ['{"version":1,"settings":{},"mappings":{},"ownedSheets":{"overview":"保有客户","list.winback":"回访记录"},"ownedColumns":{}}']]],
    ['state claims user columns', [['ChurnDesk state v1'], ['{"version":1,"settings":{},"mappings":{},"ownedSheets":{},"ownedColumns":{"保有客户":{"headerRow":1,"columns":{"status":0,"age":1,"x":2}}}}']]],
    ['state with bad settings', [['ChurnDesk state v1'], ['{"version":1,"settings":{"thresholds":{"atRiskMonths":"six"},"targetChurnRate":7},"mappings":{},"ownedSheets":{},"ownedColumns":{}}']]],
    ['state deeply nested', [['ChurnDesk state v1'], ['{"version":1,"settings":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '}']]],
    ['state mapping to missing columns', [['ChurnDesk state v1'], ['{"version":1,"settings":{},"mappings":{"保有客户":{"lastVisit":"不存在的列"}},"ownedSheets":{},"ownedColumns":{}}']]],
  ];
  for (const [name, rows] of stateCases) {
    const bytes = await workbookBytes((wb) => {
      customerSheet(wb, 20);
      const s = wb.addWorksheet('ChurnDesk_State');
      s.state = 'veryHidden';
      rows.forEach((r) => s.addRow(r));
    });
    add({ name, group: 'tampered state', bytes, expect: 'either' });
  }

  // --- Bad settings files and --as-of values.
  const settings: [string, string | Buffer, Expect][] = [
    ['settings with a UTF-8 BOM', '\ufeff{"targetChurnRate":0.3}', 'ok'],
    ['settings null', 'null', 'refused'],
    ['settings array', '[]', 'refused'],
    ['settings string', '"abc"', 'refused'],
    ['settings number', '42', 'refused'],
    ['settings not JSON', '{thresholds: 6}', 'refused'],
    ['settings empty file', '', 'refused'],
    ['settings binary', noise(200, 9), 'refused'],
    ['settings deeply nested', '{"a":' + '['.repeat(20000) + ']'.repeat(20000) + '}', 'either'],
    ['settings wrong types', '{"thresholds":{"atRiskMonths":"six"},"targetChurnRate":7,"localRegions":"武汉"}', 'refused'],
    ['settings nulls', '{"thresholds":null,"warranty":null,"priority":null,"sales":null}', 'refused'],
    ['settings bad analysisDate', '{"analysisDate":"2026-1-1"}', 'refused'],
  ];
  for (const [name, text, expect] of settings) add({ name, group: 'bad settings', bytes: base, args: ['--settings', '{settings}'], settingsText: text, expect });
  add({ name: 'settings file missing', group: 'bad settings', bytes: base, args: ['--settings', '/nonexistent/settings.json'], expect: 'refused' });
  const asOf: [string, Expect][] = [
    ['2026-1-1', 'refused'], ['0000-01-01', 'refused'], ['1899-12-31', 'refused'], ['9999-12-31', 'refused'], ['abc', 'refused'], ['', 'refused'],
    ['2026-02-30', 'refused'], ['2026-10-31', 'ok'], ['20261031', 'refused'], ['2026/10/31', 'refused'],
  ];
  for (const [v, expect] of asOf) add({ name: `--as-of '${v}'`, group: 'bad --as-of', bytes: base, args: ['--as-of', v], expect, message: expect === 'refused' ? /--as-of/ : undefined });
  return cases;
}
