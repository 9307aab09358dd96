/**
 * `Workbook.functions` (ExcelApi 1.2), as far as the add-in uses it: `date(year, month, day)`, which answers in the
 * workbook's date system, so DATE(1904,1,1) is 1462 in a 1900 workbook and 0 in a 1904 one (the probe of
 * src/office/dateSystem.ts). office.js: `Functions.prototype.date` creates a FunctionResult method object
 * (excel-web-16.00.debug.js line 60924-60926); its `value` and `error` throw PropertyNotLoaded until loaded and synced
 * (line 60543-60556, `_throwIfNotLoaded`).
 */
import type { FakeContextCore } from './context';
import { notLoaded } from './errors';

/** DATE(y, m, d) as Excel computes it in either date system (1900: days from 1899-12-30, right after 1900-03-01). */
export function excelDate(y: number, m: number, d: number, date1904: boolean): number {
  const days = Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
  return date1904 ? days - Math.round(Date.UTC(1904, 0, 1) / 86_400_000) : days - Math.round(Date.UTC(1899, 11, 30) / 86_400_000);
}

export class FakeFunctionResult {
  private readonly loaded = new Map<string, unknown>();
  constructor(
    private readonly core: FakeContextCore,
    private readonly compute: () => number,
  ) {}
  load(_props?: unknown): this {
    this.core.enqueueRead(
      () => this.compute(),
      (v) => {
        this.loaded.set('value', v);
        this.loaded.set('error', null);
      },
    );
    return this;
  }
  get value(): number {
    if (!this.loaded.has('value')) throw notLoaded('FunctionResult', 'value');
    return this.loaded.get('value') as number;
  }
  get error(): string | null {
    if (!this.loaded.has('error')) throw notLoaded('FunctionResult', 'error');
    return this.loaded.get('error') as string | null;
  }
}

export class FakeFunctions {
  constructor(private readonly core: FakeContextCore) {}
  date(year: number, month: number, day: number): FakeFunctionResult {
    this.core.requireApi(2, 'Functions.date');
    return new FakeFunctionResult(this.core, () => excelDate(year, month, day, this.core.data.date1904));
  }
}
