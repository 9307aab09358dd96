/**
 * TEMPORARY stand-in for src/office/createOfficeActions while it is being written: ChurnDeskActions over the
 * in-memory Excel (test/support/fakeExcel) that stores settings and mappings in the real state sheet
 * (src/core/state/stateSheet.ts) but does not run the analysis. Replaced by createOfficeActions when committed.
 */
import type { ChurnDeskActions, DetectionSummary, RunSummary } from '../../../src/office/actions';
import { resolveSettings } from '../../../src/core/settings/settings';
import { emptyState, stateFromGrid, stateToGrid } from '../../../src/core/state/stateSheet';
import { STATE_SHEET_NAME, type WorkbookState } from '../../../src/core/plan/types';
import { FORM_CATALOGUE } from '../../../src/core/forms/catalogue';
import type { FakeWorkbook } from '../../support/fakeExcel';

const HEADER_ROWS: Record<string, { kind: DetectionSummary['sheets'][number]['kind']; headerRow: number }> = {
  保有客户: { kind: 'customers', headerRow: 2 },
  回访记录: { kind: 'calls', headerRow: 0 },
  展厅来电登记: { kind: 'register', headerRow: 0 },
  意向客户跟踪: { kind: 'prospects', headerRow: 0 },
};

export function createStubActions(wb: FakeWorkbook): ChurnDeskActions {
  const readState = (): WorkbookState => (wb.sheetNames().includes(STATE_SHEET_NAME) ? stateFromGrid(wb.grid(STATE_SHEET_NAME)) : null) ?? emptyState();
  const writeState = (state: WorkbookState) => {
    const sheet = wb.data.sheetByName(STATE_SHEET_NAME) ?? wb.data.addSheet(STATE_SHEET_NAME);
    sheet.visibility = 'VeryHidden';
    stateToGrid(state).forEach((row, r) => sheet.setRaw(r, 0, row[0], undefined));
  };
  const detect = async (): Promise<DetectionSummary> => {
    const state = readState();
    return {
      sheets: Object.entries(HEADER_ROWS)
        .filter(([name]) => wb.sheetNames().includes(name))
        .map(([sheet, { kind, headerRow }]) => {
          const grid = wb.grid(sheet);
          const headers = (grid[headerRow] ?? []).map(String);
          return { sheet, kind, headerRow, headers, mapping: state.mappings[sheet] ?? {}, missingRequired: [], dataRowCount: grid.length - headerRow - 1 };
        }),
      ignored: [],
    };
  };
  return {
    detect,
    async analyse(options) {
      options?.onProgress?.({ step: 'progress.reading', fraction: 0.5 });
      const report: RunSummary['report'] = { parts: [], figures: { vehicles: 0, churnRate: 0 }, statusCounts: {}, issues: [], warnings: [] };
      return { report, sheetsWritten: [], syncs: 0, durationMs: 0 };
    },
    async generateForms(ids) {
      const sheets = ids.map((id) => FORM_CATALOGUE.find((f) => f.id === id)?.title ?? id).map((t) => t.replace(/[/\\?*:[\]]/g, '-').slice(0, 31));
      for (const s of sheets) wb.data.addSheet(s);
      return { sheets };
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
      const grid = wb.grid(sheet);
      const headerRow = HEADER_ROWS[sheet]?.headerRow ?? 0;
      return { headers: (grid[headerRow] ?? []).map(String), rows: grid.slice(headerRow + 1, headerRow + 1 + rows) as RunSummary['report']['issues'][number]['value'][][] };
    },
    async shareSafeCopy() {
      return { sheets: [], maskedCells: 0 };
    },
    async lastRun() {
      return readState().lastRun?.figures ?? null;
    },
  };
}
