/** The share-safe masking of a whole workbook: rules per kind, headers, free text, totals left alone. */
import { maskAddress, maskIdNumber, maskPlate, maskVin, maskWorkbook, scrubText, shareKindOfHeader, KnownValues } from '../../../src/core/share/maskWorkbook';

describe('masking rules per kind', () => {
  test.each([
    [maskVin, 'LVVDBG0R290000123', '***********000123'],
    [maskPlate, '鄂A12345', '鄂****45'],
    [maskPlate, '京AD12345', '京*****45'],
    [maskIdNumber, '110101199001011234', '110*************34'],
    [maskAddress, '武汉市汉阳区钟家村1号', '武汉市********'],
  ])('%p(%s) = %s', (f, input, expected) => {
    expect((f as (s: string) => string)(input)).toBe(expected);
  });
});

describe('personal headers', () => {
  test.each([
    ['车主', 'name'], ['客户姓名', 'name'], ['联系人', 'name'], ['手机号码', 'phone'], ['车主电话', 'phone'], ['联系方式', 'phone'],
    ['VIN码', 'vin'], ['车架号', 'vin'], ['车牌号', 'plate'], ['身份证号', 'idNumber'], ['家庭住址', 'address'],
    ['服务顾问', null], ['回访人电话', null], ['车型', null], ['流失原因', null], ['购车日期', null], ['地区', null], ['招揽结果', null],
  ])('%s → %s', (header, kind) => {
    expect(shareKindOfHeader(header)).toBe(kind);
  });

  test('a dealer setting adds its own personal headers', () => {
    expect(shareKindOfHeader('微信号')).toBeNull();
    expect(shareKindOfHeader('微信号', ['微信'])).toBe('address');
  });
});

describe('free text', () => {
  test('phones, VINs, ID numbers and plates found by pattern', () => {
    const k = new KnownValues();
    expect(scrubText('客户138 1234 5678说车在外地', k)).toBe('客户138****5678说车在外地');
    expect(scrubText('新号+86-139-8765-4321', k)).toBe('新号139****4321');
    expect(scrubText('车架LVVDBG0R290000123已过户', k)).toBe('车架***********000123已过户');
    expect(scrubText('身份证110101199001011234', k)).toBe('身份证110*************34');
    expect(scrubText('换了车牌鄂A12345', k)).toBe('换了车牌鄂****45');
    expect(scrubText('价格太贵,去了别家', k)).toBe('价格太贵,去了别家');
  });

  test('values remembered from personal columns are masked inside other text, longest first', () => {
    const k = new KnownValues();
    k.add('王小明', '王**');
    k.add('王小', '王*');
    expect(scrubText('王小明的爱人接的电话', k)).toBe('王**的爱人接的电话');
    expect(scrubText('王小', k)).toBe('王*');
  });
});

describe('maskWorkbook', () => {
  const customer = [
    ['某某汽车销售服务有限公司保有客户明细(截至2026年10月)'],
    ['车主', '手机号码', '车牌号', 'VIN码', '地区', '进站次数'],
    ['王小明', 13812345678, '鄂A12345', 'LVVDBG0R290000123', '汉阳区', 3],
    ['李娜', '139-8765-4321', '鄂B54321', 'LVVDBG0R290000456', '黄陂区', 1],
    ['合计', '', '', '', '', 4],
  ];
  const calls = [['日期', '车架号', '通话结果', '备注'], [46000, 'LVVDBG0R290000123', '已接通', '王小明说138 1234 5678停机了'], [46001, 'LVVDBG0R290000456', '无人接听', '']];
  const summary = [['地区', '流失', '合计'], ['汉阳区', 1, 2], ['合计', 1, 2]];
  const hidden = [['{"state":"李娜 13987654321"}']];
  const result = maskWorkbook([
    { name: '保有客户', grid: customer },
    { name: 'Sheet2', grid: calls },
    { name: '地区分析', grid: summary },
    { name: 'ChurnDesk_State', grid: hidden },
  ]);
  const applied = (sheet: number, grid: unknown[][]): unknown[][] => {
    const out = grid.map((r) => [...r]);
    for (const e of result.sheets[sheet].edits) out[e.row][e.col] = e.value;
    return out;
  };

  test('personal columns are masked by kind; aggregates and the header are untouched', () => {
    const masked = applied(0, customer);
    expect(masked[1]).toEqual(customer[1]);
    expect(masked[2]).toEqual(['王**', '138****5678', '鄂****45', '***********000123', '汉阳区', 3]);
    expect(masked[3]).toEqual(['李*', '139****4321', '鄂****21', '***********000456', '黄陂区', 1]);
    expect(masked[4][0]).toBe('合*');
    expect(masked[4][5]).toBe(4);
  });

  test('free text and the state sheet are scrubbed with the remembered values', () => {
    expect(applied(1, calls)[1][3]).toBe('王**说138****5678停机了');
    expect(applied(3, hidden)[0][0]).toBe('{"state":"李* 139****4321"}');
  });

  test('a summary of aggregates is not changed', () => {
    expect(result.sheets[2].edits).toEqual([]);
  });

  test('nothing of a customer survives anywhere (exhaustive scan)', () => {
    const secrets = ['王小明', '李娜', '13812345678', '13987654321', '1381234', '鄂A12345', '鄂B54321', 'LVVDBG0R290000123', 'LVVDBG0R290000456'];
    const all = [applied(0, customer), applied(1, calls), applied(2, summary), applied(3, hidden)];
    for (const grid of all) for (const row of grid) for (const v of row) {
      const s = String(v).replace(/[\s-]/g, '');
      for (const secret of secrets) expect(s).not.toContain(secret);
    }
  });
});

describe('personal data the header rules do not know (held-out forms)', () => {
  it('masks a column by its cells, a name beside a phone, and the same name in a note elsewhere', () => {
    const { maskWorkbook } = jest.requireActual('../../../src/core/share/maskWorkbook') as typeof import('../../../src/core/share/maskWorkbook');
    const mask = maskWorkbook([
      { name: '台账', grid: [['送修人', '客户信息', '宅电', '车型'], ['王小明', '李娜 139 8765 4321', '(0710) 345 6789', '瑞虎8'], ['赵四海', '周静/女/+86 136-1111-2222', '027-87654321', '瑞虎8'], ['钱多多', '孙丽 150.2222.3333', '0755 4091 883', '艾瑞泽5']] },
      { name: 'lookup', grid: [['吴刚', '420106 19850312 123X', '湖北省武汉市洪山区珞喻路128号']] },
    ]);
    const cells = mask.sheets.flatMap((s) => s.edits.map((e) => e.value)).join('|');
    for (const secret of ['王小明', '李娜', '赵四海', '周静', '孙丽', '3456789', '87654321', '4091', '19850312', '珞喻路128号']) expect(cells).not.toContain(secret);
    expect(mask.scrub('李娜说下周来')).toBe('李*说下周来');
    // The model column is not personal.
    expect(mask.sheets[0].edits.some((e) => e.col === 3)).toBe(false);
  });

  it('a data cell that mentions a header word is not a header row', () => {
    const { maskWorkbook } = jest.requireActual('../../../src/core/share/maskWorkbook') as typeof import('../../../src/core/share/maskWorkbook');
    const mask = maskWorkbook([{ name: 'S', grid: [['车主', '建议动作'], ['王小明', '核实电话号码后再联系,更新档案'], ['李娜', '无需招揽']] }]);
    expect(mask.sheets[0].edits.filter((e) => e.col === 1)).toEqual([]);
  });
});
