/**
 * OUT is never left half-written: `churn-desk analyze` writes it beside itself under a temporary name and renames
 * it when complete. Writes are made to fail half-way (bytes already on disk) in both file engines and in the
 * helper itself; afterwards OUT is absent (first run) or the previous OUT byte for byte, and no temporary file is
 * left in the directory. A disk that fills up under the stream engine's zip writer rejects the write (it used to
 * escape from the deflate stream's event handler and leave the command waiting for ever), and the CLI says what
 * failed in the catalogue's words, never the raw error.
 */
import * as fs from 'fs';
// The module object itself (the namespace import's members are read-only getters over it), to spy on writeSync.
import fsModule from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyseWorkbook } from '../../src/core/analyse';
import { runAnalyzeCommand } from '../../src/cli/analyzeCommand';
import { main } from '../../src/cli/main';
import { writeAtomically } from '../../src/cli/outputFile';
import { runSampleCommand } from '../../src/cli/sampleCommand';
import * as writePackage from '../../src/xlsx/writePackage';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-atomic-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Files in `sub` other than the ones named (a temporary file left behind would show here). */
const leftovers = (sub: string, keep: string[]) => fs.readdirSync(sub).filter((f) => !keep.includes(f));

let input = '';
beforeAll(async () => {
  input = path.join(dir, 'in.xlsx');
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await runSampleCommand(['--out', input, '--vehicles', '60', '--seed', '3', '--as-of', '2026-10-31'], 'zh-CN');
  } finally {
    out.mockRestore();
  }
});

async function analyze(out: string): Promise<number> {
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return await runAnalyzeCommand([input, '--out', out, '--as-of', '2026-10-31', '--quiet'], 'zh-CN', analyseWorkbook);
  } finally {
    write.mockRestore();
  }
}

const ENOSPC = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('writeAtomically', () => {
  it('a write that fails half-way leaves no OUT and no temporary file', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'h1-'));
    const out = path.join(sub, 'out.xlsx');
    await expect(
      writeAtomically(out, async (tmp) => {
        fs.writeFileSync(tmp, Buffer.alloc(4096, 1));
        throw ENOSPC();
      }),
    ).rejects.toThrow('ENOSPC');
    expect(fs.existsSync(out)).toBe(false);
    expect(leftovers(sub, [])).toEqual([]);
  });

  it('a write that fails half-way leaves the previous OUT byte for byte; a good one replaces it whole', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'h2-'));
    const out = path.join(sub, 'out.xlsx');
    fs.writeFileSync(out, 'previous');
    await expect(
      writeAtomically(out, async (tmp) => {
        fs.writeFileSync(tmp, 'half');
        throw ENOSPC();
      }),
    ).rejects.toThrow('ENOSPC');
    expect(fs.readFileSync(out, 'utf8')).toBe('previous');
    expect(leftovers(sub, ['out.xlsx'])).toEqual([]);
    await writeAtomically(out, async (tmp) => fs.writeFileSync(tmp, 'new'));
    expect(fs.readFileSync(out, 'utf8')).toBe('new');
    expect(leftovers(sub, ['out.xlsx'])).toEqual([]);
  });
});

describe.each(['memory', 'stream'] as const)('churn-desk analyze, %s engine', (engine) => {
  const env = process.env.CHURN_DESK_FILE_ENGINE;
  beforeAll(() => (process.env.CHURN_DESK_FILE_ENGINE = engine));
  afterAll(() => (env === undefined ? delete process.env.CHURN_DESK_FILE_ENGINE : (process.env.CHURN_DESK_FILE_ENGINE = env)));

  /** Makes the next OUT write fail after `bytes` bytes reached the disk. */
  function failHalfWay(sub: string, bytes: number): () => void {
    if (engine === 'memory') {
      // The memory engine's package goes out through writeRenderedWorkbook: let it write, then cut the file.
      const real = writePackage.writeRenderedWorkbook;
      const spy = jest.spyOn(writePackage, 'writeRenderedWorkbook').mockImplementation(async (wb, parts, file) => {
        await real(wb, parts, file);
        fs.truncateSync(file, Math.min(bytes, fs.statSync(file).size));
        throw ENOSPC();
      });
      return () => spy.mockRestore();
    }
    // The stream engine writes its zip with fs.writeSync: the disk fills up after `bytes` written to files in `sub`
    // (only those: other writes of the process go on).
    const realOpen = fsModule.openSync.bind(fsModule);
    const realWrite = fsModule.writeSync.bind(fsModule) as (...a: unknown[]) => number;
    const ours = new Set<number>();
    let written = 0;
    const open = jest.spyOn(fsModule, 'openSync').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
      const fd = (realOpen as (...a: unknown[]) => number)(file, ...rest);
      if (String(file).startsWith(sub)) ours.add(fd);
      return fd;
    }) as typeof fs.openSync);
    const write = jest.spyOn(fsModule, 'writeSync').mockImplementation(((fd: number, buf: unknown, ...rest: unknown[]) => {
      if (ours.has(fd)) {
        const n = Buffer.isBuffer(buf) ? buf.length - (typeof rest[0] === 'number' ? rest[0] : 0) : String(buf).length;
        if (written + n > bytes) throw ENOSPC();
        written += n;
      }
      return realWrite(fd, buf, ...rest);
    }) as typeof fs.writeSync);
    return () => {
      open.mockRestore();
      write.mockRestore();
    };
  }

  it('a first run that fails half-way leaves no OUT and no temporary file', async () => {
    const sub = fs.mkdtempSync(path.join(dir, `${engine}-1-`));
    const out = path.join(sub, 'out.xlsx');
    const restore = failHalfWay(sub, 20_000);
    try {
      await expect(analyze(out)).rejects.toThrow('ENOSPC');
    } finally {
      restore();
    }
    expect(fs.existsSync(out)).toBe(false);
    expect(leftovers(sub, [])).toEqual([]);
  });

  it('a run that fails half-way over a previous OUT leaves it byte for byte; the next run replaces it', async () => {
    const sub = fs.mkdtempSync(path.join(dir, `${engine}-2-`));
    const out = path.join(sub, 'out.xlsx');
    expect(await analyze(out)).toBe(0);
    const previous = fs.readFileSync(out);
    expect(previous.length).toBeGreaterThan(20_000);
    const restore = failHalfWay(sub, 20_000);
    try {
      await expect(analyze(out)).rejects.toThrow('ENOSPC');
    } finally {
      restore();
    }
    expect(fs.readFileSync(out).equals(previous)).toBe(true);
    expect(leftovers(sub, ['out.xlsx'])).toEqual([]);
    expect(await analyze(out)).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(20_000);
    expect(leftovers(sub, ['out.xlsx'])).toEqual([]);
  });
});

describe('what the CLI says when OUT cannot be written', () => {
  it('a catalogue message and exit code 1, no raw error text; the details only with CHURN_DESK_DEBUG=1', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'cli-'));
    const out = path.join(sub, 'out.xlsx');
    const env = { engine: process.env.CHURN_DESK_FILE_ENGINE, debug: process.env.CHURN_DESK_DEBUG };
    process.env.CHURN_DESK_FILE_ENGINE = 'memory';
    const spy = jest.spyOn(writePackage, 'writeRenderedWorkbook').mockImplementation(async (_wb, _parts, file) => {
      fs.writeFileSync(file, 'half');
      throw ENOSPC();
    });
    const run = async (debug: boolean, lang: 'zh-CN' | 'en-US') => {
      if (debug) process.env.CHURN_DESK_DEBUG = '1';
      else delete process.env.CHURN_DESK_DEBUG;
      let err = '';
      const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
      const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
      try {
        return { code: await main(['analyze', input, '--out', out, '--as-of', '2026-10-31', '--quiet', '--lang', lang]), err };
      } finally {
        stderr.mockRestore();
        stdout.mockRestore();
      }
    };
    try {
      const zh = await run(false, 'zh-CN');
      expect(zh.code).toBe(1);
      expect(zh.err).toContain('无法写入输出文件');
      expect(zh.err).not.toMatch(/ENOSPC|Error|at /);
      const en = await run(false, 'en-US');
      expect(en.err).toContain('Could not write the output file');
      expect(en.err).not.toMatch(/ENOSPC/);
      const debug = await run(true, 'en-US');
      expect(debug.err).toMatch(/Details: Error: ENOSPC/);
      expect(fs.existsSync(out)).toBe(false);
      expect(leftovers(sub, [])).toEqual([]);
    } finally {
      spy.mockRestore();
      if (env.engine === undefined) delete process.env.CHURN_DESK_FILE_ENGINE;
      else process.env.CHURN_DESK_FILE_ENGINE = env.engine;
      if (env.debug === undefined) delete process.env.CHURN_DESK_DEBUG;
      else process.env.CHURN_DESK_DEBUG = env.debug;
    }
  });
});
