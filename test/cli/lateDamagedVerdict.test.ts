/**
 * The damaged-package check runs beside the stream read and the analysis (fileEngineAside). However late its verdict
 * comes, a damaged package's output is exceljs's: the splice never starts before the verdict, and the run is
 * redone by exceljs. The verdict is delayed here past the read and the analysis (fileEngineAside mocked), and the
 * splice writer is watched.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readZipEntries } from '../../src/xlsx/zip';
import * as fileEngine from '../../src/xlsx/fileEngine';
import * as splice from '../../src/xlsx/spliceWorkbook';
import * as streamRead from '../../src/xlsx/streamReadWorkbook';
import { analyseWithEngine, runCli } from '../e2e/runCli';

jest.mock('../../src/xlsx/fileEngine', () => {
  const actual = jest.requireActual('../../src/xlsx/fileEngine');
  return { ...actual, fileEngineAside: jest.fn(actual.fileEngineAside) };
});
jest.mock('../../src/xlsx/spliceWorkbook', () => {
  const actual = jest.requireActual('../../src/xlsx/spliceWorkbook');
  return { ...actual, spliceWriteWorkbook: jest.fn(actual.spliceWriteWorkbook) };
});
jest.mock('../../src/xlsx/streamReadWorkbook', () => {
  const actual = jest.requireActual('../../src/xlsx/streamReadWorkbook');
  return { ...actual, streamReadWorkbook: jest.fn(actual.streamReadWorkbook) };
});
jest.setTimeout(300_000);

const AS_OF = '2026-10-31';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-late-verdict-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const aside = fileEngine.fileEngineAside as jest.MockedFunction<typeof fileEngine.fileEngineAside>;
const spliceWrite = splice.spliceWriteWorkbook as jest.MockedFunction<typeof splice.spliceWriteWorkbook>;
const streamReadMock = streamRead.streamReadWorkbook as jest.MockedFunction<typeof streamRead.streamReadWorkbook>;

let input: string;
let exceljsOut: Map<string, string>;
let exceljsReport: string;

/**
 * The output's parts as text, without docProps/core.xml (exceljs stamps the time of writing there) and with the
 * data bars' GUIDs blanked (exceljs draws new ones on every write).
 */
function partsOf(file: string): Map<string, string> {
  const parts = new Map([...readZipEntries(fs.readFileSync(file))].map(([k, v]) => [k, v.toString('latin1').replace(/\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}/g, '{GUID}')]));
  parts.delete('docProps/core.xml');
  return parts;
}

/** The report without the line that gives the seconds the run took. */
const reportOf = (out: string) => out.split('\n').filter((l) => !/\d+(\.\d+)?\s*(s|秒)/.test(l)).join('\n');

/** A verdict that comes `ms` after it is asked for, whatever the package. */
function verdictAfter(engine: fileEngine.FileEngine, ms: number): Promise<fileEngine.FileEngine> {
  return new Promise((resolve) => setTimeout(() => resolve(engine), ms));
}

beforeAll(async () => {
  const plain = path.join(dir, 'plain.xlsx');
  expect((await runCli(['sample', '--out', plain, '--vehicles', '300', '--seed', '4', '--as-of', AS_OF])).code).toBe(0);
  // The verdict is mocked below: the package itself may be sound (the exceljs path reads it all the same).
  input = plain;
  const out = path.join(dir, 'exceljs.xlsx');
  const run = await analyseWithEngine(input, out, 'memory', AS_OF);
  expect(run.code).toBe(0);
  exceljsOut = partsOf(out);
  exceljsReport = reportOf(run.out);
});

beforeEach(() => {
  spliceWrite.mockClear();
  streamReadMock.mockClear();
  aside.mockReset();
});

test('a damaged verdict that comes after the read and the analysis: exceljs\'s output, the splice never started', async () => {
  aside.mockImplementation(() => verdictAfter('memory', 3000));
  const out = path.join(dir, 'late.xlsx');
  const run = await runCli(['analyze', input, '--out', out, '--as-of', AS_OF, '--quiet']);
  expect(run.code).toBe(0);
  expect(streamReadMock).toHaveBeenCalledTimes(1); // the stream attempt ran first
  expect(spliceWrite).not.toHaveBeenCalled();
  expect(reportOf(run.out)).toBe(exceljsReport);
  const parts = partsOf(out);
  expect([...parts.keys()].sort()).toEqual([...exceljsOut.keys()].sort());
  for (const [name, text] of exceljsOut) expect({ name, same: parts.get(name) === text }).toEqual({ name, same: true });
});

test('a sound verdict that comes late: the splice writes, once', async () => {
  aside.mockImplementation(() => verdictAfter('stream', 3000));
  const out = path.join(dir, 'late-sound.xlsx');
  const run = await runCli(['analyze', input, '--out', out, '--as-of', AS_OF, '--quiet']);
  expect(run.code).toBe(0);
  expect(spliceWrite).toHaveBeenCalledTimes(1);
});

test('the stream attempt fails on a damaged package: redone by exceljs; on a sound one: the error is reported, nothing written', async () => {
  streamReadMock.mockImplementationOnce(() => Promise.reject(new Error('unreadable row')));
  aside.mockImplementation(() => verdictAfter('memory', 1000));
  const out = path.join(dir, 'failed-damaged.xlsx');
  const run = await runCli(['analyze', input, '--out', out, '--as-of', AS_OF, '--quiet']);
  expect(run.code).toBe(0);
  expect(reportOf(run.out)).toBe(exceljsReport);

  streamReadMock.mockImplementationOnce(() => Promise.reject(new Error('unreadable row')));
  aside.mockImplementation(() => verdictAfter('stream', 1000));
  const out2 = path.join(dir, 'failed-sound.xlsx');
  const run2 = await runCli(['analyze', input, '--out', out2, '--as-of', AS_OF, '--quiet']);
  expect(run2.code).not.toBe(0);
  expect(run2.err).toContain('输出文件未写入'); // the unexpected error's message (the detail with CHURN_DESK_DEBUG=1)
  expect(fs.existsSync(out2)).toBe(false);
  expect(spliceWrite).not.toHaveBeenCalled();
});
