/**
 * Presses the ribbon's 刷新分析 of a production build in the Office emulator, in this process, on a workbook given
 * as the emulator's sheets (perf/emuInput.ts) rather than as an .xlsx file. It does what
 * ../shared/office-emu/run-addin.js does between reading the file and writing the result (serve dist/, answer
 * office.js with emu.js, inject `__EMU_WORKBOOK__`, open the manifest's FunctionFile, invoke the action, wait for
 * completed() and for the emulated Excel to go idle, read `__EMU__.stats()`), and leaves out the two ends: reading
 * the input with exceljs and writing RESULT.xlsx, which at 500,000 vehicles took most of the add-in bench and measure
 * exceljs, not the add-in. The syncs and payload figures come from the same emu.js counters run-addin.js prints.
 * run-addin.js itself is a script that runs and exits when required, so its pieces are copied (as test/emu/driver.ts).
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { chromium } from 'playwright-core';


export const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS_RE = /\/office(\.debug)?\.js([?#].*)?$/i;
const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'application/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.xml': 'application/xml; charset=utf-8' };

/** The part of emu.js's `window.__EMU__` used here. */
interface EmuPage {
  ready(): boolean;
  hasAction(id: string): boolean;
  invokeAction(id: string, controlId: string | null): Promise<{ completed?: boolean }>;
  idle(): boolean;
  stats(): unknown;
}

/** What run-addin.js's JSON line carries that the benches read. */
export interface RibbonRun {
  ok: boolean;
  completed: boolean;
  syncs: number;
  runs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
  largestSync: unknown;
  errors: unknown[];
  pageErrors: string[];
  /** Milliseconds per phase: serve (server + JSON), browserStartAndLoad, action (press → completed() + idle), stats. */
  timing: Record<string, number>;
}

/** The FunctionFile URL and the action whose label says 刷新 / Refresh, read from dist/manifest.xml as run-addin.js does. */
function refreshAction(dist: string): { functionFile: string; action: string; controlId: string | null } {
  const xml = fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8');
  const urls: Record<string, string> = {};
  for (const m of xml.matchAll(/<bt:Url\s+[^>]*?id="([^"]+)"[^>]*?DefaultValue="([^"]*)"[^>]*?\/?>/g)) urls[m[1]] = m[2];
  const labels: Record<string, string> = {};
  for (const m of xml.matchAll(/<bt:String\s+[^>]*?id="([^"]+)"[^>]*?DefaultValue="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/bt:String>)/g)) labels[m[1]] = `${m[2]} ${m[3] ?? ''}`;
  const ff = /<FunctionFile\s+resid="([^"]+)"/.exec(xml);
  if (!ff || !urls[ff[1]]) throw new Error('the manifest has no FunctionFile');
  for (const m of xml.matchAll(/<Control\b([^>]*)>([\s\S]*?)<\/Control>/g)) {
    const fn = /<Action\s+xsi:type="ExecuteFunction"\s*>\s*<FunctionName>\s*([^<\s]+)\s*<\/FunctionName>/.exec(m[2]);
    const label = /<Label\s+resid="([^"]+)"/.exec(m[2]);
    if (fn && label && /刷新|Refresh/i.test(labels[label[1]] ?? '')) return { functionFile: urls[ff[1]], action: fn[1], controlId: /id="([^"]+)"/.exec(m[1])?.[1] ?? null };
  }
  throw new Error('no ExecuteFunction action labelled 刷新/Refresh in the manifest');
}

async function serve(root: string, workbook: Buffer): Promise<{ origin: string; close: () => Promise<void> }> {
  const srv = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (p === '/__emu__/workbook.json') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': workbook.length, 'Cache-Control': 'no-store' });
      res.end(workbook);
      return;
    }
    const f = path.join(root, path.normalize(p));
    if (!f.startsWith(root) || !fs.existsSync(f) || !fs.statSync(f).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[path.extname(f).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(f).pipe(res);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => {
    srv.close(() => r());
    srv.closeAllConnections();
  }) };
}

/**
 * One ribbon refresh. `workbook` is `__EMU_WORKBOOK__` as JSON bytes (emuWorkbookJson). `rendererHeapMb` raises the
 * page's V8 heap limit (the million-row workbook and the add-in's copy of it share one renderer).
 */
export async function runRibbonRefresh(dist: string, emuDir: string, workbook: Buffer, options: { timeoutMs?: number; rendererHeapMb?: number } = {}): Promise<RibbonRun> {
  const timing: Record<string, number> = {};
  const root = path.resolve(dist);
  const { functionFile, action, controlId } = refreshAction(root);
  const emu = fs.readFileSync(path.join(emuDir, 'emu.js'), 'utf8');
  let t = Date.now();
  const server = await serve(root, workbook);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', ...(options.rendererHeapMb ? [`--js-flags=--max-old-space-size=${options.rendererHeapMb}`] : [])],
  });
  const pageErrors: string[] = [];
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000);
  const left = () => Math.max(1000, deadline - Date.now());
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    // As run-addin.js above 4 MB: the workbook is fetched (synchronously) the first time emu.js reads it.
    await context.addInitScript(
      "Object.defineProperty(window,'__EMU_WORKBOOK__',{configurable:true,get:function(){var x=new XMLHttpRequest();x.open('GET','/__emu__/workbook.json',false);x.send();var v=JSON.parse(x.responseText);Object.defineProperty(window,'__EMU_WORKBOOK__',{value:v,writable:true,configurable:true});return v;}});",
    );
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (OFFICE_JS_RE.test(u)) return route.fulfill({ status: 200, contentType: 'application/javascript; charset=utf-8', body: emu });
      if (u.startsWith(server.origin + '/')) return route.continue();
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e?.stack ?? e?.message ?? e)));
    const url = new URL(functionFile);
    await page.goto(`${server.origin}${url.pathname}${url.search}`, { waitUntil: 'load', timeout: left() });
    timing.browserStartAndLoadMs = Date.now() - t;
    t = Date.now();
    await page.waitForFunction((id) => Boolean((globalThis as unknown as { __EMU__?: EmuPage }).__EMU__?.ready() && (globalThis as unknown as { __EMU__: EmuPage }).__EMU__.hasAction(id)), action, { timeout: left(), polling: 50 });
    timing.workbookLoadMs = Date.now() - t;
    t = Date.now();
    const res = (await Promise.race([
      page.evaluate(([id, c]) => (globalThis as unknown as { __EMU__: EmuPage }).__EMU__.invokeAction(id, c), [action, controlId] as const),
      new Promise((r) => setTimeout(() => r({ completed: false, timedOut: true }), left())),
    ])) as { completed?: boolean };
    let idle = 0;
    while (idle < 3 && Date.now() < deadline) {
      idle = (await page.evaluate(() => (globalThis as unknown as { __EMU__: EmuPage }).__EMU__.idle())) ? idle + 1 : 0;
      await new Promise((r) => setTimeout(r, 100));
    }
    timing.actionMs = Date.now() - t;
    const stats = (await page.evaluate(() => (globalThis as unknown as { __EMU__: EmuPage }).__EMU__.stats())) as Omit<RibbonRun, 'ok' | 'completed' | 'pageErrors' | 'timing'>;
    const completed = Boolean(res?.completed);
    return { ...stats, ok: completed && pageErrors.length === 0, completed, pageErrors, timing };
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
}
