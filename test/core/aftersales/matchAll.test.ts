import { matchAll, matchCalls, matchVehicles } from '../../../src/core/aftersales/matchVehicles';
import { emptyCallTable, emptyCustomerTable, type CallTable, type CustomerTable } from '../../../src/core/aftersales/tables';

/** A small LCG: the same tables on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Keys drawn from small pools (many collisions), a third of each blank. */
function tables(seed: number, rows: number, calls: number) {
  const r = rng(seed);
  const key = (prefix: string, pool: number) => (r() < 0.33 ? '' : `${prefix}${Math.floor(r() * pool)}`);
  const t = emptyCustomerTable('c', Array.from({ length: rows }, (_, i) => i + 1));
  for (let i = 0; i < rows; i++) {
    t.vin[i] = key('V', rows / 2);
    t.plate[i] = key('P', rows / 2);
    t.phone[i] = key('T', rows / 2);
    t.lastVisit[i] = r() < 0.9 ? 45000 + Math.floor(r() * 900) : NaN;
  }
  const c = emptyCallTable('k', Array.from({ length: calls }, (_, i) => i + 1));
  for (let i = 0; i < calls; i++) {
    c.vin[i] = key('V', rows);
    c.plate[i] = key('P', rows);
    c.phone[i] = key('T', rows);
    c.callDate[i] = r() < 0.8 ? 46000 + Math.floor(r() * 30) : NaN;
    c.callTime[i] = r() < 0.5 ? r() : NaN;
    c.result[i] = r() < 0.7 ? '无人接听' : '';
    c.reason[i] = r() < 0.3 ? '太贵' : '';
    c.destination[i] = r() < 0.2 ? '修理厂' : '';
  }
  return { t, c };
}

/**
 * The matching of commit 78546e9 (full plate and phone indexes over every row, then the calls looked up in them),
 * kept here as the reference matchAll must agree with.
 */
function reference(t: CustomerTable, calls: CallTable) {
  const n = t.rows.length;
  const vehicleOfRow = new Int32Array(n).fill(-1);
  const byVin = new Map<string, number>();
  const byPlate = new Map<string, number>();
  const byPhone = new Map<string, number>();
  let count = 0;

  // Pass 1: rows with a VIN. Pass 2: rows without one, by plate. Pass 3: neither, by phone. Rows with no key at all
  // are vehicles of their own. Passes run in this order so a VIN-less row finds a VIN vehicle carrying its plate.
  for (let i = 0; i < n; i++) {
    const vin = t.vin[i];
    if (!vin) continue;
    let v = byVin.get(vin);
    if (v === undefined) byVin.set(vin, (v = count++));
    vehicleOfRow[i] = v;
  }
  indexKey(t.plate, vehicleOfRow, byPlate);
  for (let i = 0; i < n; i++) {
    if (vehicleOfRow[i] >= 0) continue;
    const plate = t.plate[i];
    if (!plate) continue;
    let v = byPlate.get(plate);
    if (v === undefined) byPlate.set(plate, (v = count++));
    vehicleOfRow[i] = v;
  }
  indexKey(t.phone, vehicleOfRow, byPhone);
  for (let i = 0; i < n; i++) {
    if (vehicleOfRow[i] >= 0) continue;
    const phone = t.phone[i];
    if (!phone) continue;
    let v = byPhone.get(phone);
    if (v === undefined) byPhone.set(phone, (v = count++));
    vehicleOfRow[i] = v;
  }
  for (let i = 0; i < n; i++) if (vehicleOfRow[i] < 0) vehicleOfRow[i] = count++;

  for (let i = 0; i < n; i++) if (vehicleOfRow[i] < 0) vehicleOfRow[i] = count++;
  const vehicleOfCall = new Int32Array(calls.rows.length).fill(-1);
  for (let i = 0; i < calls.rows.length; i++) {
    let v: number | undefined;
    if (calls.vin[i]) v = byVin.get(calls.vin[i]);
    if (v === undefined && calls.plate[i]) v = byPlate.get(calls.plate[i]);
    if (v === undefined && calls.phone[i]) v = byPhone.get(calls.phone[i]);
    if (v !== undefined) vehicleOfCall[i] = v;
  }
  return { count, vehicleOfRow, vehicleOfCall, byVin, byPlate, byPhone };
}

function indexKey(keys: readonly string[], vehicleOf: Int32Array, map: Map<string, number>): void {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = vehicleOf[i];
    if (k && v >= 0 && !map.has(k)) map.set(k, v);
  }
}

describe('matchAll: matchVehicles and matchCalls in one go, with indexes only for the keys asked', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('gives the same vehicles and call match as the two steps (seed %i)', (seed) => {
    const { t, c } = tables(seed, 400, 600);
    const both = matchAll(t, c);
    const vehicles = matchVehicles(t);
    const calls = matchCalls(c, vehicles);
    const old = reference(t, c);
    expect(both.vehicles.count).toBe(old.count);
    expect(Array.from(both.vehicles.vehicleOfRow)).toEqual(Array.from(old.vehicleOfRow));
    expect(Array.from(both.callMatch?.vehicleOfCall ?? [])).toEqual(Array.from(old.vehicleOfCall));
    expect([...both.vehicles.byVin]).toEqual([...old.byVin]);
    expect([...both.vehicles.byPlate]).toEqual([...old.byPlate]);
    expect([...both.vehicles.byPhone]).toEqual([...old.byPhone]);
    expect(both.vehicles.count).toBe(vehicles.count);
    expect(Array.from(both.vehicles.vehicleOfRow)).toEqual(Array.from(vehicles.vehicleOfRow));
    expect(both.vehicles.name).toEqual(vehicles.name);
    expect(both.callMatch).toEqual(calls);
    expect(both.callMatch?.unmatched).toBeGreaterThan(0);
    expect(both.callMatch?.unmatched).toBeLessThan(600);
  });

  it('builds the complete plate and phone indexes when read: VIN rows first, then the rows each key grouped', () => {
    const t = emptyCustomerTable('c', [1, 2, 3, 4, 5]);
    [['V1', 'P1', 'T1'], ['', 'P2', 'T1'], ['V2', 'P2', 'T2'], ['', '', 'T3'], ['', 'P3', '']].forEach(([vin, plate, phone], i) => {
      t.vin[i] = vin;
      t.plate[i] = plate;
      t.phone[i] = phone;
    });
    const { vehicles } = matchAll(t, null);
    // Row 3 (V2) carries P2 and is indexed before row 2, which has no VIN and joins V2's vehicle by plate.
    // Plates are grouped before phones: row 5 (P3) is vehicle 2, row 4 (T3 alone) vehicle 3.
    expect([...vehicles.byPlate]).toEqual([['P1', 0], ['P2', 1], ['P3', 2]]);
    expect(Array.from(vehicles.vehicleOfRow)).toEqual([0, 1, 1, 3, 2]);
    expect([...vehicles.byPhone]).toEqual([['T1', 0], ['T2', 1], ['T3', 3]]);
  });
});
