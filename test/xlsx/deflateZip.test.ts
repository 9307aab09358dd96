/** The share-safe copy, built stored in the worker, deflated by the platform before Excel.createWorkbook. */
import ExcelJS from 'exceljs';
import { deflateStoredZip, fromBase64, storedEntries } from '../../src/xlsx/deflateZip';
import { storedZip, toBase64 } from '../../src/xlsx/storedZip';
import { gridWorkbook } from '../../src/xlsx/gridWorkbook';

const FILES = [
  { name: '[Content_Types].xml', data: '<Types/>' },
  { name: 'xl/worksheets/sheet1.xml', data: '<row>'.repeat(5000) + '保有客户'.repeat(300) },
  { name: 'tiny.txt', data: 'hi' },
];

describe('deflateStoredZip', () => {
  it('deflates every entry that gets smaller; names, order and contents stay', async () => {
    const stored = storedZip(FILES);
    const deflated = await deflateStoredZip(stored);
    expect(deflated.length).toBeLessThan(stored.length / 5);
    // Read back with the central directory (method 8 inflated by Node's zlib).
    const zlib = await import('zlib');
    const view = Buffer.from(deflated);
    const names: string[] = [];
    const contents: string[] = [];
    for (let p = 0; view.readUInt32LE(p) === 0x04034b50; ) {
      const method = view.readUInt16LE(p + 8);
      const csize = view.readUInt32LE(p + 18);
      const nameLength = view.readUInt16LE(p + 26);
      const start = p + 30 + nameLength + view.readUInt16LE(p + 28);
      const data = view.subarray(start, start + csize);
      names.push(view.toString('utf8', p + 30, p + 30 + nameLength));
      contents.push((method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8'));
      expect(zlib.crc32(method === 8 ? zlib.inflateRawSync(data) : data)).toBe(view.readUInt32LE(p + 14));
      p = start + csize;
    }
    expect(names).toEqual(FILES.map((f) => f.name));
    expect(contents).toEqual(FILES.map((f) => f.data));
  });
  it('leaves what it cannot deflate as it is: no Compression Streams API, or an archive that is not storedZip output', async () => {
    const stored = storedZip(FILES);
    expect(await deflateStoredZip(stored, null)).toBe(stored);
    const once = await deflateStoredZip(stored);
    expect(storedEntries(once)).toBeNull();
    expect(await deflateStoredZip(once)).toBe(once);
    expect(await deflateStoredZip(new Uint8Array([1, 2, 3]))).toEqual(new Uint8Array([1, 2, 3]));
  });
  it('a workbook built from grids opens in exceljs after deflating, with the same cells', async () => {
    const file = gridWorkbook([{ name: '保有客户', grid: [['车主', '购车日期'], ['王**', 45000]] }]);
    const deflated = await deflateStoredZip(fromBase64(toBase64(file)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(deflated) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('保有客户')!.getCell('A2').value).toBe('王**');
    expect(wb.getWorksheet('保有客户')!.getCell('B2').value).toBe(45000);
  });
});
