/**
 * Value styles of the v3 split (see grammarV3.ts): forms neither earlier split writes, as Excel's Range.values
 * returns them — dates as text with the weekday ('2024-03-05 周二', '2024年3月5日(星期二)'), Oracle-style
 * '05-Mar-2024', 'Mar 5, 2024', unpadded '2024-3-5', date-times without seconds; phones with a landline after
 * them, a label in the cell, masked middles; plates with the plate colour or in full-width characters; mileage
 * with '.0', '万km', '约'; arrival times in 12-hour English, '至' ranges, 时/分 ranges, ranges with seconds.
 */
import type { Rng } from './rng';
import { phoneDigits, type Ymd } from './values';

const p2 = (n: number): string => String(n).padStart(2, '0');
const WEEK_SHORT = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEK_LONG = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Day of the week, 0 = Sunday. */
export function weekday(x: Ymd): number {
  return new Date(Date.UTC(x.y, x.m - 1, x.d)).getUTCDay();
}

export const DATE_STYLES_V3 = 9;

/** A date in a v3 style (style fixed per column, some rows stray). */
export function dateCellV3(r: Rng, x: Ymd, style: number): string | number {
  const st = r.chance(0.06) ? r.int(0, DATE_STYLES_V3 - 1) : style;
  const w = weekday(x);
  switch (st) {
    case 0: return `${x.y}-${p2(x.m)}-${p2(x.d)} ${WEEK_SHORT[w]}`;
    case 1: return `${x.y}/${x.m}/${x.d} ${WEEK_LONG[w]}`;
    case 2: return `${x.y}年${p2(x.m)}月${p2(x.d)}日`;
    case 3: return `${x.y}年${x.m}月${x.d}日(${WEEK_SHORT[w]})`;
    case 4: return `${p2(x.d)}-${MONTHS_EN[x.m - 1]}-${x.y}`;
    case 5: return `${MONTHS_EN[x.m - 1]} ${x.d}, ${x.y}`;
    case 6: return `${x.y}-${p2(x.m)}-${p2(x.d)} ${r.int(8, 18)}:${p2(r.int(0, 59))}`;
    case 7: return `${x.y}-${x.m}-${x.d}`;
    default: return `${x.y}.${p2(x.m)}.${p2(x.d)} ${p2(r.int(8, 18))}:${p2(r.int(0, 59))}:00`;
  }
}

export const PHONE_STYLES_V3 = 5;

/** Phones with a landline after them, a label in the cell, a masked middle, spaced +86, full-width brackets. */
export function phoneCellV3(r: Rng, style: number, digits?: string): string {
  const d = digits ?? phoneDigits(r);
  const st = r.chance(0.08) ? r.int(0, PHONE_STYLES_V3 - 1) : style;
  switch (st) {
    case 0: return `+86 ${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
    case 1: return `${d}/029-${r.int(80000000, 89999999)}`;
    case 2: return `手机:${d}`;
    case 3: return `${d.slice(0, 3)}****${d.slice(7)}`;
    default: return `\uff08+86\uff09${d}`;
  }
}

export const PLATE_STYLES_V3 = 3;
const FULL_WIDTH = (s: string): string => s.replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A plate with its colour, in full-width letters and digits, or with a bullet instead of the middle dot. */
export function plateCellV3(plate: string, style: number): string {
  const bare = plate.replace('·', '');
  switch (style % PLATE_STYLES_V3) {
    case 0: return `${bare}(${bare.length === 8 ? '绿' : '蓝'})`;
    case 1: return FULL_WIDTH(bare);
    default: return `${bare.slice(0, 2)}\u2022${bare.slice(2)}`;
  }
}

export const MILEAGE_STYLES_V3 = 4;

export function mileageCellV3(r: Rng, style: number): string {
  const km = r.int(300, 180000);
  switch (style % MILEAGE_STYLES_V3) {
    case 0: return `${km}.0`;
    case 1: return `${(km / 10000).toFixed(1)}万km`;
    case 2: return `约${km}公里`;
    default: return `${km} km`;
  }
}

export const TIME_STYLES_V3 = 5;

/** Arrival(-leave) time of a v3 register row; returns the cell and the arrival minute of the day. */
export function timeCellV3(r: Rng, style: number): { cell: string; minute: number } {
  const h = r.int(7, 20);
  const m = r.pick([0, 5, 15, 25, 30, 40, 45, 50]);
  const h2 = Math.min(h + r.int(0, 2), 21);
  const m2 = r.pick([0, 10, 20, 35, 50]);
  const minute = h * 60 + m;
  const st = r.chance(0.08) ? r.int(0, TIME_STYLES_V3 - 1) : style;
  const h12 = (x: number): number => (x % 12 === 0 ? 12 : x % 12);
  let cell: string;
  switch (st) {
    case 0: cell = `${h}:${p2(m)}至${h2}:${p2(m2)}`; break;
    case 1: cell = `${h12(h)}:${p2(m)} ${h < 12 ? 'AM' : 'PM'}`; break;
    case 2: cell = `${p2(h)}时${p2(m)}分-${p2(h2)}时${p2(m2)}分`; break;
    case 3: cell = `${h < 12 ? '上午' : h < 13 ? '中午' : '下午'}${h <= 12 ? h : h - 12}点${m === 0 ? '' : `${m}分`}`; break;
    default: cell = `${p2(h)}:${p2(m)}:00-${p2(h2)}:${p2(m2)}:00`;
  }
  return { cell, minute };
}

/** Missing values of the v3 split. */
export const MISSING_V3 = ['null', 'NULL', '(空)', '待补充', '无记录'];
