/**
 * fileEngineAside: the damaged-package check in a worker thread gives fileEngineFor's answer, and a worker that
 * cannot give it (throws, exits without a word, answers nonsense, is missing) never makes a damaged package look
 * sound: the check then runs in this thread. The real worker runs from its sources transpiled into a temporary
 * folder (ts-jest runs no worker script); the failing workers are small scripts written here.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import ExcelJS from 'exceljs';
import { fileEngineAside, fileEngineFor } from '../../src/xlsx/fileEngine';
import { readZipEntries } from '../../src/xlsx/zip';
import { packageZip } from '../../src/xlsx/gridWorkbook';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-check-worker-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const SRC = path.join(__dirname, '../../src');

/** Transpiles `entry` and every module it imports (relative paths, not type-only) into `out`, keeping the layout. */
function transpileClosure(entry: string, out: string): string {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true } }).outputText;
    const target = path.join(out, path.relative(SRC, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, js);
    for (const m of text.matchAll(/^import (?!type )[^;]*? from '(\.[^']+)';/gm)) visit(path.resolve(path.dirname(file), m[1]) + '.ts');
  };
  visit(entry);
  return path.join(out, path.relative(SRC, entry)).replace(/\.ts$/, '.js');
}

let sound: string;
let damaged: string;
let notZip: string;
let realWorker: string;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('保有客户');
  ws.addRow(['车牌', '姓名', '购车日期']);
  for (let i = 0; i < 50; i++) ws.addRow([`京A${10000 + i}`, `客户${i % 7}`, 45000 + i]);
  sound = path.join(dir, 'sound.xlsx');
  await wb.xlsx.writeFile(sound);
  const entries = readZipEntries(fs.readFileSync(sound)) as Map<string, Buffer>;
  const sheet = entries.get('xl/worksheets/sheet1.xml')!.toString('utf8');
  damaged = path.join(dir, 'damaged.xlsx');
  fs.writeFileSync(damaged, packageZip(new Map([...entries, ['xl/worksheets/sheet1.xml', Buffer.from(sheet.replace('r="B2"', 'r="B2x"'), 'utf8')]])));
  notZip = path.join(dir, 'not-a-zip.xlsx');
  fs.writeFileSync(notZip, 'plain text, not a zip');
  realWorker = transpileClosure(path.join(SRC, 'xlsx/packageCheckWorker.ts'), path.join(dir, 'worker'));
});

test('the real worker gives fileEngineFor\'s answer: sound, damaged, not a zip', async () => {
  expect(await fileEngineFor(damaged, {})).toBe('memory');
  expect(await fileEngineAside(sound, {}, realWorker)).toBe('stream');
  expect(await fileEngineAside(damaged, {}, realWorker)).toBe('memory');
  expect(await fileEngineAside(notZip, {}, realWorker)).toBe(await fileEngineFor(notZip, {}));
  // The forced exceljs engine needs no check.
  expect(await fileEngineAside(sound, { CHURN_DESK_FILE_ENGINE: 'memory' }, realWorker)).toBe('memory');
});

test.each([
  ['throws as it starts', 'throw new Error("no memory for a second heap");'],
  ['exits without a word', 'process.exit(0);'],
  ['ends without a word', ''],
  ['answers nonsense', 'require("worker_threads").parentPort.postMessage({ verdict: "fine" });'],
  ['answers a number', 'require("worker_threads").parentPort.postMessage(42);'],
  ['throws after a while', 'setTimeout(() => { throw new Error("late"); }, 200);'],
])('a worker that %s: the check runs in this thread (a damaged package is still damaged)', async (name, code) => {
  const script = path.join(dir, `${name.replace(/\W+/g, '-')}.js`);
  fs.writeFileSync(script, code);
  expect(await fileEngineAside(damaged, {}, script)).toBe('memory');
  expect(await fileEngineAside(sound, {}, script)).toBe('stream');
});

test('a missing worker script: the check runs in this thread', async () => {
  const script = path.join(dir, 'absent.js');
  expect(await fileEngineAside(damaged, {}, script)).toBe('memory');
  expect(await fileEngineAside(sound, {}, script)).toBe('stream');
});
