/**
 * Chart series in the in-memory Excel: what `charts.add` derives from its source range (as Excel does: a text
 * first row is the series names, a text first column the categories, each other column one series), and the
 * series members the add-in calls (ExcelApi 1.7: series.add, setValues, setXAxisValues, chartType; 1.8: axisGroup).
 * Tests read the series back as qualified addresses and check them against the table's headers.
 */
import { qualifiedAddress, type Rect } from './addresses';
import type { FakeContextCore } from './context';
import type { ChartData, ChartSeriesData, SheetData } from './model';

interface RangeLike {
  ref(): { sheet: SheetData; rect: Rect };
  use?: () => void;
}

const isText = (v: unknown) => typeof v === 'string' && v !== '' && !Number.isFinite(Number(v));

/** The series Excel makes from a source block with seriesBy 'Columns' (or 'Auto' on a tall block). */
export function initialSeries(sheet: SheetData, rect: Rect): ChartSeriesData[] {
  const headerRow = Array.from({ length: rect.cols }, (_, c) => sheet.value(rect.r0, rect.c0 + c)).some(isText);
  const firstData = rect.r0 + (headerRow ? 1 : 0);
  const rows = rect.r0 + rect.rows - firstData;
  const catCol = rect.cols > 1 && Array.from({ length: rows }, (_, r) => sheet.value(firstData + r, rect.c0)).every((v) => isText(v) || v === '');
  const block = (c: number): Rect => ({ r0: firstData, c0: c, rows, cols: 1 });
  const out: ChartSeriesData[] = [];
  for (let c = rect.c0 + (catCol ? 1 : 0); c < rect.c0 + rect.cols; c++) {
    out.push({
      name: headerRow ? String(sheet.value(rect.r0, c)) : `Series${out.length + 1}`,
      values: qualifiedAddress(sheet.name, block(c)),
      xValues: catCol ? qualifiedAddress(sheet.name, block(rect.c0)) : '',
      chartType: '',
      axisGroup: 'Primary',
    });
  }
  return out;
}

function seriesProxy(core: FakeContextCore, get: () => ChartSeriesData) {
  const address = (r: RangeLike) => {
    r.use?.();
    return () => {
      const { sheet, rect } = r.ref();
      return qualifiedAddress(sheet.name, rect);
    };
  };
  return {
    set name(v: string) {
      core.enqueue(v, () => (get().name = v));
    },
    setValues(r: RangeLike) {
      core.requireApi(7, 'ChartSeries.setValues');
      const at = address(r);
      core.enqueue(null, () => (get().values = at()));
    },
    setXAxisValues(r: RangeLike) {
      core.requireApi(7, 'ChartSeries.setXAxisValues');
      const at = address(r);
      core.enqueue(null, () => (get().xValues = at()));
    },
    set chartType(v: string) {
      core.requireApi(7, 'ChartSeries.chartType');
      core.enqueue(v, () => (get().chartType = v));
    },
    set axisGroup(v: string) {
      core.requireApi(8, 'ChartSeries.axisGroup');
      core.enqueue(v, () => (get().axisGroup = v));
    },
  };
}

/** `chart.series` of a fake chart whose record is filled at sync. */
export function fakeSeriesCollection(core: FakeContextCore, record: ChartData) {
  const at = (i: number) => () => {
    const s = record.series?.[i];
    if (!s) throw new Error(`chart ${record.name} has no series ${i}`);
    return s;
  };
  return {
    getItemAt(index: number) {
      return seriesProxy(core, at(index));
    },
    add(name?: string) {
      core.requireApi(7, 'ChartSeriesCollection.add');
      let index = -1;
      core.enqueue(name ?? null, () => {
        const list = (record.series ??= []);
        index = list.length;
        list.push({ name: name ?? `Series${index + 1}`, values: '', xValues: '', chartType: '', axisGroup: 'Primary' });
      });
      return seriesProxy(core, () => at(index)());
    },
  };
}
