/**
 * A header naming a member of staff (a service advisor, a consultant, a receptionist) is not the customer's name:
 * the customer's name needs a customer word (客户, 车主, owner, customer) or no role word at all (issue 10: 客户姓名
 * was mapped to the advisor's 'SA Name').
 */
import { readConcepts } from '../../../src/core/sheets/concepts';
import { matchColumns, matchScore } from '../../../src/core/sheets/matchColumns';

describe('a staff role is no customer name', () => {
  test.each(['SA Name', 'Advisor Name', 'Consultant Name', 'Staff Name', '服务顾问姓名', '销售顾问姓名', '接待人姓名'])('%s is not the customer name', (h) => {
    expect(matchScore('customers', 'name', h)).toBe(0);
  });
  test.each(['Cust. Name', '客户姓名', 'Owner Name', 'Customer Name', '车主', 'Name'])('%s is the customer name', (h) => {
    expect(matchScore('customers', 'name', h)).toBeGreaterThan(0);
  });
  test('SA is read as a word only when it stands alone', () => {
    expect(readConcepts('SA Name').tags.has('PERSON')).toBe(true);
    expect(readConcepts('sa_code').tags.has('PERSON')).toBe(true);
    expect(readConcepts('Sales Name').tags.has('PERSON')).toBe(false);
    expect(readConcepts('Usage').tags.has('PERSON')).toBe(false);
  });
  test('beside the customer name, the advisor column goes to the advisor', () => {
    const m = matchColumns(['VIN Number', 'Cust. Name', 'Mobile No.', 'SA Name'], 'customers');
    expect(m.columns.name).toBe(1);
    expect(m.columns.advisor).toBe(3);
  });
  test('the advisor column alone is not taken for the customer name', () => {
    expect(matchColumns(['VIN Number', 'Mobile No.', 'SA Name'], 'customers').columns.name).toBeUndefined();
  });
});
