/**
 * Drives the PRODUCTION bundle (webpack --mode production, the same config as `npm run build`) against the
 * independent Office.js / Excel emulator in ../shared/office-emu (read its README.md):
 *
 * - the ribbon: `run-addin.js` itself (it opens the manifest's FunctionFile and presses the button);
 * - the task pane: the manifest's taskpane URL in headless Chromium, office.js answered with emu.js and the workbook
 *   injected as `__EMU_WORKBOOK__`, exactly as run-addin.js does (its pieces are copied below, because run-addin.js
 *   is a script that runs and exits when required); the pane's buttons are clicked by their labels and the
 *   emulated workbook is read back with `window.__EMU__.dumpMeta()` / `dumpRowsJSON()`.
 *
 * Every missing piece (Chromium, the emulator, the build) fails loudly: these tests are never skipped.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import type { AddressInfo } from 'net';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { columnLetter } from '../../src/core/plan/names';
import { t } from '../../src/i18n';
import { PIVOT_FILTER_ROWS } from '../../src/office/buildSheet';
import type { EmuSheet as EmuInputSheet } from '../../perf/emuInput';

export const ROOT = path.resolve(__dirname, '../..');
/** In CI the repository is cloned fresh with shared/ beside it. */
export const EMU_DIR = process.env.CHURNDESK_OFFICE_EMU ? path.resolve(process.env.CHURNDESK_OFFICE_EMU) : path.resolve(ROOT, '../shared/office-emu');
export const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS_RE = /^[^?#]*\/office(\.debug)?\.js([?#].*)?$/i;

/** Throws (never skips) when Chromium or the emulator is missing. */
export function requireEnvironment(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium; CI's .ci/run does). The production-bundle tests in test/emu cannot run without it.`);
  }
  for (const f of ['emu.js', 'run-addin.js']) {
    if (!fs.existsSync(path.join(EMU_DIR, f))) {
      throw new Error(`The Office emulator is missing: ${path.join(EMU_DIR, f)} not found. Check out the shared/ folder beside the repository (../shared/office-emu) or set CHURNDESK_OFFICE_EMU.`);
    }
  }
}

// ------------------------------------------------------------------------------------------------ the bundle

let inputsHash: string | undefined;

/** A hash of everything the bundle and the CLI are built from, taken once per process (others may edit meanwhile). */
function hashInputs(): string {
  inputsHash ??= computeHash();
  return inputsHash;
}

function computeHash(): string {
  const h = crypto.createHash('sha1');
  const walk = (p: string): void => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    else {
      h.update(path.relative(ROOT, p));
      h.update(fs.readFileSync(p));
    }
  };
  for (const p of ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'scripts/production-manifest.js', 'package-lock.json']) {
    if (fs.existsSync(path.join(ROOT, p))) walk(path.join(ROOT, p));
  }
  return h.digest('hex').slice(0, 16);
}

function run(cmd: string, args: string[], opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, out, err, ms: Date.now() - t0 });
    });
  });
}

/** How long the last production build took (0 when it came from the cache). */
export let lastBuildMs = 0;

/**
 * Builds the production bundle once per source state: `webpack --mode production` (the config of `npm run build`)
 * into a temporary directory keyed by a hash of the sources, so the test files of test/emu share one build and a
 * parallel jest worker waits for it instead of building again. Returns the output directory.
 */
export async function productionBundle(): Promise<string> {
  return once(path.join(os.tmpdir(), 'churndesk-emu-bundle', hashInputs()), async (tmp) => {
    const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
    const r = await run(process.execPath, [cli, '--mode', 'production', '--output-path', tmp], { timeoutMs: 25 * 60_000 });
    if (r.code !== 0) throw new Error(`production build failed (exit ${r.code}):\n${(r.out + r.err).slice(-4000)}`);
    lastBuildMs = r.ms;
  });
}

// ------------------------------------------------------------------------------------------------ the CLI

/** Runs `fn` once per source state across jest workers: the result lives in `dir`, marked by `dir/.built`. */
async function once(dir: string, build: (tmp: string) => Promise<void>): Promise<string> {
  const lock = `${dir}.lock`;
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    if (fs.existsSync(path.join(dir, '.built'))) return dir;
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    try {
      fs.mkdirSync(lock);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // Another worker builds: wait for it (a lock older than 5 minutes is stale).
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 26 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        // Removed meanwhile.
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${dir}`);
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    try {
      const tmp = `${dir}.tmp-${process.pid}`;
      fs.rmSync(tmp, { recursive: true, force: true });
      await build(tmp);
      fs.writeFileSync(path.join(tmp, '.built'), new Date().toISOString());
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(tmp, dir);
      return dir;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * The CLI compiled from the same sources as the bundle (tsc -p tsconfig.cli.json into a temporary lib/), so the
 * expected workbook and the add-in always come from one state of src/ (the checked-in lib/ may be older).
 */
async function cliMain(): Promise<string> {
  const dir = await once(path.join(os.tmpdir(), 'churndesk-emu-bundle', `cli-${hashInputs()}`), async (tmp) => {
    const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
    const r = await run(process.execPath, [tsc, '-p', 'tsconfig.cli.json', '--outDir', tmp], { timeoutMs: 25 * 60_000 });
    if (!fs.existsSync(path.join(tmp, 'src/cli/main.js'))) throw new Error(`CLI build failed (exit ${r.code}):\n${(r.out + r.err).slice(-4000)}`);
  });
  return path.join(dir, 'src/cli/main.js');
}

/** `churn-desk ARGS`, with the CLI built from the current sources (a larger heap, as bin/churn-desk.js gives it). */
export async function churnDesk(args: string[], timeoutMs = 15 * 60_000): Promise<{ out: string; err: string; ms: number }> {
  const r = await churnDeskExit(args, timeoutMs);
  if (r.code !== 0) throw new Error(`churn-desk ${args.join(' ')} exited ${r.code}:\n${r.err.slice(-3000)}`);
  return r;
}

/** `churn-desk ARGS` as churnDesk runs it, returning its exit code instead of failing on a refusal. */
export async function churnDeskExit(args: string[], timeoutMs = 15 * 60_000): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const main = await cliMain();
  const script = `require(${JSON.stringify(main)}).main(process.argv.slice(1)).then((c) => process.exit(c), (e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); })`;
  return run(process.execPath, ['--max-old-space-size=8192', '-e', script, ...args], { timeoutMs, env: { ...process.env, CHURN_DESK_LANG: 'zh-CN', NODE_PATH: path.join(ROOT, 'node_modules') } });
}

/** Today as the add-in sees it in Chromium (local date, same time zone as this process): 'YYYY-MM-DD'. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

// ------------------------------------------------------------------------------------------------ the ribbon

/** run-addin.js's one JSON line. */
export interface EmuStats {
  ok: boolean;
  fatal?: string;
  completed?: unknown;
  syncs?: number;
  errors: unknown[];
  propertyNotLoaded: { count: number; first: unknown[] };
  unmodelled: Record<string, number>;
  unmodelledDataBearing: Record<string, number>;
  networkRequests: string[];
  /** The pane's only: what the pages' content security policy blocked. */
  cspViolations?: string[];
  dialogs?: { url: string; options: unknown }[];
  addin?: unknown[];
  maxRequestBytes?: number;
  maxResponseBytes?: number;
  uncaughtErrors?: number;
  timing?: Record<string, number>;
  [k: string]: unknown;
}

export interface RibbonRun {
  stats: EmuStats;
  stderr: string;
  ms: number;
}

/** Presses a ribbon button: `node ../shared/office-emu/run-addin.js --dist DIST --in IN --out OUT --action ID --lang L`. */
export async function runRibbon(dist: string, input: string, out: string, opts: { lang?: string; action?: string; maxApi?: string; fastXlsx?: boolean; dumpJson?: string } = {}): Promise<RibbonRun> {
  const args = [path.join(EMU_DIR, 'run-addin.js'), '--dist', dist, '--in', input, '--out', out, '--lang', opts.lang ?? 'zh-CN', '--timeout', '900'];
  if (opts.action) args.push('--action', opts.action);
  if (opts.maxApi) args.push('--max-api', opts.maxApi);
  if (opts.fastXlsx) args.push('--fast-xlsx');
  if (opts.dumpJson) args.push('--dump-json', opts.dumpJson);
  // Run from the project's root: run-addin takes exceljs and playwright-core from our node_modules.
  const r = await run(process.execPath, args, { timeoutMs: 16 * 60_000 });
  const line = r.out.trim().split('\n').pop() ?? '';
  let stats: EmuStats;
  try {
    stats = JSON.parse(line) as EmuStats;
  } catch {
    throw new Error(`run-addin printed no JSON line (exit ${r.code}):\n${r.out.slice(-2000)}\n${r.err.slice(-3000)}`);
  }
  return { stats, stderr: r.err, ms: r.ms };
}

/**
 * Documented Excel API members the emulator records without modelling them, although the product uses them as
 * Microsoft documents them (so the add-in is right and the emulator is incomplete; reported to its maintainers):
 * - `Chart.series` (ChartSeriesCollection, ExcelApi 1.1; `add`, `ChartSeries.setValues` / `setXAxisValues` /
 *   `chartType` 1.7, `axisGroup` 1.8): office-emu's README lists ChartSeries among the recording proxies.
 * - `Workbook.functions` (Functions, ExcelApi 1.2; `Functions.date` at excel-web-16.00.debug.js line 60924): the
 *   add-in's date-system probe (src/office/dateSystem.ts). The emulator returns a recording proxy whose value loads
 *   as null, which the add-in reads as the 1900 system, the emulator's only one.
 * They are not data-bearing (no cell changes); every other unmodelled member still fails the run.
 */
export const EMULATOR_GAPS: RegExp[] = [/^Chart\.series(\.|$)/, /^Workbook\.functions(\.|$)/];

/** Unmodelled members that are not known emulator gaps: each one is a failure (an API the product should not use, or a new gap to document). */
export function unmodelledOutsideGaps(stats: Pick<EmuStats, 'unmodelled'>): string[] {
  return Object.keys(stats.unmodelled ?? {}).filter((k) => !EMULATOR_GAPS.some((re) => re.test(k)));
}

/** Unmodelled members that are known emulator gaps (see EMULATOR_GAPS), for the log. */
export function emulatorGaps(stats: EmuStats): string[] {
  return Object.keys(stats.unmodelled ?? {}).filter((k) => EMULATOR_GAPS.some((re) => re.test(k)));
}

/** The checks every run must pass; returns what is wrong (empty = clean). */
export function problems(stats: EmuStats): string[] {
  const p: string[] = [];
  if (!stats.ok) p.push(`ok:false ${stats.fatal ?? ''}`);
  if (stats.errors?.length) p.push(`errors: ${JSON.stringify(stats.errors).slice(0, 1500)}`);
  if (stats.propertyNotLoaded?.count) p.push(`propertyNotLoaded: ${JSON.stringify(stats.propertyNotLoaded).slice(0, 800)}`);
  const unmodelled = unmodelledOutsideGaps(stats);
  if (unmodelled.length) p.push(`unmodelled: ${JSON.stringify(unmodelled)}`);
  if (Object.keys(stats.unmodelledDataBearing ?? {}).length) p.push(`unmodelledDataBearing: ${JSON.stringify(stats.unmodelledDataBearing)}`);
  if (stats.networkRequests?.length) p.push(`networkRequests: ${JSON.stringify(stats.networkRequests)}`);
  if (stats.uncaughtErrors) p.push(`uncaught page errors: ${stats.uncaughtErrors}`);
  if (stats.cspViolations?.length) p.push(`content security policy violations: ${JSON.stringify(stats.cspViolations)}`);
  return p;
}

// ------------------------------------------------------------------------------------------------ xlsx -> __EMU_WORKBOOK__ (from run-addin.js)

const EPOCH_MS = Date.UTC(1899, 11, 30);

function cellToValue(v: any): { v: unknown; f?: string } {
  if (v === null || v === undefined) return { v: '' };
  if (v instanceof Date) return { v: (v.getTime() - EPOCH_MS) / 86400000 };
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return { v };
  if (typeof v === 'object') {
    if (v.richText) return { v: v.richText.map((r: { text: string }) => r.text).join('') };
    if (v.error) return { v: v.error };
    if ('formula' in v || 'sharedFormula' in v) {
      const r = cellToValue(v.result === undefined ? '' : v.result);
      return { v: r.v, f: v.formula ? '=' + v.formula : undefined };
    }
    if (v.text !== undefined) return { v: typeof v.text === 'object' && v.text.richText ? v.text.richText.map((r: { text: string }) => r.text).join('') : String(v.text) };
  }
  return { v: String(v) };
}

/** A sheet as run-addin.js hands it to emu.js (perf/emuInput.ts), with the number-format run being built. */
interface EmuSheet extends EmuInputSheet {
  _nfRun?: Record<number, [number, number, number, string]>;
}

function addCell(sh: EmuSheet, r: number, c: number, cell: any): void {
  const { v, f } = cellToValue(cell.value);
  let formula = f;
  if (!formula && cell.value && typeof cell.value === 'object' && cell.value.sharedFormula) {
    try {
      if (cell.formula) formula = '=' + cell.formula;
    } catch {
      // keep the value
    }
  }
  if (v !== '' || formula) (sh.values[r] || (sh.values[r] = []))[c] = v;
  if (formula) sh.formulas.push([r, c, formula]);
  const nf = cell.numFmt;
  if (nf && nf !== 'General') {
    const last = sh._nfRun![c];
    if (last && last[2] === r - 1 && last[3] === nf) last[2] = r;
    else {
      const runFmt: [number, number, number, string] = [c, r, r, nf];
      sh.numFmts.push(runFmt);
      sh._nfRun![c] = runFmt;
    }
  }
}

function finishSheet(sh: EmuSheet): EmuSheet {
  for (let r = 0; r < sh.values.length; r++) {
    const row = sh.values[r];
    if (!row) {
      sh.values[r] = [];
      continue;
    }
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = '';
  }
  delete sh._nfRun;
  return sh;
}

/** The workbook as run-addin.js hands it to emu.js (values as Range.values returns them, formulas, formats …). */
export async function emuWorkbook(file: string): Promise<EmuSheet[]> {
  const sheets: EmuSheet[] = [];
  const blank = (name: string): EmuSheet => ({ name, values: [], formulas: [], numFmts: [], merges: [], tables: [], _nfRun: {} });
  // Two deliberate differences from run-addin.js's reader (both emulator-loader bugs, reported): (1) always the full
  // exceljs reader, because exceljs 4.4's streaming WorkbookReader, which run-addin uses above 6 MB, garbles CJK text of
  // shared strings split across chunks ('电话招揽' read as '��话招揽'); (2) the non-top-left cells of a merged area are
  // blank, as Range.values returns them, where run-addin copies the title into every cell of the merge.
  if (fs.statSync(file).size >= 0) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.eachSheet((ws: any) => {
      const sh = blank(ws.name);
      if (ws.state && ws.state !== 'visible') sh.visibility = ws.state === 'veryHidden' ? 'VeryHidden' : 'Hidden';
      ws.eachRow({ includeEmpty: false }, (row: any, rn: number) =>
        row.eachCell({ includeEmpty: false }, (cell: any, cn: number) => {
          if (cell.type !== (ExcelJS as any).ValueType.Merge) addCell(sh, rn - 1, cn - 1, cell);
        }),
      );
      try {
        sh.merges = Object.keys(ws._merges || {}).map((k) => ws._merges[k].range || ws._merges[k].tl + ':' + ws._merges[k].br).filter(Boolean);
      } catch {
        // ignore
      }
      try {
        const tbls = typeof ws.getTables === 'function' ? ws.getTables() : [];
        for (const t of tbls) {
          const m = (t && t.table) || t;
          if (m && m.ref) sh.tables.push({ name: m.name || m.displayName, ref: m.tableRef || m.ref, showHeaders: m.headerRow !== false, showTotals: !!m.totalsRow, style: m.style && m.style.theme });
        }
      } catch {
        // ignore
      }
      const v = (ws.views || [])[0];
      if (v && v.state === 'frozen') sh.freeze = { rows: v.ySplit || 0, cols: v.xSplit || 0 };
      sheets.push(finishSheet(sh));
    });
  } else {
    const rdr: any = new (ExcelJS as any).stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
    for await (const ws of rdr) {
      const sh = blank(ws.name);
      for await (const row of ws) row.eachCell({ includeEmpty: false }, (cell: any, cn: number) => addCell(sh, row.number - 1, cn - 1, cell));
      sheets.push(finishSheet(sh));
    }
  }
  return sheets;
}

// ------------------------------------------------------------------------------------------------ manifest, server

/**
 * The manifest's taskpane URL for a view (every ShowTaskpane → SourceLocation resid → bt:Url, as run-addin.js reads
 * them; the one whose ?view= is `view`, else the add-in's default SourceLocation).
 */
export function taskpaneUrl(dist: string, view = 'home'): string {
  const xml = fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8');
  const urls: Record<string, string> = {};
  for (const m of xml.matchAll(/<bt:Url\s+[^>]*?id="([^"]+)"[^>]*?DefaultValue="([^"]*)"[^>]*?\/?>/g)) urls[m[1]] = m[2];
  const panes = [...xml.matchAll(/<Action\s+xsi:type="ShowTaskpane"\s*>[\s\S]*?<SourceLocation\s+resid="([^"]+)"/g)].map((m) => urls[m[1]]).filter(Boolean);
  const u = panes.find((x) => new URL(x).searchParams.get('view') === view) ?? /<SourceLocation\s+DefaultValue="([^"]+)"/.exec(xml)?.[1];
  if (!u) throw new Error(`no taskpane URL for view ${view} in the manifest`);
  return u;
}

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'application/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };

async function serve(root: string, extra: Record<string, { type: string; body: Buffer }>): Promise<{ origin: string; close: () => Promise<void> }> {
  const srv = http.createServer((req, res) => {
    let p: string;
    try {
      p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const x = extra[p];
    if (x) {
      res.writeHead(200, { 'Content-Type': x.type, 'Content-Length': x.body.length, 'Cache-Control': 'no-store' });
      res.end(x.body);
      return;
    }
    const f = path.join(root, p);
    if (!f.startsWith(root) || !fs.existsSync(f) || !fs.statSync(f).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[path.extname(f).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(f).pipe(res);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((r) => srv.close(() => r())) };
}

// ------------------------------------------------------------------------------------------------ the pane

export async function launchBrowser(): Promise<Browser> {
  requireEnvironment();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** A workbook as cells: per sheet, values anchored at A1 and formula text by row/column. */
export interface SheetCells {
  name: string;
  values: unknown[][];
  formulas: Map<string, string>;
  /** Non-top-left cells of merged areas ('r,c'), when read from a file. */
  mergedSlaves?: Set<string>;
}
export type WorkbookCells = SheetCells[];

export interface DumpedSheet {
  name: string;
  visibility: string;
  tables: DumpedTable[];
  charts: unknown[];
  pivotTables: { name: string; source: string; destination: string; rows: string[]; columns: string[]; filters?: string[] }[];
  usedRange: { r0: number; c0: number; rows: number; cols: number } | null;
  [k: string]: unknown;
}

/**
 * One task pane over an emulated workbook: the production taskpane.html, office.js routed to emu.js, the workbook
 * injected like run-addin.js does. Every request that leaves 127.0.0.1 is aborted and recorded.
 */
export class PaneSession {
  readonly pageErrors: string[] = [];
  readonly consoleErrors: string[] = [];
  readonly blocked: string[] = [];
  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    private readonly server: { origin: string; close: () => Promise<void> },
  ) {}

  static async open(browser: Browser, dist: string, input: string, opts: { lang?: string; view?: string; width?: number; height?: number } = {}): Promise<PaneSession> {
    const lang = opts.lang ?? 'zh-CN';
    const sheets = await emuWorkbook(input);
    const wbJson = Buffer.from(JSON.stringify({ sheets, settings: {}, displayLanguage: lang, contentLanguage: lang, fileName: path.basename(input) }));
    const server = await serve(path.resolve(dist), { '/__emu__/workbook.json': { type: 'application/json', body: wbJson } });
    const emu = fs.readFileSync(path.join(EMU_DIR, 'emu.js'), 'utf8');
    const init =
      wbJson.length < 4 * 1024 * 1024
        ? 'window.__EMU_WORKBOOK__ = ' + wbJson.toString() + ';'
        : "Object.defineProperty(window,'__EMU_WORKBOOK__',{configurable:true,get:function(){var x=new XMLHttpRequest();x.open('GET','/__emu__/workbook.json',false);x.send();var v=JSON.parse(x.responseText);Object.defineProperty(window,'__EMU_WORKBOOK__',{value:v,writable:true,configurable:true});return v;}});";
    const context = await browser.newContext({ locale: lang, viewport: { width: opts.width ?? 380, height: opts.height ?? 760 } });
    await context.addInitScript(init);
    // The pages' content security policy (webpack.config.js): anything it blocks is recorded and fails the run.
    await context.addInitScript(() => {
      const w = window as any;
      w.__CSP_VIOLATIONS__ = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__CSP_VIOLATIONS__.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const session = new PaneSession(await context.newPage(), context, server);
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (OFFICE_JS_RE.test(u)) return route.fulfill({ status: 200, contentType: 'application/javascript; charset=utf-8', body: emu });
      if (u.startsWith(server.origin + '/')) return route.continue();
      session.blocked.push(u.slice(0, 300));
      return route.abort('blockedbyclient');
    });
    session.page.on('pageerror', (e) => session.pageErrors.push(String(e?.stack ?? e?.message ?? e)));
    session.page.on('console', (m) => {
      if (m.type() === 'error') session.consoleErrors.push(m.text());
    });
    const url = new URL(taskpaneUrl(dist, opts.view ?? 'home'));
    const target = `${server.origin}${url.pathname}${url.search}`;
    await session.page.goto(target, { waitUntil: 'load', timeout: 120_000 });
    await session.page.waitForFunction(() => (window as any).__EMU__?.ready?.(), undefined, { timeout: 120_000, polling: 50 });
    return session;
  }

  /** Waits until no Excel.run / sync is in flight (three idle polls in a row, as run-addin.js does). */
  async settle(timeoutMs = 600_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    let idle = 0;
    while (Date.now() < end) {
      idle = (await this.page.evaluate(() => (window as any).__EMU__.idle())) ? idle + 1 : 0;
      if (idle >= 3) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the emulated Excel never became idle');
  }

  /** Opens a tab of the pane by its label. */
  async tab(label: string): Promise<void> {
    await this.page.getByRole('tab', { name: label, exact: true }).click();
  }

  /** Clicks a button by its (localised) label. */
  async press(label: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: typeof label === 'string' }).first().click();
  }

  /** The emulator's stats with the pane's blocked requests and uncaught errors, in run-addin.js's shape. */
  async stats(): Promise<EmuStats> {
    await this.page.evaluate((list) => (window as any).__EMU__.recordNetwork(list), this.blocked);
    const s = (await this.page.evaluate(() => (window as any).__EMU__.stats())) as EmuStats;
    const cspViolations = (await this.page.evaluate(() => (window as any).__CSP_VIOLATIONS__ ?? [])) as string[];
    return { ...s, ok: this.pageErrors.length === 0, networkRequests: [...this.blocked], uncaughtErrors: this.pageErrors.length, cspViolations };
  }

  async meta(): Promise<{ sheets: DumpedSheet[]; [k: string]: unknown }> {
    return this.page.evaluate(() => (window as any).__EMU__.dumpMeta());
  }

  /** Every sheet of the emulated workbook as cells (values anchored at A1; formula cells by their formula text). */
  async cells(): Promise<WorkbookCells> {
    const meta = await this.meta();
    const out: WorkbookCells = [];
    for (let si = 0; si < meta.sheets.length; si++) {
      const sm = meta.sheets[si];
      const sheet: SheetCells = { name: sm.name, values: [], formulas: new Map() };
      const u = sm.usedRange;
      if (u) {
        for (let start = 0; start < u.rows; start += 20000) {
          const d = JSON.parse(await this.page.evaluate(([a, b, c]) => (window as any).__EMU__.dumpRowsJSON(a, b, c), [si, start, 20000])) as { values: unknown[][]; formulas: [number, number, string][] };
          d.values.forEach((row, i) => {
            const r = u.r0 + start + i;
            sheet.values[r] = [...new Array(u.c0).fill(''), ...row.map((v) => (v === null ? '' : v))];
          });
          for (const [r, c, f] of d.formulas) sheet.formulas.set(`${u.r0 + r},${u.c0 + c}`, f);
        }
      }
      out.push(sheet);
    }
    return out;
  }

  /**
   * Writes the emulated workbook to an .xlsx as run-addin.js writes RESULT.xlsx (its writeWorkbook, copied): every
   * sheet in order with its visibility, values, formulas, number formats, merges, frozen panes, column widths.
   */
  async saveXlsx(file: string): Promise<void> {
    const meta = await this.meta();
    const wb = new (ExcelJS as any).stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
    for (let si = 0; si < meta.sheets.length; si++) {
      const sm = meta.sheets[si] as any;
      const opts: any = {};
      if (sm.frozenRows || sm.frozenColumns) opts.views = [{ state: 'frozen', ySplit: sm.frozenRows || 0, xSplit: sm.frozenColumns || 0 }];
      if (sm.visibility && sm.visibility !== 'Visible') opts.state = sm.visibility === 'VeryHidden' ? 'veryHidden' : 'hidden';
      const ws = wb.addWorksheet(sm.name, opts);
      const cw = sm.columnWidths || {};
      const cols = Object.keys(cw).map(Number).filter((c) => c < 16384);
      if (cols.length) {
        const arr: any[] = [];
        cols.forEach((c) => (arr[c] = { width: Math.max(1, (cw[c] - 3.75) / 5.25) }));
        ws.columns = Array.from(arr, (x) => x || {});
      }
      const u = sm.usedRange;
      if (u) {
        for (let start = 0; start < u.rows; start += 20000) {
          const d = JSON.parse(await this.page.evaluate(([a, b, c]) => (window as any).__EMU__.dumpRowsJSON(a, b, c), [si, start, 20000])) as { values: unknown[][]; formulas: [number, number, string][]; formats: [number, number, number, string][] };
          const fm = new Map<number, string>();
          const nm = new Map<number, string>();
          d.formulas.forEach(([r, c, f]) => fm.set(r * 16384 + c, f));
          d.formats.forEach(([c, ra, rb, f]) => {
            for (let r = ra; r <= rb; r++) nm.set(r * 16384 + c, f);
          });
          for (let i = 0; i < d.values.length; i++) {
            const r = start + i;
            const vals = d.values[i];
            const row = ws.getRow(u.r0 + r + 1);
            for (let j = 0; j < vals.length; j++) {
              const key = r * 16384 + j;
              const f = fm.get(key);
              const nf = nm.get(key);
              let v: unknown = vals[j];
              if (f !== undefined) v = { formula: f.replace(/^=/, '') };
              else if (v === '' || v === null) {
                if (!nf) continue;
                v = null;
              }
              const cell = row.getCell(u.c0 + j + 1);
              cell.value = v;
              if (nf) cell.numFmt = nf;
            }
            row.commit();
          }
        }
      }
      for (const m of sm.merges || []) {
        try {
          ws.mergeCells(m);
        } catch {
          // overlapping merges ignored
        }
      }
      ws.commit();
    }
    await wb.commit();
  }

  async screenshot(file: string, width = 380, minHeight = 760): Promise<void> {
    const height = await this.page.evaluate(() => document.documentElement.scrollHeight);
    await this.page.setViewportSize({ width, height: Math.max(height, minHeight) });
    await this.page.evaluate(() => window.scrollTo(0, 0));
    await this.page.screenshot({ path: file });
    await this.page.setViewportSize({ width, height: minHeight });
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.server.close();
  }
}

// ------------------------------------------------------------------------------------------------ reading and comparing

function fileValue(v: any): { v: unknown; f?: string } {
  if (v === null || v === undefined) return { v: '' };
  if (v instanceof Date) return { v: (v.getTime() - EPOCH_MS) / 86400000 };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return { v: '', f: v.formula ? '=' + String(v.formula) : `shared:${String(v.sharedFormula)}` };
    if (v.richText) return { v: v.richText.map((r: { text: string }) => r.text).join('') };
    if (v.error) return { v: v.error };
    if (v.text !== undefined) return { v: typeof v.text === 'object' && v.text.richText ? v.text.richText.map((r: { text: string }) => r.text).join('') : String(v.text) };
    return { v: String(v) };
  }
  return { v };
}

/**
 * An .xlsx file as cells. The full exceljs reader: its streaming WorkbookReader (4.4.0) garbles multi-byte text of
 * shared strings at chunk boundaries. Non-top-left cells of a merged area are blank (as Range.values has them).
 * `merges` lists, per sheet, the non-top-left cells of every merged area ('r,c').
 */
export async function readCells(file: string): Promise<WorkbookCells> {
  const out: WorkbookCells = [];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.eachSheet((ws: any) => {
    const sheet: SheetCells = { name: ws.name, values: [], formulas: new Map(), mergedSlaves: new Set() };
    ws.eachRow({ includeEmpty: false }, (row: any, rn: number) => {
      const r = rn - 1;
      row.eachCell({ includeEmpty: false }, (cell: any, cn: number) => {
        if (cell.type === (ExcelJS as any).ValueType.Merge) {
          sheet.mergedSlaves!.add(`${r},${cn - 1}`);
          return;
        }
        const { v, f } = fileValue(cell.value);
        if (f) sheet.formulas.set(`${r},${cn - 1}`, f);
        else if (v !== '') (sheet.values[r] ??= [])[cn - 1] = v;
      });
    });
    out.push(sheet);
  });
  return out;
}

const same = (a: unknown, b: unknown): boolean => {
  const x = a === null || a === undefined ? '' : a;
  const y = b === null || b === undefined ? '' : b;
  if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) <= 1e-7 * Math.max(1, Math.abs(x));
  return x === y;
};

export interface CompareOptions {
  /** Sheets not compared (the very hidden state sheet holds a time stamp). */
  skipSheets?: string[];
  /** Per sheet, rectangles [row, col] from which to the end a BLANK actual cell is not a difference (PivotTable output that the emulator records but does not materialise). */
  pivotAreas?: Map<string, { row: number; col: number }[]>;
  /**
   * Per sheet, inclusive rectangles not compared cell by cell: where the file holds a PivotTable and an Excel without
   * PivotTables (ExcelApi < 1.8) wrote the same figures as a cross-tab of its own layout; `pivotFigures` compares those.
   */
  skipAreas?: Map<string, { r0: number; c0: number; r1: number; c1: number }[]>;
  /**
   * Per sheet, the non-top-left cells of the INPUT's merged areas: run-addin.js loads them with the title copied into
   * each (exceljs repeats a merge's value in its slave cells), where Excel's Range.values gives ''. A value there in
   * the add-in's result with nothing in the CLI's is that loader bug, not the add-in's.
   */
  inputMerges?: Map<string, Set<string>>;
  /**
   * The tables of the add-in's result (run-addin.js's dump). A structured reference `Table[Column]` and the A1 span
   * of that column's data rows are the same formula: the Office adapter writes totals as A1 spans because the
   * table still has its temporary build name then, while exceljs writes Excel's own `SUBTOTAL(109,Table[Column])`.
   * Both formulas are compared with every structured reference replaced by its span.
   */
  tables?: DumpedTable[];
}

export interface DumpedTable {
  name: string;
  /** 'Sheet!A6:I23', headers and totals included. */
  range: string;
  headers: string[];
  showHeaders: boolean;
  showTotals: boolean;
}

/**
 * The note above a cross-tab says why it is not a PivotTable: in the file "PivotTables are built by the add-in", on
 * an Excel without ExcelApi 1.8 "this Excel has no PivotTables". Both are right where they stand.
 */
/**
 * 目录 says where the analysis date came from. The add-in in Excel can only analyse on today's date (there is no
 * --as-of), the CLI is given that date explicitly: "运行时指定" in the CLI's file is the add-in's "今天".
 */
const DATE_SOURCES: [string, string][] = (['zh-CN', 'en-US'] as const).map((l) => [t(l, 'contents.dateSource.today'), t(l, 'contents.dateSource.given')]);
const sameDateSource = (x: unknown, y: unknown): boolean =>
  typeof x === 'string' && typeof y === 'string' && DATE_SOURCES.some(([today, given]) => x.includes(today) && y.includes(given) && x.replace(today, given) === y);

const CROSS_TAB_NOTES: [string, string][] = (['zh-CN', 'en-US'] as const).map((l) => [t(l, 'office.pivotFallbackNote'), t(l, 'cli.pivotNote')]);

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** `=SUBTOTAL(109,T[活跃])` → `=SUBTOTAL(109,B7:B22)` for every table of `tables`; other text unchanged. */
export function spanStructuredReferences(formula: string, tables: DumpedTable[]): string {
  if (!formula.includes('[')) return formula;
  // Table names of any script (Excel's zh-CN default is 表1; a user may name a table 我的表).
  return formula.replace(/([\p{L}_\\][\p{L}\p{N}_.]*)\[([^[\]]+)\]/gu, (whole, name: string, header: string) => {
    const tb = tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
    const m = tb && /!?\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(tb.range);
    const i = tb ? tb.headers.indexOf(header) : -1;
    if (!tb || !m || i < 0) return whole;
    const first = Number(m[2]) + (tb.showHeaders ? 1 : 0);
    const last = Number(m[4]) - (tb.showTotals ? 1 : 0);
    const L = columnLetter(columnNumber(m[1]) - 1 + i);
    return `${L}${first}:${L}${last}`;
  });
}

/**
 * Compares two workbooks cell by cell: the same sheets in the same order, the same value in every cell, formula cells
 * by formula text. Returns the differences (at most 30) and how many cells were compared.
 */
export function compareCells(actual: WorkbookCells, expected: WorkbookCells, opts: CompareOptions = {}): { diffs: string[]; compared: number; formulas: number } {
  const diffs: string[] = [];
  const skip = new Set(opts.skipSheets ?? []);
  const an = actual.map((s) => s.name);
  const en = expected.map((s) => s.name);
  if (JSON.stringify(an) !== JSON.stringify(en)) diffs.push(`sheets differ:\n  actual   ${an.join(', ')}\n  expected ${en.join(', ')}`);
  let compared = 0;
  let formulas = 0;
  for (const e of expected) {
    if (skip.has(e.name)) continue;
    const a = actual.find((s) => s.name === e.name);
    if (!a) continue;
    const pivots = opts.pivotAreas?.get(e.name) ?? [];
    const skipped = opts.skipAreas?.get(e.name) ?? [];
    const inSkipped = (r: number, c: number) => skipped.some((x) => r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1);
    const rows = Math.max(a.values.length, e.values.length);
    for (let r = 0; r < rows && diffs.length < 30; r++) {
      const width = Math.max(a.values[r]?.length ?? 0, e.values[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const k = `${r},${c}`;
        if (a.formulas.has(k) || e.formulas.has(k) || inSkipped(r, c)) continue;
        const x = a.values[r]?.[c];
        const y = e.values[r]?.[c];
        const crossTabNote = CROSS_TAB_NOTES.some(([office, file]) => x === office && y === file);
        if (!same(x, y) && !crossTabNote && !sameDateSource(x, y) && !(opts.inputMerges?.get(e.name)?.has(k) && (y === '' || y === undefined))) {
          const inPivot = pivots.some((p) => r >= p.row && c >= p.col) && (x === '' || x === undefined || x === null);
          if (!inPivot) diffs.push(`${e.name}!R${r + 1}C${c + 1}: add-in ${JSON.stringify(x)} vs CLI ${JSON.stringify(y)}`);
        }
        compared++;
      }
    }
    for (const k of new Set([...a.formulas.keys(), ...e.formulas.keys()])) {
      const span = (f: string | undefined) => (f === undefined || !opts.tables ? f : spanStructuredReferences(f, opts.tables));
      const fa = span(a.formulas.get(k));
      const fe = span(e.formulas.get(k));
      if (fa !== fe && diffs.length < 30) {
        const [r, c] = k.split(',').map(Number);
        const blankInPivot = fa === undefined && pivots.some((p) => r >= p.row && c >= p.col);
        if (!blankInPivot) diffs.push(`${e.name}!R${r + 1}C${c + 1}: add-in formula ${JSON.stringify(fa ?? a.values[r]?.[c])} vs CLI ${JSON.stringify(fe ?? e.values[r]?.[c])}`);
      }
      formulas++;
      compared++;
    }
  }
  return { diffs, compared, formulas };
}

/**
 * The figures of a cross-tab or a PivotTable's cells, by row label and column label, from its label row (the row
 * whose first cell is the row field or 行标签): every number until the total row, blank intersections as 0.
 * @example pivotFigures(cells.values, 30, 0).get('江岸区')?.get('流失') // 34
 */
export function pivotFigures(values: unknown[][], labelRow: number, col: number): Map<string, Map<string, number>> {
  const head = values[labelRow] ?? [];
  const cols: string[] = [];
  for (let c = col + 1; head[c] !== undefined && head[c] !== ''; c++) cols.push(String(head[c]));
  const out = new Map<string, Map<string, number>>();
  for (let r = labelRow + 1; r < values.length; r++) {
    const label = values[r]?.[col];
    if (label === undefined || label === '') break;
    const line = new Map<string, number>();
    cols.forEach((h, i) => {
      const v = values[r]?.[col + 1 + i];
      line.set(h, typeof v === 'number' ? v : 0);
    });
    out.set(String(label), line);
  }
  return out;
}

/** The non-top-left cells of every merged area of a workbook, per sheet (for CompareOptions.inputMerges). */
export function mergesOf(cells: WorkbookCells): Map<string, Set<string>> {
  return new Map(cells.map((c) => [c.name, c.mergedSlaves ?? new Set<string>()]));
}

/** Where the PivotTables of a dump start (0-based row/col), per sheet. */
export function pivotAreas(sheets: DumpedSheet[]): Map<string, { row: number; col: number }[]> {
  const m = new Map<string, { row: number; col: number }[]>();
  for (const s of sheets) {
    for (const p of s.pivotTables ?? []) {
      const a = /!?\$?([A-Z]+)\$?(\d+)/.exec(p.destination.split('!').pop() ?? '');
      if (!a) continue;
      const col = columnNumber(a[1]);
      // With a filter field the product starts the pivot PIVOT_FILTER_ROWS below its planned top (src/office/buildSheet.ts):
      // those rows are the pivot's filter area in Excel and hold the file's note and cross-tab heading.
      const above = p.filters?.length ? PIVOT_FILTER_ROWS : 0;
      (m.get(s.name) ?? m.set(s.name, []).get(s.name)!).push({ row: Number(a[2]) - 1 - above, col: col - 1 });
    }
  }
  return m;
}

/** Every table of a dump, for CompareOptions.tables. */
export function tablesOf(sheets: DumpedSheet[]): DumpedTable[] {
  return sheets.flatMap((s) => s.tables);
}

/** A scratch directory for a test file, removed by the caller. */
export function scratch(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * The workbook as Excel's Range.values shows it to the add-in: run-addin.js loads every cell of a merged area with
 * the area's value (exceljs repeats it), where Excel gives '' (driver.ts, emuWorkbook). The add-in reads no merges,
 * so the areas are unmerged (their other cells blank, as Range.values returns them) before the emulator loads it;
 * otherwise 招揽名单's merged note row reads as a caller's record in the emulator only.
 */
export async function asRangeValuesShowIt(input: string): Promise<string> {
  const out = input.replace(/\.xlsx$/, '.unmerged.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  for (const ws of wb.worksheets) {
    const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges);
    for (const m of merges) ws.unMergeCells(m.range);
  }
  await wb.xlsx.writeFile(out);
  return out;
}
