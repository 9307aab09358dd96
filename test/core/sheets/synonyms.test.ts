import { matchColumns, matchScore } from '../../../src/core/sheets/matchColumns';
import { headerBaseKey, headerKey } from '../../../src/core/sheets/normaliseHeader';
import { SYNONYMS } from '../../../src/core/sheets/synonyms';
import { CALL_FIELDS, CUSTOMER_FIELDS, PROSPECT_FIELDS, REGISTER_FIELDS } from '../../../src/core/sheets/types';
import type { Field, SheetKind } from '../../../src/core/sheets/types';

/** One header alone in a row maps to this field (exact synonyms, DMS variants, units, brackets, full width). */
const CASES: [SheetKind, string, Field][] = [
  // customers
  ['customers', '客户姓名', 'name'], ['customers', '车主', 'name'], ['customers', '姓名', 'name'], ['customers', 'Customer Name', 'name'],
  ['customers', '联系电话', 'phone'], ['customers', '手机', 'phone'], ['customers', '手机号码', 'phone'], ['customers', '联系电话*', 'phone'], ['customers', 'Mobile', 'phone'],
  ['customers', '车牌号', 'plate'], ['customers', '车牌', 'plate'], ['customers', '牌照号', 'plate'], ['customers', '车牌号码', 'plate'],
  ['customers', '车架号', 'vin'], ['customers', 'VIN码', 'vin'], ['customers', '底盘号', 'vin'], ['customers', '车辆识别代号', 'vin'], ['customers', 'VIN', 'vin'], ['customers', 'ＶＩＮ', 'vin'],
  ['customers', '车型', 'model'], ['customers', '车系', 'model'],
  ['customers', '购车日期', 'purchaseDate'], ['customers', '开票日期', 'purchaseDate'], ['customers', '销售日期', 'purchaseDate'], ['customers', '交车日期', 'purchaseDate'],
  ['customers', '购买日期', 'purchaseDate'], ['customers', '发票日期', 'purchaseDate'], ['customers', 'Purchase Date', 'purchaseDate'], ['customers', 'Sale Date', 'purchaseDate'],
  ['customers', 'Invoice date', 'purchaseDate'], ['customers', '新车开票日期(发票)', 'purchaseDate'],
  ['customers', '最后进站日期', 'lastVisitDate'], ['customers', '最近进厂日期', 'lastVisitDate'], ['customers', '上次维修日期', 'lastVisitDate'], ['customers', '末次进厂', 'lastVisitDate'],
  ['customers', '最后维修日期', 'lastVisitDate'], ['customers', '最近一次到店', 'lastVisitDate'], ['customers', '最后回厂日期', 'lastVisitDate'], ['customers', 'Last Service', 'lastVisitDate'],
  ['customers', 'Last Visit', 'lastVisitDate'], ['customers', '进站日期', 'lastVisitDate'], ['customers', '联系人手机', 'phone'], ['customers', '最后进站日期(yyyy-mm-dd)', 'lastVisitDate'],
  ['customers', '进站次数', 'visitCount'], ['customers', '累计进厂次数', 'visitCount'],
  ['customers', '行驶里程', 'mileage'], ['customers', '里程', 'mileage'], ['customers', '当前里程(km)', 'mileage'], ['customers', '行驶里程（公里）', 'mileage'], ['customers', 'Mileage (km)', 'mileage'],
  ['customers', '地区', 'region'], ['customers', '所在地', 'region'], ['customers', '区域', 'region'],
  ['customers', '服务顾问', 'advisor'], ['customers', 'SA', 'advisor'], ['customers', 'Service Advisor', 'advisor'],
  ['customers', '性别', 'gender'], ['customers', '联系地址', 'address'], ['customers', '所在地址', 'address'],
  ['customers', '保修截止日期', 'warrantyEndDate'], ['customers', '质保到期日', 'warrantyEndDate'],
  // calls
  ['calls', '回访日期', 'callDate'], ['calls', '致电日期', 'callDate'], ['calls', '招揽日期', 'callDate'], ['calls', 'Call Date', 'callDate'], ['calls', '日期', 'callDate'],
  ['calls', '回访结果', 'result'], ['calls', '接通情况', 'result'], ['calls', '未接通原因', 'result'],
  ['calls', '流失原因', 'reason'], ['calls', '回访内容', 'reason'], ['calls', '未回厂原因', 'reason'],
  ['calls', '流失去向', 'destination'], ['calls', '去向', 'destination'],
  ['calls', '是否邀约成功', 'invited'], ['calls', '是否邀约', 'invited'],
  ['calls', '预约日期', 'appointmentDate'], ['calls', '预约进站日期', 'appointmentDate'],
  ['calls', '回站日期', 'returnDate'], ['calls', '实际回厂日期', 'returnDate'],
  ['calls', '回访人', 'caller'], ['calls', '招揽人', 'caller'], ['calls', '坐席', 'caller'],
  // register
  ['register', '日期', 'date'], ['register', '来访日期', 'date'],
  ['register', '进-离', 'time'], ['register', '到店时间', 'time'], ['register', '来店时间', 'time'], ['register', '进－离时间', 'time'],
  ['register', '来电(店)', 'contactType'], ['register', '来电/来店', 'contactType'], ['register', '咨询类型', 'contactType'], ['register', '接待方式', 'contactType'],
  ['register', '进店-离店', 'time'], ['register', '来访时段', 'time'], ['register', '到访方式', 'contactType'], ['register', '客户类型(来电/来店)', 'contactType'],
  ['register', '来电/到店', 'contactType'], ['register', '来电来访', 'contactType'], ['register', '来访性质', 'contactType'], ['register', '接待形式', 'contactType'],
  ['prospects', '沟通记录', 'followResult'], ['prospects', '下次联系时间', 'nextDate'], ['prospects', '已购车品牌', 'boughtInstead'],
  ['register', '来电', 'callMark'], ['register', '来店', 'visitMark'], ['register', '到店', 'visitMark'],
  ['register', '拟购车型(时间)', 'intendedModel'], ['register', '意向车型', 'intendedModel'],
  ['register', '信息来源', 'source'], ['register', '获知渠道', 'source'], ['register', '客户来源', 'source'],
  ['register', '接待经过', 'process'],
  ['register', '追踪后级别', 'level'], ['register', '意向级别', 'level'], ['register', '客户级别', 'level'],
  ['register', '结案情形', 'closure'],
  ['register', '接待人', 'consultant'], ['register', '销售顾问', 'consultant'],
  ['register', '备注', 'remarks'], ['register', '试乘试驾', 'testDrive'], ['register', '报价', 'quote'], ['register', '订车', 'order'],
  // prospects
  ['prospects', '客户编号', 'prospectId'], ['prospects', '跟进日期', 'followDate'], ['prospects', '跟踪日期', 'followDate'], ['prospects', '回访日期', 'followDate'],
  ['prospects', '跟进方式', 'followMethod'], ['prospects', '跟进结果', 'followResult'], ['prospects', '跟进内容', 'followResult'],
  ['prospects', '下次跟进日期', 'nextDate'], ['prospects', '预约下次跟进', 'nextDate'],
  ['prospects', '战败原因', 'defeatReason'], ['prospects', '流失原因', 'defeatReason'],
  ['prospects', '购买品牌', 'boughtInstead'], ['prospects', '已购车型', 'boughtInstead'], ['prospects', '流向', 'boughtInstead'],
  ['prospects', '意向级别', 'level'], ['prospects', '建档日期', 'createdDate'], ['prospects', '销售顾问', 'consultant'], ['prospects', '意向车型', 'model'],
];

describe('synonyms: one header maps to its field', () => {
  it.each(CASES)('%s: %s → %s', (kind, header, field) => {
    expect(matchColumns([header], kind).columns).toEqual({ [field]: 0 });
  });
});

/** Headers that must NOT be read as that field. */
const NOT: [SheetKind, string, Field][] = [
  ['customers', '最后进站日期', 'purchaseDate'], ['customers', '首次进站日期', 'lastVisitDate'], ['customers', '上次保养日期', 'purchaseDate'],
  ['customers', '服务顾问姓名', 'name'], ['customers', '首次进站日期', 'lastVisitDate'], ['customers', '出厂日期', 'purchaseDate'], ['customers', '保修里程', 'mileage'], ['customers', 'SAles', 'advisor'],
  ['calls', '预约日期', 'callDate'], ['calls', '回站日期', 'callDate'], ['calls', '回访人姓名', 'name'], ['calls', '回访人', 'phone'],
  ['calls', '邀约日期', 'invited'], ['calls', '购车日期', 'callDate'],
  ['register', '开票日期', 'date'], ['register', '来电(店)', 'callMark'],
  ['prospects', '下次跟进日期', 'followDate'], ['prospects', '建档日期', 'followDate'], ['prospects', '战败品牌', 'model'],
];
describe('synonyms: look-alikes stay apart', () => {
  it.each(NOT)('%s: %s is not %s', (kind, header, field) => {
    expect(matchColumns([header], kind).columns[field]).toBeUndefined();
  });
  it('an exact synonym beats containment', () => {
    expect(matchScore('calls', 'caller', '回访人')).toBeGreaterThan(matchScore('calls', 'name', '回访人姓名'));
  });
});

describe('the dictionary covers every field of types.ts', () => {
  it.each<[SheetKind, readonly string[]]>([
    ['customers', CUSTOMER_FIELDS], ['calls', CALL_FIELDS], ['register', REGISTER_FIELDS], ['prospects', PROSPECT_FIELDS],
  ])('%s', (kind, fields) => {
    expect(Object.keys(SYNONYMS[kind]).sort()).toEqual([...fields].sort());
    for (const f of fields) expect(SYNONYMS[kind][f].synonyms.length).toBeGreaterThanOrEqual(3);
  });
});

describe('header normalisation', () => {
  it.each([
    ['当前里程(km)', '当前里程km', '当前里程'],
    ['行驶里程（公里）', '行驶里程公里', '行驶里程'],
    ['联系电话*', '联系电话', '联系电话'],
    ['Ｐｕｒｃｈａｓｅ　Date', 'purchasedate', 'purchasedate'],
    ['【必填】车架号', '必填车架号', '车架号'],
    ['(km)', 'km', 'km'],
    ['进-离', '进离', '进离'],
  ])('%s → key %s, base %s', (h, key, base) => {
    expect(headerKey(h)).toBe(key);
    expect(headerBaseKey(h)).toBe(base);
  });
});
