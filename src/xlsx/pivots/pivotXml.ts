/**
 * The two parts of a file PivotTable (ECMA-376 Part 1, §18.10): the pivot cache definition (the source range and
 * its fields, without records: saveData="0" and refreshOnLoad="1", so Excel reads the source when the file opens)
 * and the pivot table definition (where it stands, which field is on which axis, the items shown). Element order
 * follows CT_PivotCacheDefinition and CT_pivotTableDefinition.
 */
import { escapeXml } from '../packageParts';
import type { FilePivot, PivotItem } from './filePivot';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function sharedItemsXml(items: PivotItem[] | undefined): string {
  if (!items) return '<sharedItems/>';
  const numbers = items.filter((i): i is { n: number } => 'n' in i).map((i) => i.n);
  const strings = items.some((i) => 's' in i);
  const blank = items.some((i) => 'blank' in i);
  const attrs: string[] = [];
  if (numbers.length) {
    // The attributes Excel writes for a field holding numbers (CT_SharedItems): without strings it is not "semi-mixed".
    if (!strings) attrs.push('containsSemiMixedTypes="0"', 'containsString="0"');
    else attrs.push('containsMixedTypes="1"');
    attrs.push('containsNumber="1"');
    if (numbers.every(Number.isInteger)) attrs.push('containsInteger="1"');
    attrs.push(`minValue="${Math.min(...numbers)}"`, `maxValue="${Math.max(...numbers)}"`);
  }
  if (blank) attrs.push('containsBlank="1"');
  attrs.push(`count="${items.length}"`);
  const body = items.map((i) => ('blank' in i ? '<m/>' : 'n' in i ? `<n v="${i.n}"/>` : `<s v="${escapeXml(i.s)}"/>`)).join('');
  return `<sharedItems ${attrs.join(' ')}>${body}</sharedItems>`;
}

/** xl/pivotCache/pivotCacheDefinitionN.xml */
export function pivotCacheXml(pivot: FilePivot): string {
  const fields = pivot.fields.map((f) => `<cacheField name="${escapeXml(f.name)}" numFmtId="0">${sharedItemsXml(f.items)}</cacheField>`).join('');
  return (
    HEAD +
    `<pivotCacheDefinition xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" saveData="0" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3">` +
    `<cacheSource type="worksheet"><worksheetSource ref="${pivot.source.ref}" sheet="${escapeXml(pivot.source.sheet)}"/></cacheSource>` +
    `<cacheFields count="${pivot.fields.length}">${fields}</cacheFields>` +
    `</pivotCacheDefinition>`
  );
}

function axisItems(count: number, hidden: number[] = []): string {
  const items = Array.from({ length: count }, (_, i) => (hidden.includes(i) ? `<item x="${i}" h="1"/>` : `<item x="${i}"/>`)).join('');
  return `<items count="${count + 1}">${items}<item t="default"/></items>`;
}

const notShown = (count: number, shown: number[]) => Array.from({ length: count }, (_, i) => i).filter((i) => !shown.includes(i));

/** rowItems / colItems: one <i> per item shown (its index in the field's items), then the grand total. */
function shownItems(tag: 'rowItems' | 'colItems', shown: number[]): string {
  const lines = shown.map((x) => (x === 0 ? '<i><x/></i>' : `<i><x v="${x}"/></i>`)).join('');
  return `<${tag} count="${shown.length + 1}">${lines}<i t="grand"><x/></i></${tag}>`;
}

/** xl/pivotTables/pivotTableN.xml, over the cache `cacheId`. */
export function pivotTableXml(pivot: FilePivot, cacheId: number): string {
  const fields = pivot.fields
    .map((f, i) => {
      const data = i === pivot.data.field ? ' dataField="1"' : '';
      // An item with no counted record is hidden: the blank rows of a source would otherwise be a (空白) row and
      // column of empty cells (Excel shows an item when any record passes the filters, whatever the value field holds).
      if (i === pivot.rowField) return `<pivotField axis="axisRow"${data} showAll="0">${axisItems(f.items!.length, notShown(f.items!.length, pivot.rowItems))}</pivotField>`;
      if (i === pivot.columnField) return `<pivotField axis="axisCol"${data} showAll="0">${axisItems(f.items!.length, notShown(f.items!.length, pivot.columnItems))}</pivotField>`;
      if (pivot.page && i === pivot.page.field) {
        return `<pivotField axis="axisPage"${data} multipleItemSelectionAllowed="1" showAll="0">${axisItems(f.items!.length, pivot.page.hidden)}</pivotField>`;
      }
      return `<pivotField${data} showAll="0"/>`;
    })
    .join('');
  const withColumns = pivot.columnField !== undefined;
  const location = withColumns
    ? `<location ref="${pivot.location}" firstHeaderRow="1" firstDataRow="2" firstDataCol="1"${pivot.page ? ' rowPageCount="1" colPageCount="1"' : ''}/>`
    : `<location ref="${pivot.location}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"${pivot.page ? ' rowPageCount="1" colPageCount="1"' : ''}/>`;
  const subtotal = pivot.data.fn === 'count' ? 'count' : 'sum';
  return (
    HEAD +
    `<pivotTableDefinition xmlns="${MAIN_NS}" name="${escapeXml(pivot.name)}" cacheId="${cacheId}" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="${escapeXml(pivot.captions.values)}" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1" multipleFieldFilters="0" rowHeaderCaption="${escapeXml(pivot.captions.rowLabels)}"${withColumns ? ` colHeaderCaption="${escapeXml(pivot.captions.columnLabels)}"` : ''}>` +
    location +
    `<pivotFields count="${pivot.fields.length}">${fields}</pivotFields>` +
    `<rowFields count="1"><field x="${pivot.rowField}"/></rowFields>` +
    shownItems('rowItems', pivot.rowItems) +
    (withColumns ? `<colFields count="1"><field x="${pivot.columnField}"/></colFields>` + shownItems('colItems', pivot.columnItems) : '<colItems count="1"><i/></colItems>') +
    (pivot.page ? `<pageFields count="1"><pageField fld="${pivot.page.field}" hier="-1"/></pageFields>` : '') +
    `<dataFields count="1"><dataField name="${escapeXml(pivot.data.name)}" fld="${pivot.data.field}" subtotal="${subtotal}" baseField="0" baseItem="0"/></dataFields>` +
    `<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/>` +
    `</pivotTableDefinition>`
  );
}
