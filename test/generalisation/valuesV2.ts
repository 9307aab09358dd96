/**
 * Value styles of the v2 split (see grammarV2.ts): forms the earlier splits never write, as Excel's Range.values
 * returns them — date-time text ('2024-3-5 10:20:00'), dates as the NUMBER 20240305, serials with hours and minutes,
 * plates with a space or dash, phones with a country code in other spellings, other mileage and time spellings.
 */
import type { Rng } from './rng';
import { phoneDigits, serial, type Ymd } from './values';

const p2 = (n: number): string => String(n).padStart(2, '0');

export const DATE_STYLES_V2 = 9;

/** A date (with a random time of day where the style carries one). Style fixed per column, some rows stray. */
export function dateCellV2(r: Rng, x: Ymd, style: number): string | number {
  const st = r.chance(0.06) ? r.int(0, DATE_STYLES_V2 - 1) : style;
  const h = r.int(8, 18);
  const mi = r.int(0, 59);
  const s = r.int(0, 59);
  switch (st) {
    case 0: return `${x.y}-${x.m}-${x.d} ${h}:${p2(mi)}:${p2(s)}`;
    case 1: return x.y * 10000 + x.m * 100 + x.d; // 20240305 as a number
    case 2: return serial(x) + (h * 60 + mi) / 1440; // serial with hours and minutes
    case 3: return `${x.y}/${p2(x.m)}/${p2(x.d)} ${p2(h)}:${p2(mi)}`;
    case 4: return `${x.y}年${x.m}月${x.d}日 ${h}:${p2(mi)}`;
    case 5: return `${x.y}-${p2(x.m)}-${p2(x.d)}T${p2(h)}:${p2(mi)}:${p2(s)}`;
    case 6: return `${x.y}.${x.m}.${x.d}`;
    case 7: return serial(x);
    default: return `${x.y}-${p2(x.m)}-${p2(x.d)} 00:00:00`;
  }
}

export const PHONE_STYLES_V2 = 6;

/** Phones with a country code in other spellings, dots, 13-digit numbers. */
export function phoneCellV2(r: Rng, style: number, digits?: string): string | number {
  const d = digits ?? phoneDigits(r);
  const st = r.chance(0.08) ? r.int(0, PHONE_STYLES_V2 - 1) : style;
  switch (st) {
    case 0: return `+86-${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
    case 1: return `0086 ${d}`;
    case 2: return Number(`86${d}`);
    case 3: return `(+86)${d}`;
    case 4: return `${d.slice(0, 3)}.${d.slice(3, 7)}.${d.slice(7)}`;
    default: return `86-${d}`;
  }
}

export const PLATE_STYLES_V2 = 4;

/** A plate written with a space or a dash after the region letter, or in lower case. */
export function plateCellV2(plate: string, style: number): string {
  const head = plate.slice(0, 2);
  const tail = plate.slice(2).replace('·', '');
  switch (style % PLATE_STYLES_V2) {
    case 0: return `${head} ${tail}`;
    case 1: return `${head}-${tail}`;
    case 2: return `${head}${tail}`.toLowerCase();
    default: return `${plate[0]} ${plate[1]} ${tail}`;
  }
}

export const MILEAGE_STYLES_V2 = 4;

export function mileageCellV2(r: Rng, style: number): string | number {
  const km = r.int(300, 180000);
  switch (style % MILEAGE_STYLES_V2) {
    case 0: return `${km.toLocaleString('en-US')} KM`;
    case 1: return `${(km / 10000).toFixed(2)}万公里`;
    case 2: return km + 0.5;
    default: return `${km} Km`;
  }
}

export const TIME_STYLES_V2 = 6;

/** Arrival(-leave) time of a v2 register row; returns the cell and the arrival minute of the day. */
export function timeCellV2(r: Rng, style: number): { cell: string | number; minute: number } {
  const h = r.int(7, 20);
  const m = r.pick([0, 5, 12, 20, 30, 35, 48, 55]);
  const h2 = Math.min(h + r.int(0, 2), 21);
  const m2 = r.pick([0, 10, 25, 40]);
  const minute = h * 60 + m;
  const st = r.chance(0.08) ? r.int(0, TIME_STYLES_V2 - 1) : style;
  let cell: string | number;
  switch (st) {
    case 0: cell = `${h}:${p2(m)}~${h2}:${p2(m2)}`; break;
    case 1: cell = `${h}时${m}分`; break;
    case 2: cell = h < 12 ? `上午${h}:${p2(m)}` : `下午${h === 12 ? 12 : h - 12}:${p2(m)}`; break;
    case 3: cell = `${p2(h)}${p2(m)}`; break;
    case 4: cell = `${p2(h)}:${p2(m)}:00`; break;
    default: cell = `${h}:${p2(m)}—${h2}:${p2(m2)}`;
  }
  return { cell, minute };
}

/** Missing values of the v2 split. */
export const MISSING_V2 = ['', '暂无', 'N/A', '#N/A', '--', '未知'];
