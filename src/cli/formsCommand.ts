/**
 * `churn-desk forms --out FILE.xlsx [--only N,N,…] [--from DATA.xlsx] [--period all|YYYY-MM] [--as-of YYYY-MM-DD]
 * [--lang zh-CN|en-US]`.
 *
 * Writes the standard dealer form pack into a new workbook: every form (58 sheets) or the ones named by --only
 * (seed numbers 1–51, 51-1, 51-2, AS1–AS5, or ids such as F01). With --from, the dealer's workbook is read (never
 * modified), analysed, and the forms whose data it holds are filled; the others stay blank. --period picks the rows
 * of the dated forms (三表一卡): all (default, every row) or one month. The sheets are rendered
 * by the file adapter's renderer (src/xlsx/renderPlan.ts), the same one `analyze` uses.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { WorkbookPlan, WorkbookState } from '../core/plan/types';
import { resolveSettings, type Locale, type Settings } from '../core/settings/settings';
import { emptyState } from '../core/state/stateSheet';
import { parseIso, todayYmd } from '../core/values/dates';
import { buildFormsPlan, catalogueEntry, fillRows, formDefinition, parseFormPeriod, resolveFormIds, type FormFillData } from '../core/forms';
import { analyseForForms } from '../core/forms/collectFillData';
import { t } from '../i18n';
import { readWorkbook } from '../xlsx/readWorkbook';
import { renderPlan } from '../xlsx/renderPlan';
import { parseArgs, UsageError } from './args';
import { writeAtomically } from './outputFile';

/** What a run wrote, for tests and the message. */
export interface FormsRunResult {
  file: string;
  sheets: string[];
  /** Ids of the forms filled from data. */
  filled: string[];
}

function localeFrom(lang: string | undefined, fallback: Locale | undefined): Locale {
  if (lang === 'en-US' || lang === 'zh-CN') return lang;
  if (fallback) return fallback;
  return process.env.CHURN_DESK_LANG === 'en-US' ? 'en-US' : 'zh-CN';
}

/**
 * Generates the workbook; returns what it wrote. Throws UsageError for bad arguments (main() explains it).
 * @example await generateFormsWorkbook(['--out', 'forms.xlsx', '--only', '1,2']) // { sheets: ['展厅来电-店登记表', '展厅客流量统计表'], … }
 */
export async function generateFormsWorkbook(argv: string[], locale?: Locale, log: (line: string) => void = () => {}): Promise<FormsRunResult> {
  const args = parseArgs(argv, ['out', 'only', 'from', 'period', 'as-of', 'lang'], ['quiet']);
  const loc = localeFrom(args.options.lang, locale);
  const out = args.options.out;
  if (!out) throw new UsageError('cli.error.missingOut');
  const asOfText = args.options['as-of'];
  if (asOfText !== undefined && !parseIso(asOfText)) throw new UsageError('cli.error.badAsOf', { value: asOfText });
  const periodText = args.options.period;
  const period = periodText === undefined ? 'all' : parseFormPeriod(periodText);
  if (!period) throw new UsageError('forms.error.badPeriod', { value: periodText ?? '' });
  let ids: string[] | undefined;
  if (args.options.only !== undefined) {
    const resolved = resolveFormIds(args.options.only.split(/[,,\s]+/));
    if (resolved.unknown.length || !resolved.ids.length) {
      throw new UsageError('forms.error.unknownIds', { ids: resolved.unknown.join(', ') || args.options.only });
    }
    ids = resolved.ids;
  }
  const from = args.options.from;
  if (from && path.resolve(from) === path.resolve(out)) throw new UsageError('cli.error.sameFile', { file: out });

  let state: WorkbookState = emptyState();
  let data: FormFillData | undefined;
  if (from) {
    const read = await readWorkbook(from);
    state = read.state ?? emptyState();
    const settings = settingsOf(state.settings, asOfText);
    const analysis = analyseForForms(read.sheets, settings, state, asOfOf(settings));
    data = analysis.data;
    for (const s of analysis.skipped) log(t(loc, 'forms.cli.partSkipped', { part: t(loc, `forms.part.${s.part}`), reason: t(loc, s.reason) }));
  }
  const settings = settingsOf(state.settings, asOfText);
  const sheets = buildFormsPlan({ ids, filled: !!from, data, period, settings, asOf: asOfOf(settings), onLimitWarning: (m) => log(t(loc, m.key, m.params)) });

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ChurnDesk';
  const plan: WorkbookPlan = {
    columnWrites: [],
    sheets,
    state: { ...emptyState(), settings: state.settings },
    report: { parts: [], figures: {}, statusCounts: {}, issues: [], warnings: [] },
  };
  const { sheetsWritten } = renderPlan(workbook, plan, { locale: loc });
  await writeAtomically(out, (tmp) => workbook.xlsx.writeFile(tmp));

  const filled = from ? sheets.map((s) => s.key.slice('form.'.length)).filter((id) => !!fillRows(formDefinition(id)!, data, period)) : [];
  if (from) {
    log(filled.length ? t(loc, 'forms.cli.filled', { forms: filled.map((id) => catalogueEntry(id)!.title).join('、') }) : t(loc, 'forms.cli.noneFilled'));
  }
  log(t(loc, 'forms.cli.written', { n: sheetsWritten.length, file: out }));
  return { file: out, sheets: sheetsWritten, filled };
}

/** Settings stored in the workbook, with --as-of on top. */
function settingsOf(stored: Record<string, unknown>, asOfText: string | undefined): Settings {
  return resolveSettings({ ...stored, ...(asOfText !== undefined ? { analysisDate: asOfText } : {}) });
}

function asOfOf(settings: Settings) {
  return settings.analysisDate ? parseIso(settings.analysisDate)! : todayYmd();
}

/**
 * The `forms` command. Exit code 0 when written; usage and input errors are thrown for main() to explain.
 * @example await runFormsCommand(['--out', 'out/forms.xlsx']) // 0, 58 sheets
 */
export async function runFormsCommand(argv: string[], locale?: Locale): Promise<number> {
  const quiet = argv.includes('--quiet');
  await generateFormsWorkbook(argv, locale, (line) => {
    if (!quiet) process.stdout.write(line + '\n');
  });
  return 0;
}
