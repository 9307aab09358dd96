/**
 * Issue 12.3 / 14.1, Office side: callers type into 招揽名单 in the in-memory Excel (cells formatted as the add-in
 * left them, so '=…' typed into a text column stays text), sort the list, and the add-in refreshes. The notes are
 * on the same vehicles, the caller columns carry their validations, and a second refresh changes nothing.
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { generateSample } from '../../src/cli/sample/generateSample';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
import { stateFromGrid } from '../../src/core/state/stateSheet';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { createInlineRunner } from '../../src/worker/runner';

const AS_OF = '2026-10-31';
const LIST = '招揽名单';
const CALLER = ['招揽专员', '招揽日期', '招揽结果', '预约日期', '备注'];

function setup() {
  const sample = generateSample({ vehicles: 120, seed: 11, asOf: 46326 });
  const grids: Record<string, unknown[][]> = {};
  for (const s of sample.sheets) grids[s.name] = s.grid;
  const wb = FakeWorkbook.fromGrids(grids);
  return { wb, actions: createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: AS_OF }) };
}

/** Header row, header -> column, and the last data row of the list (0-based). */
function layout(wb: FakeWorkbook) {
  const g = wb.grid(LIST) as unknown[][];
  const header = g.findIndex((r) => r.includes('招揽结果') && r.includes('车架号'));
  const col = new Map<string, number>(g[header].map((h, c) => [String(h), c]));
  let last = header;
  while (g[last + 1] && (g[last + 1][col.get('车架号')!] || g[last + 1][col.get('客户姓名')!])) last++;
  return { header, col, last };
}

function notesByVin(wb: FakeWorkbook): Map<string, unknown[]> {
  const g = wb.grid(LIST) as unknown[][];
  const { header, col, last } = layout(wb);
  const out = new Map<string, unknown[]>();
  for (let r = header + 1; r <= last; r++) {
    const vin = g[r][col.get('车架号')!];
    if (vin) out.set(String(vin), CALLER.map((h) => g[r][col.get(h)!] ?? ''));
  }
  return out;
}

function dumpWithoutState(wb: FakeWorkbook) {
  const d = wb.dump();
  const s = d.sheets.find((x) => x.name === STATE_SHEET_NAME);
  return { sheets: d.sheets.filter((x) => x.name !== STATE_SHEET_NAME), state: s ? stateFromGrid(s.values) : null };
}

describe('callers\' notes in 招揽名单 through the add-in', () => {
  it('keeps what callers typed on the same vehicles after they sort the list, and refreshes twice the same', async () => {
    const { wb, actions } = setup();
    await actions.analyse();
    const sheet = wb.data.sheetByName(LIST)!;
    const { header, col, last } = layout(wb);
    expect(last - header).toBeGreaterThan(20);

    // The caller columns are validated: dates between 1990 and 2099, results from the contact-result codes.
    const rules = sheet.validations.map((v) => JSON.stringify(v.rule));
    expect(rules.filter((r) => r.includes('"date"')).length).toBe(2);
    expect(rules.some((r) => r.includes('无人接听') && r.includes('号码有误'))).toBe(true);

    const typed = new Map<string, unknown[]>();
    const entries: [number, unknown[]][] = [
      [header + 1, ['小周', 46328, '成功', 46334, '周六上午来']],
      [header + 4, [null, 46329, '无人接听', null, '=1+1 下午再打']],
      [header + 9, ['小吴', null, null, null, '+86 换号了']],
    ];
    for (const [r, values] of entries) {
      values.forEach((v, i) => sheet.writeValue(r, col.get(CALLER[i])!, v));
      typed.set(String(sheet.value(r, col.get('车架号')!)), CALLER.map((h) => sheet.value(r, col.get(h)!)));
    }
    expect(typed.get(String(sheet.value(header + 4, col.get('车架号')!)))![4]).toBe('=1+1 下午再打');
    // The user sorts the list by VIN, descending: whole rows move.
    const width = Math.max(...col.values()) + 1;
    const rows: unknown[][] = [];
    for (let r = header + 1; r <= last; r++) rows.push(Array.from({ length: width }, (_, c) => sheet.value(r, c)));
    const vinCol = col.get('车架号')!;
    rows.sort((a, b) => String(b[vinCol]).localeCompare(String(a[vinCol])));
    rows.forEach((row, i) => row.forEach((v, c) => sheet.setRaw(header + 1 + i, c, v, undefined)));

    await actions.analyse();
    const after = notesByVin(wb);
    for (const [vin, values] of typed) expect([vin, after.get(vin)]).toEqual([vin, values]);
    const { header: h2, col: c2, last: l2 } = layout(wb);
    const list = wb.data.sheetByName(LIST)!;
    for (let r = h2 + 1; r <= l2; r++) expect(list.formula(r, c2.get('备注')!)).toBeUndefined();

    const first = dumpWithoutState(wb);
    await actions.analyse();
    expect(dumpWithoutState(wb)).toEqual(first);
  });
});
