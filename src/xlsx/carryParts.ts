/**
 * Carries the product's charts and PivotTables from one package into another written from it (the share-safe copy:
 * exceljs reads the analysed workbook, masks it and writes it again, and it can write neither charts nor pivots).
 * Parts are copied byte for byte under new part names; a sheet is matched by its name. Carried are only:
 *  - the charts of a drawing made of charts alone, on a sheet that has no drawing in the target (exceljs keeps images
 *    itself), and the product's PivotTables (named CD_…) with their caches;
 *  - parts whose cached text is all in `allowedText` (the text of the target's cells): a chart's labels and a pivot
 *    cache's items are copies of cells, and a copy must never bring back a value the target masked.
 */
import { addContentTypes, addRelationship, attrOf, insertTopLevel, nextIndex, relsPathOf, resolveTarget, sheetPaths, unescapeXml, withRelationshipNamespace, partText, setPartText, type PackageEntries } from './packageParts';
import { addPivotCaches, CT_CACHE, CT_TABLE, nextCacheId } from './pivots/injectPivots';
import { AFTER_DRAWING, CT_CHART, CT_DRAWING } from './charts/injectCharts';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

interface Rel {
  id: string;
  type: string;
  target: string;
}

function relsOf(entries: PackageEntries, part: string): Rel[] {
  const xml = partText(entries, relsPathOf(part)) ?? '';
  const out: Rel[] = [];
  for (const tag of xml.match(/<Relationship\s[^>]*>/g) ?? []) {
    const id = attrOf(tag, 'Id');
    const type = attrOf(tag, 'Type');
    const target = attrOf(tag, 'Target');
    if (id && type && target && attrOf(tag, 'TargetMode') !== 'External') out.push({ id, type: type.slice(type.lastIndexOf('/') + 1), target });
  }
  return out;
}

/** Every cached text of a chart (<c:v> in string caches) or a pivot cache (<s v="…"/>). */
export function cachedText(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<c:pt\b[^>]*>\s*<c:v>([^<]*)<\/c:v>/g)) out.push(unescapeXml(m[1]));
  for (const m of xml.matchAll(/<s v="([^"]*)"/g)) out.push(unescapeXml(m[1]));
  return out;
}

const isNumberText = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

/**
 * Copies the charts and product PivotTables of `source` into `target` (mutated), for the sheets both hold.
 * Returns how many charts and pivots were carried and how many were left out because of their cached text.
 */
export function carryChartsAndPivots(source: PackageEntries, target: PackageEntries, allowedText: Set<string>): { charts: number; pivots: number; refused: number } {
  const allowed = (xml: string) => cachedText(xml).every((s) => s === '' || isNumberText(s) || allowedText.has(s));
  const from = sheetPaths(source);
  const to = sheetPaths(target);
  const overrides: { part: string; type: string }[] = [];
  let charts = 0;
  let pivots = 0;
  let refused = 0;
  let drawingN = nextIndex(target, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let chartN = nextIndex(target, /^xl\/charts\/chart(\d+)\.xml$/);
  let cacheN = nextIndex(target, /^xl\/pivotCache\/pivotCacheDefinition(\d+)\.xml$/);
  let tableN = nextIndex(target, /^xl\/pivotTables\/pivotTable(\d+)\.xml$/);
  let cacheId = nextCacheId(target);
  const caches: string[] = [];
  for (const [name, srcPart] of from) {
    const dstPart = to.get(name);
    let dstXml = dstPart ? partText(target, dstPart) : undefined;
    if (!dstPart || dstXml === undefined) continue;
    for (const rel of relsOf(source, srcPart)) {
      const part = resolveTarget(srcPart, rel.target);
      const xml = partText(source, part);
      if (xml === undefined) continue;
      if (rel.type === 'drawing' && !/<drawing[\s/>]/.test(dstXml)) {
        const inner = relsOf(source, part);
        if (!inner.length || inner.some((r) => r.type !== 'chart')) continue;
        const chartParts = inner.map((r) => resolveTarget(part, r.target));
        const chartXml = chartParts.map((c) => partText(source, c));
        // A chart with parts of its own (Excel's style and colour parts, a user's chart) is not the product's.
        if (chartXml.some((c) => c === undefined) || chartParts.some((c) => relsOf(source, c).length > 0)) continue;
        if (!chartXml.every((c) => allowed(c!))) {
          refused += inner.length;
          continue;
        }
        const drawingPath = `xl/drawings/drawing${drawingN++}.xml`;
        const rels = inner.map((r, i) => {
          const chartPath = `xl/charts/chart${chartN++}.xml`;
          setPartText(target, chartPath, chartXml[i]!);
          overrides.push({ part: chartPath, type: CT_CHART });
          return `<Relationship Id="${r.id}" Type="${REL}chart" Target="../charts/${chartPath.slice('xl/charts/'.length)}"/>`;
        });
        setPartText(target, drawingPath, xml);
        setPartText(target, relsPathOf(drawingPath), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
        overrides.push({ part: drawingPath, type: CT_DRAWING });
        const id = addRelationship(target, relsPathOf(dstPart), `${REL}drawing`, `../drawings/${drawingPath.slice('xl/drawings/'.length)}`);
        dstXml = insertTopLevel(withRelationshipNamespace(dstXml), `<drawing r:id="${id}"/>`, AFTER_DRAWING);
        charts += inner.length;
      }
      if (rel.type === 'pivotTable' && /<pivotTableDefinition\b[^>]*\sname="CD_/.test(xml)) {
        const cacheRel = relsOf(source, part).find((r) => r.type === 'pivotCacheDefinition');
        const cachePart = cacheRel ? resolveTarget(part, cacheRel.target) : undefined;
        const cacheXml = cachePart ? partText(source, cachePart) : undefined;
        // A cache with records (not the product's) or one whose items the target masked is not carried.
        if (!cachePart || cacheXml === undefined || relsOf(source, cachePart).length > 0) continue;
        if (!allowed(cacheXml)) {
          refused++;
          continue;
        }
        const newCache = `xl/pivotCache/pivotCacheDefinition${cacheN++}.xml`;
        const newTable = `xl/pivotTables/pivotTable${tableN++}.xml`;
        setPartText(target, newCache, cacheXml);
        setPartText(target, newTable, xml.replace(/(<pivotTableDefinition\b[^>]*\scacheId=")\d+"/, `$1${cacheId}"`));
        const wbRel = addRelationship(target, 'xl/_rels/workbook.xml.rels', `${REL}pivotCacheDefinition`, newCache.slice('xl/'.length));
        caches.push(`<pivotCache cacheId="${cacheId++}" r:id="${wbRel}"/>`);
        addRelationship(target, relsPathOf(newTable), `${REL}pivotCacheDefinition`, `../pivotCache/${newCache.slice('xl/pivotCache/'.length)}`);
        addRelationship(target, relsPathOf(dstPart), `${REL}pivotTable`, `../pivotTables/${newTable.slice('xl/pivotTables/'.length)}`);
        overrides.push({ part: newCache, type: CT_CACHE }, { part: newTable, type: CT_TABLE });
        pivots++;
      }
    }
    setPartText(target, dstPart, dstXml);
  }
  addPivotCaches(target, caches);
  addContentTypes(target, overrides);
  return { charts, pivots, refused };
}
