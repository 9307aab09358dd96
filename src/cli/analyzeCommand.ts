/**
 * `churn-desk analyze IN.xlsx --out OUT.xlsx [--as-of YYYY-MM-DD] [--settings FILE.json] [--lang zh-CN|en-US]`.
 * Reads IN (never modified), resolves settings (workbook state < --settings file < --as-of), runs the core,
 * renders the plan and writes OUT. Small inputs are loaded whole and the plan rendered into the loaded workbook
 * (keeps all of the user's formatting); large ones (src/xlsx/fileEngine.ts) are streamed in and out.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SheetInput, WorkbookPlan } from '../core/plan/types';
import type { AnalyseOptions } from '../core/analyse';
import { resolveSettings, type Locale } from '../core/settings/settings';
import { emptyState } from '../core/state/stateSheet';
import { formatIso, parseIso, todayYmd } from '../core/values/dates';
import { t } from '../i18n';
import { readWorkbook } from '../xlsx/readWorkbook';
import { writeWorkbookWithCharts } from '../xlsx/charts/injectCharts';
import { renderPlan } from '../xlsx/renderPlan';
import { chooseFileEngine } from '../xlsx/fileEngine';
import { pinDateSerials } from '../xlsx/pinDateSerials';
import { streamReadWorkbook } from '../xlsx/streamReadWorkbook';
import { streamWriteWorkbook } from '../xlsx/streamWriteWorkbook';
import { parseArgs, UsageError } from './args';
import { formatReport } from './report';

/** The core facade's shape (analyseWorkbook of src/core/analyse.ts); injectable so tests can stub it. */
export type Analyser = (sheets: SheetInput[], options: AnalyseOptions) => WorkbookPlan;

/** A problem with the input the user must fix; the message is already localised. Exit code 1. */
export class InputProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputProblem';
  }
}

function readSettingsFile(file: string, locale: Locale): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    throw new InputProblem(t(locale, 'cli.error.settingsFile', { file, detail: e instanceof Error ? e.message : String(e) }));
  }
}

/** Where the progress of a long run goes: one updating line on stderr. */
function progressReporter(locale: Locale): (step: string, fraction: number) => void {
  let last = '';
  return (step, fraction) => {
    const line = t(locale, 'cli.progress', { step: t(locale, `cli.step.${step}`), percent: Math.round(fraction * 100) });
    if (line !== last) process.stderr.write(`\r${line}   `);
    last = line;
  };
}

/**
 * Runs the analysis. Returns the exit code; throws UsageError / InputProblem / NotAWorkbookError / SettingsValidationError.
 * @example await runAnalyzeCommand(['in.xlsx', '--out', 'out.xlsx', '--as-of', '2026-10-31'], 'zh-CN', analyseWorkbook)
 */
export async function runAnalyzeCommand(argv: string[], locale: Locale, analyse: Analyser): Promise<number> {
  const started = Date.now();
  const args = parseArgs(argv, ['out', 'as-of', 'settings', 'lang'], ['quiet']);
  const input = args.positionals[0];
  if (!input) throw new UsageError('cli.error.missingIn');
  const out = args.options.out;
  if (!out) throw new UsageError('cli.error.missingOut');
  if (path.resolve(input) === path.resolve(out)) throw new UsageError('cli.error.sameFile', { file: out });
  const asOfText = args.options['as-of'];
  if (asOfText !== undefined && !parseIso(asOfText)) throw new UsageError('cli.error.badAsOf', { value: asOfText });
  const fileSettings = args.options.settings ? readSettingsFile(args.options.settings, locale) : {};
  if (fileSettings === null || typeof fileSettings !== 'object' || Array.isArray(fileSettings)) {
    throw new InputProblem(t(locale, 'cli.error.settingsFile', { file: args.options.settings ?? '', detail: t(locale, 'settings.error.notObject') }));
  }

  const progress = args.flags.has('quiet') ? undefined : progressReporter(locale);
  progress?.('reading', 0);
  const streamed = chooseFileEngine(input) === 'stream' ? await streamReadWorkbook(input) : null;
  const loaded = streamed ? null : await readWorkbook(input);
  const sheets: SheetInput[] = streamed ? streamed.sheets : loaded!.sheets;
  const stored = streamed ? streamed.state : loaded!.state;
  const state = stored ?? emptyState();
  // Later sources win: what the workbook remembers, then the --settings file, then --as-of.
  const partial = {
    ...state.settings,
    ...(fileSettings as Record<string, unknown>),
    ...(asOfText !== undefined ? { analysisDate: asOfText } : {}),
  };
  // Validated here too, so a bad field is reported before any work (SettingsValidationError names it).
  const settings = resolveSettings(partial);
  const reportLocale: Locale = args.options.lang === 'en-US' || args.options.lang === 'zh-CN' ? args.options.lang : locale;
  const asOf = settings.analysisDate ? parseIso(settings.analysisDate)! : todayYmd();

  const plan = analyse(sheets, { settings: partial, state, asOf, onProgress: progress });
  if (!plan.report.parts.some((p) => p.ran)) {
    if (progress) process.stderr.write('\n');
    const reasons = plan.report.parts.map((p) => t(reportLocale, 'cli.error.partSkipped', { part: t(reportLocale, `cli.report.part.${p.part}`), reason: p.reason ? t(reportLocale, p.reason) : '-' }));
    throw new InputProblem([t(reportLocale, 'cli.error.nothingToAnalyse'), ...reasons].join('\n'));
  }
  progress?.('rendering', 0.9);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  let sheetsWritten: string[];
  if (loaded) {
    pinDateSerials(loaded.workbook);
    const rendered = renderPlan(loaded.workbook, plan, { previousState: stored, locale: reportLocale });
    sheetsWritten = rendered.sheetsWritten;
    progress?.('writing', 0.95);
    // exceljs writes no charts: the planned charts are added to its package as DrawingML parts.
    await writeWorkbookWithCharts(loaded.workbook, rendered.charts, out);
  } else {
    progress?.('writing', 0.95);
    sheetsWritten = (await streamWriteWorkbook(streamed!.sheets, plan, out, { previousState: stored, locale: reportLocale })).sheetsWritten;
  }
  if (progress) process.stderr.write('\n');

  const lines = formatReport(plan.report, reportLocale, { asOf: formatIso(asOf), sheetsWritten });
  lines.push(t(reportLocale, 'cli.report.written', { file: out, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
