/**
 * Proxy objects of the in-memory Excel, mirroring the Office.js objects the adapter uses. Scalar properties
 * throw PropertyNotLoaded until `load()` + `sync()`; writes are queued and applied at `sync()`.
 */
import { FakeOfficeError, notLoaded } from './errors';
import { parseAddress, qualifiedAddress, rectAddress, type Rect } from './addresses';
import type { FakeContextCore } from './context';
import { pivotFieldColumn, pivotItems, type PivotData, type SheetData, type TableData, type Visibility } from './model';

type Props = string | string[] | { select?: string | string[] } | undefined;

function propList(p: Props): string[] | null {
  if (p === undefined) return null;
  if (typeof p === 'string') return p.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(p)) return p.flatMap((s) => s.split(',').map((x) => x.trim()));
  return propList(p.select);
}

/** Base of every proxy: the loaded-property store and `load()`. */
abstract class ClientObject {
  protected loaded = new Map<string, unknown>();
  constructor(
    protected readonly core: FakeContextCore,
    protected readonly what: string,
  ) {}

  /** Property names `load()` without arguments loads. */
  protected abstract scalarProps(): string[];
  /** Reads a property from the workbook at sync time. */
  protected abstract readProp(p: string): unknown;

  load(props?: Props): this {
    const list = propList(props) ?? this.scalarProps();
    this.core.enqueueRead(
      () => list.map((p) => [p, this.readProp(p)] as const),
      (pairs) => {
        for (const [p, v] of pairs) this.loaded.set(p, v);
      },
    );
    return this;
  }

  protected get<T>(p: string): T {
    if (!this.loaded.has(p)) throw notLoaded(this.what, p);
    return this.loaded.get(p) as T;
  }
}

// ---------------------------------------------------------------------------------------------
// Range
// ---------------------------------------------------------------------------------------------

export interface RangeRef {
  sheet: SheetData;
  rect: Rect;
}

function grid<T>(rect: Rect, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = new Array(rect.rows);
  for (let i = 0; i < rect.rows; i++) {
    const row: T[] = new Array(rect.cols);
    for (let j = 0; j < rect.cols; j++) row[j] = f(rect.r0 + i, rect.c0 + j);
    out[i] = row;
  }
  return out;
}

/** Applies a 2-D array (or a single value to every cell, as Office.js allows) after a shape check. */
function applyGrid(rect: Rect, v: unknown, set: (r: number, c: number, x: unknown) => void): void {
  if (!Array.isArray(v)) {
    for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.cols; j++) set(rect.r0 + i, rect.c0 + j, v);
    return;
  }
  if (v.length !== rect.rows || v.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw new FakeOfficeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rows}x${rect.cols}).`,
    );
  }
  for (let i = 0; i < rect.rows; i++) {
    const row = v[i] as unknown[];
    for (let j = 0; j < rect.cols; j++) set(rect.r0 + i, rect.c0 + j, row[j]);
  }
}

export class FakeRange extends ClientObject {
  private cached: RangeRef | null = null;
  constructor(
    core: FakeContextCore,
    private readonly resolver: () => RangeRef | null,
    private readonly nullable = false,
  ) {
    super(core, 'Range');
  }

  /** Resolves the range at sync time (a used range is measured when the command runs, not when queued). */
  ref(): RangeRef {
    if (!this.cached) {
      const r = this.resolver();
      if (!r) throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist.');
      this.cached = r;
    }
    return this.cached;
  }

  protected scalarProps(): string[] {
    return ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'values', 'formulas', 'numberFormat', 'text'];
  }

  protected readProp(p: string): unknown {
    if (p === 'isNullObject') return this.resolver() === null;
    const { sheet, rect } = this.ref();
    switch (p) {
      case 'address':
        return qualifiedAddress(sheet.name, rect);
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.cols;
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'values':
        return grid(rect, (r, c) => sheet.value(r, c));
      case 'formulas':
        return grid(rect, (r, c) => sheet.formula(r, c) ?? sheet.value(r, c));
      case 'numberFormat':
        return grid(rect, (r, c) => sheet.format(r, c));
      case 'text':
        return grid(rect, (r, c) => String(sheet.value(r, c)));
      default:
        throw new FakeOfficeError('InvalidArgument', `Range has no property '${p}' in the fake.`);
    }
  }

  override load(props?: Props): this {
    if (this.nullable) {
      // A null object answers isNullObject after any sync; its other properties only when it exists.
      this.core.enqueueRead(
        () => this.resolver() === null,
        (isNull) => this.loaded.set('isNullObject', isNull),
      );
      const list = propList(props) ?? this.scalarProps();
      this.core.enqueueRead(
        () => (this.resolver() === null ? [] : list.map((p) => [p, this.readProp(p)] as const)),
        (pairs) => {
          for (const [p, v] of pairs) this.loaded.set(p, v);
        },
      );
      return this;
    }
    return super.load(props);
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.core.enqueue(v, () => {
      const { sheet, rect } = this.ref();
      applyGrid(rect, v, (r, c, x) => sheet.writeValue(r, c, x));
    });
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.core.enqueue(v, () => {
      const { sheet, rect } = this.ref();
      applyGrid(rect, v, (r, c, x) => sheet.writeFormula(r, c, x));
    });
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.core.enqueue(v, () => {
      const { sheet, rect } = this.ref();
      applyGrid(rect, v, (r, c, x) => sheet.setFormat(r, c, x));
    });
  }
  get text(): string[][] {
    return this.get('text');
  }

  private derived(f: (ref: RangeRef) => RangeRef): FakeRange {
    return new FakeRange(this.core, () => f(this.ref()));
  }
  getCell(row: number, column: number): FakeRange {
    return this.derived(({ sheet, rect }) => ({ sheet, rect: { r0: rect.r0 + row, c0: rect.c0 + column, rows: 1, cols: 1 } }));
  }
  getRow(row: number): FakeRange {
    return this.derived(({ sheet, rect }) => ({ sheet, rect: { ...rect, r0: rect.r0 + row, rows: 1 } }));
  }
  getColumn(column: number): FakeRange {
    return this.derived(({ sheet, rect }) => ({ sheet, rect: { ...rect, c0: rect.c0 + column, cols: 1 } }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived(({ sheet, rect }) => ({ sheet, rect: { ...rect, rows: rect.rows + deltaRows, cols: rect.cols + deltaColumns } }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived(({ sheet, rect }) => ({ sheet, rect: { ...rect, r0: rect.r0 + rowOffset, c0: rect.c0 + columnOffset } }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    return this.derived(({ sheet, rect }) => ({ sheet, rect: { ...rect, rows: numRows, cols: numColumns } }));
  }

  clear(applyTo?: string): void {
    this.core.enqueue(applyTo ?? null, () => {
      const { sheet, rect } = this.ref();
      for (let r = rect.r0; r < rect.r0 + rect.rows; r++) {
        for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
          if (applyTo !== 'Formats') sheet.setRaw(r, c, '', undefined);
          if (applyTo !== 'Contents') sheet.setFormat(r, c, 'General');
        }
      }
    });
  }

  merge(across = false): void {
    this.core.enqueue(across, () => {
      const { sheet, rect } = this.ref();
      sheet.merges.push(rectAddress(rect) + (across ? ' across' : ''));
    });
  }
  unmerge(): void {
    this.core.enqueue(null, () => undefined);
  }

  /** Records a whole-range format write (one entry per call, whatever the size). */
  recordFormat(props: Record<string, unknown>): void {
    this.core.enqueue(props, () => {
      const { sheet, rect } = this.ref();
      const address = rectAddress(rect);
      sheet.formatRuns.push({ address, props });
      if (typeof props.columnWidth === 'number') for (let c = rect.c0; c < rect.c0 + rect.cols; c++) sheet.columnWidths.set(c, props.columnWidth);
    });
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this);
  }

  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.core, this);
  }

  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.core, this);
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.core, () => this.ref().sheet);
  }
}

/** Range.format and its nested font / fill / borders: every write is recorded as one whole-range run. */
export class FakeRangeFormat {
  constructor(private readonly range: FakeRange) {}
  private setter(prefix: string) {
    const range = this.range;
    return new Proxy(
      {},
      {
        set(_t, p, v) {
          range.recordFormat({ [`${prefix}${String(p)}`]: v });
          return true;
        },
        get(_t, p) {
          if (p === 'clear') return () => range.recordFormat({ [`${prefix}clear`]: true });
          if (p === 'getItem') return (name: string) => new FakeRangeFormat(range).setter(`${prefix}${name}.`);
          throw new FakeOfficeError('PropertyNotLoaded', `format ${prefix}${String(p)} is write-only in the fake`);
        },
      },
    ) as Record<string, unknown>;
  }
  get font(): Record<string, unknown> {
    return this.setter('font.');
  }
  get fill(): Record<string, unknown> {
    return this.setter('fill.');
  }
  get borders(): Record<string, unknown> {
    return this.setter('borders.');
  }
  get protection(): Record<string, unknown> {
    return this.setter('protection.');
  }
  set columnWidth(v: number) {
    this.range.recordFormat({ columnWidth: v });
  }
  set rowHeight(v: number) {
    this.range.recordFormat({ rowHeight: v });
  }
  set wrapText(v: boolean) {
    this.range.recordFormat({ wrapText: v });
  }
  set horizontalAlignment(v: string) {
    this.range.recordFormat({ horizontalAlignment: v });
  }
  set verticalAlignment(v: string) {
    this.range.recordFormat({ verticalAlignment: v });
  }
  autofitColumns(): void {
    this.range.recordFormat({ autofitColumns: true });
  }
  autofitRows(): void {
    this.range.recordFormat({ autofitRows: true });
  }
}

/** Whether an A1 address lies inside `outer` (what clear()/clearAll() over a range removes). */
function inside(address: string, outer: Rect): boolean {
  const p = parseAddress(address);
  if (!p) return false;
  const r = p.rect;
  return r.r0 >= outer.r0 && r.c0 >= outer.c0 && r.r0 + r.rows <= outer.r0 + outer.rows && r.c0 + r.cols <= outer.c0 + outer.cols;
}

export class FakeDataValidation {
  constructor(
    private readonly core: FakeContextCore,
    private readonly range: FakeRange,
  ) {}
  set rule(rule: unknown) {
    this.core.requireApi(8, 'Range.dataValidation');
    this.core.enqueue(rule, () => {
      const { sheet, rect } = this.range.ref();
      sheet.validations.push({ address: rectAddress(rect), rule });
    });
  }
  clear(): void {
    this.core.requireApi(8, 'Range.dataValidation');
    this.core.enqueue(null, () => {
      const { sheet, rect } = this.range.ref();
      sheet.validations = sheet.validations.filter((v) => !inside(v.address, rect));
    });
  }
}

/** One conditional format: `textComparison` / `cellValue` / `dataBar` with rule and format.fill.color. */
export class FakeConditionalFormat {
  readonly record: { type: string; address: string; rule: Record<string, unknown>; fill?: string };
  constructor(type: string, address: string) {
    this.record = { type, address, rule: {} };
  }
  private part() {
    const rec = this.record;
    return {
      set rule(r: Record<string, unknown>) {
        rec.rule = { ...r };
      },
      format: {
        fill: {
          set color(c: string) {
            rec.fill = c;
          },
        },
        font: {
          set color(c: string) {
            rec.rule = { ...rec.rule, fontColor: c };
          },
        },
      },
    };
  }
  get textComparison() {
    return this.part();
  }
  get cellValue() {
    return this.part();
  }
  get dataBar() {
    return this.part();
  }
}

export class FakeConditionalFormats {
  constructor(
    private readonly core: FakeContextCore,
    private readonly range: FakeRange,
  ) {}
  add(type: string): FakeConditionalFormat {
    this.core.requireApi(6, 'conditionalFormats.add');
    const cf = new FakeConditionalFormat(type, '');
    // The rule and fill are set on the proxy after add(); the record is stored at sync, when they are known.
    this.core.enqueue({ type }, () => {
      const { sheet, rect } = this.range.ref();
      cf.record.address = rectAddress(rect);
      sheet.conditionalFormats.push(cf.record);
    });
    return cf;
  }
  clearAll(): void {
    this.core.requireApi(6, 'conditionalFormats.clearAll');
    this.core.enqueue(null, () => {
      const { sheet, rect } = this.range.ref();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => !inside(c.address, rect));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheet and its collections
// ---------------------------------------------------------------------------------------------

export class FakeWorksheet extends ClientObject {
  private cached: SheetData | null = null;
  constructor(
    core: FakeContextCore,
    private readonly resolver: () => SheetData | null,
    private readonly nullable = false,
  ) {
    super(core, 'Worksheet');
  }

  sheet(): SheetData {
    if (!this.cached) {
      const s = this.resolver();
      if (!s || !this.core.data.sheets.includes(s)) throw new FakeOfficeError('ItemNotFound', 'The requested worksheet does not exist.');
      this.cached = s;
    }
    if (!this.core.data.sheets.includes(this.cached)) throw new FakeOfficeError('ItemNotFound', 'The worksheet was deleted.');
    return this.cached;
  }

  protected scalarProps(): string[] {
    return ['id', 'name', 'visibility', 'position', 'tabColor'];
  }
  protected readProp(p: string): unknown {
    if (p === 'isNullObject') return this.resolver() === null;
    const s = this.sheet();
    switch (p) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'visibility':
        return s.visibility;
      case 'position':
        return this.core.data.sheets.indexOf(s);
      case 'tabColor':
        return s.tabColor;
      default:
        throw new FakeOfficeError('InvalidArgument', `Worksheet has no property '${p}' in the fake.`);
    }
  }

  override load(props?: Props): this {
    if (this.nullable) {
      this.core.enqueueRead(
        () => this.resolver() === null,
        (isNull) => this.loaded.set('isNullObject', isNull),
      );
      const list = propList(props) ?? this.scalarProps();
      this.core.enqueueRead(
        () => (this.resolver() === null ? [] : list.map((p) => [p, this.readProp(p)] as const)),
        (pairs) => {
          for (const [p, v] of pairs) this.loaded.set(p, v);
        },
      );
      return this;
    }
    return super.load(props);
  }

  /** Filled from a collection load. */
  preload(pairs: readonly (readonly [string, unknown])[]): void {
    for (const [p, v] of pairs) this.loaded.set(p, v);
  }

  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.core.enqueue(v, () => {
      const s = this.sheet();
      this.core.data.checkSheetName(v, s);
      s.name = v;
    });
  }
  get visibility(): Visibility {
    return this.get('visibility');
  }
  set visibility(v: Visibility) {
    this.core.enqueue(v, () => {
      const s = this.sheet();
      if (s.visibility === 'Visible' && v !== 'Visible' && this.core.data.visibleCount() <= 1) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      s.visibility = v;
    });
  }
  get position(): number {
    return this.get('position');
  }
  set position(v: number) {
    this.core.enqueue(v, () => {
      const s = this.sheet();
      const list = this.core.data.sheets.filter((x) => x !== s);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
      this.core.data.sheets = list;
    });
  }
  get tabColor(): string {
    return this.get('tabColor');
  }
  set tabColor(v: string) {
    this.core.enqueue(v, () => {
      this.sheet().tabColor = v;
    });
  }

  activate(): void {
    this.core.enqueue(null, () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.core.data.activeSheet = s;
    });
  }
  delete(): void {
    this.core.enqueue(null, () => this.core.data.deleteSheet(this.sheet()));
  }
  /** Copies values, formulas, formats and layout to a new sheet named 'Name (2)' at the end (ExcelApi 1.9). */
  copy(_positionType?: string, _relativeTo?: FakeWorksheet): FakeWorksheet {
    this.core.requireApi(9, 'Worksheet.copy');
    let created: SheetData | null = null;
    this.core.enqueue(null, () => {
      const src = this.sheet();
      let name = '';
      for (let n = 2; !name || this.core.data.sheetByName(name); n++) name = `${src.name.slice(0, 26)} (${n})`;
      const s = this.core.data.addSheet(name);
      s.values = src.values.map((r) => (r ? [...r] : r));
      s.formulas = src.formulas.map((r) => (r ? [...r] : r));
      s.formats = src.formats.map((r) => (r ? [...r] : r));
      s.merges = [...src.merges];
      s.freeze = { ...src.freeze };
      s.pageLayout = { ...src.pageLayout };
      s.columnWidths = new Map(src.columnWidths);
      created = s;
    });
    return new FakeWorksheet(this.core, () => created);
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.core, () => {
      const sheet = this.sheet();
      if (!address) return { sheet, rect: { r0: 0, c0: 0, rows: 1048576, cols: 16384 } };
      const parsed = parseAddress(address);
      if (!parsed) throw new FakeOfficeError('InvalidArgument', `Bad address '${address}'.`);
      return { sheet, rect: parsed.rect };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.core, () => {
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0 || startRow + rowCount > 1048576 || startColumn + columnCount > 16384) {
        throw new FakeOfficeError('InvalidArgument', 'The range is outside the sheet.');
      }
      return { sheet: this.sheet(), rect: { r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount } };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  /** Like Excel: an empty sheet's used range is A1. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.core, () => {
      const sheet = this.sheet();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { r0: 0, c0: 0, rows: 1, cols: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.core,
      () => {
        // On a null worksheet the chained call gives a null range, as in Office.js.
        if (this.nullable && this.resolver() === null) return null;
        const sheet = this.sheet();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }

  get freezePanes() {
    const set = (rows: number, columns: number) =>
      this.core.enqueue({ rows, columns }, () => {
        this.sheet().freeze = { rows, columns };
      });
    return {
      freezeRows: (n = 1) => set(n, 0),
      freezeColumns: (n = 1) => set(0, n),
      freezeAt: (range: FakeRange) =>
        this.core.enqueue(null, () => {
          const { rect } = range.ref();
          this.sheet().freeze = { rows: rect.r0 + rect.rows, columns: rect.c0 + rect.cols };
        }),
      unfreeze: () => set(0, 0),
    };
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.core, () => this.sheet());
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.core, this);
  }
  get pivotTables(): FakePivotTableCollection {
    return new FakePivotTableCollection(this.core, this);
  }
  get pageLayout(): FakePageLayout {
    return new FakePageLayout(this.core, this);
  }
}

/** Worksheet.pageLayout (ExcelApi 1.9): every setting lands in SheetData.pageLayout. */
export class FakePageLayout {
  constructor(
    private readonly core: FakeContextCore,
    private readonly ws: FakeWorksheet,
  ) {}
  private put(key: string, v: unknown): void {
    this.core.requireApi(9, 'Worksheet.pageLayout');
    this.core.enqueue(v, () => {
      this.ws.sheet().pageLayout[key] = v;
    });
  }
  set orientation(v: string) {
    this.put('orientation', v);
  }
  set paperSize(v: string) {
    this.put('paperSize', v);
  }
  set zoom(v: unknown) {
    this.put('zoom', v);
  }
  set leftMargin(v: number) {
    this.put('leftMargin', v);
  }
  set rightMargin(v: number) {
    this.put('rightMargin', v);
  }
  set topMargin(v: number) {
    this.put('topMargin', v);
  }
  set bottomMargin(v: number) {
    this.put('bottomMargin', v);
  }
  set centerHorizontally(v: boolean) {
    this.put('centerHorizontally', v);
  }
  setPrintTitleRows(address: string | FakeRange): void {
    this.put('printTitleRows', typeof address === 'string' ? address : '(range)');
  }
  setPrintArea(address: string | FakeRange): void {
    this.put('printArea', typeof address === 'string' ? address : '(range)');
  }
  get headersFooters() {
    const put = (k: string, v: unknown) => this.put(k, v);
    const footer = {
      set centerFooter(v: string) {
        put('centerFooter', v);
      },
      set leftFooter(v: string) {
        put('leftFooter', v);
      },
      set rightFooter(v: string) {
        put('rightFooter', v);
      },
      set centerHeader(v: string) {
        put('centerHeader', v);
      },
    };
    return { defaultForAllPages: footer };
  }
}

export class FakeWorksheetCollection {
  private itemsLoaded: FakeWorksheet[] | null = null;
  constructor(private readonly core: FakeContextCore) {}

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.core, () => this.core.data.sheetByName(name) ?? this.core.data.sheetById(name) ?? null);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.core, () => this.core.data.sheetByName(name) ?? null, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.core, () => this.core.data.activeSheet ?? this.core.data.sheets[0] ?? null);
  }
  add(name?: string): FakeWorksheet {
    let created: SheetData | null = null;
    this.core.enqueue(name ?? null, () => {
      let n = name;
      if (!n) for (let i = 1; !n || this.core.data.sheetByName(n); i++) n = `Sheet${i}`;
      created = this.core.data.addSheet(n);
    });
    return new FakeWorksheet(this.core, () => created);
  }
  load(props?: Props): this {
    const list = (propList(props) ?? ['id', 'name', 'visibility', 'position']).map((p) => p.replace(/^items\//, ''));
    this.core.enqueueRead(
      () => this.core.data.sheets.map((s, i) => ({ s, pairs: list.map((p) => [p, p === 'position' ? i : p === 'id' ? s.id : (s as unknown as Record<string, unknown>)[p]] as const) })),
      (rows) => {
        this.itemsLoaded = rows.map(({ s, pairs }) => {
          const ws = new FakeWorksheet(this.core, () => s);
          ws.preload(pairs);
          return ws;
        });
      },
      // Only the loaded properties travel in the response.
      (rows) => rows.map((r) => r.pairs),
    );
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemsLoaded) throw notLoaded('WorksheetCollection', 'items');
    return this.itemsLoaded;
  }
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

export class FakeTable extends ClientObject {
  private cached: TableData | null = null;
  constructor(
    core: FakeContextCore,
    private readonly resolver: () => TableData | null,
    private readonly nullable = false,
  ) {
    super(core, 'Table');
  }
  table(): TableData {
    if (!this.cached) {
      const t = this.resolver();
      if (!t) throw new FakeOfficeError('ItemNotFound', 'The requested table does not exist.');
      this.cached = t;
    }
    return this.cached;
  }
  protected scalarProps(): string[] {
    return ['id', 'name', 'showTotals', 'style'];
  }
  protected readProp(p: string): unknown {
    if (p === 'isNullObject') return this.resolver() === null;
    const t = this.table();
    switch (p) {
      case 'id':
        return String(t.id);
      case 'name':
        return t.name;
      case 'showTotals':
        return t.showTotals;
      case 'style':
        return t.style;
      default:
        throw new FakeOfficeError('InvalidArgument', `Table has no property '${p}' in the fake.`);
    }
  }
  override load(props?: Props): this {
    if (this.nullable) {
      this.core.enqueueRead(
        () => this.resolver() === null,
        (isNull) => this.loaded.set('isNullObject', isNull),
      );
      const list = propList(props) ?? this.scalarProps();
      this.core.enqueueRead(
        () => (this.resolver() === null ? [] : list.map((p) => [p, this.readProp(p)] as const)),
        (pairs) => {
          for (const [p, v] of pairs) this.loaded.set(p, v);
        },
      );
      return this;
    }
    return super.load(props);
  }
  preload(pairs: readonly (readonly [string, unknown])[]): void {
    for (const [p, v] of pairs) this.loaded.set(p, v);
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.core.enqueue(v, () => {
      const t = this.table();
      this.core.data.checkTableName(v, t);
      t.name = v;
    });
  }
  get showTotals(): boolean {
    return this.get('showTotals');
  }
  set showTotals(v: boolean) {
    this.core.enqueue(v, () => {
      const t = this.table();
      if (t.showTotals !== v) t.rect = { ...t.rect, rows: t.rect.rows + (v ? 1 : -1) };
      t.showTotals = v;
    });
  }
  get style(): string {
    return this.get('style');
  }
  set style(v: string) {
    this.core.enqueue(v, () => {
      this.table().style = v;
    });
  }
  private sub(f: (t: TableData) => Rect): FakeRange {
    return new FakeRange(this.core, () => {
      const t = this.table();
      return { sheet: t.sheet, rect: f(t) };
    });
  }
  getRange(): FakeRange {
    return this.sub((t) => t.rect);
  }
  getHeaderRowRange(): FakeRange {
    return this.sub((t) => ({ ...t.rect, rows: 1 }));
  }
  getDataBodyRange(): FakeRange {
    return this.sub((t) => ({ ...t.rect, r0: t.rect.r0 + 1, rows: t.rect.rows - 1 - (t.showTotals ? 1 : 0) }));
  }
  getTotalRowRange(): FakeRange {
    return this.sub((t) => {
      if (!t.showTotals) throw new FakeOfficeError('InvalidOperation', 'The table has no totals row.');
      return { ...t.rect, r0: t.rect.r0 + t.rect.rows - 1, rows: 1 };
    });
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.core, () => this.table().sheet);
  }
  delete(): void {
    this.core.enqueue(null, () => {
      const t = this.table();
      this.core.data.tables = this.core.data.tables.filter((x) => x !== t);
    });
  }
  get columns() {
    const core = this.core;
    const table = () => this.table();
    return {
      /** Appends (index null) or inserts a column; values include the header row when given. */
      add: (index: number | null | undefined, values?: unknown[][], name?: string) => {
        core.enqueue({ values, name }, () => {
          const t = table();
          const at = index === null || index === undefined ? t.rect.cols : index;
          if (at !== t.rect.cols) throw new FakeOfficeError('InvalidArgument', 'The fake only appends table columns.');
          const col = t.rect.c0 + t.rect.cols;
          if (core.data.tables.some((o) => o !== t && o.sheet === t.sheet && col >= o.rect.c0 && col < o.rect.c0 + o.rect.cols && o.rect.r0 < t.rect.r0 + t.rect.rows && t.rect.r0 < o.rect.r0 + o.rect.rows)) {
            throw new FakeOfficeError('InvalidOperation', 'Another table is in the way.');
          }
          t.rect = { ...t.rect, cols: t.rect.cols + 1 };
          if (values) {
            if (values.length !== t.rect.rows) throw new FakeOfficeError('InvalidArgument', 'The column values do not match the table rows.');
            values.forEach((row, i) => t.sheet.writeValue(t.rect.r0 + i, col, row[0]));
          }
          if (name) t.sheet.setRaw(t.rect.r0, col, name, undefined);
          core.data.uniqueHeaders(t);
        });
      },
      getCount: () => {
        const box = { value: 0 };
        core.enqueueRead(
          () => table().rect.cols,
          (n) => (box.value = n),
        );
        return box;
      },
    };
  }
  get rows() {
    const core = this.core;
    const table = () => this.table();
    return {
      add: (index: number | null | undefined, values: unknown[][]) => {
        core.enqueue(values, () => {
          const t = table();
          if (index !== null && index !== undefined) throw new FakeOfficeError('InvalidArgument', 'The fake only appends table rows.');
          if (values.some((r) => r.length !== t.rect.cols)) throw new FakeOfficeError('InvalidArgument', 'Row width does not match the table.');
          const at = t.rect.r0 + t.rect.rows - (t.showTotals ? 1 : 0);
          // Excel moves the totals row down; the fake only supports appending before totals are shown.
          if (t.showTotals) throw new FakeOfficeError('InvalidOperation', 'The fake cannot add rows under a totals row.');
          values.forEach((row, i) => row.forEach((v, j) => t.sheet.writeValue(at + i, t.rect.c0 + j, v)));
          t.rect = { ...t.rect, rows: t.rect.rows + values.length };
        });
      },
    };
  }
}

export class FakeTableCollection {
  private itemsLoaded: FakeTable[] | null = null;
  constructor(
    private readonly core: FakeContextCore,
    /** null: the workbook-wide collection. */
    private readonly sheetOf: (() => SheetData) | null,
  ) {}
  private scope(): TableData[] {
    const all = this.core.data.tables;
    if (!this.sheetOf) return all;
    const s = this.sheetOf();
    return all.filter((t) => t.sheet === s);
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableData | null = null;
    this.core.enqueue(typeof address === 'string' ? address : null, () => {
      let ref: RangeRef;
      if (typeof address === 'string') {
        const parsed = parseAddress(address);
        if (!parsed) throw new FakeOfficeError('InvalidArgument', `Bad address '${address}'.`);
        const sheet = parsed.sheet ? this.core.data.sheetByName(parsed.sheet) : this.sheetOf?.();
        if (!sheet) throw new FakeOfficeError('ItemNotFound', 'The sheet of the table does not exist.');
        ref = { sheet, rect: parsed.rect };
      } else ref = address.ref();
      created = this.core.data.addTable(ref.sheet, ref.rect, hasHeaders);
    });
    return new FakeTable(this.core, () => created);
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.core, () => this.scope().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null);
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.core, () => this.scope().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null, true);
  }
  load(props?: Props): this {
    const list = (propList(props) ?? ['id', 'name', 'showTotals', 'style']).map((p) => p.replace(/^items\//, ''));
    this.core.enqueueRead(
      () =>
        this.scope().map((t) => ({
          t,
          pairs: list.map((p) => [p, p === 'id' ? String(t.id) : (t as unknown as Record<string, unknown>)[p]] as const),
        })),
      (rows) => {
        this.itemsLoaded = rows.map(({ t, pairs }) => {
          const ft = new FakeTable(this.core, () => t);
          ft.preload(pairs);
          return ft;
        });
      },
      (rows) => rows.map((r) => r.pairs),
    );
    return this;
  }
  get items(): FakeTable[] {
    if (!this.itemsLoaded) throw notLoaded('TableCollection', 'items');
    return this.itemsLoaded;
  }
}

// ---------------------------------------------------------------------------------------------
// Charts and PivotTables
// ---------------------------------------------------------------------------------------------

export class FakeChartCollection {
  constructor(
    private readonly core: FakeContextCore,
    private readonly ws: FakeWorksheet,
  ) {}
  add(type: string, sourceData: FakeRange, seriesBy = 'Auto') {
    const record = { name: '', type, title: '', source: '', seriesBy, position: undefined as string | undefined };
    this.core.enqueue({ type, seriesBy }, () => {
      const sheet = this.ws.sheet();
      const { sheet: srcSheet, rect } = sourceData.ref();
      record.source = qualifiedAddress(srcSheet.name, rect);
      record.name = record.name || `Chart ${sheet.charts.length + 1}`;
      sheet.charts.push(record);
    });
    const core = this.core;
    return {
      title: {
        set text(v: string) {
          core.enqueue(v, () => (record.title = v));
        },
      },
      set name(v: string) {
        core.enqueue(v, () => (record.name = v));
      },
      setPosition(start: string | FakeRange, end?: string | FakeRange) {
        core.enqueue(null, () => {
          const a = typeof start === 'string' ? start : rectAddress(start.ref().rect);
          const b = end === undefined ? '' : typeof end === 'string' ? end : rectAddress(end.ref().rect);
          record.position = b ? `${a}:${b}` : a;
        });
      },
      legend: new Proxy({}, { set: () => true }),
      dataLabels: new Proxy({}, { set: () => true }),
    };
  }
}

export class FakePivotTableCollection {
  constructor(
    private readonly core: FakeContextCore,
    private readonly ws: FakeWorksheet,
  ) {}
  add(name: string, source: string | FakeRange | FakeTable, destination: string | FakeRange) {
    this.core.requireApi(8, 'PivotTableCollection.add');
    const record: PivotData = { name, source: '', destination: '', rows: [], columns: [], values: [], filters: [], manualFilters: {} };
    let headers: string[] = [];
    let srcRef: RangeRef | null = null;
    this.core.enqueue({ name }, () => {
      const sheet = this.ws.sheet();
      const all = this.core.data.sheets.flatMap((s) => s.pivots);
      if (all.some((p) => p.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError('InvalidArgument', `A PivotTable named '${name}' already exists.`);
      let src: RangeRef;
      if (typeof source === 'string') {
        const parsed = parseAddress(source);
        const s = parsed?.sheet ? this.core.data.sheetByName(parsed.sheet) : undefined;
        if (!parsed || !s) throw new FakeOfficeError('InvalidArgument', `Bad PivotTable source '${source}'.`);
        src = { sheet: s, rect: parsed.rect };
      } else if (source instanceof FakeTable) {
        const t = source.table();
        src = { sheet: t.sheet, rect: t.rect };
      } else src = source.ref();
      headers = [];
      srcRef = src;
      for (let c = 0; c < src.rect.cols; c++) headers.push(String(src.sheet.value(src.rect.r0, src.rect.c0 + c)));
      record.source = qualifiedAddress(src.sheet.name, src.rect);
      record.destination = typeof destination === 'string' ? destination : rectAddress(destination.ref().rect);
      sheet.pivots.push(record);
    });
    const core = this.core;
    const hierarchy = (h: string) => {
      core.enqueue(h, () => {
        if (!headers.includes(h)) throw new FakeOfficeError('ItemNotFound', `The PivotTable source has no field '${h}'.`);
      });
      return { name: h };
    };
    const list = (into: string[]) => ({ add: (h: { name: string }) => core.enqueue(h.name, () => into.push(h.name)) });
    const field = (f: string) => new FakePivotField(core, record, () => srcRef, f);
    return {
      hierarchies: { getItem: hierarchy },
      filterHierarchies: {
        add: (h: { name: string }) => {
          core.enqueue(h.name, () => {
            // Like Excel, a hierarchy moves to the filter axis from wherever it was.
            for (const axis of [record.rows, record.columns]) if (axis.includes(h.name)) axis.splice(axis.indexOf(h.name), 1);
            if (!record.filters.includes(h.name)) record.filters.push(h.name);
          });
          // A hierarchy has exactly one field, of the same name.
          return { name: h.name, fields: { getItem: field } };
        },
      },
      rowHierarchies: list(record.rows),
      columnHierarchies: list(record.columns),
      dataHierarchies: {
        add: (h: { name: string }) => {
          const v = { name: h.name, summarizeBy: 'Sum' };
          core.enqueue(h.name, () => record.values.push(v));
          return {
            set summarizeBy(s: string) {
              core.enqueue(s, () => (v.summarizeBy = s));
            },
            set name(n: string) {
              core.enqueue(n, () => (v.name = n));
            },
          };
        },
      },
    };
  }
}

/** One field of a pivot (ExcelApi 1.8): its items (load semantics) and applyFilter (ExcelApi 1.12). */
export class FakePivotField {
  readonly items: FakePivotItemCollection;
  constructor(
    private readonly core: FakeContextCore,
    private readonly record: PivotData,
    private readonly source: () => RangeRef | null,
    readonly name: string,
  ) {
    this.items = new FakePivotItemCollection(core, () => this.itemNames());
  }
  private itemNames(): string[] {
    const src = this.source();
    if (!src || pivotFieldColumn(src.sheet, src.rect, this.name) < 0) throw new FakeOfficeError('ItemNotFound', `The PivotTable has no field '${this.name}'.`);
    return pivotItems(src.sheet, src.rect, this.name);
  }
  applyFilter(filter: { manualFilter?: { selectedItems?: (string | { name: string })[] } }): void {
    this.core.requireApi(12, 'PivotField.applyFilter');
    this.core.enqueue(filter, () => {
      if (!filter.manualFilter) throw new FakeOfficeError('InvalidArgument', 'The fake only supports manual filters.');
      const names = new Set(this.itemNames());
      const selected = (filter.manualFilter.selectedItems ?? []).map((x) => (typeof x === 'string' ? x : x.name));
      // "These must be existing and valid items from the chosen field."
      for (const n of selected) if (!names.has(n)) throw new FakeOfficeError('InvalidArgument', `The field '${this.name}' has no item '${n}'.`);
      this.record.manualFilters[this.name] = selected;
    });
  }
}

/** A pivot field's items: `items` and each item's `name` throw until `load()` + `sync()`. */
export class FakePivotItemCollection {
  private loadedItems: { name: string }[] | null = null;
  constructor(
    private readonly core: FakeContextCore,
    private readonly names: () => string[],
  ) {}
  load(props?: Props): this {
    const list = (propList(props) ?? ['name']).map((p) => p.replace(/^items\//, ''));
    this.core.enqueueRead(
      () => this.names(),
      (names) => {
        this.loadedItems = names.map((n) => {
          const item = {} as { name: string };
          Object.defineProperty(item, 'name', {
            get: () => {
              if (!list.includes('name')) throw notLoaded('PivotItem', 'name');
              return n;
            },
          });
          return item;
        });
      },
    );
    return this;
  }
  get items(): { name: string }[] {
    if (!this.loadedItems) throw notLoaded('PivotItemCollection', 'items');
    return this.loadedItems;
  }
}
