/**
 * Headers written as pinyin initials, read through the concept lexicon's own words (no code is listed anywhere):
 * the table covers every character the lexicon uses, codes of 3+ capitals are read, 2-letter codes never, and a
 * column headed by initials is taken only when its values agree with the field.
 */
import { lexiconEntries } from '../../../src/core/sheets/concepts';
import { matchColumns } from '../../../src/core/sheets/matchColumns';
import { initialsOf, initialsScore, looksLikeInitials, readInitials } from '../../../src/core/sheets/pinyinInitials';
import { profileColumns } from '../../../src/core/sheets/profile';
import type { Field, SheetKind } from '../../../src/core/sheets/types';

describe('the initials table', () => {
  test('every character of the lexicon\'s Chinese morphemes has its initial', () => {
    const missing = lexiconEntries().filter(([w]) => /^[\u4e00-\u9fff]+$/.test(w) && initialsOf(w).length === 0).map(([w]) => w);
    expect(missing).toEqual([]);
  });
  test('initials of words, a character read two ways giving both', () => {
    expect(initialsOf('车牌号码')).toEqual(['CPHM']);
    expect(initialsOf('行驶')).toEqual(expect.arrayContaining(['XS', 'HS']));
    expect(initialsOf('abc')).toEqual([]);
  });
});

describe('codes read as concepts', () => {
  test.each<[string, SheetKind, Field]>([
    ['CPHM', 'customers', 'plate'], ['HPHM', 'customers', 'plate'], ['CPH', 'calls', 'plate'],
    ['CJHM', 'customers', 'vin'], ['DPH', 'customers', 'vin'], ['CLSBDH', 'customers', 'vin'],
    ['LXDH', 'customers', 'phone'], ['SJHM', 'customers', 'phone'], ['KHDH', 'customers', 'phone'],
    ['KPRQ', 'customers', 'purchaseDate'], ['GCRQ', 'customers', 'purchaseDate'], ['FPRQ', 'customers', 'purchaseDate'],
    ['ZHJCRQ', 'customers', 'lastVisitDate'], ['SCJCRQ', 'customers', 'lastVisitDate'], ['MCJZRQ', 'customers', 'lastVisitDate'],
    ['XSLC', 'customers', 'mileage'], ['KHXM', 'customers', 'name'],
    ['HFRQ', 'calls', 'callDate'], ['THJG', 'calls', 'result'], ['JTQK', 'calls', 'result'], ['LSYYMS', 'calls', 'reason'],
    ['JDRQ', 'register', 'date'], ['DDSJ', 'register', 'time'], ['YXDJ', 'prospects', 'level'], ['GZRQ', 'prospects', 'followDate'],
  ])('%s reads as %s.%s', (code, kind, field) => {
    expect(initialsScore(kind, field, code)).toBeGreaterThan(0);
  });
  test('one code, several words: 上次 and 首次 (SC), 进厂 and 交车 (JC) are all readings', () => {
    const tags = readInitials('SCJCRQ').map((r) => [...r.tags].sort().join(' '));
    expect(tags).toEqual(expect.arrayContaining([expect.stringContaining('LATEST'), expect.stringContaining('FIRST')]));
    expect(initialsScore('customers', 'purchaseDate', 'JCRQ')).toBeGreaterThan(0);
    expect(initialsScore('customers', 'lastVisitDate', 'JCRQ')).toBeGreaterThan(0);
  });
  test('never a 2-letter code, never lower case or English words, never letters no pinyin begins with', () => {
    expect(looksLikeInitials('RQ')).toBe(false);
    expect(initialsScore('customers', 'purchaseDate', 'RQ')).toBe(0);
    expect(looksLikeInitials('gcrq')).toBe(false);
    expect(looksLikeInitials('DATE')).toBe(false);
    expect(looksLikeInitials('VIN')).toBe(false);
    expect(looksLikeInitials('QUIT')).toBe(false);
  });
});

const phones = (n: number) => Array.from({ length: n }, (_, i) => `1380013${String(1000 + i)}`);
const dates = (n: number) => Array.from({ length: n }, (_, i) => `2026-10-${String(1 + i).padStart(2, '0')}`);
const plates = (n: number) => Array.from({ length: n }, (_, i) => `京A${String(10000 + i)}`);
const grid = (headers: string[], cols: unknown[][]) => [headers, ...cols[0].map((_, r) => cols.map((c) => c[r]))];

describe('an initials header is taken only when the values agree', () => {
  test('LXSJ holding phones is the phone (联系手机), holding dates is no phone', () => {
    const g1 = grid(['CPHM', 'LXSJ', 'HFJG'], [plates(10), phones(10), Array(10).fill('接通')]);
    const m1 = matchColumns(g1[0], 'calls', { profiles: profileColumns(g1, 0, 3) });
    expect(m1.columns.phone).toBe(1);
    expect(m1.columns.plate).toBe(0);
    expect(m1.evidence.find((e) => e.field === 'phone')?.headerMatch).toBe('initials');
    const g2 = grid(['CPHM', 'LXSJ', 'HFJG'], [plates(10), dates(10), Array(10).fill('接通')]);
    const m2 = matchColumns(g2[0], 'calls', { profiles: profileColumns(g2, 0, 3) });
    expect(m2.columns.phone).toBeUndefined();
    expect(m2.columns.callDate).toBe(1);
  });
  test('a plate code over phone numbers is not the plate; without the values nothing is taken', () => {
    const g = grid(['CPHM', 'GCRQ'], [phones(10), dates(10)]);
    const m = matchColumns(g[0], 'customers', { profiles: profileColumns(g, 0, 2) });
    expect(m.columns.plate).toBeUndefined();
    expect(m.columns.purchaseDate).toBe(1);
    expect(matchColumns(['CPHM', 'GCRQ'], 'customers').count).toBe(0);
  });
});
