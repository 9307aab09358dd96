/**
 * `churn-desk analyze IN.xlsx --out OUT.xlsx [--as-of YYYY-MM-DD] [--settings FILE.json] [--lang zh-CN|en-US]
 *  [--map SHEET:COLUMN=field]… [--accept-missing FIELD]…`.
 * Reads IN (never modified), resolves settings (workbook state < --settings file < --as-of), runs the core,
 * renders the plan and writes OUT. Never silent about the input: the column mapping used for every sheet is printed,
 * and when a field the figures depend on is missing or unsure (the core's report.detection.needsMapping) nothing is
 * written and the run exits 1 naming the field and the candidate columns; `--map` (or the settings file's
 * `"mappings": { SHEET: { field: COLUMN } }`) places it, `--accept-missing FIELD` (or `"acceptMissing": [FIELD]`)
 * goes on without it. The input is streamed in and the output written by copying its package and splicing the new
 * cells into it (src/xlsx/fileEngine.ts, spliceWorkbook.ts): the user's bytes stay as they were, at every size.
 */
import { previousWinBackGrid } from '../core/state/winBackSheet';
import { firstCells, followRenamedSheets } from '../core/state/ownership';
import * as fs from 'fs';
import * as path from 'path';
import type { SheetInput, WorkbookPlan, WorkbookState } from '../core/plan/types';
import type { AnalyseOptions } from '../core/analyse';
import { AnalysisInputError } from '../core/aftersales/errors';
import { detectSheets } from '../core/sheets/detectSheets';
import { detectionReport } from '../core/sheets/detectionReport';
import type { DetectionReport } from '../core/sheets/types';
import { resolveSettings, type Locale } from '../core/settings/settings';
import { emptyState } from '../core/state/stateSheet';
import { CALL_FIELDS, CUSTOMER_FIELDS, PROSPECT_FIELDS, REGISTER_FIELDS } from '../core/sheets/types';
import { formatIso, todayYmd } from '../core/values/dates';
import { t } from '../i18n';
import { progressLine } from './progressLine';
import { readWorkbook } from '../xlsx/readWorkbook';
import { writeRenderedWorkbook } from '../xlsx/writePackage';
import { renderPlan } from '../xlsx/renderPlan';
import { chooseFileEngine, fileEngineAside } from '../xlsx/fileEngine';
import { pinDateSerials } from '../xlsx/pinDateSerials';
import { streamReadWorkbook } from '../xlsx/streamReadWorkbook';
import { spliceWriteWorkbook } from '../xlsx/spliceWorkbook';
import { asOfOption, langOption, parseArgs, UsageError } from './args';
import { writeAtomically } from './outputFile';
import { formatMapping, formatNeedsMapping, formatReport } from './report';
import { parseSettingsText, settingsBeforeAsOf, settingsProblems } from './settingsSources';

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
    return parseSettingsText(fs.readFileSync(file, 'utf8')); // UTF-8, with or without a byte-order mark
  } catch (e) {
    throw new InputProblem(t(locale, 'cli.error.settingsFile', { file, detail: e instanceof Error ? e.message : String(e) }));
  }
}

const KNOWN_FIELDS: ReadonlySet<string> = new Set<string>([...CUSTOMER_FIELDS, ...CALL_FIELDS, ...REGISTER_FIELDS, ...PROSPECT_FIELDS]);

function checkField(field: string): string {
  if (!KNOWN_FIELDS.has(field)) throw new UsageError('cli.error.unknownField', { field, fields: [...KNOWN_FIELDS].join(', ') });
  return field;
}

type Mappings = Record<string, Record<string, string>>;

/**
 * `--map SHEET:COLUMN=field` values as sheet -> field -> column (a header text or a column letter). A sheet name
 * never holds ':' (Excel forbids it), so the first ':' ends it; the last '=' starts the field.
 * @example parseMaps(['保有客户:最末入厂日=lastVisitDate']) // { 保有客户: { lastVisitDate: '最末入厂日' } }
 */
export function parseMaps(values: readonly string[]): Mappings {
  const out: Mappings = {};
  for (const v of values) {
    const colon = v.indexOf(':');
    const eq = v.lastIndexOf('=');
    if (colon <= 0 || eq <= colon + 1 || eq === v.length - 1) throw new UsageError('cli.error.badMap', { value: v });
    const sheet = v.slice(0, colon).trim();
    const column = v.slice(colon + 1, eq).trim();
    const field = checkField(v.slice(eq + 1).trim());
    (out[sheet] ??= {})[field] = column;
  }
  return out;
}

/** The settings file's "mappings" (same shape as the workbook's), checked. */
function fileMappingsOf(raw: unknown, file: string, locale: Locale): Mappings {
  if (raw === undefined) return {};
  const bad = () => new InputProblem(t(locale, 'cli.error.settingsFile', { file, detail: 'mappings: { "SHEET": { "field": "COLUMN" } }' }));
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw bad();
  const out: Mappings = {};
  for (const [sheet, m] of Object.entries(raw as Record<string, unknown>)) {
    if (m === null || typeof m !== 'object' || Array.isArray(m)) throw bad();
    for (const [field, column] of Object.entries(m as Record<string, unknown>)) {
      if (typeof column !== 'string') throw bad();
      (out[sheet] ??= {})[checkField(field)] = column;
    }
  }
  return out;
}

/** Fields accepted as missing: --accept-missing (repeatable, comma lists too) and the settings file's "acceptMissing". */
function acceptedOf(values: readonly string[], raw: unknown, file: string, locale: Locale): Set<string> {
  const out = new Set<string>();
  for (const v of values) for (const f of v.split(/[,，、]/)) if (f.trim()) out.add(checkField(f.trim()));
  if (raw !== undefined) {
    if (!Array.isArray(raw) || raw.some((f) => typeof f !== 'string')) {
      throw new InputProblem(t(locale, 'cli.error.settingsFile', { file, detail: 'acceptMissing: ["field", …]' }));
    }
    for (const f of raw as string[]) out.add(checkField(f));
  }
  return out;
}

/** The detection the analysis runs (same options as src/core/analyse.ts), as the run report's DetectionReport. */
function detectionOf(sheets: SheetInput[], state: WorkbookState): DetectionReport {
  const ownedHeaders = new Set<string>();
  for (const o of Object.values(state.ownedColumns)) for (const h of o.headers) ownedHeaders.add(h);
  return detectionReport(detectSheets(sheets, { mappings: state.mappings, ownedSheetNames: Object.values(state.ownedSheets), ownedHeaders: [...ownedHeaders], ownedColumns: state.ownedColumns, acceptedMissing: state.acceptedMissing }));
}

/**
 * Runs the analysis. Returns the exit code; throws UsageError / InputProblem / NotAWorkbookError / SettingsValidationError.
 * @example await runAnalyzeCommand(['in.xlsx', '--out', 'out.xlsx', '--as-of', '2026-10-31'], 'zh-CN', analyseWorkbook)
 */
export async function runAnalyzeCommand(argv: string[], locale: Locale, analyse: Analyser): Promise<number> {
  const started = Date.now();
  const args = parseArgs(argv, ['out', 'as-of', 'settings', 'lang', 'map', 'accept-missing'], ['quiet']);
  const cliMaps = parseMaps(args.lists.map ?? []);
  const input = args.positionals[0];
  if (!input) throw new UsageError('cli.error.missingIn');
  const out = args.options.out;
  if (!out) throw new UsageError('cli.error.missingOut');
  if (path.resolve(input) === path.resolve(out)) throw new UsageError('cli.error.sameFile', { file: out });
  const asOfText = args.options['as-of'];
  asOfOption(args); // its form first (the accepted range needs the settings: checked below)
  langOption(args);
  const rawSettings = args.options.settings ? readSettingsFile(args.options.settings, locale) : {};
  if (rawSettings === null || typeof rawSettings !== 'object' || Array.isArray(rawSettings)) {
    throw new InputProblem(t(locale, 'cli.error.settingsFile', { file: args.options.settings ?? '', detail: t(locale, 'settings.error.notObject') }));
  }
  // The column mapping and the accepted gaps travel beside the settings, not inside them.
  const { mappings: rawMappings, acceptMissing: rawAccept, ...fileSettings } = rawSettings as Record<string, unknown>;
  const fileMaps = fileMappingsOf(rawMappings, args.options.settings ?? '', locale);
  const accepted = acceptedOf(args.lists['accept-missing'] ?? [], rawAccept, args.options.settings ?? '', locale);

  const progress = args.flags.has('quiet') ? undefined : progressLine(locale, (text) => process.stderr.write(text));
  // The damaged-package check runs beside the stream read and the analysis (fileEngineAside): the stream attempt
  // confirms the package sound before it prints or writes anything, and a damaged package (or a stream attempt that
  // failed on one) is read and written again by exceljs, as if the check had come first.
  const engine = fileEngineAside(input);
  const confirmSound = async () => {
    if ((await engine) === 'memory') throw new DamagedPackage();
  };
  // Whatever stops the run, the progress line ends before the message (the timer and the line are closed).
  try {
    if (chooseFileEngine(input) === 'memory') return await attempt(false, async () => {});
    try {
      return await attempt(true, confirmSound);
    } catch (e) {
      if ((await engine) === 'memory') return await attempt(false, async () => {});
      throw e;
    }
  } finally {
    progress?.stop();
  }

  /** One run, reading `input` by stream (spliced output) or by exceljs; `confirm` before anything is printed or written. */
  async function attempt(stream: boolean, confirm: () => Promise<void>): Promise<number> {
    progress?.report('reading', 'reading', 0);
    const streamed = stream ? await streamReadWorkbook(input) : null;
    const loaded = streamed ? null : await readWorkbook(input);
    const sheets: SheetInput[] = streamed ? streamed.sheets : loaded!.sheets;
    progress?.rows(sheets.reduce((n, s) => n + s.grid.length, 0));
    progress?.report('reading', 'reading', 1);
    // A summary sheet the user renamed is followed by its recorded title: the product's, updated in place under that name.
    const read = streamed ? streamed.state : loaded!.state;
    const stored = read ? followRenamedSheets(read, firstCells(sheets)) : read;
    const remembered = stored ?? emptyState();
    // The user's mapping wins over what the workbook remembers: --map over the settings file over the stored one.
    const mappings: Mappings = { ...remembered.mappings };
    for (const extra of [fileMaps, cliMaps]) {
      for (const [sheet, m] of Object.entries(extra)) {
        if (!sheets.some((s) => s.name === sheet)) throw new InputProblem(t(locale, 'cli.error.missingSheet', { sheet }));
        mappings[sheet] = { ...(mappings[sheet] ?? {}), ...m };
      }
    }
    const state = { ...remembered, mappings };
    // Later sources win: what the workbook remembers, then the --settings file, then --as-of.
    const partial = {
      ...state.settings,
      ...fileSettings,
      ...(asOfText !== undefined ? { analysisDate: asOfText.trim() } : {}),
    };
    // Validated here too, so a bad field is reported before any work, naming where it is (the file or the workbook).
    const problems = settingsProblems(state.settings, fileSettings, args.options.settings ?? '', asOfText !== undefined, locale);
    if (problems.length) throw new InputProblem(problems.join('\n'));
    const asOfGiven = asOfOption(args, settingsBeforeAsOf(state.settings, fileSettings).analysisDateRange);
    resolveSettings(partial);
    const reportLocale: Locale = args.options.lang === 'en-US' || args.options.lang === 'zh-CN' ? args.options.lang : locale;
    // Without --as-of or a date in the settings, the date the workbook's title names is used (the report says so).
    const asOf = () => plan.report.analysisDate?.date ?? formatIso(todayYmd());

    let plan: WorkbookPlan;
    try {
      // The previous 招揽名单 (both engines read every sheet): what callers typed into it comes back on the same vehicles.
      const previousWinBack = previousWinBackGrid(sheets, stored);
      plan = analyse(sheets, { settings: partial, state, asOf: asOfGiven, useWorkbookDate: true, onProgress: progress && ((step, fraction) => progress.report('analysing', step, fraction)), existingNames: loaded?.names ?? streamed?.names, previousWinBack });
    } catch (e) {
      // The analysis refused the input (a sheet lacks what it needs): say which columns were read and what is missing.
      if (!(e instanceof AnalysisInputError)) throw e;
      const detection = detectionOf(sheets, state);
      // The refusal's own fields first (the key columns of an unmatched call log), then the detection's.
      const unresolved = [...(e.needsMapping ?? []), ...detection.needsMapping].filter((n) => !n.fields.some((f) => accepted.has(f)));
      if (!unresolved.length) throw e;
      await confirm();
      progress?.stop();
      process.stdout.write(formatMapping(detection, reportLocale, accepted).join('\n') + '\n');
      throw new InputProblem([t(reportLocale, e.key, e.params), ...formatNeedsMapping(unresolved, reportLocale)].join('\n'));
    }
    if (!plan.report.parts.some((p) => p.ran)) {
      await confirm(); // a damaged package's exceljs attempt keeps the progress line (stop() ends it for good)
      progress?.stop();
      const reasons = plan.report.parts.map((p) => t(reportLocale, 'cli.error.partSkipped', { part: t(reportLocale, `cli.report.part.${p.part}`), reason: p.reason ? t(reportLocale, p.reason) : '-' }));
      throw new InputProblem([t(reportLocale, 'cli.error.nothingToAnalyse'), ...reasons].join('\n'));
    }
    // No confident figures on a guess: a field the analysis depends on that is missing or unsure stops the run.
    const unresolved = (plan.report.detection?.needsMapping ?? []).filter((n) => !n.fields.some((f) => accepted.has(f)));
    if (unresolved.length) {
      await confirm();
      progress?.stop();
      process.stdout.write(formatMapping(plan.report.detection, reportLocale, accepted).join('\n') + '\n');
      throw new InputProblem(formatNeedsMapping(unresolved, reportLocale).join('\n'));
    }
    await confirm();
    progress?.report('writing', 'rendering', 0);
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    let sheetsWritten: string[];
    if (loaded) {
      pinDateSerials(loaded.workbook);
      const rendered = renderPlan(loaded.workbook, plan, { previousState: stored, locale: reportLocale });
      sheetsWritten = rendered.sheetsWritten;
      progress?.report('writing', 'writing', 0.5);
      // exceljs writes no charts and no PivotTables: the planned ones are added to its package (src/xlsx/writePackage.ts).
      // OUT is written beside itself under a temporary name and renamed when complete: never half-written.
      await writeAtomically(out, (tmp) => writeRenderedWorkbook(loaded.workbook, rendered, tmp));
    } else {
      progress?.report('writing', 'writing', 0);
      let written: string[] = [];
      await writeAtomically(out, async (tmp) => {
        written = (await spliceWriteWorkbook(input, streamed!.sheets, plan, tmp, { previousState: stored, locale: reportLocale })).sheetsWritten;
      });
      sheetsWritten = written;
    }
    progress?.finish();

    const lines = formatReport(plan.report, reportLocale, { asOf: asOf(), sheetsWritten, accepted });
    lines.push(t(reportLocale, 'cli.report.written', { file: out, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  }
}

/** The stream attempt stopped: the package is damaged (fileEngineAside), so exceljs reads and writes it instead. */
class DamagedPackage extends Error {}
