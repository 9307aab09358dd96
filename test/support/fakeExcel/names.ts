/**
 * Workbook-scoped defined names (`workbook.names`, ExcelApi 1.4 for add): the part of NamedItemCollection an add-in
 * uses — `add(name, Range | formula)`, `getItem` (ItemNotFound at the next sync when missing, like every indexer
 * object: instantiated at creation, excel-web-16.00.debug.js line 15985-15987), `getItemOrNullObject`, and NamedItem
 * `name`, `type`, `formula`, `visible`, `comment`, `getRange()`, `delete()`. Stored beside the workbook data (a
 * WeakMap), so the workbook model needs no field of its own.
 */
import { FakeOfficeError, itemNotFound, notLoaded } from './errors';
import { parseAddress, qualifiedAddress } from './addresses';
import type { FakeContextCore } from './context';
import type { WorkbookData } from './model';
import { ClientObject, FakeRange, type ProxyOptions, type RangeRef } from './proxies';

export interface NameData {
  name: string;
  /** '=Sheet!A1:B2' for a range, '="text"' or '=1+1' otherwise. */
  formula: string;
  comment: string;
  visible: boolean;
}

const store = new WeakMap<WorkbookData, NameData[]>();

/** The workbook's defined names (created empty on first use). */
export function namesOf(data: WorkbookData): NameData[] {
  let list = store.get(data);
  if (!list) {
    list = [];
    store.set(data, list);
  }
  return list;
}

function find(data: WorkbookData, name: string): NameData | null {
  const lower = name.toLowerCase();
  return namesOf(data).find((n) => n.name.toLowerCase() === lower) ?? null;
}

/** The range a name's formula refers to, or null when it is not a plain reference. */
function refOf(data: WorkbookData, formula: string): RangeRef | null {
  const parsed = parseAddress(formula.replace(/^=/, ''));
  const sheet = parsed?.sheet ? data.sheetByName(parsed.sheet) : undefined;
  return parsed && sheet ? { sheet, rect: parsed.rect } : null;
}

export class FakeNamedItem extends ClientObject {
  private cached: NameData | null = null;
  constructor(
    core: FakeContextCore,
    private readonly resolver: () => NameData | null,
    options: ProxyOptions,
  ) {
    super(core, 'NamedItem', options);
  }
  protected instantiate(): boolean {
    const n = this.resolver();
    if (!n || !namesOf(this.core.data).includes(n)) {
      if (this.nullable) return true;
      throw itemNotFound(this.location);
    }
    this.cached = n;
    return false;
  }
  private item(): NameData {
    if (!this.cached) {
      const n = this.resolver();
      if (!n) throw itemNotFound(this.location);
      this.cached = n;
    }
    return this.cached;
  }
  protected scalarProps(): string[] {
    return ['name', 'type', 'formula', 'visible', 'comment'];
  }
  /** Filled from a collection load (`names.load('items/name')`). */
  preload(pairs: readonly (readonly [string, unknown])[]): void {
    for (const [p, v] of pairs) this.loaded.set(p, v);
  }
  protected readProp(p: string): unknown {
    const n = this.item();
    switch (p) {
      case 'name':
        return n.name;
      case 'type':
        return refOf(this.core.data, n.formula) ? 'Range' : /^="/.test(n.formula) ? 'String' : 'Error';
      case 'formula':
        return n.formula;
      case 'visible':
        return n.visible;
      case 'comment':
        return n.comment;
      default:
        throw new FakeOfficeError('InvalidArgument', `NamedItem has no property '${p}' in the fake.`);
    }
  }
  get name(): string {
    return this.get('name');
  }
  get type(): string {
    return this.get('type');
  }
  get formula(): string {
    return this.get('formula');
  }
  get visible(): boolean {
    return this.get('visible');
  }
  get comment(): string {
    return this.get('comment');
  }
  /** The referenced range; InvalidOperation when the name is not a range (docs: NamedItem.getRange). */
  getRange(): FakeRange {
    return new FakeRange(
      this.core,
      () => {
        const ref = refOf(this.core.data, this.item().formula);
        if (!ref) throw new FakeOfficeError('InvalidOperation', 'The named item is not a range.', 'NamedItem.getRange');
        return ref;
      },
      { path: `${this.path}.getRange()`, parent: this, location: 'NamedItem.getRange' },
    );
  }
  delete(): void {
    this.assertValid();
    this.core.enqueue(null, () => {
      const n = this.item();
      const list = namesOf(this.core.data);
      list.splice(list.indexOf(n), 1);
    });
  }
}

/** Excel's defined-name rules, roughly: a letter, '_' or '\' first, no spaces, not a cell reference. */
function checkName(name: string): void {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name)) {
    throw new FakeOfficeError('InvalidArgument', `The name '${name}' is not valid.`, 'NamedItemCollection.add');
  }
}

export class FakeNamedItemCollection {
  private itemsLoaded: FakeNamedItem[] | null = null;
  constructor(private readonly core: FakeContextCore) {}

  /** `load('items/name')`: the names as they are at the next sync. */
  load(_props?: unknown): this {
    this.core.enqueueRead(
      () => [...namesOf(this.core.data)],
      (list) => {
        this.itemsLoaded = list.map((n) => {
          const item = new FakeNamedItem(this.core, () => n, { path: 'names.getItem()', location: 'NamedItemCollection.getItem' });
          item.preload([['name', n.name], ['formula', n.formula], ['visible', n.visible], ['comment', n.comment]]);
          return item;
        });
      },
      (list) => list.map((n) => n.name),
    );
    return this;
  }
  get items(): FakeNamedItem[] {
    if (!this.itemsLoaded) throw notLoaded('NamedItemCollection', 'items');
    return this.itemsLoaded;
  }

  /** `add(name, reference, comment)`: reference is a Range or a formula string. */
  add(name: string, reference: FakeRange | string, comment = ''): FakeNamedItem {
    if (reference instanceof ClientObject) reference.assertValid();
    this.core.requireApi(4, 'NamedItemCollection.add');
    let created: NameData | null = null;
    this.core.enqueue({ name, comment }, () => {
      checkName(name);
      if (find(this.core.data, name)) throw new FakeOfficeError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', 'NamedItemCollection.add');
      let formula: string;
      if (typeof reference === 'string') formula = reference.startsWith('=') ? reference : `=${reference}`;
      else {
        const { sheet, rect } = reference.ref();
        // Excel stores a name's reference absolute: '=Sheet1!$A$1:$B$1'.
        formula = `=${qualifiedAddress(sheet.name, rect).replace(/(!|:)([A-Z]+)(\d+)/g, '$1$$$2$$$3')}`;
      }
      created = { name, formula, comment, visible: true };
      namesOf(this.core.data).push(created);
    });
    return new FakeNamedItem(this.core, () => created, { path: 'names.add()', location: 'NamedItemCollection.add' });
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.core, () => find(this.core.data, name), { path: 'names.getItem()', location: 'NamedItemCollection.getItem' });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.core, () => find(this.core.data, name), { path: 'names.getItemOrNullObject()', nullable: true });
  }
}
