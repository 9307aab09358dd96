import { isTotalsRow } from '../../../src/core/sheets/rowKinds';

/** The label strengths are remembered per distinct text (rowKinds.ts): asking again must give the same answers. */
describe('isTotalsRow asked again about the same texts', () => {
  const rows: [unknown[], boolean][] = [
    [['王先生', '13812345678', 'SA-赵杰', '客户接听', '√', 'x', 'y'], false],
    [['', '', '', '', '共 1,983 条'], true],
    [['【合计】', 3], true],
    [['制表人:张三', '', '审核:李四', '', '打印日期:2026-11-01'], true],
    [['a', 'b', 'c', 'd', '审核 李四'], false],
    [['审核 李四'], true],
    [['Total', 3], true],
    [['Totally new', 'x', 'y', 'z', 'w'], false],
    [['※ 制表人:王五 ※'], true],
  ];

  it('answers each row the same the first, second and third time', () => {
    for (let round = 0; round < 3; round++) {
      for (const [row, expected] of rows) expect([row, isTotalsRow(row, 10)]).toEqual([row, expected]);
    }
  });

  it('answers the same for a label text longer than what is remembered', () => {
    const long = '制表人:张三李四王五赵六钱七孙八';
    expect(long.length).toBeGreaterThanOrEqual(13);
    for (let round = 0; round < 2; round++) expect(isTotalsRow([long], 10)).toBe(true);
  });
});
