/**
 * A user's times and dates survive the in-memory file engine bit for bit: exceljs alone turns 11:00 (0.458333…)
 * into 0.45833333333212 on save (LibreOffice then shows 10:59:59).
 */
import ExcelJS from 'exceljs';
import { pinDateSerials } from '../../src/xlsx/pinDateSerials';
import { readZipEntries } from '../../src/xlsx/zip';

const SERIALS = [11 / 24, 10.25 / 24, 15.5 / 24 + 0.25 / 1440, 46326, 46326 + 11 / 24, 45352.75, 1, 61.5];
const FORMATS = ['hh:mm', 'hh:mm', 'hh:mm:ss', 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm', 'yyyy/m/d h:mm', 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm'];

async function original(date1904 = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (date1904) (wb.properties as { date1904?: boolean }).date1904 = true;
  const ws = wb.addWorksheet('登记');
  SERIALS.forEach((v, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = v;
    cell.numFmt = FORMATS[i];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The numbers stored in column A of the first sheet, as the file holds them. */
function storedValues(file: Buffer): number[] {
  const entries = readZipEntries(file);
  const sheet = [...entries.keys()].find((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))!;
  const xml = entries.get(sheet)!.toString('utf8');
  return [...xml.matchAll(/<c r="A(\d+)"[^>]*><v>([^<]+)<\/v><\/c>/g)].map((m) => Number(m[2]));
}

async function roundTrip(file: Buffer, pin: boolean): Promise<number[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  expect(wb.getWorksheet('登记')!.getCell(1, 1).value).toBeInstanceOf(Date);
  if (pin) expect(pinDateSerials(wb)).toBe(SERIALS.length);
  return storedValues(Buffer.from(await wb.xlsx.writeBuffer()));
}

test('the file holds the serials as written', async () => {
  expect(storedValues(await original())).toEqual(SERIALS);
});

/** Largest difference from the originals. 1e-15 is the last bit of a fraction; exceljs alone loses ~1e-12. */
const drift = (values: number[]) => Math.max(...values.map((v, i) => Math.abs(v - SERIALS[i])));

test('exceljs alone changes some of them (why pinning exists)', async () => {
  expect(drift(await roundTrip(await original(), false))).toBeGreaterThan(1e-13);
});

test('pinned, every date and time is written back exactly (to the last bit of the fraction)', async () => {
  const back = await roundTrip(await original(), true);
  expect(back.length).toBe(SERIALS.length);
  expect(drift(back)).toBeLessThan(1e-15);
});

test('a 1904-system workbook keeps its own serials too', async () => {
  const file = await original(true);
  expect(storedValues(file)).toEqual(SERIALS);
  expect(drift(await roundTrip(file, true))).toBeLessThan(1e-15);
});
