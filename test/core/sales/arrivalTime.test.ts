import fc from 'fast-check';
import { readArrivalTime } from '../../../src/core/sales/arrivalTime';
import { slotOf, SLOT_LABELS } from '../../../src/core/sales/slot';

const hm = (h: number, m: number) => h * 60 + m;

describe('readArrivalTime', () => {
  const cases: [unknown, number | null | undefined][] = [
    ['9:30', hm(9, 30)],
    ['09:30', hm(9, 30)],
    ['09:30-10:15', hm(9, 30)],
    ['9:30~10:00', hm(9, 30)],
    ['9:30—10:00', hm(9, 30)],
    ['9:30至10:00', hm(9, 30)],
    ['14:20:35', hm(14, 20)],
    ['9点半', hm(9, 30)],
    ['9点', hm(9, 0)],
    ['14点20', hm(14, 20)],
    ['14点20分', hm(14, 20)],
    ['14时20分', hm(14, 20)],
    ['14点', hm(14, 0)],
    ['下午3点', hm(15, 0)],
    ['下午3点半', hm(15, 30)],
    ['下午3:30', hm(15, 30)],
    ['晚上7点', hm(19, 0)],
    ['上午10:20', hm(10, 20)],
    ['上午十点', hm(10, 0)],
    ['中午12点', hm(12, 0)],
    ['中午1点', hm(13, 0)],
    ['下午两点', hm(14, 0)],
    ['十四点三十分', hm(14, 30)],
    ['3pm', hm(15, 0)],
    ['3:30 PM', hm(15, 30)],
    ['１４：２０', hm(14, 20)],
    ['９点半', hm(9, 30)],
    ['2026-10-01 14:20', hm(14, 20)],
    ['2026/10/1 9:05', hm(9, 5)],
    ['2026年10月1日 下午3点', hm(15, 0)],
    ['9点-10点', hm(9, 0)],
    // Forms learned while probing unseen registers: AM/PM before the time, 约/多, arrival words, no colon, no year.
    ['AM9:30', hm(9, 30)], ['PM 3:30', hm(15, 30)], ['约10点', hm(10, 0)], ['10点多', hm(10, 0)], ['10点多钟', hm(10, 0)],
    ['到店9:30', hm(9, 30)], ['9:30进店', hm(9, 30)], ['9:30到10:15', hm(9, 30)], ['0930', hm(9, 30)], ['1420', hm(14, 20)],
    ['10月1日 9:30', hm(9, 30)], ['2500', undefined], ['0975', undefined],
    // 'h' as the hour mark (9h30: exports and the French clock), with or without minutes; the minute must be real.
    ['9h59', hm(9, 59)], ['12h00', hm(12, 0)], ['16H', hm(16, 0)], ['9h30-10h15', hm(9, 30)], ['9h75', undefined],
    [0.5, hm(12, 0)],
    [0.3958333333, hm(9, 30)],
    [46296.6, hm(14, 24)],
    [46296 + hm(14, 20) / 1440, hm(14, 20)],
    [0, 0],
    ['', null],
    [null, null],
    ['—', null],
    ['无', null],
    ['上午', undefined],
    ['abc', undefined],
    ['25:00', undefined],
    ['9:75', undefined],
    [46296, undefined],
    ['2026-10-01', undefined],
    [-0.2, undefined],
    [new Date(Date.UTC(1899, 11, 30, 9, 30)), hm(9, 30)],
    [new Date(Date.UTC(2026, 9, 1, 14, 20)), hm(14, 20)],
  ];
  it.each(cases)('%p → %p', (input, expected) => {
    expect(readArrivalTime(input)).toBe(expected);
  });

  it('reads every h:mm written as text the same as its day fraction', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const text = `${h}:${String(m).padStart(2, '0')}`;
        expect(readArrivalTime(text)).toBe(h * 60 + m);
        expect(readArrivalTime((h * 60 + m) / 1440)).toBe(h * 60 + m);
        expect(readArrivalTime(`${text}-${(h + 1) % 24}:00`)).toBe(h * 60 + m);
      }),
    );
  });

  it('never throws and returns minutes in range, null or undefined for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const r = readArrivalTime(s);
        if (typeof r === 'number') expect(r >= 0 && r < 1440).toBe(true);
        else expect(r === null || r === undefined).toBe(true);
      }),
    );
  });
});

describe('slotOf', () => {
  const cases: [string, number][] = [
    ['07:50', 0],
    ['00:00', 0],
    ['08:00', 0],
    ['09:59', 0],
    ['10:00', 1],
    ['11:59', 1],
    ['12:00', 2],
    ['14:00', 3],
    ['16:30', 4],
    ['18:00', 5],
    ['19:59', 5],
    ['20:00', 5],
    ['20:10', 5],
    ['23:59', 5],
  ];
  it.each(cases)('%s → slot %d', (time, slot) => {
    const minutes = readArrivalTime(time) as number;
    expect(slotOf(minutes)).toBe(slot);
  });
  it('has six labelled slots', () => {
    expect(SLOT_LABELS).toEqual(['08:00-10:00', '10:00-12:00', '12:00-14:00', '14:00-16:00', '16:00-18:00', '18:00-20:00']);
  });
});
