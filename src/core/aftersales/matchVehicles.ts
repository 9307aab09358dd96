/**
 * Vehicles from customer rows, and calls to vehicles. Keys are tried in DOMAIN.md's order: VIN, then plate, then
 * phone, by precedence rather than by chaining every key: two rows with different VINs are never one vehicle even
 * when they share a phone (one owner, two cars); a row without a VIN joins the vehicle carrying its plate; a row
 * with neither joins the vehicle carrying its phone. Every step is a Map lookup: linear time.
 *
 * Merging a vehicle listed twice (documented choice): latest visit (max), highest mileage (max), earliest
 * purchase date (min: a later date on a duplicate is usually a re-registration), and for text fields the first
 * non-blank value in sheet order. The first row is the vehicle's main row; the others are marked 重复.
 */
import { isRecordedCall } from './recordedCall';
import type { CallTable, CustomerTable } from './tables';

export interface Vehicles {
  count: number;
  /** Vehicle index of each customer table row. */
  vehicleOfRow: Int32Array;
  /** 1 on the 2nd and later rows of a vehicle. */
  duplicate: Uint8Array;
  /** Number of rows marked duplicate. */
  duplicateRows: number;
  /** Customer table row index of each vehicle's first row. */
  firstRow: Int32Array;
  purchase: Float64Array;
  lastVisit: Float64Array;
  mileage: Float64Array;
  vin: string[];
  plate: string[];
  phone: string[];
  name: string[];
  model: string[];
  region: string[];
  advisor: string[];
  byVin: Map<string, number>;
  byPlate: Map<string, number>;
  byPhone: Map<string, number>;
}

/**
 * Groups customer rows into vehicles.
 * @example matchVehicles(table).count // number of distinct vehicles
 */
export function matchVehicles(t: CustomerTable): Vehicles {
  return matchAll(t, null).vehicles;
}

/**
 * Groups customer rows into vehicles and matches the call rows to them: matchVehicles then matchCalls, with the
 * same result, in one go. The plate and phone indexes are built only for the keys some lookup asks for (the plates
 * of customer rows without a VIN and of calls whose VIN matched no vehicle, and so on for phones) instead of for
 * every customer row: a million Map insertions fewer for a base whose rows and calls carry VINs. The Vehicles'
 * byPlate and byPhone are the complete indexes, built when first read.
 * @example matchAll(customers, calls).callMatch?.unmatched // calls that matched no vehicle
 */
export function matchAll(t: CustomerTable, calls: CallTable | null): { vehicles: Vehicles; callMatch: CallMatch | null } {
  const n = t.rows.length;
  const vehicleOfRow = new Int32Array(n).fill(-1);
  const byVin = new Map<string, number>();
  let count = 0;
  const m = calls ? calls.rows.length : 0;
  const vehicleOfCall = new Int32Array(m).fill(-1);

  // Pass 1: rows with a VIN. Pass 2: rows without one, by plate. Pass 3: neither, by phone. Rows with no key at all
  // are vehicles of their own. Passes run in this order so a VIN-less row finds a VIN vehicle carrying its plate.
  for (let i = 0; i < n; i++) {
    const vin = t.vin[i];
    if (!vin) continue;
    let v = byVin.get(vin);
    if (v === undefined) byVin.set(vin, (v = count++));
    vehicleOfRow[i] = v;
  }
  // A call matches by VIN, else by plate, else by phone (the indexes as they stand after all three passes: pass 3
  // never changes the plate index, so calls are matched by plate after pass 2 and by phone after pass 3).
  const platesAsked = new Set<string>();
  if (calls) {
    for (let i = 0; i < m; i++) {
      const vin = calls.vin[i];
      const v = vin ? byVin.get(vin) : undefined;
      if (v !== undefined) vehicleOfCall[i] = v;
      else if (calls.plate[i]) platesAsked.add(calls.plate[i]);
    }
  }
  for (let i = 0; i < n; i++) if (vehicleOfRow[i] < 0 && t.plate[i]) platesAsked.add(t.plate[i]);
  const plates = new Map<string, number>();
  indexAsked(t.plate, vehicleOfRow, plates, platesAsked);
  for (let i = 0; i < n; i++) {
    if (vehicleOfRow[i] >= 0) continue;
    const plate = t.plate[i];
    if (!plate) continue;
    let v = plates.get(plate);
    if (v === undefined) plates.set(plate, (v = count++));
    vehicleOfRow[i] = v;
  }
  const phonesAsked = new Set<string>();
  if (calls) {
    for (let i = 0; i < m; i++) {
      if (vehicleOfCall[i] >= 0) continue;
      const plate = calls.plate[i];
      const v = plate ? plates.get(plate) : undefined;
      if (v !== undefined) vehicleOfCall[i] = v;
      else if (calls.phone[i]) phonesAsked.add(calls.phone[i]);
    }
  }
  for (let i = 0; i < n; i++) if (vehicleOfRow[i] < 0 && t.phone[i]) phonesAsked.add(t.phone[i]);
  const phones = new Map<string, number>();
  indexAsked(t.phone, vehicleOfRow, phones, phonesAsked);
  for (let i = 0; i < n; i++) {
    if (vehicleOfRow[i] >= 0) continue;
    const phone = t.phone[i];
    if (!phone) continue;
    let v = phones.get(phone);
    if (v === undefined) phones.set(phone, (v = count++));
    vehicleOfRow[i] = v;
  }
  if (calls) {
    for (let i = 0; i < m; i++) {
      if (vehicleOfCall[i] >= 0) continue;
      const phone = calls.phone[i];
      const v = phone ? phones.get(phone) : undefined;
      if (v !== undefined) vehicleOfCall[i] = v;
    }
  }
  for (let i = 0; i < n; i++) if (vehicleOfRow[i] < 0) vehicleOfRow[i] = count++;

  const firstRow = new Int32Array(count).fill(-1);
  const duplicate = new Uint8Array(n);
  const purchase = new Float64Array(count).fill(NaN);
  const lastVisit = new Float64Array(count).fill(NaN);
  const mileage = new Float64Array(count).fill(NaN);
  // Every slot is written below (the first row's value, '' when none).
  const text = () => new Array<string>(count);
  const out = { vin: text(), plate: text(), phone: text(), name: text(), model: text(), region: text(), advisor: text() };
  let duplicateRows = 0;
  for (let i = 0; i < n; i++) {
    const v = vehicleOfRow[i];
    if (firstRow[v] < 0) firstRow[v] = i;
    else {
      duplicate[i] = 1;
      duplicateRows++;
    }
    purchase[v] = minKnown(purchase[v], t.purchase[i]);
    lastVisit[v] = maxKnown(lastVisit[v], t.lastVisit[i]);
    mileage[v] = maxKnown(mileage[v], t.mileage[i]);
  }
  // Text fields: the first non-blank value in sheet order, one field at a time. A vehicle's first row is its
  // earliest, so its value stands unless blank; only the 2nd and later rows (few) can fill a blank, in sheet order.
  // Copying the first rows' values needs no look at the texts themselves: a test of every row's text would touch
  // 7 million strings scattered over the heap at 1,000,000 rows.
  for (const f of ['vin', 'plate', 'phone', 'name', 'model', 'region', 'advisor'] as const) {
    const from = t[f];
    const to = out[f];
    for (let v = 0; v < count; v++) to[v] = from[firstRow[v]] ?? '';
    if (duplicateRows === 0) continue;
    for (let i = 0; i < n; i++) {
      if (duplicate[i] === 0) continue;
      const v = vehicleOfRow[i];
      if (!to[v] && from[i]) to[v] = from[i];
    }
  }
  const vehicles = { count, vehicleOfRow, duplicate, duplicateRows, firstRow, purchase, lastVisit, mileage, ...out, byVin } as Vehicles;
  let byPlate: Map<string, number> | undefined;
  let byPhone: Map<string, number> | undefined;
  Object.defineProperty(vehicles, 'byPlate', { enumerable: true, get: () => (byPlate ??= fullIndex(t.plate, t.vin, null, vehicleOfRow)) });
  Object.defineProperty(vehicles, 'byPhone', { enumerable: true, get: () => (byPhone ??= fullIndex(t.phone, t.vin, t.plate, vehicleOfRow)) });
  return { vehicles, callMatch: calls ? latestCalls(calls, vehicles, vehicleOfCall) : null };
}

/** Adds key -> vehicle for every row with a key some lookup asks for, not indexed yet (first vehicle wins). */
function indexAsked(keys: readonly string[], vehicleOf: Int32Array, map: Map<string, number>, asked: ReadonlySet<string>): void {
  if (asked.size === 0) return;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = vehicleOf[i];
    if (k && v >= 0 && asked.has(k) && !map.has(k)) map.set(k, v);
  }
}

/**
 * The complete plate (or phone) index the passes of matchAll define: first the rows matched by the earlier keys
 * (VIN; for phones VIN or plate), first row wins, then the rows the key itself grouped, in sheet order.
 */
function fullIndex(keys: readonly string[], vins: readonly string[], plates: readonly string[] | null, vehicleOf: Int32Array): Map<string, number> {
  const map = new Map<string, number>();
  const earlier = (i: number) => Boolean(vins[i]) || (plates !== null && Boolean(plates[i]));
  for (let i = 0; i < keys.length; i++) if (keys[i] && earlier(i) && !map.has(keys[i])) map.set(keys[i], vehicleOf[i]);
  for (let i = 0; i < keys.length; i++) if (keys[i] && !earlier(i) && !map.has(keys[i])) map.set(keys[i], vehicleOf[i]);
  return map;
}

function minKnown(a: number, b: number): number {
  return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b);
}
function maxKnown(a: number, b: number): number {
  return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b);
}

export interface CallMatch {
  /** Vehicle of each call row, -1 when it matched none. */
  vehicleOfCall: Int32Array;
  unmatched: number;
  /** Per vehicle: call row index of the latest call, -1 when never called. */
  latestCall: Int32Array;
  /** Per vehicle: call row index of the latest call that recorded a reason, -1 when none. */
  latestReasonCall: Int32Array;
  /** Per vehicle: latest call row that recorded a destination, -1 when none. */
  latestDestinationCall: Int32Array;
  /** Per vehicle: call-log rows matched to it (recorded calls or not). */
  callCount: Int32Array;
}

/**
 * Matches call rows to vehicles (VIN, then plate, then phone) and finds each vehicle's latest call: by call date,
 * then, on the same date, by time of day when both calls have one (isLaterCall); remaining ties and undated calls
 * are resolved by the later row (an undated call ranks below every dated one). Rows that record
 * nothing of a call (isRecordedCall) are matched but never taken as the latest call.
 */
export function matchCalls(calls: CallTable, vehicles: Vehicles): CallMatch {
  const n = calls.rows.length;
  const vehicleOfCall = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let v: number | undefined;
    if (calls.vin[i]) v = vehicles.byVin.get(calls.vin[i]);
    if (v === undefined && calls.plate[i]) v = vehicles.byPlate.get(calls.plate[i]);
    if (v === undefined && calls.phone[i]) v = vehicles.byPhone.get(calls.phone[i]);
    if (v !== undefined) vehicleOfCall[i] = v;
  }
  return latestCalls(calls, vehicles, vehicleOfCall);
}

/** The CallMatch of calls already matched to vehicles (vehicleOfCall, -1 for none). */
function latestCalls(calls: CallTable, vehicles: Vehicles, vehicleOfCall: Int32Array): CallMatch {
  const n = calls.rows.length;
  const latestCall = new Int32Array(vehicles.count).fill(-1);
  const latestReasonCall = new Int32Array(vehicles.count).fill(-1);
  const latestDestinationCall = new Int32Array(vehicles.count).fill(-1);
  const callCount = new Int32Array(vehicles.count);
  let unmatched = 0;
  for (let i = 0; i < n; i++) {
    const v = vehicleOfCall[i];
    if (v < 0) {
      unmatched++;
      continue;
    }
    callCount[v]++;
    // A row that records nothing of a call (a prefilled list) is matched but is no call: it must not replace 未回访.
    if (!isRecordedCall(calls, i)) continue;
    const latest = latestCall[v];
    if (latest < 0 || isLaterCall(calls, i, latest)) latestCall[v] = i;
    if (calls.reason[i].trim()) {
      const j = latestReasonCall[v];
      if (j < 0 || isLaterCall(calls, i, j)) latestReasonCall[v] = i;
    }
    if (calls.destination[i].trim()) {
      const j = latestDestinationCall[v];
      if (j < 0 || isLaterCall(calls, i, j)) latestDestinationCall[v] = i;
    }
  }
  return { vehicleOfCall, unmatched, latestCall, latestReasonCall, latestDestinationCall, callCount };
}

function rank(serial: number): number {
  return Number.isNaN(serial) ? -Infinity : serial;
}

/**
 * True when call row i (read after row j) is at least as late as row j: a later date wins; on the same date a later
 * time of day wins when both calls carry one (回访时间, a date-time cell); otherwise the later row wins.
 * @example isLaterCall(calls, 1, 0) // false when row 0 is 2026-10-03 16:05 and row 1 is 2026-10-03 14:20
 */
export function isLaterCall(calls: CallTable, i: number, j: number): boolean {
  const di = rank(calls.callDate[i]);
  const dj = rank(calls.callDate[j]);
  if (di !== dj) return di > dj;
  const ti = calls.callTime[i];
  const tj = calls.callTime[j];
  if (!Number.isNaN(ti) && !Number.isNaN(tj) && ti !== tj) return ti > tj;
  return true;
}
