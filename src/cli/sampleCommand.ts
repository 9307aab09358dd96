/** `churn-desk sample --out FILE.xlsx [--vehicles N] [--seed S] [--as-of YYYY-MM-DD]`. */
import * as fs from 'fs';
import * as path from 'path';
import type { Locale } from '../core/settings/settings';
import { formatIso, parseIso, todayYmd, ymdToSerial } from '../core/values/dates';
import { t } from '../i18n';
import { parseArgs, positiveInt, UsageError } from './args';
import { generateSample } from './sample/generateSample';
import { writeSample } from './sample/writeSample';

/**
 * Generates the sample workbook. Returns the exit code.
 * @example await runSampleCommand(['--out', 'out/sample.xlsx', '--vehicles', '2000', '--seed', '7'], 'zh-CN')
 */
export async function runSampleCommand(argv: string[], locale: Locale): Promise<number> {
  const args = parseArgs(argv, ['out', 'vehicles', 'seed', 'as-of', 'lang'], []);
  const out = args.options.out;
  if (!out) throw new UsageError('cli.error.missingOut');
  const vehicles = positiveInt(args, 'vehicles', 2000);
  const seed = args.options.seed === undefined ? 1 : Number(args.options.seed);
  if (!Number.isInteger(seed)) throw new UsageError('cli.error.badNumber', { option: '--seed', value: args.options.seed });
  const asOfText = args.options['as-of'];
  const asOf = asOfText === undefined ? todayYmd() : parseIso(asOfText);
  if (!asOf) throw new UsageError('cli.error.badAsOf', { value: asOfText ?? '' });

  const sample = generateSample({ vehicles, seed, asOf: ymdToSerial(asOf) });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const big = sample.sheets.reduce((n, s) => n + s.grid.length, 0) > 50000;
  await writeSample(out, sample.sheets, big ? (done, total) => process.stderr.write(`\r${t(locale, 'cli.progress', { step: t(locale, 'cli.progress.writing'), percent: Math.round((100 * done) / total) })}`) : undefined);
  if (big) process.stderr.write('\n');
  process.stdout.write(
    t(locale, 'cli.sample.written', {
      file: out,
      vehicles: sample.counts.vehicles,
      calls: sample.counts.calls,
      register: sample.counts.register,
      prospects: sample.counts.prospects,
      seed,
    }) + ` (${formatIso(asOf)})\n`,
  );
  return 0;
}
