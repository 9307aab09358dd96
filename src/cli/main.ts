/**
 * The `churn-desk` command: `analyze`, `sample`, `forms`. bin/churn-desk.js calls main() from the compiled lib/.
 * Exit codes: 0 done; 1 the input needs fixing or the run failed (the message says what, never raw error text); 2 usage error.
 */
import type { Locale } from '../core/settings/settings';
import { SettingsValidationError } from '../core/settings/settings';
import { t } from '../i18n';
import { CellOutOfRangeError, MissingSheetError, NotAWorkbookError, OverwriteRefusedError } from '../xlsx/errors';
import { columnLetter } from '../core/plan/names';
import { UsageError } from './args';
import { InputProblem, runAnalyzeCommand } from './analyzeCommand';
import { analyseWorkbook, AnalysisInputError } from '../core/analyse';
import { runSampleCommand } from './sampleCommand';
import { runFormsCommand } from './formsCommand';
import { runShareCommand } from './shareCommand';

/** The message language: --lang, else CHURN_DESK_LANG, else zh-CN. */
function localeOf(argv: readonly string[]): Locale {
  const i = argv.indexOf('--lang');
  const fromArg = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  const v = fromArg ?? process.env.CHURN_DESK_LANG;
  return v === 'en-US' ? 'en-US' : 'zh-CN';
}

/** Turns a known error into the message that tells the user what to fix. */
function explain(e: unknown, locale: Locale): { message: string; code: number } | null {
  if (e instanceof UsageError) return { message: `${t(locale, e.key, e.params)}\n\n${t(locale, 'cli.usage')}`, code: 2 };
  if (e instanceof InputProblem) return { message: e.message, code: 1 };
  if (e instanceof AnalysisInputError) return { message: t(locale, e.key, e.params), code: 1 };
  if (e instanceof NotAWorkbookError) return { message: t(locale, `cli.error.file.${e.kind}`, { file: e.file }), code: 1 };
  if (e instanceof SettingsValidationError) {
    return { message: e.errors.map((err) => t(locale, 'cli.error.settingsField', { field: err.field, message: t(locale, err.message, err.params) })).join('\n'), code: 1 };
  }
  if (e instanceof OverwriteRefusedError) return { message: t(locale, 'cli.error.overwrite', { sheet: e.sheet, address: e.address, existing: e.existing }), code: 1 };
  if (e instanceof CellOutOfRangeError) {
    const address = e.column >= 1 && e.column <= 16384 ? `${columnLetter(e.column - 1)}${e.row}` : `R${e.row}C${e.column}`;
    return { message: t(locale, 'cli.error.cellOutOfRange', { sheet: e.sheet, address }), code: 1 };
  }
  if (e instanceof MissingSheetError) return { message: t(locale, 'cli.error.missingSheet', { sheet: e.sheet }), code: 1 };
  return null;
}

/** Operating-system errors of writing OUT (Node's `code`). */
const WRITE_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EBUSY', 'EIO', 'EFBIG', 'EMFILE']);

/** An error nothing above explains: a localised message (a failed write says so), exit code 1. */
function unexpected(e: unknown, locale: Locale): { message: string; code: number } {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return { message: t(locale, typeof code === 'string' && WRITE_ERRORS.has(code) ? 'cli.error.writeFailed' : 'cli.error.unexpected'), code: 1 };
}

/**
 * Runs the command line.
 * @example await main(['sample', '--out', 'out/sample.xlsx']) // 0
 */
export async function main(argv: string[]): Promise<number> {
  const locale = localeOf(argv);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'analyze':
      case 'analyse':
        return await runAnalyzeCommand(rest, locale, analyseWorkbook);
      case 'sample':
        return await runSampleCommand(rest, locale);
      case 'forms':
        return await runFormsCommand(rest);
      case 'share':
        return await runShareCommand(rest, locale);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(t(locale, 'cli.usage') + '\n');
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`${t(locale, 'cli.error.unknownCommand', { command })}\n\n${t(locale, 'cli.usage')}\n`);
        return 2;
    }
  } catch (e) {
    // Anything else gets a catalogue message too: the raw error text only with CHURN_DESK_DEBUG=1.
    const known = explain(e, locale) ?? unexpected(e, locale);
    process.stderr.write(`churn-desk: ${known.message}\n`);
    if (process.env.CHURN_DESK_DEBUG) process.stderr.write(`${t(locale, 'cli.error.details', { detail: e instanceof Error ? (e.stack ?? e.message) : String(e) })}\n`);
    return known.code;
  }
}
