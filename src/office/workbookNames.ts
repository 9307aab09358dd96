/**
 * The table and defined names of the open workbook, for the core's unique table names (src/core/plan/tableNames.ts).
 * TableCollection and NamedItemCollection are ExcelApi 1.1 for reading; one sync, plus one for the tables' sheets
 * when there are tables.
 */
import type { ExistingName } from '../core/plan/tableNames';
import type { Syncer } from './syncer';

/**
 * Every table (with its sheet) and every workbook-scoped defined name.
 * @example await readExistingNames(syncer) // [{ name: 'CD_summary_overview_status', sheet: '流失总览' }]
 */
export async function readExistingNames(syncer: Syncer): Promise<ExistingName[]> {
  const workbook = syncer.context.workbook;
  const tables = workbook.tables;
  tables.load('items/name');
  const names = workbook.names;
  names.load('items/name');
  await syncer.sync();
  const sheets = tables.items.map((t) => {
    const ws = t.worksheet;
    ws.load('name');
    return ws;
  });
  if (sheets.length) await syncer.sync();
  const out: ExistingName[] = tables.items.map((t, i) => ({ name: t.name, sheet: sheets[i].name }));
  for (const n of names.items) out.push({ name: n.name, sheet: null });
  return out;
}
