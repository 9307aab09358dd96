/**
 * Headers written as pinyin initials (a DMS's column codes: the initials of 车牌号码, 开票日期, 联系电话 …), read as
 * the concepts whose words they abbreviate. Nothing is listed per code: the initials of every Chinese morpheme of the
 * concept lexicon (concepts.ts) are derived from a small table of the initial letter of each character those
 * morphemes use (INITIALS below, as data), and a header of capitals is cut into such initials, every reading kept
 * (one set of initials stands for several words: 上次 and 首次, 进厂 and 交车; 手机 and 时间).
 *
 * Initials are a weak reading: matchColumns accepts one only when the column's values agree with the field
 * (INITIALS_AGREE of the sampled cells), never for codes of fewer than MIN_LETTERS letters, and scores it below a
 * header written in words.
 */
import { lexiconEntries, readConcepts, scoreConcepts, type HeaderConcepts, type Morpheme } from './concepts';
import type { Field, SheetKind } from './types';

/** The initial letter of each character the lexicon's Chinese morphemes use; a character read two ways is in both. */
const INITIALS: Record<string, string> = {
  A: '案',
  B: '保报拜拨包败不表备别编办本部标',
  C: '次初厂出产车册成场程处乘称城从创查',
  D: '第定单到店档电打丢待点段地订底代动等度道得登对读',
  F: '否服返访发付放反方分份',
  G: '工购关跟沟公果过感固顾归',
  H: '后回划合户行呼怀话何号获',
  J: '近计际家进检交接记建叫截结间几局见经驾价金竞架机级径',
  K: '开卡刻况馈考客款',
  L: '累离来理零联揽落录留立流里量类辆路',
  M: '末买卖满么描明码名门每米',
  N: '拟年内哪男女',
  P: '牌票频品盘片',
  Q: '前强去期请弃亲起讫情洽签趣区渠潜千',
  R: '入日容人热',
  S: '上首实是售商生驶三束输失时始算数什述说试式手识所市省属司索',
  T: '提通厅台态听谈他途',
  W: '晚无维务外慰问未为位',
  X: '新下修险行销系询线效显向形型性兴姓席县',
  Y: '一预约有养业移已延邀月原因由缘意用员域源仪',
  Z: '最终真总站制造置证注致招踪追走质止战咨展至状照座字主专坐执在址住知种',
};

/** Codes shorter than this are never read as initials (RQ, XM, DH could be anything). */
export const MIN_LETTERS = 3;
const MAX_LETTERS = 8;
/** Share of the sampled cells that must fit the field's value type for an initials header to be accepted. */
export const INITIALS_AGREE = 0.8;
/** An initials reading scores this much below the same concepts written in words. */
const INITIALS_PENALTY = 20;
const MAX_READINGS = 400;

const LETTER_OF: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [letter, chars] of Object.entries(INITIALS)) {
    for (const ch of chars) m.set(ch, [...(m.get(ch) ?? []), letter]);
  }
  return m;
})();

/**
 * Every way a Chinese word is written as initials (one per reading of its characters); [] when a character is not
 * in the table or the word is not Chinese.
 * @example initialsOf('维修日期') // ['WXRQ']
 */
export function initialsOf(word: string): string[] {
  let out = [''];
  for (const ch of word) {
    const letters = LETTER_OF.get(ch);
    if (!letters) return [];
    out = out.flatMap((prefix) => letters.map((l) => prefix + l));
  }
  return out;
}

/** Initials -> the morphemes of two or more characters they abbreviate (one entry per distinct set of tags). */
const BY_INITIALS: Map<string, Morpheme[]> = (() => {
  const m = new Map<string, Morpheme[]>();
  for (const [word, tags] of lexiconEntries()) {
    if (!/^[\u4e00-\u9fff]{2,}$/.test(word)) continue;
    for (const code of initialsOf(word)) {
      const list = m.get(code) ?? [];
      const key = [...tags].sort().join(' ');
      if (!list.some((x) => [...x.tags].sort().join(' ') === key)) list.push({ text: word, tags });
      m.set(code, list);
    }
  }
  return m;
})();
const LONGEST = Math.max(...[...BY_INITIALS.keys()].map((k) => k.length));

/** A header that can be initials: capitals only, no letter that begins no pinyin syllable (I, U, V), no English word. */
export function looksLikeInitials(header: unknown): header is string {
  if (typeof header !== 'string') return false;
  const h = header.trim();
  if (h.length < MIN_LETTERS || h.length > MAX_LETTERS || !/^[A-Z]+$/.test(h) || /[IUV]/.test(h)) return false;
  return readConcepts(h).coverage < 0.5;
}

const readingCache = new Map<string, HeaderConcepts[]>();

/**
 * Every reading of an initials header as concepts: cut into the initials of lexicon morphemes (letters no morpheme
 * explains stay uncovered and lower the coverage), each alternative word kept.
 * @example readInitials('SCBYRQ').some((r) => r.tags.has('LATEST') && r.tags.has('VISIT') && r.tags.has('DATE')) // true (上次保养日期)
 */
export function readInitials(header: unknown): HeaderConcepts[] {
  if (!looksLikeInitials(header)) return [];
  const code = header.trim();
  const hit = readingCache.get(code);
  if (hit) return hit;
  const out: HeaderConcepts[] = [];
  const walk = (at: number, morphemes: Morpheme[], covered: number): void => {
    if (out.length >= MAX_READINGS) return;
    if (at >= code.length) {
      if (morphemes.length === 0) return;
      const tags = new Set<string>();
      for (const m of morphemes) for (const t of m.tags) tags.add(t);
      out.push({ morphemes, tags, coverage: covered / code.length });
      return;
    }
    for (let len = Math.min(LONGEST, code.length - at); len >= 2; len--) {
      for (const m of BY_INITIALS.get(code.slice(at, at + len)) ?? []) walk(at + len, [...morphemes, m], covered + len);
    }
    walk(at + 1, morphemes, covered);
  };
  walk(0, [], 0);
  if (readingCache.size < 5000) readingCache.set(code, out);
  return out;
}

/**
 * How well an initials header fits a field of a kind: the best of its readings, less INITIALS_PENALTY; 0 when no
 * reading fits or the header is no initials. The caller still needs the values to agree (INITIALS_AGREE).
 * @example initialsScore('customers', 'purchaseDate', 'TCRQ') > 0 // true (提车日期)
 */
export function initialsScore(kind: SheetKind, field: Field, header: unknown): number {
  let best = 0;
  for (const r of readInitials(header)) best = Math.max(best, scoreConcepts(kind, field, r));
  return best > 0 ? Math.max(1, best - INITIALS_PENALTY) : 0;
}
