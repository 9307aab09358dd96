/** Purchase-date headers read as concepts (an event of sale/registration/handover + a date kind), issue 10. */
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

