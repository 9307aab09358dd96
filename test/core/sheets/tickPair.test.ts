/** The register's tick pair placed by its cells, or asked about, never guessed silently (issue 10). */
import { mapSheet } from '../../../src/core/sheets/mapSheet';

function register(callHeader: string, visitHeader: string): unknown[][] {
  const rows: unknown[][] = [['接待日期', '到店时间', callHeader, visitHeader, '客户姓名']];
  for (let i = 0; i < 12; i++) rows.push([`2026-10-${10 + i}`, `${9 + (i % 8)}:30`, i % 3 === 0 ? '√' : '', i % 3 === 0 ? '' : '√', `客户${i}`]);
  return rows;
}

describe('the tick pair by its cells', () => {
  test('one header that says its side places both', () => {
    const m = mapSheet({ name: 'Sheet1', grid: register('电', 'X2') }, 'register');
    expect(m.columns.callMark).toBe(2);
    expect(m.columns.visitMark).toBe(3);
  });
  test('headers that say nothing: both are asked about, never guessed silently', () => {
    const m = mapSheet({ name: 'Sheet1', grid: register('A1', 'A2') }, 'register');
    const asked = (m.needsMapping ?? []).flatMap((n) => n.fields);
    expect(asked).toEqual(expect.arrayContaining(['callMark', 'visitMark']));
  });
});


describe('the tick pair under a group label both share', () => {
  // The label names both sides (call, visit), so each whole header 'contains' both; only the part after it tells.
  test('the side is read from what differs between the two headers, not from the label naming both', () => {
    const m = mapSheet({ name: 'Sheet1', grid: register('Call or Visit/Phone-in', 'Call or Visit/Walk-up') }, 'register');
    expect(m.columns.callMark).toBe(2);
    expect(m.columns.visitMark).toBe(3);
  });
  test('the same pair written the other way round is placed the other way round', () => {
    const m = mapSheet({ name: 'Sheet1', grid: register('Call or Visit/Walk-up', 'Call or Visit/Phone-in') }, 'register');
    expect(m.columns.visitMark).toBe(2);
    expect(m.columns.callMark).toBe(3);
  });
  test('parts that tell no side under a label naming both are asked about', () => {
    const m = mapSheet({ name: 'Sheet1', grid: register('Call or Visit/Type A', 'Call or Visit/Type B') }, 'register');
    const asked = (m.needsMapping ?? []).flatMap((n) => n.fields);
    expect(asked).toEqual(expect.arrayContaining(['callMark']));
  });
});
