/**
 * End to end through LibreOffice: `churn-desk forms` → .xlsx → PDF, then every page must be A4 (595×842 pt either
 * way) and every grid form one page wide (its first and last column headers on every one of its pages, since the
 * header rows repeat). A representative subset by default (a wide register, the two-level traffic table, a contract,
 * a checklist, the long-text win-back plan) to stay fast; CHURN_DESK_FULL_PDF=1 converts all 58 forms.
 * LibreOffice and poppler are required tools (.ci/run installs them): when missing, the test fails, never skips.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateFormsWorkbook } from '../../src/cli/formsCommand';
import { FORM_DEFINITIONS, catalogueEntry } from '../../src/core/forms';

const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const enabled = has('soffice') && has('pdfinfo') && has('pdftotext');
const full = process.env.CHURN_DESK_FULL_PDF === '1';
const ONLY = ['1', '2', '10', '20', 'AS5'];

describe('forms print through LibreOffice', () => {
  test('soffice, pdfinfo and pdftotext are installed', () => {
    expect(enabled).toBe(true);
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'churn-forms-pdf-'));
  const xlsx = path.join(dir, 'forms.xlsx');
  const pdf = path.join(dir, 'forms.pdf');
  let titles: string[] = [];
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const res = await generateFormsWorkbook(['--out', xlsx, '--as-of', '2026-10-31', ...(full ? [] : ['--only', ONLY.join(',')])]);
    titles = res.sheets.map((_, i) => (full ? FORM_DEFINITIONS[i].title : catalogueEntry(`${/^\d/.test(ONLY[i]) ? 'F' + ONLY[i].padStart(2, '0') : ONLY[i]}`)!.title));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], {
      stdio: 'ignore',
      timeout: 170000,
    });
  }, 180000);

  it('prints every page on A4', () => {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Math.round(+m[1]), Math.round(+m[2])].sort((a, b) => a - b).join('x'));
    expect(sizes.length).toBeGreaterThanOrEqual(titles.length);
    expect(new Set(sizes)).toEqual(new Set(['595x842']));
  });

  it('prints each form one page wide, starting with its title', () => {
    const pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    let current = -1;
    const seen = new Set<string>();
    for (const page of pages) {
      const text = squeeze(page);
      const next = titles.findIndex((t, i) => i > current && text.startsWith(squeeze(t)));
      if (next >= 0) current = next;
      expect(current).toBeGreaterThanOrEqual(0);
      const def = FORM_DEFINITIONS.find((d) => d.title === titles[current])!;
      seen.add(def.title);
      if (def.kind === 'document' || !def.columns) continue;
      const firstHeader = def.columns[0].group ?? def.columns[0].header;
      const last = def.columns[def.columns.length - 1];
      expect([def.title, text.includes(squeeze(firstHeader)), text.includes(squeeze(last.header))]).toEqual([def.title, true, true]);
    }
    expect(seen.size).toBe(titles.length);
  });
});
