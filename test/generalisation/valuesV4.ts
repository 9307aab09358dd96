/**
 * Value styles of the v4 split (see grammarV4.ts): forms no earlier split writes, as Excel's Range.values returns
 * them — JDBC timestamps ('2024-03-05 10:20:00.0'), 14-digit stamps ('20240305102000'), two-digit years
 * ('24-03-05'), Chinese numerals ('二〇二四年三月五日'), 上午/下午 date-times, serials stored as text; phones with
 * a '(本人)' note, two numbers in one cell, full-width digits, a 'TEL:' label, a trailing '.0'; plates with a label,
 * in brackets or with a dot after the letter; mileage as '35,000.00', '3万5千公里', '35000(公里)'; arrival times as
 * '9.30-10.15', '九点半', '0930-1015', '9h30'.
 */
import type { Rng } from './rng';
import { phoneDigits, serial, type Ymd } from './values';

const p2 = (n: number): string => String(n).padStart(2, '0');
const CN_DIGIT = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 3 -> 三, 12 -> 十二, 25 -> 二十五, 30 -> 三十. */
function cnNumber(n: number): string {
  if (n < 10) return CN_DIGIT[n];
  const t = Math.floor(n / 10);
  return `${t === 1 ? '' : CN_DIGIT[t]}十${n % 10 === 0 ? '' : CN_DIGIT[n % 10]}`;
}

export const DATE_STYLES_V4 = 7;

/** A date in a v4 style (style fixed per column, some rows stray). */
export function dateCellV4(r: Rng, x: Ymd, style: number): string | number {
  const st = r.chance(0.06) ? r.int(0, DATE_STYLES_V4 - 1) : style;
  const h = r.int(8, 18);
  const mi = r.int(0, 59);
  switch (st) {
    case 0: return `${x.y}-${p2(x.m)}-${p2(x.d)} ${p2(h)}:${p2(mi)}:00.0`;
    case 1: return `${x.y}${p2(x.m)}${p2(x.d)}${p2(h)}${p2(mi)}00`;
    case 2: return `${String(x.y).slice(2)}-${p2(x.m)}-${p2(x.d)}`;
    case 3: return `${[...String(x.y)].map((c) => CN_DIGIT[Number(c)]).join('')}年${cnNumber(x.m)}月${cnNumber(x.d)}日`;
    case 4: return `${x.y}-${x.m}-${x.d} ${h < 12 ? '上午' : '下午'}${h <= 12 ? h : h - 12}:${p2(mi)}`;
    case 5: return String(serial(x));
    default: return `${x.y}年${p2(x.m)}月${p2(x.d)}日 ${p2(h)}时${p2(mi)}分`;
  }
}

export const PHONE_STYLES_V4 = 5;
const FULL_DIGITS = (s: string): string => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Phones with a note, two numbers in one cell, full-width digits, a TEL: label, or a trailing '.0'. */
export function phoneCellV4(r: Rng, style: number, digits?: string): string {
  const d = digits ?? phoneDigits(r);
  const st = r.chance(0.08) ? r.int(0, PHONE_STYLES_V4 - 1) : style;
  switch (st) {
    case 0: return `${d}(${r.pick(['本人', '家属', '司机'])})`;
    case 1: return `${d}/${phoneDigits(r)}`;
    case 2: return FULL_DIGITS(d);
    case 3: return `TEL:${d}`;
    default: return `${d}.0`;
  }
}

export const PLATE_STYLES_V4 = 3;

/** A plate with a label, in square brackets, or with a dot after the city letter. */
export function plateCellV4(plate: string, style: number): string {
  const bare = plate.replace('·', '');
  switch (style % PLATE_STYLES_V4) {
    case 0: return `车牌:${bare}`;
    case 1: return `[${bare}]`;
    default: return `${bare.slice(0, 2)}.${bare.slice(2)}`;
  }
}

export const MILEAGE_STYLES_V4 = 3;

export function mileageCellV4(r: Rng, style: number): string {
  const km = r.int(300, 180000);
  switch (style % MILEAGE_STYLES_V4) {
    case 0: return `${km.toLocaleString('en-US')}.00`;
    case 1: {
      const wan = Math.floor(km / 10000);
      const qian = Math.floor((km % 10000) / 1000);
      return `${wan > 0 ? `${wan}万` : ''}${qian > 0 ? `${qian}千` : ''}公里`.replace(/^公里$/, `${km}公里`);
    }
    default: return `${km}(公里)`;
  }
}

export const TIME_STYLES_V4 = 4;

/** Arrival(-leave) time of a v4 register row; returns the cell and the arrival minute of the day. */
export function timeCellV4(r: Rng, style: number): { cell: string; minute: number } {
  const h = r.int(8, 19);
  const m = r.pick([0, 10, 20, 30, 45]);
  const h2 = Math.min(h + r.int(0, 2), 21);
  const m2 = r.pick([0, 15, 30, 40]);
  const st = r.chance(0.08) ? r.int(0, TIME_STYLES_V4 - 1) : style;
  let cell: string;
  switch (st) {
    case 0: cell = `${h}.${p2(m)}-${h2}.${p2(m2)}`; break;
    case 1: cell = `${cnNumber(h)}点${m === 30 ? '半' : m === 0 ? '' : `${cnNumber(m)}分`}`; break;
    case 2: cell = `${p2(h)}${p2(m)}-${p2(h2)}${p2(m2)}`; break;
    default: cell = `${h}h${p2(m)}`;
  }
  return { cell, minute: h * 60 + m };
}

/** Missing values of the v4 split. */
export const MISSING_V4 = ['NA', '空', '暂缺', '——', '无数据', '未登记'];
