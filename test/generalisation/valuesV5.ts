/**
 * Value styles of the v5 split (see grammarV5.ts), forms no earlier split writes, as Range.values returns them:
 * dates as a date-time serial stored as text ('46298.4375'), yyyymmdd integers (20261003), '2026.10.3', Oracle's
 * '03-OCT-2026', ISO with a zone ('2026-10-03T08:30:00+08:00'), full-width digits ('２０２６／１０／０３'); phones
 * with +86 and spaces; plates with a middle dot, a bullet, spaces or a full-width hyphen; mileage '35 000 km' or
 * '3.5萬公里'; arrival times '09時30分', '9:30 AM', '09：30', 930; levels as 熱/溫/冷 or stars.
 */
import type { Rng } from './rng';
import { phoneDigits, serial, type Ymd } from './values';

const p2 = (n: number): string => String(n).padStart(2, '0');
const FULL = (s: string): string => s.replace(/[0-9/]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const MON = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export const DATE_STYLES_V5 = 6;

/** A date in a v5 style (style fixed per column, some rows stray). */
export function dateCellV5(r: Rng, x: Ymd, style: number): string | number {
  const st = r.chance(0.05) ? r.int(0, DATE_STYLES_V5 - 1) : style;
  const h = r.int(8, 18);
  const mi = r.pick([0, 15, 30, 45]);
  switch (st) {
    case 0: return `${serial(x)}.${String((h * 60 + mi) / 1440).slice(2, 8)}`;
    case 1: return x.y * 10000 + x.m * 100 + x.d;
    case 2: return `${x.y}.${x.m}.${x.d}`;
    case 3: return `${p2(x.d)}-${MON[x.m - 1]}-${x.y}`;
    case 4: return `${x.y}-${p2(x.m)}-${p2(x.d)}T${p2(h)}:${p2(mi)}:00+08:00`;
    default: return FULL(`${x.y}/${p2(x.m)}/${p2(x.d)}`);
  }
}

export const PHONE_STYLES_V5 = 5;

/** Phones with the country code and spaces or hyphens. */
export function phoneCellV5(r: Rng, style: number, digits?: string): string {
  const d = digits ?? phoneDigits(r);
  const spaced = `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
  const st = r.chance(0.08) ? r.int(0, PHONE_STYLES_V5 - 1) : style;
  switch (st) {
    case 0: return `+86 ${spaced}`;
    case 1: return `+86-${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
    case 2: return `0086 ${d}`;
    case 3: return `(+86)${d}`;
    default: return spaced;
  }
}

export const PLATE_STYLES_V5 = 4;

/** A plate with a middle dot, a bullet, spaces or a full-width hyphen after the city letter. */
export function plateCellV5(plate: string, style: number): string {
  const bare = plate.replace('·', '');
  const [head, tail] = [bare.slice(0, 2), bare.slice(2)];
  switch (style % PLATE_STYLES_V5) {
    case 0: return `${head}·${tail}`;
    case 1: return `${head}•${tail}`;
    case 2: return `${bare[0]} ${bare[1]} ${tail}`;
    default: return `${head}－${tail}`;
  }
}

export const MILEAGE_STYLES_V5 = 3;

export function mileageCellV5(r: Rng, style: number): string {
  const km = r.int(300, 180000);
  switch (style % MILEAGE_STYLES_V5) {
    case 0: return `${Math.floor(km / 1000) > 0 ? `${Math.floor(km / 1000)} ` : ''}${p2(km % 1000).padStart(3, '0')} km`;
    case 1: return `${(km / 10000).toFixed(1)}萬公里`;
    default: return `${km.toLocaleString('en-US')} KM`;
  }
}

export const TIME_STYLES_V5 = 4;

/** Arrival time of a v5 register row; returns the cell and the arrival minute of the day. */
export function timeCellV5(r: Rng, style: number): { cell: string | number; minute: number } {
  const h = r.int(8, 19);
  const m = r.pick([0, 5, 20, 30, 45]);
  const st = r.chance(0.08) ? r.int(0, TIME_STYLES_V5 - 1) : style;
  let cell: string | number;
  switch (st) {
    case 0: cell = `${p2(h)}時${p2(m)}分`; break;
    case 1: cell = `${h > 12 ? h - 12 : h}:${p2(m)} ${h >= 12 ? 'PM' : 'AM'}`; break;
    case 2: cell = `${p2(h)}：${p2(m)}`; break;
    default: cell = h * 100 + m;
  }
  return { cell, minute: h * 60 + m };
}

/** Levels written as heat words or stars (H/A → 熱 ★★★, B → 溫 ★★, C → 冷 ★). */
export const LEVELS_V5 = ['熱', '溫', '冷', '★★★', '★★', '★', '熱門', '溫和', '冷淡', 'HOT', 'WARM', 'COLD'];

/** Missing values of the v5 split. */
export const MISSING_V5 = ['N/A', '－', '（空白）', '未填', '#N/A'];
