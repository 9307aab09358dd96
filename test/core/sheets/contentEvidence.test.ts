/**
 * Content evidence that needs no header word: the record's own date (filled on every row), the other column of a
 * tick pair, a prospect ID by how it repeats with the person, and a customer base told from a call log by the
 * absence of call results.
 */
import { detectSheets } from '../../../src/core/sheets/detectSheets';
import { mapSheet } from '../../../src/core/sheets/mapSheet';

const ev = (m: ReturnType<typeof mapSheet>, f: string) => m.evidence?.find((e) => e.field === f);

describe('the record date by content', () => {
  const callLog = (callHeader: string) => [
    ['接通情况', callHeader, '车牌号', '预约日期', '实到日期'],
    ['接通', '2026/8/13', '京A12345', '', ''],
    ['停机', '2026/2/25', '京A12346', '2026/3/14', '2026/3/27'],
    ['空号', '2026/7/9', '京A12347', '2026/7/26', ''],
    ['接通', '2026/9/19', '京A12348', '', '2026/10/20'],
    ['无人接听', '2026/9/20', '京A12349', '', ''],
    ['拒接', '2026/9/21', '京A12350', '2026/9/30', ''],
  ];
  it('an unknown call-date header: the one date column filled on every row is the call date', () => {
    const m = mapSheet({ name: 'S', grid: callLog('栏目X') }, 'calls');
    expect(m.columns.callDate).toBe(1);
    expect(ev(m, 'callDate')?.flags).toContain('recordDate');
    expect(m.needsMapping).toEqual([]);
  });
  it('a call date taken from a sparse column (an appointment or return) is flagged', () => {
    const grid = callLog('栏目X').map((r) => [r[0], r[2], r[4]]);
    grid[0] = ['接通情况', '车牌号', '日期'];
    const m = mapSheet({ name: 'S', grid }, 'calls');
    expect(m.columns.callDate).toBe(2);
    expect(ev(m, 'callDate')?.flags).toContain('sparse');
    expect(m.needsMapping?.map((n) => `${n.field}:${n.reason}`)).toEqual(['callDate:lowConfidence']);
  });
});

describe('a tick pair: one column known, the other by content', () => {
  it('the column beside the known 来店 column, ticked in the other rows, is the call mark', () => {
    const grid = [
      ['日期', '时间', '栏目Y', '来店', '姓名'],
      ['2026-10-01', '9:30', '✓', '', '张'],
      ['2026-10-01', '10:30', '', '✓', '李'],
      ['2026-10-02', '11:00', '', '✓', '王'],
      ['2026-10-02', '14:00', '✓', '', '赵'],
      ['2026-10-03', '15:30', '✓', '', '钱'],
      ['2026-10-03', '16:00', '', '✓', '孙'],
    ];
    const m = mapSheet({ name: 'S', grid }, 'register');
    expect(m.columns).toMatchObject({ visitMark: 3, callMark: 2 });
    expect(ev(m, 'callMark')?.flags).toContain('complement:visitMark');
  });
});

describe('a prospect ID by content', () => {
  it('a column of codes that repeats with the phone is the prospect key of a one-row-per-follow-up card', () => {
    const grid = [
      ['栏目Z', '手机', '跟进日期', '级别', '序号'],
      ['YX1001', '13800000001', '2026-10-01', 'H', 331],
      ['YX1001', '13800000001', '2026-10-03', 'A', 402],
      [1002, '13800000002', '2026-10-02', 'B', 484],
      [1002, '13800000002', '2026-10-05', 'C', 512],
      [1003, '13800000003', '2026-10-04', 'H', 618],
      [1003, '13800000003', '2026-10-06', 'O', 777],
    ];
    const m = mapSheet({ name: 'S', grid }, 'prospects');
    expect(m.columns.prospectId).toBe(0);
    expect(ev(m, 'prospectId')?.flags).toContain('identifier');
  });
  it('a row number (unique plain numbers) is no prospect key', () => {
    const grid = [
      ['序号', '手机', '跟进日期', '级别'],
      [331, '13800000001', '2026-10-01', 'H'],
      [402, '13800000001', '2026-10-03', 'A'],
      [484, '13800000002', '2026-10-02', 'B'],
      [512, '13800000002', '2026-10-05', 'C'],
      [618, '13800000003', '2026-10-04', 'H'],
      [777, '13800000003', '2026-10-06', 'O'],
    ];
    expect(mapSheet({ name: 'S', grid }, 'prospects').columns.prospectId).toBeUndefined();
  });
});

describe('vehicles without call results', () => {
  it('a customer base whose date headers name nothing is a customer base (flagged), not a call log', () => {
    const grid = [
      ['车架号', '手提电话', '栏目A', '栏目B', '牌照', '接待顾问'],
      ['LSG4H9NM5BW0MFJ4Y', '173 2979 1728', 45014, '2023年11月19日', '川Q256WJ', '程怡'],
      ['LBVG6CUFPDH4P5ERY', '136 6626 3383', 45001, '2026年1月17日', '京F7C622', '龙桂'],
      ['LFVTEWS6DKKJ2LSVH', '178 0127 3768', 43436, '2019年10月25日', '晋YF4973', '叶洋'],
      ['LBV6XLTSRMFMHTFFX', '181 0751 0152', '20240424', '2025年7月24日', '甘C7X170', '范艳'],
      ['LBV6XLTSRMFMHTFF1', '181 0751 0153', '20210424', '2022年7月24日', '甘C7X171', '范艳'],
    ];
    const d = detectSheets([{ name: 'S', grid }]);
    expect(d.customers?.sheet.name).toBe('S');
    expect(d.calls).toBeUndefined();
    expect(d.customers?.why?.map((w) => w.key)).toContain('input.why.vehiclesNoResults');
    expect((d.needsMapping ?? []).length).toBeGreaterThan(0);
  });
});

describe('an unsure column of a met rule is asked about', () => {
  it('a phone header over names beside a sure VIN column: the phone column is flagged, not used silently', () => {
    const grid = [
      ['车架号', '车主的联系电话', '购车日期', '最后进站日期'],
      ['LSG4H9NM5BW0MFJ4Y', '张三', '2020-01-01', '2024-05-01'],
      ['LBVG6CUFPDH4P5ERY', '李四', '2020-01-02', '2024-05-02'],
      ['LFVTEWS6DKKJ2LSVH', '王五', '2020-01-03', '2024-05-03'],
      ['LBV6XLTSRMFMHTFFX', '赵六', '2020-01-04', '2024-05-04'],
      ['LBV6XLTSRMFMHTFF1', '钱七', '2020-01-05', '2024-05-05'],
    ];
    const m = mapSheet({ name: 'S', grid }, 'customers');
    expect(m.columns.vin).toBe(0);
    expect(m.needsMapping?.map((n) => `${n.field}:${n.reason}:${n.fields.join('|')}`)).toEqual(['phone:lowConfidence:phone']);
    // A header the dealer wrote exactly (联系电话) is used as named; its doubt stays in the evidence.
    const exact = mapSheet({ name: 'S', grid: [['车架号', '联系电话', '购车日期', '最后进站日期'], ...grid.slice(1)] }, 'customers');
    expect(exact.evidence?.find((e) => e.field === 'phone')?.confidence).toBe('low');
    expect(exact.needsMapping).toEqual([]);
  });
});
