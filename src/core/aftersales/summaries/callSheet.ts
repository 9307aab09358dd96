/**
 * The win-back list as a working call sheet (issue 12.3, issue 14.1): per vehicle the 招揽话术 for its reason, the
 * last visit, the mileage and the service due, and the caller's own columns (招揽专员, 招揽日期, 招揽结果, 预约日期,
 * 备注). What callers typed comes back on the next refresh: the adapters hand the previous 招揽名单 grid to the core
 * (AnalyseOptions.previousWinBack), `readCallerNotes` reads the caller columns from it by their headers (wherever
 * the user moved or sorted them), and `NoteMatcher` puts each row's notes on the same vehicle of the new list
 * (VIN, else plate, else phone). Notes of a vehicle that left the list are kept in a 历史招揽记录 table below the
 * list, with the date it left (docs/decisions.md, "The win-back call sheet"). Pure: grids in, rows out.
 */
import { translator } from '../../../i18n';
import type { CellValue, Grid } from '../../plan/types';
import type { ScriptKey, Settings } from '../../settings/settings';
import { formatIso, monthsBetween, serialToYmd, ymdToSerial, type Ymd } from '../../values/dates';
import { normalisePlate, normaliseVin, readDate, readPhone } from '../../values';
import type { VehicleAnalysis } from '../analyseVehicles';
import type { Translate } from './context';

/** The caller's columns, in sheet order. */
export const CALLER_FIELDS = ['caller', 'callDate', 'result', 'appointment', 'note'] as const;
export type CallerField = (typeof CALLER_FIELDS)[number];
/** Fields that hold a date (date kind, date validation); the others are text. */
const DATE_FIELDS: ReadonlySet<CallerField> = new Set(['callDate', 'appointment']);

/** Header keys of the caller's columns. */
export const CALLER_HEADER_KEYS: Record<CallerField, string> = {
  caller: 'callsheet.h.caller',
  callDate: 'callsheet.h.callDate',
  result: 'callsheet.h.result',
  appointment: 'callsheet.h.appointment',
  note: 'callsheet.h.note',
};

/** What one row of the previous sheet held: the vehicle's keys and what the caller typed. */
export interface CallerNote {
  vin: string;
  plate: string;
  phone: string;
  /** As shown on the previous list (for the history table). */
  name: string;
  phoneShown: string;
  values: Record<CallerField, CellValue>;
  /** Serial of the date the vehicle left the list ('' while it is on it). */
  leftOn: CellValue;
}

const KEY_HEADERS = { vin: 'aftersales.h.vin', plate: 'aftersales.h.plate', phone: 'aftersales.h.phone', name: 'aftersales.h.name', leftOn: 'callsheet.h.leftOn' } as const;

/** Header text -> field, in both catalogues (a workbook whose language changed still keeps its notes). */
function headerFields(): Map<string, string> {
  const out = new Map<string, string>();
  for (const locale of ['zh-CN', 'en-US'] as const) {
    const t = translator(locale);
    for (const [f, k] of Object.entries(KEY_HEADERS)) out.set(t(k), f);
    for (const f of CALLER_FIELDS) out.set(t(CALLER_HEADER_KEYS[f]), f);
  }
  return out;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v.trim() : String(v);
}

/** True when the caller recorded something beyond the assignment (a call, a result, a date or a note). */
export function hasRecord(n: CallerNote): boolean {
  return CALLER_FIELDS.some((f) => f !== 'caller' && n.values[f] !== '');
}

/**
 * Reads what callers typed from the previous 招揽名单 (and its 历史招揽记录 table): every header row that names a
 * vehicle key (车架号, 车牌号 or 联系电话) and at least one caller column starts a table; every later row with a
 * key is a record of it. A date cell typed as text that reads as a date becomes its serial; other text in a date
 * column moves into 备注 prefixed with the column's header, so nothing typed is lost and no date column holds text.
 * @example readCallerNotes([['车架号', '备注'], ['LSV1', '周六来']], t)[0].values.note // '周六来'
 */
export function readCallerNotes(grid: Grid | null | undefined, t: Translate): CallerNote[] {
  if (!grid) return [];
  const fields = headerFields();
  const out: CallerNote[] = [];
  let cols: Map<string, number> | null = null;
  for (const row of grid) {
    if (!row) continue;
    const here = new Map<string, number>();
    for (let c = 0; c < row.length; c++) {
      const f = typeof row[c] === 'string' ? fields.get((row[c] as string).trim()) : undefined;
      if (f && !here.has(f)) here.set(f, c);
    }
    const keyed = here.has('vin') || here.has('plate') || here.has('phone');
    if (keyed && CALLER_FIELDS.some((f) => here.has(f))) {
      cols = here;
      continue;
    }
    if (!cols) continue;
    const at = (f: string): unknown => {
      const c = cols!.get(f);
      return c === undefined ? '' : row[c];
    };
    const vin = normaliseVin(at('vin')) ?? '';
    const plate = normalisePlate(at('plate')) ?? '';
    const phoneShown = text(at('phone'));
    const phone = readPhone(at('phone')) ?? '';
    const name = text(at('name'));
    // A row with no key at all is matched by the customer's name (a vehicle the data gives no VIN, plate or phone).
    if (!vin && !plate && !phone && !name) continue;
    const values = {} as Record<CallerField, CellValue>;
    const moved: string[] = [];
    for (const f of CALLER_FIELDS) {
      const raw = at(f);
      if (DATE_FIELDS.has(f)) {
        if (typeof raw === 'number' && Number.isFinite(raw)) values[f] = raw;
        else {
          const s = text(raw);
          const serial = s ? readDate(s) : null;
          if (typeof serial === 'number') values[f] = serial;
          else {
            values[f] = '';
            if (s) moved.push(`${t(CALLER_HEADER_KEYS[f])}:${s}`);
          }
        }
      } else values[f] = text(raw);
    }
    if (moved.length) values.note = [values.note as string, ...moved].filter(Boolean).join(';');
    const left = at('leftOn');
    out.push({ vin, plate, phone, name, phoneShown, values, leftOn: typeof left === 'number' ? left : '' });
  }
  return out;
}

/** Puts previous notes on the vehicles of the new list: VIN, else plate, else phone, each note used once. */
export class NoteMatcher {
  private readonly used: Uint8Array;
  private readonly byVin = new Map<string, number[]>();
  private readonly byPlate = new Map<string, number[]>();
  private readonly byPhone = new Map<string, number[]>();
  /** Rows with no VIN, plate or phone, by name. */
  private readonly byName = new Map<string, number[]>();

  constructor(private readonly notes: readonly CallerNote[]) {
    this.used = new Uint8Array(notes.length);
    notes.forEach((n, i) => {
      const keyless = !n.vin && !n.plate && !n.phone;
      for (const [map, k] of [[this.byVin, n.vin], [this.byPlate, n.plate], [this.byPhone, n.phone], [this.byName, keyless ? n.name : '']] as const) {
        if (!k) continue;
        const list = map.get(k);
        if (list) list.push(i);
        else map.set(k, [i]);
      }
    });
  }

  /** True when there is no note to take (no previous list, or an empty one): take() always answers null. */
  get isEmpty(): boolean {
    return this.notes.length === 0;
  }

  /**
   * The note of the vehicle with these keys, or null. Two different VINs (or plates) never match; the name is
   * tried only for a vehicle without VIN, plate and phone.
   */
  take(vin: string, plate: string, phone: string, name = ''): CallerNote | null {
    if (this.notes.length === 0) return null;
    const fits = (n: CallerNote) => !(vin && n.vin && vin !== n.vin) && !(plate && n.plate && plate !== n.plate);
    const keyless = !vin && !plate && !phone;
    for (const [map, k] of [[this.byVin, vin], [this.byPlate, plate], [this.byPhone, phone], [this.byName, keyless ? name : '']] as const) {
      if (!k) continue;
      for (const i of map.get(k) ?? []) {
        if (this.used[i] || !fits(this.notes[i])) continue;
        this.used[i] = 1;
        return this.notes[i];
      }
    }
    return null;
  }

  /** Notes no vehicle took that hold a record, in the order read. */
  leftover(): CallerNote[] {
    return this.notes.filter((n, i) => !this.used[i] && hasRecord(n));
  }
}

/** The script key of a vehicle: its reason category, or 未知 when no reason was recorded. */
export function scriptKeyOf(a: VehicleAnalysis, v: number): ScriptKey {
  return (a.reasonCategory[v] || '未知') as ScriptKey;
}

/** The 招揽话术 per script key: the dealer's (settings.winBack.scripts) or the catalogue's default. */
export function scriptTable(settings: Settings, t: Translate): (key: ScriptKey) => string {
  const cache = new Map<ScriptKey, string>();
  return (key) => {
    let s = cache.get(key);
    if (s === undefined) {
      const own = settings.winBack.scripts[key];
      s = own && own.trim() ? own.trim() : t(`callsheet.script.${key}`, { months: settings.winBack.serviceIntervalMonths });
      cache.set(key, s);
    }
    return s;
  };
}

function addMonths(serial: number, months: number): Ymd {
  const d = serialToYmd(serial);
  const total = d.y * 12 + (d.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { y, m, d: Math.min(d.d, dim) };
}

/**
 * The service due (应做服务), by the rule of docs/decisions.md: a vehicle in warranty whose warranty ends within
 * settings.winBack.warrantyCheckMonths is offered the end-of-warranty check; any other vehicle its routine
 * maintenance, due settings.winBack.serviceIntervalMonths after its last visit (its purchase when it never came
 * back), with the months overdue. '' without a usable date.
 * @example serviceDue(a, 0, settings, asOf, t) // '定期保养(2026-04-30到期,已超6个月)'
 */
export function serviceDue(a: VehicleAnalysis, v: number, settings: Settings, asOf: Ymd, t: Translate): string {
  const purchase = a.vehicles.purchase[v];
  const asOfSerial = ymdToSerial(asOf);
  if (a.warranty[v] === '保期内' && Number.isFinite(purchase)) {
    const check = warrantyCheck(purchase, settings, asOf, asOfSerial, t);
    if (check !== null) return check;
  }
  const visit = a.vehicles.lastVisit[v];
  const reference = Number.isFinite(visit) ? visit : purchase;
  if (!Number.isFinite(reference) || reference > asOfSerial) return '';
  return routineService(reference, settings, asOf, asOfSerial, t);
}

/** The end-of-warranty check of a vehicle bought on `purchase`, or null when its warranty does not end soon. */
function warrantyCheck(purchase: number, settings: Settings, asOf: Ymd, asOfSerial: number, t: Translate): string | null {
  const end = addMonths(purchase, settings.warranty.months);
  const monthsLeft = monthsBetween(asOf, end);
  if (ymdToSerial(end) >= asOfSerial && monthsLeft < settings.winBack.warrantyCheckMonths) {
    return t('callsheet.due.warrantyCheck', { date: formatIso(end) });
  }
  return null;
}

/** The routine maintenance due after the visit (or purchase) `reference`, with the months overdue. */
function routineService(reference: number, settings: Settings, asOf: Ymd, asOfSerial: number, t: Translate): string {
  const due = addMonths(reference, settings.winBack.serviceIntervalMonths);
  const over = ymdToSerial(due) <= asOfSerial ? monthsBetween(due, asOf) : -1;
  return over > 0
    ? t('callsheet.due.serviceOverdue', { date: formatIso(due), months: over })
    : t('callsheet.due.service', { date: formatIso(due) });
}

/**
 * serviceDue for every vehicle of a list, each text built once per distinct date: the warranty check depends only
 * on the purchase date and the routine service only on the reference date, and a base of a million vehicles holds
 * a few thousand distinct days.
 */
export class ServiceDueTexts {
  private readonly checks = new Map<number, string | null>();
  private readonly services = new Map<number, string>();
  private readonly asOfSerial: number;
  constructor(private readonly settings: Settings, private readonly asOf: Ymd, private readonly t: Translate) {
    this.asOfSerial = ymdToSerial(asOf);
  }

  /** @example texts.of(a, 0) // serviceDue(a, 0, settings, asOf, t) */
  of(a: VehicleAnalysis, v: number): string {
    const purchase = a.vehicles.purchase[v];
    if (a.warranty[v] === '保期内' && Number.isFinite(purchase)) {
      let check = this.checks.get(purchase);
      if (check === undefined) {
        check = warrantyCheck(purchase, this.settings, this.asOf, this.asOfSerial, this.t);
        this.checks.set(purchase, check);
      }
      if (check !== null) return check;
    }
    const visit = a.vehicles.lastVisit[v];
    const reference = Number.isFinite(visit) ? visit : purchase;
    if (!Number.isFinite(reference) || reference > this.asOfSerial) return '';
    let text = this.services.get(reference);
    if (text === undefined) {
      text = routineService(reference, this.settings, this.asOf, this.asOfSerial, this.t);
      this.services.set(reference, text);
    }
    return text;
  }
}

/** The caller a vehicle is assigned to before anyone types one: its latest call's caller, else its service advisor. */
export function defaultCaller(a: VehicleAnalysis, v: number): string {
  const call = a.callMatch ? a.callMatch.latestCall[v] : -1;
  const caller = call >= 0 && a.calls ? a.calls.caller[call].trim() : '';
  return caller || a.vehicles.advisor[v] || '';
}
