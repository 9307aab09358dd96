/**
 * Table names unique across the workbook. A summary's table name is derived from its key (CD_summary_overview_status),
 * so the same name comes back on every refresh; it must not collide with a name the workbook already holds: a user's
 * table named like the product's, the tables of a summary sheet the user renamed (it stays, with its tables), a
 * defined name, or a table left by a damaged state. Excel compares these names case-insensitively, tables and defined
 * names together, and repairs a file that holds two alike.
 */
import type { SheetSpec } from './types';
import { uniqueTableName } from './names';

/** A table or defined name the workbook holds before the refresh, and the sheet it lives on (null: a defined name). */
export interface ExistingName {
  name: string;
  sheet: string | null;
}

/**
 * The names a refresh must avoid: every existing name except the tables on the sheets this plan replaces (they are
 * deleted with their sheet first). `replaced` holds sheet names.
 * @example namesToAvoid([{ name: 'CD_a', sheet: '总览' }, { name: 'Mine', sheet: 'x' }], new Set(['总览'])) // ['Mine']
 */
export function namesToAvoid(existing: readonly ExistingName[], replaced: ReadonlySet<string>): string[] {
  return existing.filter((n) => n.sheet === null || !replaced.has(n.sheet)).map((n) => n.name);
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
