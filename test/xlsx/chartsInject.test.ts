/**
 * addChartParts on hand-made packages: the <drawing> element among the worksheet's direct children (before
 * <tableParts> and the sheet's own <extLst>, never inside <conditionalFormatting>), relationships added beside
 * existing ones, the r namespace declared, content types, and a sheet that already has a drawing left alone.
 */
import { addChartParts } from '../../src/xlsx/charts/injectCharts';
import type { FileChart } from '../../src/xlsx/charts/fileCharts';
import { chartPartXml } from '../../src/xlsx/charts/chartXml';
import { readChartXml } from './chartsSupport';

const chart = (over: Partial<FileChart> = {}): FileChart => ({
  type: 'columnClustered',
  title: '各地区流失客户数',
  categoriesRef: "'地区分析'!$A$6:$A$7",
  categories: ['西安', '咸阳'],
  series: [
    { name: '流失', nameRef: "'地区分析'!$D$5", valuesRef: "'地区分析'!$D$6:$D$7", values: [3, 1], secondary: false },
    { name: '彻底流失', nameRef: "'地区分析'!$E$5", valuesRef: "'地区分析'!$E$6:$E$7", values: [2, null], secondary: false },
  ],
  primaryPercent: false,
  row: 4,
  col: 11,
  widthCols: 8,
  heightRows: 15,
  ...over,
});

function pkg(sheetXml: string, sheetRels?: string): Map<string, Buffer> {
  const m = new Map<string, Buffer>();
  const put = (p: string, s: string) => m.set(p, Buffer.from(s, 'utf8'));
  put('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>');
  put('xl/workbook.xml', '<workbook><sheets><sheet name="地区分析" sheetId="1" r:id="rId3"/><sheet name="A &amp; B" sheetId="2" r:id="rId4"/></sheets></workbook>');
  put('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId3" Type="t" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="t" Target="/xl/worksheets/sheet2.xml"/></Relationships>');
  put('xl/worksheets/sheet1.xml', sheetXml);
  put('xl/worksheets/sheet2.xml', '<worksheet xmlns="main"><sheetData/><drawing r:id="rId1"/></worksheet>');
  if (sheetRels) put('xl/worksheets/_rels/sheet1.xml.rels', sheetRels);
  return m;
}

const SHEET =
  '<?xml version="1.0"?><worksheet xmlns="main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' +
  '<conditionalFormatting sqref="I6:I7"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF5B9BD5"/></dataBar>' +
  '<extLst><ext uri="{B025F937}"><x14:id>{1}</x14:id></ext></extLst></cfRule></conditionalFormatting>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts>' +
  '<extLst><ext uri="{78C0D931}"/></extLst></worksheet>';

test('the drawing goes before <tableParts>, not into the data bar’s extLst; rels and types added', () => {
  const entries = pkg(SHEET, '<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rId1" Type="table" Target="../tables/table1.xml"/></Relationships>');
  expect(addChartParts(entries, [{ sheet: '地区分析', charts: [chart(), chart({ title: '二' })] }])).toBe(2);
  const sheet = entries.get('xl/worksheets/sheet1.xml')!.toString('utf8');
  expect(sheet).toContain('<drawing r:id="rId2"/><tableParts');
  expect(sheet.indexOf('<drawing ')).toBeGreaterThan(sheet.indexOf('</conditionalFormatting>'));
  expect(sheet).toContain('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  const rels = entries.get('xl/worksheets/_rels/sheet1.xml.rels')!.toString('utf8');
  expect(rels).toContain('Id="rId1" Type="table"');
  expect(rels).toContain('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>');
  const drawingRels = entries.get('xl/drawings/_rels/drawing1.xml.rels')!.toString('utf8');
  expect(drawingRels.match(/Target="\.\.\/charts\/chart\d\.xml"/g)).toEqual(['Target="../charts/chart1.xml"', 'Target="../charts/chart2.xml"']);
  const types = entries.get('[Content_Types].xml')!.toString('utf8');
  expect(types).toContain('PartName="/xl/charts/chart2.xml"');
  expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
  const drawing = entries.get('xl/drawings/drawing1.xml')!.toString('utf8');
  expect(drawing).toContain('<xdr:from><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row>');
  expect(drawing).toContain('<xdr:to><xdr:col>19</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>19</xdr:row>');
});

test('a sheet without tableParts gets the drawing before its own extLst; a sheet with a drawing is left alone', () => {
  const entries = pkg(SHEET.replace(/<tableParts.*<\/tableParts>/, ''));
  expect(addChartParts(entries, [{ sheet: '地区分析', charts: [chart()] }, { sheet: 'A & B', charts: [chart()] }, { sheet: '没有', charts: [chart()] }])).toBe(1);
  const sheet = entries.get('xl/worksheets/sheet1.xml')!.toString('utf8');
  expect(sheet).toContain('<drawing r:id="rId1"/><extLst><ext uri="{78C0D931}"/></extLst></worksheet>');
  expect(entries.get('xl/worksheets/sheet2.xml')!.toString('utf8')).toBe('<worksheet xmlns="main"><sheetData/><drawing r:id="rId1"/></worksheet>');
});

test('chart XML: series by name with caches, a blank value left out of the cache, the secondary group on its own axes', () => {
  const read = readChartXml('c', chartPartXml(chart()));
  expect(read.title).toBe('各地区流失客户数');
  expect(read.groups.map((g) => [g.kind, g.barDir, g.grouping, g.series.map((s) => [s.name, s.nameRef, s.catRef, s.valRef, s.values])])).toEqual([
    ['barChart', 'col', 'clustered', [
      ['流失', "'地区分析'!$D$5", "'地区分析'!$A$6:$A$7", "'地区分析'!$D$6:$D$7", ['3', '1']],
      ['彻底流失', "'地区分析'!$E$5", "'地区分析'!$A$6:$A$7", "'地区分析'!$E$6:$E$7", ['2']],
    ]],
  ]);
  const combo = readChartXml('c', chartPartXml(chart({ series: [chart().series[0], { ...chart().series[1], name: '流失累计占比', values: [0.6, 1], secondary: true }] })));
  expect(combo.groups.map((g) => [g.kind, g.axIds])).toEqual([['barChart', ['1001', '1002']], ['lineChart', ['1003', '1004']]]);
  expect(combo.valueAxes['1004']).toEqual({ format: '0%', pos: 'r', deleted: false });
  expect(combo.valueAxes['1002'].format).toBe('General');
  const stacked = readChartXml('c', chartPartXml(chart({ type: 'columnStacked' })));
  expect(stacked.groups[0].grouping).toBe('stacked');
  const pie = readChartXml('c', chartPartXml(chart({ type: 'pie' })));
  expect(pie.groups.map((g) => [g.kind, g.series.length])).toEqual([['pieChart', 1]]);
});
