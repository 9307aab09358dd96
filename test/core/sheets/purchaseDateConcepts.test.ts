/** Purchase-date headers read as concepts (an event of sale/registration/handover + a date kind), issue 10. */
import { conceptScore } from '../../../src/core/sheets/concepts';
import { matchScore } from '../../../src/core/sheets/matchColumns';

describe('purchase dates as concepts', () => {
  test.each(['零售日期', '售出时间', '初登日期', '首次登记日', 'Handover Date', 'Retail Date'])('%s is a purchase date', (h) => {
    expect(matchScore('customers', 'purchaseDate', h)).toBeGreaterThan(0);
    expect(matchScore('customers', 'lastVisitDate', h)).toBe(0);
  });
  test('a first registration date reads as the purchase by its concepts', () => {
    expect(matchScore('customers', 'purchaseDate', 'First Registration Date')).toBeGreaterThan(0);
  });
});


describe('a sale named by its deal, its registration or its warranty start', () => {
  test.each(['保修开始日', '质保起始日期', '上户日期', '行驶证注册日期', '成交日', 'Reg. Date'])('%s is a purchase date, no warranty end', (h) => {
    expect(matchScore('customers', 'purchaseDate', h)).toBeGreaterThan(0);
    expect(matchScore('customers', 'warrantyEndDate', h)).toBe(0);
    expect(matchScore('customers', 'lastVisitDate', h)).toBe(0);
  });
  test('a reception or a record is no registration of the car (by concepts)', () => {
    expect(conceptScore('customers', 'purchaseDate', '登记日期')).toBe(0);
    expect(conceptScore('customers', 'purchaseDate', '建档日期')).toBe(0);
  });
});

describe('the register time: a span from arrival to leaving, never the leaving alone', () => {
  test.each(['接待起止', '到店-离店', '进出店时间'])('%s is the arrival time', (h) => {
    expect(matchScore('register', 'time', h)).toBeGreaterThan(0);
  });
  test('离店时间 is not (by concepts)', () => {
    expect(conceptScore('register', 'time', '离店时间')).toBe(0);
  });
});
