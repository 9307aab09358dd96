/**
 * Finds a city named in a call note as where the customer (or the car) now is: '人在北京', '搬到上海了',
 * '去深圳工作', '在广州上班'. A city counts only after a word of being or going there (在, 到, 去, 回, 住, 调),
 * and not as part of a street or a brand ('北京路', '上海大众', '北京现代'), so '去北京路那家修理厂' names no city.
 * A city that is one of the user's local regions (either contains the other: '西安' / '西安市') is not another city.
 */
import { CITY_NAMES } from './cities';

/** Longest names first, so '马鞍山' is found before any shorter name inside it. */
const CITY_PATTERN = [...CITY_NAMES].sort((a, b) => b.length - a.length).join('|');
/** Being or going there, with at most two characters between ('去了深圳', '调到了上海'). */
const IN_CITY = new RegExp(`(?:在|到|去|回|住|调)[^,，。;；、]{0,2}?(${CITY_PATTERN})(?!路|街|大街|大道|道|现代|大众|通用|汽车|奔驰|吉普|本地)`, 'g');

/**
 * The other city a text places the customer in, or null (none named, or only local ones).
 * @example otherCityIn('人在北京', ['西安']) // '北京'
 * @example otherCityIn('搬到西安市区了', ['西安']) // null
 * @example otherCityIn('去北京路那家店修了', []) // null
 */
export function otherCityIn(text: string, localRegions: readonly string[]): string | null {
  if (!text) return null;
  const locals = localRegions.map((l) => l.trim()).filter((l) => l !== '');
  IN_CITY.lastIndex = 0;
  for (let m = IN_CITY.exec(text); m !== null; m = IN_CITY.exec(text)) {
    const city = m[1];
    if (!locals.some((l) => l.includes(city) || city.includes(l))) return city;
  }
  return null;
}
