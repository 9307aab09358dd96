/**
 * DrawingML for the file adapter's charts (exceljs writes none): one chart part (`c:chartSpace`) per chart and
 * one drawing part (`xdr:wsDr`) per sheet anchoring them. Clustered and stacked columns, clustered bars, lines
 * and pies; rates over counts as a line chart on a secondary axis. Element order follows dml-chart.xsd and
 * dml-spreadsheetDrawing.xsd (ISO/IEC 29500-4), against which test/xlsx/charts.test.ts validates the output.
 * Every reference carries a cache of the values it holds, so a viewer draws the chart without recalculating.
 */
import type { FileChart, FileChartSeries } from './fileCharts';
import { xmlText } from '../xmlText';

export const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
} as const;

/** Office's default accent colours, then two more: series and pie slices cycle through them. */
const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E'];
const FONT = 'Microsoft YaHei';

const attr = (s: string) => xmlText(s).replace(/"/g, '&quot;');
const val = (tag: string, v: string | number) => `<c:${tag} val="${v}"/>`;

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: (number | null)[], format: string): string {
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>${xmlText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function richText(text: string, size: number, bold: boolean): string {
  const rPr = `sz="${size}" b="${bold ? 1 : 0}"`;
  return (
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${rPr}><a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/></a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" ${rPr}><a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/></a:rPr><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich>`
  );
}

/** Text properties (font and size) for axes, legend and labels. */
function txPr(size = 900): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"><a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
}

const fill = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

/** idx, order, tx, then the series' shape: the part common to bar, line and pie series. */
function seriesHead(s: FileChartSeries, i: number): string {
  return `${val('idx', i)}${val('order', i)}<c:tx><c:strRef><c:f>${xmlText(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>`;
}

function catVal(chart: FileChart, s: FileChartSeries, format: string): string {
  return (
    `<c:cat><c:strRef><c:f>${xmlText(chart.categoriesRef)}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlText(s.valuesRef)}</c:f>${numCache(s.values, format)}</c:numRef></c:val>`
  );
}

function barSeries(chart: FileChart, s: FileChartSeries, i: number): string {
  return `<c:ser>${seriesHead(s, i)}<c:spPr>${fill(PALETTE[i % PALETTE.length])}</c:spPr>${val('invertIfNegative', 0)}${catVal(chart, s, chart.primaryPercent ? '0.0%' : 'General')}</c:ser>`;
}

function lineSeries(chart: FileChart, s: FileChartSeries, i: number, percent: boolean): string {
  const rgb = PALETTE[i % PALETTE.length];
  return (
    `<c:ser>${seriesHead(s, i)}<c:spPr><a:ln w="22225" cap="rnd">${fill(rgb)}<a:round/></a:ln></c:spPr>` +
    `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${fill(rgb)}<a:ln w="9525">${fill(rgb)}</a:ln></c:spPr></c:marker>` +
    `${catVal(chart, s, percent ? '0.0%' : 'General')}${val('smooth', 0)}</c:ser>`
  );
}

/** A category axis and its value axis. `secondary`: the hidden second category axis and a percent axis on the right. */
function axes(ids: [number, number], opts: { horizontal: boolean; percent: boolean; secondary: boolean }): string {
  const [catId, valId] = ids;
  const catPos = opts.horizontal ? 'l' : 'b';
  const valPos = opts.secondary ? (opts.horizontal ? 't' : 'r') : opts.horizontal ? 'b' : 'l';
  // Horizontal bars list the categories top-down in table order (a funnel reads from the top): the category axis
  // is reversed, and the value axis then crosses it at its maximum to stay at the bottom.
  const reversed = opts.horizontal && !opts.secondary;
  const cat =
    `<c:catAx>${val('axId', catId)}<c:scaling><c:orientation val="${reversed ? 'maxMin' : 'minMax'}"/></c:scaling>${val('delete', opts.secondary ? 1 : 0)}${val('axPos', catPos)}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/>${val('majorTickMark', opts.secondary ? 'none' : 'out')}${val('minorTickMark', 'none')}${val('tickLblPos', 'nextTo')}` +
    `${txPr()}${val('crossAx', valId)}${val('crosses', 'autoZero')}${val('auto', 1)}${val('lblAlgn', 'ctr')}${val('lblOffset', 100)}${val('noMultiLvlLbl', 0)}</c:catAx>`;
  // Counts and rates are never negative here: both value axes start at 0.
  const scaling = '<c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>';
  const value =
    `<c:valAx>${val('axId', valId)}${scaling}${val('delete', 0)}${val('axPos', valPos)}${opts.secondary ? '' : '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'}` +
    `<c:numFmt formatCode="${opts.percent ? '0%' : 'General'}" sourceLinked="0"/>${val('majorTickMark', 'out')}${val('minorTickMark', 'none')}${val('tickLblPos', 'nextTo')}` +
    `${txPr()}${val('crossAx', catId)}${val('crosses', opts.secondary || reversed ? 'max' : 'autoZero')}${val('crossBetween', 'between')}</c:valAx>`;
  return cat + value;
}

function plotArea(chart: FileChart): string {
  const primary = chart.series.filter((s) => !s.secondary);
  const secondary = chart.series.filter((s) => s.secondary);
  if (chart.type === 'pie') {
    const s = primary[0];
    const points = chart.categories.map((_, i) => `<c:dPt>${val('idx', i)}${val('bubble3D', 0)}<c:spPr>${fill(PALETTE[i % PALETTE.length])}<a:ln w="12700"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:dPt>`).join('');
    const labels =
      `<c:dLbls><c:numFmt formatCode="0.0%" sourceLinked="0"/>${txPr()}${val('dLblPos', 'bestFit')}${val('showLegendKey', 0)}${val('showVal', 0)}${val('showCatName', 0)}` +
      `${val('showSerName', 0)}${val('showPercent', 1)}${val('showBubbleSize', 0)}${val('showLeaderLines', 1)}</c:dLbls>`;
    const ser = `<c:ser>${seriesHead(s, 0)}${points}${labels}${catVal(chart, s, 'General')}</c:ser>`;
    return `<c:plotArea><c:layout/><c:pieChart>${val('varyColors', 1)}${ser}${val('firstSliceAng', 0)}</c:pieChart></c:plotArea>`;
  }
  const horizontal = chart.type === 'barClustered';
  let body: string;
  if (chart.type === 'line') {
    body = `<c:lineChart>${val('grouping', 'standard')}${val('varyColors', 0)}${primary.map((s, i) => lineSeries(chart, s, i, chart.primaryPercent)).join('')}${val('marker', 1)}${val('axId', 1001)}${val('axId', 1002)}</c:lineChart>`;
  } else {
    const stacked = chart.type === 'columnStacked';
    body =
      `<c:barChart>${val('barDir', horizontal ? 'bar' : 'col')}${val('grouping', stacked ? 'stacked' : 'clustered')}${val('varyColors', 0)}` +
      `${primary.map((s, i) => barSeries(chart, s, i)).join('')}${val('gapWidth', 80)}${stacked ? val('overlap', 100) : ''}${val('axId', 1001)}${val('axId', 1002)}</c:barChart>`;
  }
  let second = '';
  if (secondary.length) {
    second = `<c:lineChart>${val('grouping', 'standard')}${val('varyColors', 0)}${secondary.map((s, i) => lineSeries(chart, s, primary.length + i, true)).join('')}${val('marker', 1)}${val('axId', 1003)}${val('axId', 1004)}</c:lineChart>`;
  }
  const axesXml = axes([1001, 1002], { horizontal, percent: chart.primaryPercent, secondary: false }) + (secondary.length ? axes([1003, 1004], { horizontal, percent: true, secondary: true }) : '');
  return `<c:plotArea><c:layout/>${body}${second}${axesXml}</c:plotArea>`;
}

/**
 * The chart part (xl/charts/chartN.xml) of one chart.
 * @example chartPartXml(fileChartsOf(spec, '流失概览')[0]).startsWith('<?xml') // true
 */
export function chartPartXml(chart: FileChart): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `${val('date1904', 0)}<c:lang val="zh-CN"/>${val('roundedCorners', 0)}` +
    `<c:chart><c:title><c:tx>${richText(chart.title, 1200, true)}</c:tx>${val('overlay', 0)}</c:title>${val('autoTitleDeleted', 0)}` +
    `${plotArea(chart)}<c:legend>${val('legendPos', chart.type === 'pie' ? 'r' : 'b')}${val('overlay', 0)}${txPr()}</c:legend>` +
    `${val('plotVisOnly', 1)}${val('dispBlanksAs', 'gap')}</c:chart>` +
    `<c:spPr>${fill('FFFFFF')}<a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>${txPr(1000)}` +
    `</c:chartSpace>`
  );
}

/**
 * The drawing part (xl/drawings/drawingN.xml) of one sheet: each chart anchored over its cells; `relIds[i]` is
 * the drawing's relationship id of chart i.
 */
export function drawingPartXml(charts: FileChart[], relIds: string[]): string {
  const anchors = charts.map((ch, i) => {
    const marker = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker('from', ch.col, ch.row)}${marker('to', ch.col + ch.widthCols, ch.row + ch.heightRows)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${attr(`Chart ${i + 1}`)}" descr="${attr(ch.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relIds[i]}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join('')}</xdr:wsDr>`;
}
