/**
 * Call or visit (来电 / 来店) of a showroom register row, from a word column ('来店', '到店', '展厅', '来电', '电话'),
 * a ticked form cell ('□来电 ☑来店', as the seed's register prints it), or two mark columns (√ under 来电 or 来店).
 */
import type { Parsed } from './arrivalTime';
import { cellText, isMissingText } from './cellText';

export type ContactType = 'call' | 'visit';

const VISIT_WORDS = ['来店', '到店', '进店', '展厅', '来访', '到访', '店访', '进厅', '到厅', '门店', 'visit', 'walk-in', 'walkin'];
const CALL_WORDS = ['来电', '电话', '致电', '电访', '电询', '热线', 'call', 'phone'];
/** Short forms a receptionist types in a 来电/来店 column. */
const VISIT_SHORT = new Set(['店', '访', '厅', 'v', 'V']);
const CALL_SHORT = new Set(['电', 'c', 'C']);

const TICKS = '☑√✓✔■☒✅●◉⊙▣';
const UNTICKED = '□☐○◯';

/** Mark cell values meaning "yes". */
const MARK_YES = new Set(['x', 'X', '×', '是', '有', 'y', 'Y', 'yes', 'Yes', 'YES', '1', 'true', 'TRUE', 'True', '对']);
const MARK_NO = new Set(['否', '没有', 'n', 'N', 'no', 'No', 'NO', '0', 'false', 'FALSE', 'False']);

/**
 * Reads a mark cell (a tick column such as 来电 / 来店 / 试驾 / 报价): true when ticked, false when blank or
 * explicitly "no", undefined when unreadable.
 * @example readMark('√') // true
 * @example readMark('') // false
 */
export function readMark(value: unknown): boolean | undefined {
  if (value === true) return true;
  if (value === false) return false;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  const text = cellText(value);
  if (isMissingText(text) || MARK_NO.has(text)) return false;
  if (MARK_YES.has(text)) return true;
  let ticked = false;
  let unticked = false;
  for (const ch of text) {
    if (TICKS.includes(ch)) ticked = true;
    else if (UNTICKED.includes(ch)) unticked = true;
  }
  if (ticked) return true;
  if (unticked) return false;
  return undefined;
}

/** Positions of every word of the list in the text. */
function wordPositions(text: string, words: readonly string[]): { at: number; len: number }[] {
  const found: { at: number; len: number }[] = [];
  const lower = text.toLowerCase();
  for (const w of words) {
    let at = lower.indexOf(w);
    while (at >= 0) {
      found.push({ at, len: w.length });
      at = lower.indexOf(w, at + w.length);
    }
  }
  return found;
}

/** The box or tick character next to a word (skipping spaces), before or after it; '' when none. */
function neighbour(text: string, at: number, len: number, side: 'before' | 'after'): string {
  if (side === 'before') {
    let i = at - 1;
    while (i >= 0 && text[i] === ' ') i--;
    return i >= 0 ? text[i] : '';
  }
  let j = at + len;
  while (j < text.length && text[j] === ' ') j++;
  return j < text.length ? text[j] : '';
}

const isBox = (ch: string) => ch !== '' && (TICKS.includes(ch) || UNTICKED.includes(ch) || ch === 'x' || ch === 'X');

/**
 * Is the word ticked: true / false (an empty box) / null (no box next to it). The form's convention decides which
 * side a box belongs to: in '□来电 ☑来店' the boxes precede the words, so the ☑ after 来电 belongs to 来店.
 */
function isTicked(text: string, at: number, len: number, side: 'before' | 'after'): boolean | null {
  const ch = neighbour(text, at, len, side);
  if (!isBox(ch)) return null;
  return !UNTICKED.includes(ch);
}

/**
 * Call or visit from one cell.
 * @returns 'call' | 'visit'; null when blank; undefined when unreadable (no word, both words ticked, nothing ticked).
 * @example readContactType('到店') // 'visit'
 * @example readContactType('□来电 ☑来店') // 'visit'
 */
export function readContactType(value: unknown): Parsed<ContactType> {
  const text = cellText(value);
  if (isMissingText(text)) return null;
  if (VISIT_SHORT.has(text)) return 'visit';
  if (CALL_SHORT.has(text)) return 'call';
  const visits = wordPositions(text, VISIT_WORDS);
  const calls = wordPositions(text, CALL_WORDS);
  const hasTickChars = [...text].some((ch) => TICKS.includes(ch) || UNTICKED.includes(ch));
  if (!hasTickChars) {
    // Plain words. '来电' and '来店' are the strong words; the weaker ones decide only when the strong ones do not.
    const strongVisit = text.includes('来店') || text.includes('到店') || text.includes('进店');
    const strongCall = text.includes('来电') || text.includes('致电');
    if (strongVisit !== strongCall) return strongVisit ? 'visit' : 'call';
    if (strongVisit && strongCall) return undefined;
    if (visits.length > 0 && calls.length === 0) return 'visit';
    if (calls.length > 0 && visits.length === 0) return 'call';
    return undefined;
  }
  // A form that starts with a box ('□来电 ☑来店') puts boxes before words; otherwise ticks follow words ('来店√ 来电').
  const side: 'before' | 'after' = isBox(text[0]) ? 'before' : 'after';
  let visitTicked = false;
  let callTicked = false;
  let visitPlain = false;
  let callPlain = false;
  for (const p of visits) {
    const t = isTicked(text, p.at, p.len, side);
    if (t === true) visitTicked = true;
    else if (t === null) visitPlain = true;
  }
  for (const p of calls) {
    const t = isTicked(text, p.at, p.len, side);
    if (t === true) callTicked = true;
    else if (t === null) callPlain = true;
  }
  if (visitTicked !== callTicked) return visitTicked ? 'visit' : 'call';
  if (visitTicked && callTicked) return undefined;
  // Nothing ticked next to a word: a lone tick with one plain word ('√ 来店') was handled above; a lone
  // unticked word means the receptionist left the box empty.
  if (visitPlain !== callPlain) return visitPlain ? 'visit' : 'call';
  return undefined;
}

/**
 * Call or visit from two mark columns (a tick under 来电 or under 来店).
 * @example contactFromMarks('', '√') // 'visit'
 */
export function contactFromMarks(callMark: unknown, visitMark: unknown): Parsed<ContactType> {
  return contactFromReadMarks(readMark(callMark), readMark(visitMark));
}

/** The same rule over marks already read (readMark results), for callers that memoise readMark. */
export function contactFromReadMarks(call: boolean | undefined, visit: boolean | undefined): Parsed<ContactType> {
  if (call === undefined || visit === undefined) return undefined;
  if (call && !visit) return 'call';
  if (visit && !call) return 'visit';
  if (!call && !visit) return null;
  return undefined;
}
