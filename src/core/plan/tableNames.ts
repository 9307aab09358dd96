/**
 * Table names unique across the workbook. A summary's table name is derived from its key (CD_summary_overview_status),
 * so the same name comes back on every refresh; it must not collide with a name the workbook already holds: a user's
 * table named like the product's, the tables of a summary sheet the user renamed (it stays, with its tables), a
 * defined name, or a table left by a damaged state. Excel compares these names case-insensitively, tables and defined
 * names together, and repairs a file that holds two alike.
 */
import type { SheetSpec, TableSpec } from './types';
import { uniqueTableName } from './names';

/** A table or defined name the workbook holds before the refresh, and the sheet it lives on (null: a defined name). */
export interface ExistingName {
  name: string;
  sheet: string | null;
  /** A table's header row as the workbook holds it (its first row), to follow a product table the user renamed. */
  columns?: string[];
  /** A table's top-left cell (0-based), to tell apart tables of one sheet with the same header row. */
  row?: number;
  col?: number;
}

/**
 * The names a refresh must avoid: every existing name except the tables on the sheets this plan replaces (they are
 * deleted with their sheet first). `replaced` holds sheet names.
 * @example namesToAvoid([{ name: 'CD_a', sheet: '总览' }, { name: 'Mine', sheet: 'x' }], new Set(['总览'])) // ['Mine']
 */
export function namesToAvoid(existing: readonly ExistingName[], replaced: ReadonlySet<string>): string[] {
  return existing.filter((n) => n.sheet === null || !replaced.has(n.sheet)).map((n) => n.name);
}

const headerKey = (headers: readonly string[]): string => JSON.stringify(headers.map((h) => String(h).trim()));
const byPosition = (a: { row?: number; col?: number }, b: { row?: number; col?: number }) => (a.row ?? 0) - (b.row ?? 0) || (a.col ?? 0) - (b.col ?? 0);

/**
 * The planned tables under the names the user gave them. A table of the sheet a planned sheet replaces (`replacedName`
 * gives the sheet's current name by key: the state's record, followed when the user renamed the sheet) whose header
 * row is a planned table's is that table, renamed or not: the planned table takes its name, so a name the user chose
 * survives the refresh. Tables of one sheet with the same header row pair up in order of position; a planned table
 * whose columns changed with the data pairs with the table at its top-left cell with the same first header. A table
 * matching neither (the user changed its headers) is not followed: it gets the plan's name. Charts follow. Uniqueness is assignTableNames'
 * job (the kept names are the workbook's, unique already). Returns new specs; the input is not changed.
 * @example keepUserTableNames([overview], [{ name: '我的表', sheet: '流失概览', columns: ['状态', '车辆数'] }], () => '流失概览')[0].tables[0].name // '我的表'
 */
export function keepUserTableNames(sheets: readonly SheetSpec[], existing: readonly ExistingName[], replacedName: (key: string) => string | undefined): SheetSpec[] {
  return sheets.map((spec) => {
    const sheet = replacedName(spec.key);
    if (!sheet || spec.tables.length === 0) return spec;
    const onSheet = existing.filter((n) => n.sheet === sheet && n.columns !== undefined);
    if (onSheet.length === 0) return spec;
    const candidates = new Map<string, ExistingName[]>();
    for (const n of [...onSheet].sort(byPosition)) {
      const k = headerKey(n.columns!);
      candidates.set(k, [...(candidates.get(k) ?? []), n]);
    }
    const kept = new Map<TableSpec, string>();
    const unmatched: TableSpec[] = [];
    for (const t of [...spec.tables].sort(byPosition)) {
      const found = candidates.get(headerKey(t.columns.map((c) => c.header)))?.shift();
      if (!found) unmatched.push(t);
      else if (found.name !== t.name) kept.set(t, found.name);
    }
    // A table whose columns changed with the data (a status no vehicle has this month): the one at the same cell
    // with the same first header.
    const left = [...candidates.values()].flat();
    for (const t of unmatched) {
      const i = left.findIndex((n) => n.row === t.row && n.col === t.col && String(n.columns![0] ?? '').trim() === String(t.columns[0]?.header ?? '').trim());
      if (i < 0) continue;
      const [found] = left.splice(i, 1);
      if (found.name !== t.name) kept.set(t, found.name);
    }
    if (kept.size === 0) return spec;
    const renamed = new Map<string, string>();
    const tables = spec.tables.map((t) => {
      const name = kept.get(t);
      if (name === undefined) return t;
      renamed.set(t.name, name);
      return { ...t, name };
    });
    const charts = spec.charts?.map((c) => (renamed.has(c.table) ? { ...c, table: renamed.get(c.table)! } : c));
    return { ...spec, tables, ...(charts ? { charts } : {}) };
  });
}

/**
 * The sheets with every table renamed where needed so no two names alike (case-insensitively) are in the workbook,
 * and every chart following its table's new name. Names already unique stay as they are, so a refresh of an
 * unedited workbook keeps its table names. Returns new specs; the input is not changed.
 * @example assignTableNames(plan.sheets, ['cd_summary_overview_status']) // that table becomes CD_summary_overview_status_2
 */
export function assignTableNames(sheets: readonly SheetSpec[], taken: Iterable<string>): SheetSpec[] {
  const used: string[] = [...taken];
  return sheets.map((spec) => {
    const renamed = new Map<string, string>();
    const tables = spec.tables.map((t) => {
      const name = uniqueTableName(t.name, used);
      used.push(name);
      if (name !== t.name) renamed.set(t.name, name);
      return name === t.name ? t : { ...t, name };
    });
    if (renamed.size === 0) return spec;
    const charts = spec.charts?.map((c) => (renamed.has(c.table) ? { ...c, table: renamed.get(c.table)! } : c));
    return { ...spec, tables, ...(charts ? { charts } : {}) };
  });
}
