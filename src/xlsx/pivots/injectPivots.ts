/**
 * Puts the PivotTables into the package exceljs wrote (exceljs cannot write them): per pivot, a cache definition
 * (linked from xl/workbook.xml's <pivotCaches>) and a table definition (linked from its sheet and linked to its
 * cache), and their content types. The pivot's cells are already in the sheet (renderPlan writes them), so a reader
 * that does not refresh still sees the figures.
 */
import { addContentTypes, addRelationship, attrOf, insertTopLevel, nextIndex, relsPathOf, sheetPaths, withRelationshipNamespace, partText, setPartText, type PackageEntries } from '../packageParts';
import type { FilePivot } from './filePivot';
import { pivotCacheXml, pivotTableXml } from './pivotXml';

const REL_CACHE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition';
const REL_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable';
export const CT_CACHE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml';
export const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml';
/** CT_Workbook's children after <pivotCaches>. */
const AFTER_PIVOT_CACHES = ['smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/**
 * Adds the parts of `pivots` to the package `entries` (mutated). A pivot whose sheet or source sheet the package
 * lacks is left out. Returns how many were added.
 */
export function addPivotParts(entries: PackageEntries, pivots: FilePivot[]): number {
  const paths = sheetPaths(entries);
  if (!entries.has('xl/workbook.xml')) return 0;
  let cacheId = nextCacheId(entries);
  let cacheN = nextIndex(entries, /^xl\/pivotCache\/pivotCacheDefinition(\d+)\.xml$/);
  let tableN = nextIndex(entries, /^xl\/pivotTables\/pivotTable(\d+)\.xml$/);
  const caches: string[] = [];
  const overrides: { part: string; type: string }[] = [];
  for (const pivot of pivots) {
    const part = paths.get(pivot.sheet);
    if (!part || !paths.has(pivot.source.sheet) || !entries.has(part)) continue;
    const cachePath = `xl/pivotCache/pivotCacheDefinition${cacheN}.xml`;
    const tablePath = `xl/pivotTables/pivotTable${tableN}.xml`;
    setPartText(entries, cachePath, pivotCacheXml(pivot));
    setPartText(entries, tablePath, pivotTableXml(pivot, cacheId));
    const cacheRel = addRelationship(entries, 'xl/_rels/workbook.xml.rels', REL_CACHE, `pivotCache/pivotCacheDefinition${cacheN}.xml`);
    caches.push(`<pivotCache cacheId="${cacheId}" r:id="${cacheRel}"/>`);
    addRelationship(entries, relsPathOf(tablePath), REL_CACHE, `../pivotCache/pivotCacheDefinition${cacheN}.xml`);
    addRelationship(entries, relsPathOf(part), REL_TABLE, `../pivotTables/pivotTable${tableN}.xml`);
    overrides.push({ part: cachePath, type: CT_CACHE }, { part: tablePath, type: CT_TABLE });
    cacheId++;
    cacheN++;
    tableN++;
  }
  addPivotCaches(entries, caches);
  addContentTypes(entries, overrides);
  return caches.length;
}

/** One more than the highest cacheId of xl/workbook.xml's <pivotCaches>. */
export function nextCacheId(entries: PackageEntries): number {
  const workbook = partText(entries, 'xl/workbook.xml') ?? '';
  return Math.max(0, ...(workbook.match(/<pivotCache\s[^>]*>/g) ?? []).map((tag) => Number(attrOf(tag, 'cacheId')) || 0)) + 1;
}

/** Adds `<pivotCache cacheId r:id/>` elements to xl/workbook.xml's <pivotCaches> (created in schema position when missing). */
export function addPivotCaches(entries: PackageEntries, caches: string[]): void {
  if (!caches.length) return;
  let workbook = withRelationshipNamespace(partText(entries, 'xl/workbook.xml') ?? '', 'workbook');
  workbook = /<pivotCaches>/.test(workbook)
    ? workbook.replace('</pivotCaches>', caches.join('') + '</pivotCaches>')
    : insertTopLevel(workbook, `<pivotCaches>${caches.join('')}</pivotCaches>`, AFTER_PIVOT_CACHES, 'workbook');
  setPartText(entries, 'xl/workbook.xml', workbook);
}
