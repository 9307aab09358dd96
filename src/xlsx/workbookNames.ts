/**
 * The table and defined names a workbook holds, for the core's unique table names and for following a product table
 * the user renamed (src/core/plan/tableNames.ts): from a loaded exceljs workbook (workbookNames), or from the package
 * parts themselves (packageNames: the streaming engine, which loads no workbook). Excel's built-in names
 * (_xlnm.Print_Titles, _xlnm._FilterDatabase …) are per sheet and never collide with a table.
 */
import type ExcelJS from 'exceljs';
import type { ExistingName } from '../core/plan/tableNames';
import { attrOf, relsPathOf, resolveTarget, sheetPaths, unescapeXml } from './packageParts';

/** exceljs keeps a sheet's tables by name; a loaded table's model has its displayName, ref and columns too. */
interface TableHolder {
  tables?: Record<string, { model?: { name?: string; displayName?: string; tableRef?: string; ref?: string; columns?: { name?: string }[] } }>;
}

/** The 0-based top-left cell of an A1 reference ('B3:D9' -> { row: 2, col: 1 }); undefined when it is not one. */
export function topLeftOf(ref: string | undefined): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(ref ?? '');
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * Every table (with its sheet, header row and top-left cell) and every workbook-level defined name.
 * @example workbookNames(wb) // [{ name: 'CD_summary_overview_status', sheet: '流失总览', columns: ['状态', …], row: 2, col: 0 }, { name: 'MyRange', sheet: null }]
 */
export function workbookNames(workbook: ExcelJS.Workbook): ExistingName[] {
  const out: ExistingName[] = [];
  workbook.eachSheet((ws) => {
    for (const [key, table] of Object.entries((ws as unknown as TableHolder).tables ?? {})) {
      const model = table.model;
      const columns = model?.columns?.map((c) => String(c.name ?? ''));
      const at = topLeftOf(model?.tableRef ?? model?.ref);
      const names = new Set([key, model?.name, model?.displayName].filter((n): n is string => Boolean(n)));
      for (const name of names) out.push({ name, sheet: ws.name, ...(columns ? { columns } : {}), ...(at ?? {}) });
    }
  });
  const defined = (workbook.definedNames as unknown as { model?: { name: string }[] }).model ?? [];
  for (const d of defined) if (!d.name.startsWith('_xlnm.')) out.push({ name: d.name, sheet: null });
  return out;
}

/** The package parts packageNames reads: the workbook, the sheets' relationships and the table parts. */
export function isNamePart(path: string): boolean {
  return path === 'xl/workbook.xml' || path === 'xl/_rels/workbook.xml.rels' || /^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(path) || /^xl\/tables\/[^/]+\.xml$/.test(path);
}

/**
 * The same names as workbookNames, read from the package parts (isNamePart): each sheet's table parts through its
 * relationships, each table's name, displayName, header row (tableColumn names) and ref; the workbook's defined names.
 * @example packageNames(readZipEntries(buffer)) // [{ name: '我的表', sheet: '流失概览', columns: ['状态', '车辆数'], row: 2, col: 0 }]
 */
export function packageNames(entries: Map<string, Buffer>): ExistingName[] {
  const out: ExistingName[] = [];
  for (const [sheet, part] of sheetPaths(entries)) {
    const rels = entries.get(relsPathOf(part))?.toString('utf8') ?? '';
    for (const tag of rels.match(/<Relationship\s[^>]*>/g) ?? []) {
      if (!/\/table"?$/.test(attrOf(tag, 'Type') ?? '') || attrOf(tag, 'TargetMode') === 'External') continue;
      const target = attrOf(tag, 'Target');
      const xml = target ? entries.get(resolveTarget(part, target))?.toString('utf8') : undefined;
      const head = xml ? /<(?:\w+:)?table\s[^>]*>/.exec(xml)?.[0] : undefined;
      if (!xml || !head) continue;
      const columns = (xml.match(/<(?:\w+:)?tableColumn\s[^>]*>/g) ?? []).map((c) => unescapeXml(attrOf(c, 'name') ?? ''));
      const at = topLeftOf(attrOf(head, 'ref'));
      const names = new Set([attrOf(head, 'name'), attrOf(head, 'displayName')].filter((n): n is string => Boolean(n)).map(unescapeXml));
      for (const name of names) out.push({ name, sheet, columns, ...(at ?? {}) });
    }
  }
  const workbook = entries.get('xl/workbook.xml')?.toString('utf8') ?? '';
  for (const tag of workbook.match(/<(?:\w+:)?definedName\s[^>]*>/g) ?? []) {
    const name = unescapeXml(attrOf(tag, 'name') ?? '');
    if (name && !name.startsWith('_xlnm.')) out.push({ name, sheet: null });
  }
  return out;
}
