/**
 * ChurnDeskActions over the in-memory Excel that run the REAL core on the workbook's grids (detectSheets,
 * analyseWorkbook, buildFormsPlan) and keep settings, mappings and the last run in the real state sheet
 * (src/core/state/stateSheet.ts). They write sheet names and cell values only, not formats: rendering a plan
 * into Excel is src/office/'s job, and the harness switches to createOfficeActions once that is committed.
 */
import type { ChurnDeskActions, DetectionSummary } from '../../../src/office/actions';
import { resolveSettings } from '../../../src/core/settings/settings';
import { emptyState, stateFromGrid, stateToGrid } from '../../../src/core/state/stateSheet';
import { STATE_SHEET_NAME, type CellValue, type SheetInput, type SheetSpec, type WorkbookState } from '../../../src/core/plan/types';
import { detectSheets } from '../../../src/core/sheets';
import { analyseWorkbook } from '../../../src/core/analyse';
import { buildFormsPlan } from '../../../src/core/forms/buildFormsPlan';
import { parseIso, todayYmd } from '../../../src/core/values/dates';
import type { FakeWorkbook } from '../../support/fakeExcel';

function abortError(): Error {
  const e = new Error('Cancelled');
  e.name = 'AbortError';
  return e;
}

/** Lets the browser paint between steps, as the real adapter's syncs do. */
const tick = () => new Promise((r) => setTimeout(r, 0));

export function createCoreGridActions(wb: FakeWorkbook): ChurnDeskActions {
  const readState = (): WorkbookState => (wb.sheetNames().includes(STATE_SHEET_NAME) ? stateFromGrid(wb.grid(STATE_SHEET_NAME)) : null) ?? emptyState();
  const writeState = (state: WorkbookState) => {
    const sheet = wb.data.sheetByName(STATE_SHEET_NAME) ?? wb.data.addSheet(STATE_SHEET_NAME);
    sheet.visibility = 'VeryHidden';
    stateToGrid(state).forEach((row, r) => sheet.setRaw(r, 0, row[0], undefined));
  };
  const inputs = (): SheetInput[] => wb.sheetNames().filter((n) => n !== STATE_SHEET_NAME).map((name) => ({ name, grid: wb.grid(name) }));
  /** Writes a new sheet's cell values (replacing a sheet of the same name). */
  const writeSheet = (spec: SheetSpec) => {
    const existing = wb.data.sheetByName(spec.name);
    if (existing) wb.data.sheets.splice(wb.data.sheets.indexOf(existing), 1);
    const sheet = wb.data.addSheet(spec.name);
    for (const c of spec.cells) if (c.value !== undefined) sheet.setRaw(c.row, c.col, c.value, undefined);
    for (const table of spec.tables) {
      table.columns.forEach((col, j) => sheet.setRaw(table.row, table.col + j, col.header, undefined));
      table.rows.forEach((row, i) => row.forEach((v, j) => sheet.setRaw(table.row + 1 + i, table.col + j, v, undefined)));
    }
  };

  const detect = async (): Promise<DetectionSummary> => {
    const state = readState();
    const found = detectSheets(inputs(), { mappings: state.mappings, ownedSheetNames: Object.values(state.ownedSheets) });
    const sheets: DetectionSummary['sheets'] = [];
    for (const m of [found.customers, found.calls, found.register, found.prospects]) {
      if (!m) continue;
      const mapping: DetectionSummary['sheets'][number]['mapping'] = {};
      for (const [field, col] of Object.entries(m.columns)) if (col !== undefined && m.headers[col]) mapping[field as keyof typeof mapping] = m.headers[col];
      sheets.push({ sheet: m.sheet.name, kind: m.kind, headerRow: m.headerRow, headers: m.headers, mapping, missingRequired: m.missingRequired, dataRowCount: m.dataRows.length });
    }
    return { sheets, ignored: found.ignored };
  };

  return {
    detect,
    async analyse(options) {
      const started = Date.now();
      const state = readState();
      const steps: string[] = [];
      options?.onProgress?.({ step: 'progress.reading', fraction: 0.05 });
      await tick();
      if (options?.signal?.aborted) throw abortError();
      const plan = analyseWorkbook(inputs(), { state, onProgress: (step, fraction) => steps.push(step) && options?.onProgress?.({ step: `progress.${step}`, fraction }) });
      await tick();
      if (options?.signal?.aborted) throw abortError();
      for (const spec of plan.sheets) writeSheet(spec);
      writeState(plan.state);
      return { report: plan.report, sheetsWritten: plan.sheets.map((s) => s.name), syncs: 0, durationMs: Date.now() - started };
    },
    async generateForms(ids, filled) {
      const settings = resolveSettings(readState().settings);
      const asOf = (settings.analysisDate ? parseIso(settings.analysisDate) : null) ?? todayYmd();
      const specs = buildFormsPlan({ ids, filled, settings, asOf, existingSheetNames: wb.sheetNames() });
      for (const spec of specs) writeSheet(spec);
      return { sheets: specs.map((s) => s.name) };
    },
    async loadSettings() {
      return resolveSettings(readState().settings);
    },
    async saveSettings(partial) {
      const settings = resolveSettings(partial);
      writeState({ ...readState(), settings: settings as unknown as Record<string, unknown> });
      return settings;
    },
    async saveMapping(sheet, mapping) {
      const state = readState();
      writeState({ ...state, mappings: { ...state.mappings, [sheet]: mapping as Record<string, string> } });
    },
    async previewSheet(sheet, rows) {
      const found = (await detect()).sheets.find((s) => s.sheet === sheet);
      const headerRow = found?.headerRow ?? 0;
      const grid = wb.grid(sheet);
      return { headers: (grid[headerRow] ?? []).map((h) => String(h)), rows: grid.slice(headerRow + 1, headerRow + 1 + rows) as CellValue[][] };
    },
    async shareSafeCopy() {
      throw Object.assign(new Error('share-safe copy needs src/office (not committed yet)'), { messageKey: 'ui.share.failed' });
    },
    async lastRun() {
      return readState().lastRun?.figures ?? null;
    },
  };
}
