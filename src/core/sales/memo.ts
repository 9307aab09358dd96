/**
 * Memoises a parser of cell values by the cell's text: registers repeat the same few hundred values (times,
 * '来店', 'A级', '汽车之家', dates typed as text) across a million rows, so parsing each distinct text once keeps the
 * pass fast. Numbers and other non-strings are parsed directly (cheap, and they would bloat the cache).
 */

const DEFAULT_LIMIT = 20000;
/** Stands for a cached `undefined` result, so one Map lookup tells "cached" from "not cached". */
const UNDEFINED = Symbol('undefined');

/** @example const readLevel = memoByText(readIntentLevel); readLevel('A级') // 'A' (parsed once) */
export function memoByText<T>(parse: (value: unknown) => T, limit = DEFAULT_LIMIT): (value: unknown) => T {
  const cache = new Map<string, T | typeof UNDEFINED>();
  return (value) => {
    if (typeof value !== 'string') return parse(value);
    const hit = cache.get(value);
    if (hit !== undefined) return (hit === UNDEFINED ? undefined : hit) as T;
    const result = parse(value);
    if (cache.size < limit) cache.set(value, result === undefined ? UNDEFINED : result);
    return result;
  };
}
