/** Runs the CLI's main() in-process, capturing stdout and stderr (shared by the end-to-end tests). */
import { main } from '../../src/cli/main';

export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/**
 * `churn-desk analyze IN --out OUT --as-of DATE --quiet` with one file engine forced (CHURN_DESK_FILE_ENGINE:
 * 'memory' loads the workbook whole, 'stream' streams it), the variable restored afterwards.
 */
export async function analyseWithEngine(input: string, out: string, engine: 'memory' | 'stream', asOf: string): Promise<{ code: number; out: string; err: string }> {
  const before = process.env.CHURN_DESK_FILE_ENGINE;
  process.env.CHURN_DESK_FILE_ENGINE = engine;
  try {
    return await runCli(['analyze', input, '--out', out, '--as-of', asOf, '--quiet']);
  } finally {
    if (before === undefined) delete process.env.CHURN_DESK_FILE_ENGINE;
    else process.env.CHURN_DESK_FILE_ENGINE = before;
  }
}

/** The status counts the report printed ('  活跃:992(49.6%)'). */
export function reportedStatusCounts(out: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const lines = out.split('\n');
  const start = lines.findIndex((l) => l.startsWith('各状态车辆数'));
  for (let i = start + 1; start >= 0 && i < lines.length; i++) {
    const m = /^ {2}(\S+):(\d+)\(/.exec(lines[i]);
    if (!m) break;
    counts[m[1]] = Number(m[2]);
  }
  return counts;
}

/** The 13 columns the after-sales classification appends (DOMAIN.md), by their zh-CN headers. */
export const CLASSIFICATION_HEADERS = [
  '未回厂月数', '流失状态', '车龄(年)', '车龄段', '保修状态', '本地/外地', '最近回访结果', '流失原因', '原因类别', '流失去向', '招揽优先级', '建议动作', '重复记录',
];
