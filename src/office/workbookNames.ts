/**
 * The table and defined names of the open workbook, for the core's unique table names and for following a product
 * table the user renamed (src/core/plan/tableNames.ts). TableCollection, NamedItemCollection, Table.getRange and
 * Range.getRow are ExcelApi 1.1; one sync, plus one for the tables' sheets and first rows when there are tables.
 * A table's first row is its header row (a table without headers gives its first data row, which matches no
 * product table): getHeaderRowRange would fail the whole sync on such a table.
 */
import type { ExistingName } from '../core/plan/tableNames';
import type { Syncer } from './syncer';

/**
 * Every table (with its sheet, header row and top-left cell) and every workbook-scoped defined name.
 * @example await readExistingNames(syncer) // [{ name: 'CD_summary_overview_status', sheet: '流失总览', columns: ['状态', …], row: 2, col: 0 }]
 */
export async function readExistingNames(syncer: Syncer): Promise<ExistingName[]> {
  const workbook = syncer.context.workbook;
  const tables = workbook.tables;
  tables.load('items/name');
  const names = workbook.names;
  names.load('items/name');
  await syncer.sync();
  const read = tables.items.map((t) => {
    const ws = t.worksheet;
    ws.load('name');
    const head = t.getRange().getRow(0);
    head.load(['values', 'rowIndex', 'columnIndex']);
    return { ws, head };
  });
  if (read.length) await syncer.sync();
  const out: ExistingName[] = tables.items.map((t, i) => ({
    name: t.name,
    sheet: read[i].ws.name,
    columns: (read[i].head.values[0] ?? []).map((v) => String(v ?? '')),
    row: read[i].head.rowIndex,
    col: read[i].head.columnIndex,
  }));
  for (const n of names.items) out.push({ name: n.name, sheet: null });
  return out;
}
