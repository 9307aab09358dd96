/**
 * End to end through LibreOffice, the way the form pack is checked: `churn-desk forms` → .xlsx (58 sheets) → PDF.
 * - every page is A4 (595×842 pt), in the orientation the form asks for (landscape when wide);
 * - every form starts on a page beginning with its title, in pack order, and every grid form is one page wide (its
 *   first and last column headers on each of its pages, since the header rows repeat);
 * - Chinese prints with a real CJK font: `pdffonts` lists an embedded CJK face (Noto Sans/Serif CJK, Source Han,
 *   WenQuanYi, YaHei, SimSun …), every font is embedded, and no page's text holds U+FFFD, a tofu box or a
 *   private-use code point.
 * All 58 forms by default (~20 s of soffice); CHURN_DESK_PDF_SUBSET=1 converts a representative subset (a wide
 * register, the two-level traffic table, a contract, a portrait roster, a checklist, the long-text win-back plan).
 * LibreOffice and poppler are required tools (.ci/run installs them): when missing, the test fails, never skips.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateFormsWorkbook } from '../../src/cli/formsCommand';
import { FORM_DEFINITIONS, formColumnWidths, isWide, resolveFormIds, type FormDefinition } from '../../src/core/forms';

const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const enabled = ['soffice', 'pdfinfo', 'pdftotext', 'pdffonts'].every(has);
const subset = process.env.CHURN_DESK_PDF_SUBSET === '1';
const SUBSET = ['1', '2', '10', '16', '20', 'AS5'];

/** The orientation the renderer gives a form (forced, or landscape when wide). */
function expectedOrientation(def: FormDefinition): 'portrait' | 'landscape' {
  return def.orientation ?? (isWide(formColumnWidths(def)) ? 'landscape' : 'portrait');
}

/** One row of `pdffonts`: name, type, encoding, embedded. */
interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

function parsePdfFonts(text: string): PdfFont[] {
  const fonts: PdfFont[] = [];
  for (const line of text.split('\n').slice(2)) {
    // name  type (may hold spaces: 'Type 1', 'CID TrueType')  encoding  emb sub uni  object ID
    const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
    if (m) fonts.push({ name: m[1], type: m[2], embedded: m[4] === 'yes' });
  }
  return fonts;
}

const CJK_FONT = /CJK|SourceHan|Source Han|WenQuanYi|wqy|YaHei|SimSun|SimHei|DengXian|PingFang|HeiTi|Droid ?Sans ?Fallback|AR ?PL/i;
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('forms print through LibreOffice', () => {
  test('soffice, pdfinfo, pdftotext and pdffonts are installed', () => {
    expect(enabled).toBe(true);
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'churn-forms-pdf-'));
  const xlsx = path.join(dir, 'forms.xlsx');
  const pdf = path.join(dir, 'forms.pdf');
  let defs: FormDefinition[] = [];
  let sheets: string[] = [];
  let pages: string[] = [];
  /** pageForm[i]: index into defs of the form printed on page i. */
  let pageForm: number[] = [];
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const ids = subset ? resolveFormIds(SUBSET).ids : FORM_DEFINITIONS.map((d) => d.id);
    defs = ids.map((id) => FORM_DEFINITIONS.find((d) => d.id === id)!);
    const res = await generateFormsWorkbook(['--out', xlsx, '--as-of', '2026-10-31', ...(subset ? ['--only', SUBSET.join(',')] : [])]);
    sheets = res.sheets;
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], {
      stdio: 'ignore',
      timeout: 170000,
    });
    pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f');
    if (pages.length && !pages[pages.length - 1].trim()) pages.pop();
    let current = -1;
    pageForm = pages.map((page) => {
      const text = squeeze(page);
      const next = defs.findIndex((d, i) => i > current && text.startsWith(squeeze(d.title)));
      if (next >= 0) current = next;
      return current;
    });
  }, 180000);

  it('writes one sheet per form, 58 in the full pack', () => {
    expect(sheets).toHaveLength(subset ? SUBSET.length : 58);
    expect(defs).toHaveLength(sheets.length);
  });

  it('prints every page on A4, each in its form’s orientation', () => {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Math.round(+m[1]), Math.round(+m[2])]);
    expect(sizes.length).toBe(pages.length);
    expect(sizes.length).toBeGreaterThanOrEqual(defs.length);
    expect(new Set(sizes.map(([w, h]) => [w, h].sort((a, b) => a - b).join('x')))).toEqual(new Set(['595x842']));
    const wrong = sizes
      .map(([w, h], i) => ({ page: i + 1, form: defs[pageForm[i]]?.title, got: w > h ? 'landscape' : 'portrait', want: defs[pageForm[i]] && expectedOrientation(defs[pageForm[i]]) }))
      .filter((p) => p.got !== p.want);
    expect(wrong).toEqual([]);
  });

  it('prints each form one page wide, starting with its title, in pack order', () => {
    expect(pageForm.every((f) => f >= 0)).toBe(true);
    const problems: string[] = [];
    pages.forEach((page, i) => {
      const def = defs[pageForm[i]];
      if (!def || def.kind === 'document' || !def.columns) return;
      const text = squeeze(page);
      const firstHeader = def.columns[0].group ?? def.columns[0].header;
      const last = def.columns[def.columns.length - 1];
      if (!text.includes(squeeze(firstHeader)) || !text.includes(squeeze(last.header))) problems.push(`page ${i + 1} ${def.title}`);
    });
    expect(problems).toEqual([]);
    expect(new Set(pageForm).size).toBe(defs.length);
  });

  it('prints the portrait rosters and indicator sheet (16–18, 48) upright on one page each', () => {
    // They are forced portrait: under 100 characters wide (fit to width shrinks them to ~94%), and a month of day
    // rows would need two landscape pages.
    const pagesOf = (id: string) => pageForm.filter((f) => defs[f]?.id === id).length;
    const ids = ['F16', 'F17', 'F18', 'F48'].filter((id) => defs.some((d) => d.id === id));
    expect(ids.map((id) => [id, pagesOf(id)])).toEqual(ids.map((id) => [id, 1]));
    const widthOf = (id: string) => formColumnWidths(defs.find((d) => d.id === id)!).reduce((a, b) => a + b, 0);
    expect(ids.filter((id) => widthOf(id) > 100)).toEqual([]);
  });

  it('embeds a CJK font, and every font', () => {
    const fonts = parsePdfFonts(execFileSync('pdffonts', [pdf], { encoding: 'utf8' }));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => CJK_FONT.test(f.name) && f.embedded).length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    // LibreOffice falls back to a Type 3 bitmap only when no font covers a glyph.
    expect(fonts.filter((f) => f.type === 'Type 3')).toEqual([]);
  });

  it('extracts Chinese text without replacement characters or tofu', () => {
    const bad: string[] = [];
    pages.forEach((page, i) => {
      // U+FFFD replacement, U+25A1/U+25AF boxes drawn for missing glyphs, U+E000–U+F8FF private use (unmapped glyphs).
      // The forms' own tick boxes (□全款 □分期) are a □ written before an option word: those are text, not tofu.
      const m = /[\uFFFD\u25A1\u25AF\uE000-\uF8FF]/.exec(page.replace(/□(?=[\u4E00-\u9FFF])/g, ''));
      if (m) bad.push(`page ${i + 1}: U+${m[0].charCodeAt(0).toString(16).toUpperCase()}`);
      if (!/[\u4E00-\u9FFF]/.test(page)) bad.push(`page ${i + 1}: no Chinese text`);
    });
    expect(bad).toEqual([]);
    // Every title comes out exactly as written (the CJK glyphs map back to the right code points).
    const all = squeeze(pages.join(''));
    expect(defs.filter((d) => !all.includes(squeeze(d.title))).map((d) => d.title)).toEqual([]);
  });
});
