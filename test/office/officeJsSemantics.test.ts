/**
 * The in-memory Excel (test/support/fakeExcel) against the shipped Office.js runtime, rule by rule. Each rule names
 * the office.js line it copies (node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js) and the first block
 * checks that those lines still say so: an office-js upgrade that moves or changes them fails here, and so does a fake
 * whose messages drift from office.js's resource strings.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { FakeWorkbook, MESSAGES } from '../support/fakeExcel';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { customerGrid, planFor, stubRunner } from './support';

const DIST = join(__dirname, '../../node_modules/@microsoft/office-js/dist');
const officeJs = readFileSync(join(DIST, 'excel-web-16.00.debug.js'), 'utf8').split('\n');
const officeStrings = readFileSync(join(DIST, 'en-us/office_strings.debug.js'), 'utf8').split('\n');

/** What `f` throws. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

/** A JS string literal's value as written in office.js ('…' or "…", with \' \" escapes). */
function literal(line: string, key: string): string {
  const m = new RegExp(`${key}\\s*[:=]\\s*(['"])((?:\\\\.|(?!\\1).)*)\\1`).exec(line);
  if (!m) throw new Error(`no ${key} literal in: ${line.slice(0, 120)}`);
  return m[2].replace(/\\(.)/g, '$1');
}

describe('the cited office.js lines still say what the fake copies', () => {
  it.each([
    [16636, 'ClientRequestContext.prototype.sync = function (passThroughValue) {'],
    [16640, 'return this.syncPrivateMain().then(function () { return passThroughValue; });'],
    [16465, 'if (!req.hasActions) {'],
    [16846, 'Utility.throwError(ResourceStrings.runMustReturnPromise);'],
    [16855, 'return ctx.sync(runBodyResult);'],
    [16862, '.catch(function (error) {'],
    [16866, 'var itemsToRemove = ctx.trackedObjects._retrieveAndClearAutoCleanupList();'],
    [16870, 'itemsToRemove[key]._objectPath.isValid = false;'],
    [15987, 'ActionFactory.createInstantiateAction(context, _this);'],
    [15989, 'context.trackedObjects._autoAdd(_this);'],
    [15114, 'if (!objectPath.isValid) {'],
    [18275, 'if (!isNull &&'],
    [18295, 'message: CoreUtility._getResourceString(ResourceStrings.propertyNotLoaded, propertyName),'],
    [18296, "debugInfo: entityName ? { errorLocation: entityName + '.' + propertyName } : undefined"],
    [32022, 'Range.prototype._KeepReference = function () {'],
    [32357, 'thisObj.m_values = value;'],
    [31689, '_throwIfNotLoaded("values", this.m_values, _typeRange, this._isNull);'],
  ])('line %i: %s', (line, text) => {
    expect(officeJs[line - 1].trim()).toBe(text);
  });

  it("copies office.js's resource strings word for word", () => {
    expect(literal(officeJs[18182 - 1], 'PropertyNotLoaded')).toBe(MESSAGES.PropertyNotLoaded);
    expect(literal(officeJs[18183 - 1], 'RunMustReturnPromise')).toBe(MESSAGES.RunMustReturnPromise);
    expect(literal(officeJs[13934 - 1], 'InvalidObjectPath')).toBe(MESSAGES.InvalidObjectPath);
    expect(literal(officeStrings[170 - 1], 'L_RequestPayloadSizeLimitExceededMessage')).toBe(MESSAGES.RequestPayloadSizeLimitExceeded);
    expect(literal(officeStrings[173 - 1], 'L_ResponsePayloadSizeLimitExceededMessage')).toBe(MESSAGES.ResponsePayloadSizeLimitExceeded);
  });
});

describe('1. Excel.run', () => {
  it('resolves with ctx.sync(result): the batch result passes through the context\'s own sync (line 16855)', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    await expect(wb.run(async () => 42)).resolves.toBe(42);

    // The old counting wrapper of createOfficeActions (before 61d6215) dropped passThroughValue: every run resolved undefined.
    const dropped = await wb.run(async (ctx) => {
      const original = ctx.sync.bind(ctx);
      (ctx as { sync: () => Promise<unknown> }).sync = () => original();
      return { answer: 42 };
    });
    expect(dropped).toBeUndefined();

    // A wrapper that hands the value on (the fixed one) is called for the final sync too and keeps the result.
    let calls = 0;
    const kept = await wb.run(async (ctx) => {
      const original = ctx.sync.bind(ctx);
      (ctx as { sync: <T>(v?: T) => Promise<T> }).sync = <T>(v?: T) => {
        calls++;
        return original(v);
      };
      return { answer: 42 };
    });
    expect(kept).toEqual({ answer: 42 });
    expect(calls).toBe(1);
  });

  it('the adapter\'s actions resolve with their values through the fake (regression of the pane that could not load)', async () => {
    const wb = FakeWorkbook.fromGrids({ 保有客户: customerGrid(5) });
    const actions = createOfficeActions({ host: wb.host(), runner: stubRunner('保有客户', () => planFor('保有客户', 5)) });
    const settings = await actions.loadSettings();
    expect(settings).toBeDefined();
    expect(settings.thresholds).toEqual({ atRiskMonths: 6, lostMonths: 12, goneMonths: 24 });
    expect(await actions.lastRun()).toBeNull();
  });

  it('flushes work queued after the last sync, and an empty final sync makes no round trip (line 16465)', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('B1').values = [['queued']];
    });
    expect(wb.grid('S')).toEqual([['a', 'queued']]);
    expect(wb.stats.syncs).toBe(1);
    await wb.run(async (ctx) => {
      await ctx.sync();
      await ctx.sync();
    });
    expect(wb.stats.syncs).toBe(1);
  });

  it('rejects with RunMustReturnPromise when the batch returns no promise, and sends nothing (line 16845-16846)', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    const error = await wb
      .run(((ctx: { workbook: { worksheets: { getItem(n: string): { getRange(a: string): { values: unknown } } } } }) => {
        ctx.workbook.worksheets.getItem('S').getRange('B1').values = [['never']];
        return undefined;
      }) as never)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RichApi.Error', code: 'RunMustReturnPromise', message: MESSAGES.RunMustReturnPromise });
    expect(wb.grid('S')).toEqual([['a']]);
    expect(wb.stats.syncs).toBe(0);
  });

  it('drops the queued work when the batch rejects (the catch at line 16862 skips the final sync)', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    await expect(
      wb.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('S');
        s.getRange('B1').values = [['synced']];
        await ctx.sync();
        s.getRange('C1').values = [['dropped']];
        throw new Error('the add-in failed');
      }),
    ).rejects.toThrow('the add-in failed');
    expect(wb.grid('S')).toEqual([['a', 'synced']]);
    expect(wb.stats.droppedOps).toBeGreaterThan(0);
  });

  it('calls the batch asynchronously, like _runCommon\'s starter promise (line 16807-16843)', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    let called = false;
    const run = wb.run(async () => {
      called = true;
    });
    expect(called).toBe(false);
    await run;
    expect(called).toBe(true);
  });
});

describe('2. automatic object clean-up after the run', () => {
  it('a Range created in a run throws InvalidObjectPath when used after it; its loaded values stay readable', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a', 1]] });
    const range = await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B1');
      r.load('values');
      await ctx.sync();
      return r;
    });
    // Reading a loaded field does not touch the object path (line 31689).
    expect(range.values).toEqual([['a', 1]]);
    const expected = {
      name: 'RichApi.Error',
      code: 'InvalidObjectPath',
      message: MESSAGES.InvalidObjectPath.replace('{0}', 'worksheets.getItem().getRange()'),
      debugInfo: { errorLocation: 'worksheets.getItem().getRange()' },
    };
    expect(thrown(() => (range.values = [['x', 2]]))).toMatchObject(expected);
    expect(thrown(() => range.load('values'))).toMatchObject(expected);
    expect(thrown(() => range.getCell(0, 0))).toMatchObject(expected);
    expect(thrown(() => (range.format.fill.color = 'red'))).toMatchObject(expected);
    expect(thrown(() => range.worksheet)).toMatchObject(expected);
    expect(thrown(() => range.clear())).toMatchObject(expected);
    // Passed as an argument in a later run (validateReferencedObjectPaths, line 15896).
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').tables.add(range as never, true);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidObjectPath' });
    expect(wb.grid('S')).toEqual([['a', 1]]);
    expect(wb.data.tables).toHaveLength(0);
  });

  it('a run whose Ranges reached Excel is followed by one clean-up request (attemptCleanup, line 16879-16896)', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').load('name');
      await ctx.sync();
    });
    expect(wb.stats.cleanupRequests).toBe(0);
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      s.getRange('A1').load('values');
      s.getRange('B1').load('values');
      await ctx.sync();
    });
    expect(wb.stats.cleanupRequests).toBe(1);
    expect(wb.stats.syncs).toBe(2);
  });

  it('objects reached through a released range are released too; tracked ranges and worksheets are not', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    const kept = await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const tracked = ws.getRange('A1');
      ctx.trackedObjects.add(tracked);
      const trackedToo = ws.getRange('B1');
      (trackedToo as unknown as { track(): unknown }).track();
      const released = ws.getRange('C1');
      const fromRange = released.worksheet;
      const table = ws.tables.add('A1:A1', true);
      await ctx.sync();
      return { ws, tracked, trackedToo, fromRange, table };
    });
    // Worksheet and Table have no _KeepReference (only Range, RangeAreas, WorkbookRangeAreas: line 32022, 32582, 32746).
    expect(() => kept.ws.getRange('A1')).not.toThrow();
    expect(() => kept.table.getRange()).not.toThrow();
    expect(() => kept.tracked.load('values')).not.toThrow();
    expect(() => kept.trackedToo.load('values')).not.toThrow();
    // A worksheet reached through a released range: its path's parent is invalid (line 15111-15124).
    expect(thrown(() => kept.fromRange.load('name'))).toMatchObject({ code: 'InvalidObjectPath' });
  });
});

describe('3. PropertyNotLoaded', () => {
  it('is an OfficeExtension.Error with code, office.js\'s message and debugInfo.errorLocation (line 18291-18297)', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      const e = thrown(() => r.values) as Error & { code: string; debugInfo: { code: string; message: string; errorLocation?: string } };
      expect(e).toBeInstanceOf(Error);
      expect(e).toMatchObject({
        name: 'RichApi.Error',
        code: 'PropertyNotLoaded',
        message: "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
        httpStatusCode: 400,
        debugInfo: { code: 'PropertyNotLoaded', errorLocation: 'Range.values' },
      });
      expect(String(e)).toBe(`PropertyNotLoaded: ${e.message}`);
      const sheets = ctx.workbook.worksheets;
      expect(thrown(() => sheets.items)).toMatchObject({ code: 'PropertyNotLoaded', debugInfo: { errorLocation: 'WorksheetCollection.items' } });
      const ws = sheets.getItem('S');
      expect(thrown(() => ws.name)).toMatchObject({ code: 'PropertyNotLoaded', debugInfo: { errorLocation: 'Worksheet.name' } });
      // isNullObject before the sync that instantiates the object: no errorLocation (entity null, line 16021).
      const e2 = thrown(() => ws.isNullObject) as { code: string; debugInfo: { errorLocation?: string } };
      expect(e2.code).toBe('PropertyNotLoaded');
      expect(e2.debugInfo.errorLocation).toBeUndefined();
      await ctx.sync();
      // Instantiated: isNullObject without a load, other properties still not loaded.
      expect(ws.isNullObject).toBe(false);
      expect(thrown(() => ws.name)).toMatchObject({ code: 'PropertyNotLoaded' });
    });
  });

  it('an assigned property reads back as assigned without a load (Range_Values_Set, line 32356-32357)', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      r.values = [['=1+1']];
      expect(r.values).toEqual([['=1+1']]);
      await ctx.sync();
      r.load('values');
      await ctx.sync();
      // Excel's own value after a load (the fake computes no formula: '').
      expect(r.values).toEqual([['']]);
    });
  });
});

describe('4. ItemNotFound vs …OrNullObject', () => {
  it('getItem of a missing sheet or table fails the next sync even when the proxy is never used', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Missing');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ name: 'RichApi.Error', code: 'ItemNotFound', message: MESSAGES.ItemNotFound, debugInfo: { errorLocation: 'WorksheetCollection.getItem' } });
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.tables.getItem('NoTable');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound', debugInfo: { errorLocation: 'TableCollection.getItem' } });
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.names.getItem('NoName');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound', debugInfo: { errorLocation: 'NamedItemCollection.getItem' } });
    // Without an explicit sync, the run's final sync fails (line 16855).
    await expect(wb.run(async (ctx) => void ctx.workbook.worksheets.getItem('Missing'))).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('is resolved in queue order: a sheet added before getItem is found, one added after is not', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.add('New');
      ctx.workbook.worksheets.getItem('New').getRange('A1').values = [['ok']];
      await ctx.sync();
    });
    expect(wb.grid('New')).toEqual([['ok']]);
    await expect(
      wb.run(async (ctx) => {
        const early = ctx.workbook.worksheets.getItem('Later');
        ctx.workbook.worksheets.add('Later');
        early.getRange('A1').values = [['no']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('a defined name added earlier in the queue is found, and refers to its range', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a', 'b']] });
    await wb.run(async (ctx) => {
      ctx.workbook.names.add('CD_range', ctx.workbook.worksheets.getItem('S').getRange('A1:B1'));
      const n = ctx.workbook.names.getItem('cd_RANGE');
      n.load('name,type,formula');
      const r = n.getRange();
      r.load('values');
      await ctx.sync();
      expect([n.name, n.type, n.formula]).toEqual(['CD_range', 'Range', '=S!$A$1:$B$1']);
      expect(r.values).toEqual([['a', 'b']]);
    });
  });

  it('…OrNullObject gives isNullObject true after the sync, without load, and undefined properties (line 18275)', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    await wb.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject('Missing');
      const table = ctx.workbook.tables.getItemOrNullObject('NoTable');
      const used = sheet.getUsedRangeOrNullObject(true);
      const present = ctx.workbook.worksheets.getItemOrNullObject('S');
      const name = ctx.workbook.names.getItemOrNullObject('NoName');
      used.load('values');
      await ctx.sync();
      expect(name.isNullObject).toBe(true);
      expect(sheet.isNullObject).toBe(true);
      expect(table.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(sheet.name).toBeUndefined();
      expect(used.values).toBeUndefined();
      expect(present.isNullObject).toBe(false);
    });
  });
});

describe('5. InvalidArgument on a wrong-shape array', () => {
  it.each([
    ['values', [[1, 2]]],
    ['values', [[1], [2]]],
    ['formulas', [['=1', '=2'], ['=3']]],
    ['numberFormat', [['@'], ['@']]],
    ['numberFormat', [['@', '@', '@'], ['@', '@', '@']]],
  ])('%s = %j on A1:B2', async (property, array) => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    await expect(
      wb.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B2') as unknown as Record<string, unknown>;
        r[property] = array;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({
      code: 'InvalidArgument',
      message: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      debugInfo: { errorLocation: `Range.${property}` },
    });
    expect(wb.grid('S')).toEqual([['a']]);
  });

  it('a 1×1 numberFormat array is applied to every cell, as Excel does (office-js-docs-pr #5400), values are not', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A2:B2').numberFormat = [['0.00']];
      await ctx.sync();
    });
    expect(wb.dump().sheets[0].numberFormats).toEqual({ A2: '0.00', B2: '0.00' });
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A2:B2').values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('a single value (not an array) is applied to every cell', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    await wb.run(async (ctx) => {
      (ctx.workbook.worksheets.getItem('S').getRange('A2:B3') as unknown as { numberFormat: string }).numberFormat = '@';
      await ctx.sync();
    });
    expect(wb.dump().sheets[0].numberFormats).toEqual({ A2: '@', B2: '@', A3: '@', B3: '@' });
  });
});

describe('unbounded ranges, null input, the 5,000,000-cell read limit (docs)', () => {
  it('reads of cell-level properties of an unbounded range are null; address is not', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A:B');
      r.load('values,numberFormat,address');
      await ctx.sync();
      expect(r.values).toBeNull();
      expect(r.numberFormat).toBeNull();
      expect(r.address).toBe('S!A:B');
    });
  });

  it.each([['values'], ['formulas'], ['numberFormat']])('setting %s on an unbounded range, or to null, is InvalidArgument', async (property) => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    for (const [address, value] of [
      ['C:C', 'x'],
      ['A1', null],
    ] as const) {
      await expect(
        wb.run(async (ctx) => {
          (ctx.workbook.worksheets.getItem('S').getRange(address) as unknown as Record<string, unknown>)[property] = value;
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument', message: MESSAGES.InvalidArgument, debugInfo: { errorLocation: `Range.${property}` } });
    }
    expect(wb.grid('S')).toEqual([['a']]);
  });

  it('a bounded read over 5,000,000 cells is RangeExceedsLimit', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a']] });
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:E1000001').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RangeExceedsLimit', message: MESSAGES.RangeExceedsLimit });
  });
});

describe('6. payload limits (5 MB in Excel on the web)', () => {
  it('defaults to 5 MB and refuses a request over the limit whole: nothing of it is applied', async () => {
    expect(new FakeWorkbook().payloadLimitBytes).toBe(5 * 1024 * 1024);
    const wb = FakeWorkbook.fromGrids({ S: [['a']] }, { payloadLimitBytes: 20000 });
    const big = Array.from({ length: 1000 }, (_, i) => [`电话号码${i}`]);
    await expect(
      wb.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('S');
        s.getRange('B1').values = [['small, queued first']];
        s.getRange(`C1:C${big.length}`).values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ name: 'RichApi.Error', code: 'RequestPayloadSizeLimitExceeded', message: MESSAGES.RequestPayloadSizeLimitExceeded });
    expect(wb.grid('S')).toEqual([['a']]);
    expect(wb.stats.maxRequestBytes).toBeGreaterThan(20000);
  });

  it('fails a sync whose response is over the limit, and hands no value to the proxies', async () => {
    const grid = Array.from({ length: 2000 }, (_, i) => [`row ${i} with some text`]);
    const wb = FakeWorkbook.fromGrids({ S: grid }, { payloadLimitBytes: 10000 });
    let range: { values: unknown } | null = null;
    await expect(
      wb.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('S').getRange('A1:A2000');
        range = r;
        r.load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded', message: MESSAGES.ResponsePayloadSizeLimitExceeded });
    expect(thrown(() => range!.values)).toMatchObject({ code: 'PropertyNotLoaded' });
  });
});
