/**
 * The held-out check of the share-safe copy (issue 11): `churn-desk share` on dealer workbooks generated with a
 * vocabulary, layouts and personal-data formats the masking rules were not written from (heldOutDealers.ts). Every
 * cell of the copy (every sheet, hidden and very hidden included, values, rich text, hyperlinks, formulas, notes) and
 * every part of the file (the shared-string table, comments, properties) is scanned for any name, phone, VIN, ID
 * number or address detail planted in the input. Prints the figures for docs/reliability.md.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { heldOutWorkbook } from './heldOutDealers';
import { scanCopy, type Leak } from './scanCopy';
import { runCli } from '../e2e/runCli';

const CASES = 40;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'churndesk-heldout-share-'));

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test(`the share-safe copies of ${CASES} held-out dealer workbooks hold no name, phone, VIN, ID number or address of the input`, async () => {
  const leaks: Leak[] = [];
  let cells = 0;
  let sharedStrings = 0;
  let parts = 0;
  let secretsPlanted = 0;
  const plantedByKind = new Map<string, number>();
  const problems: string[] = [];
  for (let seed = 1; seed <= CASES; seed++) {
    const { bytes, secrets } = await heldOutWorkbook(seed);
    const input = path.join(dir, `dealer-${seed}.xlsx`);
    const out = path.join(dir, `dealer-${seed}.safe.xlsx`);
    fs.writeFileSync(input, bytes);
    const hash = crypto.createHash('sha256').update(bytes).digest('hex');
    const run = await runCli(['share', input, '--out', out, '--quiet']);
    if (run.code !== 0) {
      problems.push(`seed ${seed}: exit ${run.code}: ${run.err.slice(-300)}`);
      continue;
    }
    if (crypto.createHash('sha256').update(fs.readFileSync(input)).digest('hex') !== hash) problems.push(`seed ${seed}: the input was modified`);
    const scan = await scanCopy(fs.readFileSync(out), secrets, seed);
    secretsPlanted += scan.planted.size;
    for (const e of scan.planted.values()) plantedByKind.set(e.kind, (plantedByKind.get(e.kind) ?? 0) + 1);
    cells += scan.cells;
    parts += scan.parts;
    sharedStrings += scan.sharedStrings;
    leaks.push(...scan.leaks);
  }
  const distinct = new Set(leaks.map((l) => `${l.seed}|${l.value}`));
  const byKind = new Map<string, number>();
  for (const k of distinct) {
    const l = leaks.find((x) => `${x.seed}|${x.value}` === k)!;
    byKind.set(l.kind, (byKind.get(l.kind) ?? 0) + 1);
  }
  const byPlace = new Map<string, number>();
  for (const l of leaks) {
    const place = l.planted.replace(/^[^ ]+ column /, 'column ').replace(/ sheet \S+/, ' sheet');
    byPlace.set(`${l.kind} in ${place}`, (byPlace.get(`${l.kind} in ${place}`) ?? 0) + 1);
  }
  console.log(
    `held-out share-safe check: ${CASES} workbooks, ${secretsPlanted} personal values planted, ${cells} cell texts and ${parts} file parts scanned (${sharedStrings} shared strings); ` +
      `${distinct.size} values leaked ${JSON.stringify(Object.fromEntries(byKind))} of ${JSON.stringify(Object.fromEntries(plantedByKind))}\n` +
      [...byPlace].sort((a, b) => b[1] - a[1]).map(([k, v]) => `  ${v} × ${k}`).join('\n') +
      (leaks.length ? `\nfirst leaks:\n${leaks.slice(0, 25).map((l) => `  seed ${l.seed} ${l.kind} ${l.value} planted in ${l.planted}, found in ${l.found}`).join('\n')}` : ''),
  );
  expect(problems).toEqual([]);
  expect(secretsPlanted).toBeGreaterThan(2000);
  expect(leaks.map((l) => `seed ${l.seed} ${l.kind} ${l.value} (${l.planted}) in ${l.found}`)).toEqual([]);
}, 600_000);
