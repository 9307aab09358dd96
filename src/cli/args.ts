/**
 * A tiny argument parser: positionals, `--name value` options and `--flag` switches. Unknown options are errors,
 * so a typo never silently falls back to a default.
 */
import { analysisDateBounds, analysisDateProblem, type AnalysisDateRange, type Locale } from '../core/settings/settings';
import { parseIso, type Ymd } from '../core/values/dates';

export class UsageError extends Error {
  constructor(
    public readonly key: string,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  positionals: string[];
  /** The last value of each option. */
  options: Record<string, string>;
  /** Every value of each option, in order (for repeatable options such as --map and --accept-missing). */
  lists: Record<string, string[]>;
  flags: Set<string>;
}

/**
 * @example parseArgs(['in.xlsx', '--out', 'o.xlsx'], ['out'], []) // { positionals: ['in.xlsx'], options: { out: 'o.xlsx' }, lists: { out: ['o.xlsx'] }, flags: Set{} }
 * @throws UsageError for an unknown option or a missing value.
 */
export function parseArgs(argv: readonly string[], valueOptions: readonly string[], flagOptions: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { positionals: [], options: {}, lists: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    if (flagOptions.includes(name)) {
      out.flags.add(name);
    } else if (valueOptions.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError('cli.error.optionValue', { option: arg });
      out.options[name] = value;
      (out.lists[name] ??= []).push(value);
    } else {
      throw new UsageError('cli.error.unknownOption', { option: arg });
    }
  }
  return out;
}

/** A positive integer option, or the default. */
export function positiveInt(args: ParsedArgs, name: string, fallback: number): number {
  const raw = args.options[name];
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new UsageError('cli.error.badNumber', { option: `--${name}`, value: raw });
  return n;
}

/** Strictly YYYY-MM-DD: four-digit year, two-digit month and day (2026-1-1 is refused, not guessed). */
const AS_OF_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The --as-of option as a date, or undefined when not given. The range (settings.analysisDateRange: 1990-01-01 to
 * ten years ahead by default) is checked too when given.
 * @throws UsageError 'cli.error.badAsOf' (not YYYY-MM-DD or not a real day) or 'cli.error.asOfOutOfRange', naming --as-of.
 * @example asOfOption({ options: { 'as-of': '2026-10-31' } } as ParsedArgs) // { y: 2026, m: 10, d: 31 }
 */
export function asOfOption(args: ParsedArgs, range?: AnalysisDateRange): Ymd | undefined {
  const raw = args.options['as-of'];
  if (raw === undefined) return undefined;
  const value = raw.trim();
  const ymd = AS_OF_FORMAT.test(value) ? parseIso(value) : null;
  if (!ymd) throw new UsageError('cli.error.badAsOf', { option: '--as-of', value: raw });
  if (range && analysisDateProblem(value, range)) {
    throw new UsageError('cli.error.asOfOutOfRange', { option: '--as-of', value: raw, ...analysisDateBounds(range) });
  }
  return ymd;
}

/** The --lang option, or undefined when not given. @throws UsageError 'cli.error.badLang' for another value. */
export function langOption(args: ParsedArgs): Locale | undefined {
  const v = args.options.lang;
  if (v === undefined) return undefined;
  if (v !== 'zh-CN' && v !== 'en-US') throw new UsageError('cli.error.badLang', { option: '--lang', value: v });
  return v;
}
