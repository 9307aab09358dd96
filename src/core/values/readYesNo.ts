/** Reads a yes/no mark: 是/否, 已邀约/未邀约, Y/N, √/×, 1/0, true/false, 成功/失败. */
import { isBlank } from './isBlank';
import { toHalfWidth } from './halfWidth';

const YES_NO = new Map<string, boolean>([
  ['是', true], ['否', false], ['是的', true], ['不是', false],
  ['有', true], ['没有', false],
  ['已邀约', true], ['未邀约', false], ['邀约成功', true], ['邀约失败', false],
  ['已预约', true], ['未预约', false], ['预约成功', true], ['预约失败', false],
  ['已邀请', true], ['未邀请', false],
  ['已到店', true], ['未到店', false], ['已回站', true], ['未回站', false], ['已回厂', true], ['未回厂', false],
  ['已', true], ['未', false],
  ['成功', true], ['失败', false],
  ['y', true], ['n', false], ['yes', true], ['no', false],
  ['√', true], ['✓', true], ['✔', true], ['×', false], ['✗', false], ['✘', false], ['x', false],
  ['1', true], ['0', false], ['true', true], ['false', false],
  ['对', true], ['错', false],
]);

/**
 * Reads a yes/no mark. Returns a boolean, `null` for blank, `undefined` for anything else.
 *
 * @example readYesNo('已邀约') // true
 * @example readYesNo('×') // false
 * @example readYesNo('也许') // undefined
 */
export function readYesNo(v: unknown): boolean | null | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return v === null || v === undefined ? null : undefined;
  if (isBlank(v)) return null;
  return YES_NO.get(toHalfWidth(v).trim().toLowerCase());
}
