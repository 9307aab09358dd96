/**
 * Two-row headers (a group row over sub-headers) read as one header, and sheet kinds told apart by the content of
 * their cells (call results vs intent levels) when the headers alone fit several kinds.
 */
import { detectSheets } from '../../../src/core/sheets/detectSheets';
import { mapSheet } from '../../../src/core/sheets/mapSheet';
import { composeTwoRowHeader, findTwoRowHeader } from '../../../src/core/sheets/twoRowHeader';

describe('two-row headers', () => {
  it('composes a group row and its sub-header row column by column', () => {
    const upper = ['接待人', '进-离时间', '客户信息', '', '', '来电/店', '', '登记日期'];
    const lower = ['', '', '性别', '移动电话', '姓名', '来电', '到店', ''];
    const h = composeTwoRowHeader(upper, lower, 10);
    expect(h?.cells).toEqual(['接待人', '进-离时间', '性别', '移动电话', '姓名', '来电', '到店', '登记日期']);
    expect(h?.groups).toEqual(['', '', '客户信息', '客户信息', '客户信息', '来电/店', '来电/店', '']);
  });

  it('is not fooled by a header row over data, nor by a title over a header', () => {
    expect(composeTwoRowHeader(['姓名', '电话', '购车日期'], ['张三', '13800000000', '2024/3/5'], 5)).toBeNull();
    expect(composeTwoRowHeader(['XX店保有客户明细表', '', ''], ['姓名', '电话', '购车日期'], 5)).toBeNull();
    // A data row with text under a header (no values at all) still has cells under every standalone header.
    expect(composeTwoRowHeader(['姓名', '地区', '备注'], ['张三', '西安', ''], 5)).toBeNull();
    expect(findTwoRowHeader([['姓名', '电话'], ['张三', 13800000000]], 0, 5)).toBeNull();
  });

  it('a ticked register under a merged 来电/店 maps both tick columns, not the group as one call/visit column', () => {
    const grid = [
      ['展厅来电/店登记表', '', '', '', '', '', ''],
      ['接待人', '进-离时间', '客户信息', '', '来电/店', '', '登记日期'],
      ['', '', '姓名', '移动电话', '来电', '到店', ''],
      ['王一', '9:30-10:15', '张先生', '13800000001', '', '✓', '2026-10-03'],
      ['王一', '10:40', '李女士', '13800000002', '✓', '', '2026-10-03'],
      ['赵二', '14点20', '刘先生', '无', '', '✓', '2026-10-04'],
      ['赵二', 0.625, '陈女士', '13800000004', '✓', '', '2026-10-05'],
      ['王一', '下午3点', '周先生', '13800000005', '', '✓', '2026-10-05'],
    ];
    const m = mapSheet({ name: 'Sheet1', grid }, 'register');
    expect(m.columns).toMatchObject({ callMark: 4, visitMark: 5, date: 6, time: 1, phone: 3, name: 2 });
    expect(m.columns.contactType).toBeUndefined();
    // The sub-header row is header, not data.
    expect(m.dataRows).toEqual([3, 4, 5, 6, 7]);
    expect(m.headers[4]).toBe('来电');
  });

  it('a sub-header that names nothing alone is read with its group label (跟进记录 / 日期)', () => {
    const grid = [
      ['客户信息', '', '跟进记录', '', '级别'],
      ['姓名', '电话', '日期', '结果', ''],
      ['张三', '13800000001', '2026-10-01', '有意向,再联系', 'H'],
      ['张三', '13800000001', '2026-10-05', '暂缓购买', 'A'],
      ['李四', '13800000002', '2026-10-02', '已订车', 'O'],
      ['李四', '13800000002', '2026-10-06', '有意向,再联系', 'B级'],
      ['王五', '13800000003', '2026-10-03', '战败', 'F'],
    ];
    const m = mapSheet({ name: 'Sheet1', grid }, 'prospects');
    expect(m.columns).toMatchObject({ name: 0, phone: 1, followDate: 2, level: 4 });
  });
});

describe('sheet kinds by the content of the cells', () => {
  const callLog = [
    ['联系电话', '招揽结果', '回访人', '跟踪日期', '回访类型', '录音编号'],
    ['13284106310', '无法接通', '曹欣', '2026-04-13', '保养提醒', 'R25275826'],
    ['18348213254', '已接通', '龙芳', '2026年5月11日', '流失招揽', 'R54586386'],
    ['15787924428', '停机', '孙浩', '2026-10-01', '流失招揽', 'R87554084'],
    ['17673786600', '空号', '沈丽', '2026-03-09', '三日回访', 'R93064444'],
    ['13900000005', '无人接听', '沈丽', '2026-03-10', '保养提醒', 'R93064445'],
    ['13900000006', '接通', '曹欣', '2026-03-11', '流失招揽', 'R93064446'],
  ];
  const card = [
    ['跟进内容', '回访日期', '跟踪方式', '移动电话', '客户姓名', '客户级别'],
    ['暂缓购买', '2026年10月7日', '微信', '15228373068', '秦强', 'B级客户'],
    ['有意向,再联系', '2026年10月13日', '电话', '15228373068', '秦强', 'h级'],
    ['有意向,再联系', '2026/10/11', '上门', '17306794071', '汪丽', 'A'],
    ['已购他牌', '2026年10月31日', '微信', '17306794071', '汪丽', 'O'],
    ['看车', '2026/10/12', '电话', '17306794072', '李明', 'C'],
    ['再联系', '2026/10/14', '上门', '17306794072', '李明', 'H'],
  ];

  it('a call log keyed by phone, with a 类型 column, is a call log (its cells hold call results), not a register or card', () => {
    const d = detectSheets([{ name: 'S1', grid: callLog }]);
    expect(d.calls?.sheet.name).toBe('S1');
    expect(d.register).toBeUndefined();
    expect(d.prospects).toBeUndefined();
    expect(d.calls?.why?.map((w) => w.key)).toContain('input.why.callResults');
    // 回访类型 holds no 来电/来店 words: as a register it would be contradicted by its content.
    const asRegister = mapSheet({ name: 'S1', grid: callLog }, 'register');
    const contact = asRegister.evidence?.find((e) => e.field === 'contactType');
    expect(contact?.column).toBe(4);
    expect(contact?.flags).toContain('contentContradicts');
    expect(contact?.confidence).toBe('low');
    expect(asRegister.needsMapping?.map((n) => `${n.field}:${n.reason}`)).toContain('contactType:lowConfidence');
  });

  it('a follow-up card whose method column says 电话/微信 is a card (its cells hold intent levels), not a register', () => {
    const d = detectSheets([{ name: 'S2', grid: card }]);
    expect(d.prospects?.sheet.name).toBe('S2');
    expect(d.register).toBeUndefined();
    expect(d.prospects?.why?.map((w) => w.key)).toContain('input.why.levels');
  });

  it('both in one workbook: each gets its kind', () => {
    const d = detectSheets([{ name: 'A', grid: card }, { name: 'B', grid: callLog }]);
    expect(d.prospects?.sheet.name).toBe('A');
    expect(d.calls?.sheet.name).toBe('B');
  });
});
