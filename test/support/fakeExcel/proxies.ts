/**
 * Proxy objects of the in-memory Excel, mirroring the Office.js objects the adapter uses, with office.js's proxy
 * semantics (line numbers of node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js):
 * - a proxy queues its instantiation when created (`ClientObject` constructor, line 15985-15987), so `getItem` of a
 *   missing sheet/table fails the next sync with ItemNotFound, and `…OrNullObject` gives `isNullObject` after that
 *   sync without a `load` (`InstantiateActionResultHandler`, line 17579-17580 → `_handleIdResult`, line 16070-16071);
 * - scalar properties throw PropertyNotLoaded until `load()` + `sync()` (`Utility.throwIfNotLoaded`, line 18274-18280),
 *   except on a null object, whose properties read `undefined` (the `!isNull` test of line 18275);
 * - an assigned property reads back as assigned without a load (`Range_Values_Set`: `thisObj.m_values = value`,
 *   line 32356-32357; `Worksheet.name`'s setter: `this._N = value`, line 29407);
 * - writes are queued and applied at `sync()`;
 * - Range proxies are auto-tracked inside `Excel.run` (only types with `_KeepReference`: Range line 32022, RangeAreas
 *   32582, WorkbookRangeAreas 32746; added at line 15988-15990) and invalidated when the run ends (line 16866-16871):
 *   any later use of them — or of objects reached through them, or passing them as arguments — throws
 *   InvalidObjectPath (`validateObjectPath` walks the parents, line 15111-15124; arguments, line 15896).
 */
import { FakeOfficeError, MESSAGES, invalidObjectPath, itemNotFound, notLoaded } from './errors';
import { parseAddress, qualifiedAddress, rectAddress, type Rect } from './addresses';
import { ACTION_BYTES, INSTANTIATE_BYTES, type AutoTracked, type FakeContextCore } from './context';
import { pivotFieldColumn, pivotItems, type ChartData, type PivotData, type SheetData, type TableData, type Visibility } from './model';
import { fakeSeriesCollection, initialSeries } from './chartSeries';

type Props = string | string[] | { select?: string | string[] } | undefined;

function propList(p: Props): string[] | null {
  if (p === undefined) return null;
  if (typeof p === 'string') return p.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(p)) return p.flatMap((s) => s.split(',').map((x) => x.trim()));
  return propList(p.select);
}

export interface ProxyOptions {
  /** office.js's object path expression (`getObjectPathExpression`, line 15185), e.g. 'worksheets.getItem().getRange()'. */
  path: string;
  /** The object this one was reached through (its path's parent). */
  parent?: ClientObject | null;
  /** An `…OrNullObject`: a missing item gives a null object instead of ItemNotFound. */
  nullable?: boolean;
  /** errorLocation of the ItemNotFound a missing item raises, e.g. 'WorksheetCollection.getItem'. */
  location?: string;
  /** A type with `_KeepReference` (Range): auto-tracked in a run, invalid after it. */
  keepReference?: boolean;
}

/** Base of every proxy: instantiation, lifetime, the loaded-property store and `load()`. */
export abstract class ClientObject implements AutoTracked {
  protected loaded = new Map<string, unknown>();
  readonly path: string;
  protected readonly nullable: boolean;
  protected readonly location: string;
  private readonly parent: ClientObject | null;
  private invalid = false;
  /** Whether the instantiation found a null object (known once it ran at sync). */
  protected resolvedNull: boolean | undefined;

  constructor(
    protected readonly core: FakeContextCore,
    protected readonly what: string,
    options: ProxyOptions,
  ) {
    this.path = options.path;
    this.parent = options.parent ?? null;
    this.nullable = options.nullable ?? false;
    this.location = options.location ?? what;
    // createInstantiateAction validates the new object's path, parents included (line 15944).
    this.parent?.assertValid();
    if (core.processingResult) {
      // An item handed over by a collection load: not instantiated again, never null (line 15986, 19064).
      this.resolvedNull = false;
      this.loaded.set('isNullObject', false);
    } else {
      core.instantiate(
        () => (this.resolvedNull = this.instantiate()),
        (isNull) => this.loaded.set('isNullObject', isNull),
        options.keepReference,
      );
      if (options.keepReference) core.autoTrack(this);
    }
  }

  /** Resolves the object at sync (throwing ItemNotFound, InvalidArgument …); true when it is a null object. */
  protected abstract instantiate(): boolean;
  /** Property names `load()` without arguments loads. */
  protected abstract scalarProps(): string[];
  /** Reads a property from the workbook at sync time. */
  protected abstract readProp(p: string): unknown;

  /** The end of the run released this object (line 16870: `_objectPath.isValid = false`). */
  invalidate(): void {
    this.invalid = true;
  }

  referenced(): boolean {
    return this.loaded.get('isNullObject') === false;
  }

  /** Throws InvalidObjectPath when this object or one it was reached through was released (line 15111-15124). */
  assertValid(): void {
    if (this.invalid) throw invalidObjectPath(this.path);
    this.parent?.assertValid();
  }
  /** The same check under a shorter name (chartSeries.ts calls `range.use?.()`). */
  use(): void {
    this.assertValid();
  }

  load(props?: Props): this {
    this.assertValid();
    const list = propList(props) ?? this.scalarProps();
    this.core.enqueueRead(
      // A null object loads nothing (its properties read undefined).
      () => (this.resolvedNull ? [] : list.map((p) => [p, this.readProp(p)] as const)),
      (pairs) => {
        for (const [p, v] of pairs) this.loaded.set(p, v);
      },
    );
    return this;
  }

  /** `isNullObject` throws until the sync that instantiated the object (line 16016-16022: no errorLocation). */
  get isNullObject(): boolean {
    if (!this.loaded.has('isNullObject')) throw new FakeOfficeError('PropertyNotLoaded', MESSAGES.PropertyNotLoaded.replace('{0}', 'isNullObject'));
    return this.loaded.get('isNullObject') as boolean;
  }

  protected get<T>(p: string): T {
    if (this.loaded.get('isNullObject') === true) return undefined as T;
    if (!this.loaded.has(p)) throw notLoaded(this.what, p);
    return this.loaded.get(p) as T;
  }

  /** A property set: validated now, readable as assigned, queued for the sync. */
  protected assign(p: string, v: unknown, run: () => void, extraBytes = 0): void {
    this.assertValid();
    this.loaded.set(p, v);
    this.core.enqueue(v, run, extraBytes);
  }
}

/** Method arguments that are proxies are validated too (`validateReferencedObjectPaths`, line 15896). */
function validateArg(x: unknown): void {
  if (x instanceof ClientObject) x.assertValid();
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

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** Entire columns ('A:C'), entire rows ('2:4') or the whole sheet. */
function unbounded(rect: Rect): boolean {
  return (rect.r0 === 0 && rect.rows >= MAX_ROWS) || (rect.c0 === 0 && rect.cols >= MAX_COLS);
}
/** "A range is limited to 5,000,000 cells for read operations" (docs "Resource limits and performance optimization"). */
const CELL_READ_LIMIT = 5_000_000;

/** Cell-level properties: null on an unbounded range, RangeExceedsLimit past 5,000,000 cells. */
const CELL_LEVEL = new Set(['values', 'formulas', 'numberFormat', 'text']);

/**
 * Applies a 2-D array, or a single value to every cell (office.js sends a non-array as is, and Excel applies it to
 * the whole range: techcommunity "Allow passing a single value to the Range object Values and Formulas", 2024).
 * An array must have the range's shape, else InvalidArgument with Excel's message (OfficeDev/office-js issue #1025:
 * code InvalidArgument, errorLocation "Range.values"). Checked when the write runs, at sync, like Excel.
 * One exception Excel makes: a 1×1 `numberFormat` array is applied to every cell (tested on Excel on the web and
 * desktop in OfficeDev/office-js-docs-pr issue #5400, "B10:C14 … [['$#,##0.00']] … PASS"; for numberFormat only, not
 * values/formulas: OfficeDev/office-js-docs-reference issue #578).
 */
function applyGrid(rect: Rect, v: unknown, set: (r: number, c: number, x: unknown) => void, property: string): void {
  // "null is not a valid input for single property … range.values = null" (docs "Blank and null values").
  if (v === null || v === undefined) throw new FakeOfficeError('InvalidArgument', MESSAGES.InvalidArgument, `Range.${property}`);
  // "You can't set cell-level properties like values, numberFormat, or formula on an unbounded range … This returns an
  // error" (docs "Read or write to an unbounded range"). Issue office-js-docs-pr #5400 reports a 1×1 numberFormat
  // working there; the fake follows the docs (stricter).
  if (unbounded(rect)) throw new FakeOfficeError('InvalidArgument', MESSAGES.InvalidArgument, `Range.${property}`);
  const single = property === 'numberFormat' && Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? (v[0] as unknown[])[0] : undefined;
  if (!Array.isArray(v) || single !== undefined) {
    const x = single !== undefined ? single : v;
    for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.cols; j++) set(rect.r0 + i, rect.c0 + j, x);
    return;
  }
  if (v.length !== rect.rows || v.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw new FakeOfficeError('InvalidArgument', MESSAGES.InvalidArgumentShape, `Range.${property}`);
  }
  for (let i = 0; i < rect.rows; i++) {
    const row = v[i] as unknown[];
    for (let j = 0; j < rect.cols; j++) set(rect.r0 + i, rect.c0 + j, row[j]);
  }
}

/**
 * The request bytes office.js adds when it splits a large `values`/`formulas`/`numberFormat` write
 * (`setRangePropertiesInBulk`, line 26483-26499: over 1,500 cells, one chunk per `round(1500 / columns)` rows, each
 * `range.getRow(i).untrack().getBoundingRect(range.getRow(j).untrack()).untrack()` — three object paths with their
 * instantiations — and its own set-property action).
 */
function bulkOverhead(v: unknown): number {
  if (!Array.isArray(v) || v.length === 0 || !Array.isArray(v[0])) return 0;
  const cols = (v[0] as unknown[]).length;
  if (v.length * cols <= 1500) return 0;
  const rowsPerChunk = Math.max(1, Math.round(1500 / Math.max(1, cols)));
  return Math.ceil(v.length / rowsPerChunk) * (3 * INSTANTIATE_BYTES + ACTION_BYTES);
}

export class FakeRange extends ClientObject {
  private cached: RangeRef | null = null;
  constructor(
    core: FakeContextCore,
    private readonly resolver: () => RangeRef | null,
    options: ProxyOptions,
  ) {
    super(core, 'Range', { ...options, keepReference: true });
  }

  protected instantiate(): boolean {
    const r = this.resolver();
    if (!r) {
      if (this.nullable) return true;
      throw itemNotFound(this.location);
    }
    this.cached = r;
    return false;
  }

  /** The range as instantiated (a used range is measured where it was asked for in the queue). */
  ref(): RangeRef {
    if (!this.cached) {
      const r = this.resolver();
      if (!r) throw itemNotFound(this.location);
      this.cached = r;
    }
    return this.cached;
  }

  protected scalarProps(): string[] {
    return ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'values', 'formulas', 'numberFormat', 'text'];
  }

  protected readProp(p: string): unknown {
    const { sheet, rect } = this.ref();
    if (CELL_LEVEL.has(p)) {
      // "the response returns null for cell-level properties like values, text, numberFormat, and formula"
      // (docs "Read or write to an unbounded range").
      if (unbounded(rect)) return null;
      if (rect.rows * rect.cols > CELL_READ_LIMIT) throw new FakeOfficeError('RangeExceedsLimit', MESSAGES.RangeExceedsLimit, `Range.${p}`);
    }
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

  /** `range.track()` = `context.trackedObjects.add(range)`: the range stays usable after the run. */
  track(): this {
    this.assertValid();
    this.core.track(this);
    return this;
  }
  /** `range.untrack()` = `context.trackedObjects.remove(range)`. */
  untrack(): this {
    this.core.untrack(this);
    return this;
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
    this.assign('values', v, () => {
      const { sheet, rect } = this.ref();
      applyGrid(rect, v, (r, c, x) => sheet.writeValue(r, c, x), 'values');
    }, bulkOverhead(v));
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.assign('formulas', v, () => {
      const { sheet, rect } = this.ref();
      applyGrid(rect, v, (r, c, x) => sheet.writeFormula(r, c, x), 'formulas');
    }, bulkOverhead(v));
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.assign('numberFormat', v, () => {
      const { sheet, rect } = this.ref();
      applyGrid(rect, v, (r, c, x) => sheet.setFormat(r, c, x), 'numberFormat');
    }, bulkOverhead(v));
  }
  get text(): string[][] {
    return this.get('text');
  }

  private derived(method: string, f: (ref: RangeRef) => RangeRef): FakeRange {
    return new FakeRange(this.core, () => f(this.ref()), { path: `${this.path}.${method}()`, parent: this });
  }
  getCell(row: number, column: number): FakeRange {
    return this.derived('getCell', ({ sheet, rect }) => ({ sheet, rect: { r0: rect.r0 + row, c0: rect.c0 + column, rows: 1, cols: 1 } }));
  }
  getRow(row: number): FakeRange {
    return this.derived('getRow', ({ sheet, rect }) => ({ sheet, rect: { ...rect, r0: rect.r0 + row, rows: 1 } }));
  }
  getColumn(column: number): FakeRange {
    return this.derived('getColumn', ({ sheet, rect }) => ({ sheet, rect: { ...rect, c0: rect.c0 + column, cols: 1 } }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived('getResizedRange', ({ sheet, rect }) => ({ sheet, rect: { ...rect, rows: rect.rows + deltaRows, cols: rect.cols + deltaColumns } }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived('getOffsetRange', ({ sheet, rect }) => ({ sheet, rect: { ...rect, r0: rect.r0 + rowOffset, c0: rect.c0 + columnOffset } }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    return this.derived('getAbsoluteResizedRange', ({ sheet, rect }) => ({ sheet, rect: { ...rect, rows: numRows, cols: numColumns } }));
  }

  clear(applyTo?: string): void {
    this.assertValid();
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
    this.assertValid();
    this.core.enqueue(across, () => {
      const { sheet, rect } = this.ref();
      sheet.merges.push(rectAddress(rect) + (across ? ' across' : ''));
    });
  }
  unmerge(): void {
    this.assertValid();
    this.core.enqueue(null, () => undefined);
  }

  /** Records a whole-range format write (one entry per call, whatever the size). */
  recordFormat(props: Record<string, unknown>): void {
    this.assertValid();
    this.core.enqueue(props, () => {
      const { sheet, rect } = this.ref();
      const address = rectAddress(rect);
      sheet.formatRuns.push({ address, props });
      if (typeof props.columnWidth === 'number') for (let c = rect.c0; c < rect.c0 + rect.cols; c++) sheet.columnWidths.set(c, props.columnWidth);
    });
  }

  // Navigation properties create child objects whose path hangs off this range: validated now (line 15944).
  get format(): FakeRangeFormat {
    this.assertValid();
    return new FakeRangeFormat(this);
  }

  get dataValidation(): FakeDataValidation {
    this.assertValid();
    return new FakeDataValidation(this.core, this);
  }

  get conditionalFormats(): FakeConditionalFormats {
    this.assertValid();
    return new FakeConditionalFormats(this.core, this);
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.core, () => this.ref().sheet, { path: `${this.path}.worksheet`, parent: this });
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
    this.range.assertValid();
    this.core.requireApi(8, 'Range.dataValidation');
    this.core.enqueue(rule, () => {
      const { sheet, rect } = this.range.ref();
      sheet.validations.push({ address: rectAddress(rect), rule });
    });
  }
  clear(): void {
    this.range.assertValid();
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
    this.range.assertValid();
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
    this.range.assertValid();
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
    options: ProxyOptions,
  ) {
    super(core, 'Worksheet', options);
  }

  protected instantiate(): boolean {
    const s = this.resolver();
    if (!s || !this.core.data.sheets.includes(s)) {
      if (this.nullable) return true;
      throw itemNotFound(this.location);
    }
    this.cached = s;
    return false;
  }

  sheet(): SheetData {
    if (!this.cached) {
      const s = this.resolver();
      if (!s || !this.core.data.sheets.includes(s)) throw itemNotFound(this.location);
      this.cached = s;
    }
    if (!this.core.data.sheets.includes(this.cached)) throw itemNotFound(this.location);
    return this.cached;
  }

  protected scalarProps(): string[] {
    return ['id', 'name', 'visibility', 'position', 'tabColor'];
  }
  protected readProp(p: string): unknown {
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

  /** Filled from a collection load. */
  preload(pairs: readonly (readonly [string, unknown])[]): void {
    for (const [p, v] of pairs) this.loaded.set(p, v);
  }

  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.assign('name', v, () => {
      const s = this.sheet();
      this.core.data.checkSheetName(v, s);
      s.name = v;
    });
  }
  get visibility(): Visibility {
    return this.get('visibility');
  }
  set visibility(v: Visibility) {
    this.assign('visibility', v, () => {
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
    this.assign('position', v, () => {
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
    this.assign('tabColor', v, () => {
      this.sheet().tabColor = v;
    });
  }

  activate(): void {
    this.assertValid();
    this.core.enqueue(null, () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.core.data.activeSheet = s;
    });
  }
  delete(): void {
    this.assertValid();
    this.core.enqueue(null, () => this.core.data.deleteSheet(this.sheet()));
  }
  /** Copies values, formulas, formats and layout to a new sheet named 'Name (2)' at the end (ExcelApi 1.9). */
  copy(_positionType?: string, relativeTo?: FakeWorksheet): FakeWorksheet {
    this.assertValid();
    validateArg(relativeTo);
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
    return new FakeWorksheet(this.core, () => created, { path: `${this.path}.copy()`, parent: this });
  }

  private child(method: string): ProxyOptions {
    return { path: `${this.path}.${method}()`, parent: this, location: `Worksheet.${method}` };
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.core,
      () => {
        const sheet = this.sheet();
        if (!address) return { sheet, rect: { r0: 0, c0: 0, rows: 1048576, cols: 16384 } };
        const parsed = parseAddress(address);
        if (!parsed) throw new FakeOfficeError('InvalidArgument', `Bad address '${address}'.`, 'Worksheet.getRange');
        return { sheet, rect: parsed.rect };
      },
      this.child('getRange'),
    );
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(
      this.core,
      () => {
        if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0 || startRow + rowCount > 1048576 || startColumn + columnCount > 16384) {
          throw new FakeOfficeError('InvalidArgument', 'The range is outside the sheet.', 'Worksheet.getRangeByIndexes');
        }
        return { sheet: this.sheet(), rect: { r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount } };
      },
      this.child('getRangeByIndexes'),
    );
  }
  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  /** Like Excel: an empty sheet's used range is A1. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.core,
      () => {
        const sheet = this.sheet();
        return { sheet, rect: sheet.usedRect(valuesOnly) ?? { r0: 0, c0: 0, rows: 1, cols: 1 } };
      },
      this.child('getUsedRange'),
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.core,
      () => {
        // On a null worksheet the chained call gives a null range, as in Office.js.
        if (this.resolvedNull) return null;
        const sheet = this.sheet();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      { ...this.child('getUsedRangeOrNullObject'), nullable: true },
    );
  }

  get freezePanes() {
    this.assertValid();
    const set = (rows: number, columns: number) => {
      this.assertValid();
      this.core.enqueue({ rows, columns }, () => {
        this.sheet().freeze = { rows, columns };
      });
    };
    return {
      freezeRows: (n = 1) => set(n, 0),
      freezeColumns: (n = 1) => set(0, n),
      freezeAt: (range: FakeRange) => {
        this.assertValid();
        validateArg(range);
        this.core.enqueue(null, () => {
          const { rect } = range.ref();
          this.sheet().freeze = { rows: rect.r0 + rect.rows, columns: rect.c0 + rect.cols };
        });
      },
      unfreeze: () => set(0, 0),
    };
  }

  get tables(): FakeTableCollection {
    this.assertValid();
    return new FakeTableCollection(this.core, () => this.sheet(), this.path);
  }
  get charts(): FakeChartCollection {
    this.assertValid();
    return new FakeChartCollection(this.core, this);
  }
  get pivotTables(): FakePivotTableCollection {
    this.assertValid();
    return new FakePivotTableCollection(this.core, this);
  }
  get pageLayout(): FakePageLayout {
    this.assertValid();
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
    this.ws.assertValid();
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
  /** A number, or '' for automatic numbering (Office.js: `firstPageNumber: number | ""`). */
  set firstPageNumber(v: number | '') {
    if (v !== '' && (!Number.isInteger(v) || v < 0)) throw new Error(`InvalidArgument: firstPageNumber ${String(v)}`);
    this.put('firstPageNumber', v);
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

  /** By name or id; a missing sheet fails the next sync with ItemNotFound (instantiated at creation). */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.core, () => this.core.data.sheetByName(key) ?? this.core.data.sheetById(key) ?? null, {
      path: 'worksheets.getItem()',
      location: 'WorksheetCollection.getItem',
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.core, () => this.core.data.sheetByName(key) ?? this.core.data.sheetById(key) ?? null, {
      path: 'worksheets.getItemOrNullObject()',
      nullable: true,
    });
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.core, () => this.core.data.activeSheet ?? this.core.data.sheets[0] ?? null, {
      path: 'worksheets.getActiveWorksheet()',
      location: 'WorksheetCollection.getActiveWorksheet',
    });
  }
  add(name?: string): FakeWorksheet {
    let created: SheetData | null = null;
    this.core.enqueue(name ?? null, () => {
      let n = name;
      if (!n) for (let i = 1; !n || this.core.data.sheetByName(n); i++) n = `Sheet${i}`;
      created = this.core.data.addSheet(n);
    });
    return new FakeWorksheet(this.core, () => created, { path: 'worksheets.add()', location: 'WorksheetCollection.add' });
  }
  load(props?: Props): this {
    const list = (propList(props) ?? ['id', 'name', 'visibility', 'position']).map((p) => p.replace(/^items\//, ''));
    this.core.enqueueRead(
      () => this.core.data.sheets.map((s, i) => ({ s, pairs: list.map((p) => [p, p === 'position' ? i : p === 'id' ? s.id : (s as unknown as Record<string, unknown>)[p]] as const) })),
      (rows) => {
        this.itemsLoaded = rows.map(({ s, pairs }) => {
          const ws = new FakeWorksheet(this.core, () => s, { path: 'worksheets.getItem()' });
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
    options: ProxyOptions,
  ) {
    super(core, 'Table', options);
  }
  protected instantiate(): boolean {
    const t = this.resolver();
    if (!t || !this.core.data.tables.includes(t)) {
      if (this.nullable) return true;
      throw itemNotFound(this.location);
    }
    this.cached = t;
    return false;
  }
  table(): TableData {
    if (!this.cached) {
      const t = this.resolver();
      if (!t) throw itemNotFound(this.location);
      this.cached = t;
    }
    return this.cached;
  }
  protected scalarProps(): string[] {
    return ['id', 'name', 'showTotals', 'style'];
  }
  protected readProp(p: string): unknown {
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
  preload(pairs: readonly (readonly [string, unknown])[]): void {
    for (const [p, v] of pairs) this.loaded.set(p, v);
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.assign('name', v, () => {
      const t = this.table();
      this.core.data.checkTableName(v, t);
      t.name = v;
    });
  }
  get showTotals(): boolean {
    return this.get('showTotals');
  }
  set showTotals(v: boolean) {
    this.assign('showTotals', v, () => {
      const t = this.table();
      if (t.showTotals !== v) t.rect = { ...t.rect, rows: t.rect.rows + (v ? 1 : -1) };
      t.showTotals = v;
    });
  }
  get style(): string {
    return this.get('style');
  }
  set style(v: string) {
    this.assign('style', v, () => {
      this.table().style = v;
    });
  }
  private sub(method: string, f: (t: TableData) => Rect): FakeRange {
    return new FakeRange(
      this.core,
      () => {
        const t = this.table();
        return { sheet: t.sheet, rect: f(t) };
      },
      { path: `${this.path}.${method}()`, parent: this, location: `Table.${method}` },
    );
  }
  getRange(): FakeRange {
    return this.sub('getRange', (t) => t.rect);
  }
  getHeaderRowRange(): FakeRange {
    return this.sub('getHeaderRowRange', (t) => ({ ...t.rect, rows: 1 }));
  }
  getDataBodyRange(): FakeRange {
    return this.sub('getDataBodyRange', (t) => ({ ...t.rect, r0: t.rect.r0 + 1, rows: t.rect.rows - 1 - (t.showTotals ? 1 : 0) }));
  }
  getTotalRowRange(): FakeRange {
    return this.sub('getTotalRowRange', (t) => {
      if (!t.showTotals) throw new FakeOfficeError('InvalidOperation', 'The table has no totals row.');
      return { ...t.rect, r0: t.rect.r0 + t.rect.rows - 1, rows: 1 };
    });
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.core, () => this.table().sheet, { path: `${this.path}.worksheet`, parent: this });
  }
  delete(): void {
    this.assertValid();
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
        this.assertValid();
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
        this.assertValid();
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
        this.assertValid();
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
    /** The worksheet's path for a sheet's collection. */
    ownerPath: string | null = null,
  ) {
    this.path = ownerPath ? `${ownerPath}.tables` : 'tables';
  }
  private readonly path: string;
  private scope(): TableData[] {
    const all = this.core.data.tables;
    if (!this.sheetOf) return all;
    const s = this.sheetOf();
    return all.filter((t) => t.sheet === s);
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    validateArg(address);
    let created: TableData | null = null;
    this.core.enqueue(typeof address === 'string' ? address : null, () => {
      let ref: RangeRef;
      if (typeof address === 'string') {
        const parsed = parseAddress(address);
        if (!parsed) throw new FakeOfficeError('InvalidArgument', `Bad address '${address}'.`, 'TableCollection.add');
        const sheet = parsed.sheet ? this.core.data.sheetByName(parsed.sheet) : this.sheetOf?.();
        if (!sheet) throw itemNotFound('TableCollection.add');
        ref = { sheet, rect: parsed.rect };
      } else ref = address.ref();
      created = this.core.data.addTable(ref.sheet, ref.rect, hasHeaders);
    });
    return new FakeTable(this.core, () => created, { path: `${this.path}.add()`, location: 'TableCollection.add' });
  }
  /** By name; a missing table fails the next sync with ItemNotFound (instantiated at creation). */
  getItem(name: string): FakeTable {
    return new FakeTable(this.core, () => this.scope().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null, {
      path: `${this.path}.getItem()`,
      location: 'TableCollection.getItem',
    });
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.core, () => this.scope().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null, {
      path: `${this.path}.getItemOrNullObject()`,
      nullable: true,
    });
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
          const ft = new FakeTable(this.core, () => t, { path: `${this.path}.getItem()` });
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
    this.ws.assertValid();
    validateArg(sourceData);
    const record: ChartData = { name: '', type, title: '', source: '', seriesBy, position: undefined };
    this.core.enqueue({ type, seriesBy }, () => {
      const sheet = this.ws.sheet();
      const { sheet: srcSheet, rect } = sourceData.ref();
      record.source = qualifiedAddress(srcSheet.name, rect);
      record.series = initialSeries(srcSheet, rect);
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
        validateArg(start);
        validateArg(end);
        core.enqueue(null, () => {
          const a = typeof start === 'string' ? start : rectAddress(start.ref().rect);
          const b = end === undefined ? '' : typeof end === 'string' ? end : rectAddress(end.ref().rect);
          record.position = b ? `${a}:${b}` : a;
        });
      },
      series: fakeSeriesCollection(core, record),
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
    this.ws.assertValid();
    validateArg(source);
    validateArg(destination);
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
    const field = (f: string) => new FakePivotField(core, record, () => srcRef, f);
    // RowColumnPivotHierarchyCollection.add returns the hierarchy, whose one field has its name (ExcelApi 1.8).
    const list = (into: string[]) => ({
      add: (h: { name: string }) => {
        core.enqueue(h.name, () => into.push(h.name));
        return { name: h.name, fields: { getItem: field } };
      },
    });
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
    this.items = new FakePivotItemCollection(core, () => this.itemNames(), (item, visible) => {
      this.core.requireApi(8, 'PivotItem.visible');
      this.core.enqueue({ item, visible }, () => {
        if (!this.itemNames().includes(item)) throw new FakeOfficeError('ItemNotFound', `The field '${this.name}' has no item '${item}'.`);
        const hidden = new Set(this.record.hiddenItems?.[this.name] ?? []);
        if (visible) hidden.delete(item);
        else hidden.add(item);
        // Excel keeps at least one item of a field visible.
        if (hidden.size >= this.itemNames().length) throw new FakeOfficeError('InvalidOperation', 'A field must keep one item visible.');
        this.record.hiddenItems = { ...(this.record.hiddenItems ?? {}), [this.name]: [...hidden] };
      });
    });
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

/** A pivot field's items: `items` and each item's `name` throw until `load()` + `sync()`; `visible` is queued like any set. */
export class FakePivotItemCollection {
  private loadedItems: { name: string; visible: boolean }[] | null = null;
  constructor(
    private readonly core: FakeContextCore,
    private readonly names: () => string[],
    private readonly setVisible: (item: string, visible: boolean) => void = () => undefined,
  ) {}
  load(props?: Props): this {
    const list = (propList(props) ?? ['name']).map((p) => p.replace(/^items\//, ''));
    this.core.enqueueRead(
      () => this.names(),
      (names) => {
        this.loadedItems = names.map((n) => {
          const item = {} as { name: string; visible: boolean };
          Object.defineProperty(item, 'name', {
            get: () => {
              if (!list.includes('name')) throw notLoaded('PivotItem', 'name');
              return n;
            },
          });
          Object.defineProperty(item, 'visible', {
            get: () => {
              throw notLoaded('PivotItem', 'visible');
            },
            set: (v: boolean) => this.setVisible(n, v),
          });
          return item;
        });
      },
    );
    return this;
  }
  get items(): { name: string; visible: boolean }[] {
    if (!this.loadedItems) throw notLoaded('PivotItemCollection', 'items');
    return this.loadedItems;
  }
}
