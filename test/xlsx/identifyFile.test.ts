/**
 * Files that are not .xlsx workbooks are told what they are and what to do, by both readers and the CLI:
 * never a reader's stack trace, never "未找到保有客户表".
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { identifyFile, type FileKind } from '../../src/xlsx/identifyFile';
import { storedZip } from '../../src/xlsx/storedZip';
import { runCli } from '../e2e/runCli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'churndesk-identify-'));
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function write(name: string, data: Buffer | Uint8Array | string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, data);
  return f;
}

let xlsx: Buffer;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('保有客户').addRow(['车主', '购车日期']);
  xlsx = Buffer.from(await wb.xlsx.writeBuffer());
});

const cases: [string, FileKind, () => Buffer | Uint8Array | string, RegExp][] = [
  ['empty.xlsx', 'empty', () => '', /空文件/],
  ['report.xlsx', 'pdf', () => '%PDF-1.7\n1 0 obj\n', /PDF/],
  ['locked.xlsx', 'encrypted', () => Buffer.concat([OLE, Buffer.alloc(500), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(100)]), /加密的工作簿,请先取消密码/],
  ['old.xlsx', 'xls', () => Buffer.concat([OLE, Buffer.alloc(500), Buffer.from('Workbook', 'utf16le')]), /97-2003/],
  ['binary.xlsx', 'xlsb', () => storedZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.bin', data: 'x' }]), /\.xlsb/],
  ['calc.xlsx', 'ods', () => storedZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }, { name: 'content.xml', data: '<x/>' }]), /\.ods/],
  ['letter.xlsx', 'docx', () => storedZip([{ name: 'word/document.xml', data: '<w/>' }]), /Word/],
  ['bundle.xlsx', 'zipOfFiles', () => storedZip([{ name: 'a.xlsx', data: 'x' }, { name: 'b.xlsx', data: 'y' }]), /压缩包/],
  ['parts.xlsx', 'noWorkbookPart', () => storedZip([{ name: 'something.xml', data: '<x/>' }]), /xl\/workbook\.xml/],
  ['cut.xlsx', 'truncated', () => xlsx.subarray(0, Math.floor(xlsx.length / 2)), /不完整/],
  ['list.xlsx', 'csv', () => '车主,购车日期\n王小明,2024-01-01\n', /CSV/],
  ['export.xls', 'html', () => '<html><body><table><tr><td>车主</td></tr></table></body></html>', /网页/],
  ['noise.xlsx', 'unknown', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), /无法识别/],
];

test.each(cases)('%s is identified as %s and the CLI says what to do', async (name, kind, make, message) => {
  const f = write(name, make());
  expect(identifyFile(f).kind).toBe(kind);
  const before = fs.readFileSync(f);
  const run = await runCli(['analyze', f, '--out', path.join(dir, `out-${name}.xlsx`)]);
  expect(run.code).toBe(1);
  expect(run.err).toMatch(message);
  expect(run.err).not.toMatch(/\n\s+at |Error:/);
  expect(fs.readFileSync(f).equals(before)).toBe(true);
});

test('a real workbook, a missing file and a folder', async () => {
  expect(identifyFile(write('ok.xlsx', xlsx)).kind).toBe('xlsx');
  expect(identifyFile(path.join(dir, 'nope.xlsx')).kind).toBe('missing');
  expect(identifyFile(dir).kind).toBe('directory');
  const run = await runCli(['analyze', path.join(dir, 'nope.xlsx'), '--out', path.join(dir, 'o.xlsx')]);
  expect(run.code).toBe(1);
  expect(run.err).toMatch(/找不到文件/);
});

test('a damaged package inside a valid zip is "damaged", with no reader text', async () => {
  const f = write('broken.xlsx', storedZip([{ name: '[Content_Types].xml', data: '<Types' }, { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="A" r:id="rId1"' }]));
  const run = await runCli(['analyze', f, '--out', path.join(dir, 'o2.xlsx')]);
  expect(run.code).toBe(1);
  expect(run.err).toMatch(/已损坏/);
  expect(run.err).not.toMatch(/\n\s+at /);
});
