/**
 * `churn-desk share IN.xlsx --out OUT.xlsx [--personal 微信号,邮箱] [--lang zh-CN|en-US]`.
 * Writes a separate, share-safe workbook: names as 王**, phones as 138****5678, VINs keep their last 6, plates
 * their province and last 2, addresses their first 3 characters, ID numbers their first 3 and last 2, in every
 * sheet, hidden ones and the state sheet included, and in free text (DOMAIN.md, Sharing). IN is never modified.
 */
import type { Locale } from '../core/settings/settings';
import { t } from '../i18n';
import * as fs from 'fs';
import { shareSafeWorkbook, cellTexts } from '../xlsx/shareWorkbook';
import { carryChartsAndPivots } from '../xlsx/carryParts';
import { writeEntries } from '../xlsx/writePackage';
import { readZipEntries } from '../xlsx/zip';
import { parseArgs, UsageError } from './args';
import { refuseOutOverInput, writeAtomically } from './outputFile';

/**
 * Runs `share`; returns the exit code.
 * @example await runShareCommand(['in.xlsx', '--out', 'safe.xlsx'], 'zh-CN') // 0
 */
export async function runShareCommand(argv: string[], locale: Locale): Promise<number> {
  const args = parseArgs(argv, ['out', 'personal', 'lang'], ['quiet']);
  const input = args.positionals[0];
  if (!input) throw new UsageError('cli.error.missingIn');
  const out = args.options.out;
  if (!out) throw new UsageError('cli.error.missingOut');
  refuseOutOverInput(input, out);
  const extra = (args.options.personal ?? '').split(/[,,]/).map((w) => w.trim()).filter(Boolean);
  const { workbook, result } = await shareSafeWorkbook(input, { extraPersonalHeaders: extra });
  // exceljs drops the charts and PivotTables of the analysed workbook: they are carried over from IN (the summaries
  // are unchanged), unless their cached text holds a value the copy masked.
  await writeAtomically(out, async (tmp) => {
    const entries = readZipEntries(Buffer.from(await workbook.xlsx.writeBuffer()));
    carryChartsAndPivots(readZipEntries(fs.readFileSync(input)), entries, cellTexts(workbook));
    await writeEntries(entries, tmp);
  });
  if (!args.flags.has('quiet')) {
    process.stdout.write(t(locale, 'cli.share.done', { file: out, cells: result.maskedCells, sheets: result.sheets.length }) + '\n');
    for (const s of result.sheets) if (s.maskedCells > 0) process.stdout.write(t(locale, 'cli.share.sheet', { sheet: s.name, cells: s.maskedCells }) + '\n');
  }
  return 0;
}
