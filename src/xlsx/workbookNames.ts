/**
 * The table and defined names a loaded workbook holds, for the core's unique table names (src/core/plan/tableNames.ts).
 * Excel's built-in names (_xlnm.Print_Titles, _xlnm._FilterDatabase …) are per sheet and never collide with a table.
 */
import type ExcelJS from 'exceljs';
import type { ExistingName } from '../core/plan/tableNames';

/** exceljs keeps a sheet's tables by name; a loaded table's model has its displayName too. */
interface TableHolder {
  tables?: Record<string, { model?: { name?: string; displayName?: string } }>;
}

/**
 * Every table (with its sheet) and every workbook-level defined name.
 * @example workbookNames(wb) // [{ name: 'CD_summary_overview_status', sheet: '流失总览' }, { name: 'MyRange', sheet: null }]
 */
export function workbookNames(workbook: ExcelJS.Workbook): ExistingName[] {
  const out: ExistingName[] = [];
  workbook.eachSheet((ws) => {
    for (const [key, table] of Object.entries((ws as unknown as TableHolder).tables ?? {})) {
      const names = new Set([key, table.model?.name, table.model?.displayName].filter((n): n is string => Boolean(n)));
      for (const name of names) out.push({ name, sheet: ws.name });
    }
  });
  const defined = (workbook.definedNames as unknown as { model?: { name: string }[] }).model ?? [];
  for (const d of defined) if (!d.name.startsWith('_xlnm.')) out.push({ name: d.name, sheet: null });
  return out;
}
