/**
 * The wording families the after-sales accuracy harness (test/accuracy/afterSalesAccuracy.test.ts) taught the
 * dictionaries: call results, churn reasons and destinations as another DMS's agents type them, and the two input
 * fixes (a call log whose result column says 通话状态 is a call log; an address stands in for a missing region).
 * Phrasings here differ from the harness's own, so a keyword fitted to one string only would fail them.
 */
import { ContactResultClassifier } from '../../../src/core/aftersales/contactResult';
import { classifyDestination } from '../../../src/core/aftersales/destination';
import { readCustomers } from '../../../src/core/aftersales/records';
import { ReasonClassifier } from '../../../src/core/aftersales/reasons';
import { detectSheets } from '../../../src/core/sheets/detectSheets';

const RESULTS: [text: string, expected: string][] = [
  ['该号已销号', '空号'],
  ['号码作废了', '空号'],
  ['提示号码无效', '空号'],
  ['拨过去提示号码不存在了', '空号'],
  ['手机号已停用', '停机'],
  ['系统提示停止服务', '停机'],
  ['对方说车不是他的', '号码有误'],
  ['号码是别人的', '号码有误'],
  ['对方说没买过车', '号码有误'],
  ['拨了打不进去', '无法接通'],
  ['呼叫失败两次', '无法接通'],
  ['一直没联系到', '无法接通'],
  ['客户拒听', '拒接'],
  ['响一声就被按掉', '拒接'],
  ['客户说别打了', '拒接'],
  ['没有接电话', '无人接听'],
  ['家里没人听', '无人接听'],
  ['在国外度假', '人在外地'],
  ['客户回老家过年', '人在外地'],
  ['客户说没空', '忙/有事'],
  ['说改天再聊', '忙/有事'],
  ['客户在上班,晚点打', '忙/有事'],
  ['与车主沟通了', '成功'],
  ['车主接了', '成功'],
  ['联系到客户', '成功'],
  ['被转接到留言', '呼转'],
  // Round 2 (vocabulary B): a negated 接通 is a failure, never 成功.
  ['一直接通不了', '无法接通'],
  ['电话不能接通', '无法接通'],
  ['无法呼通客户', '无法接通'],
  ['登记号码有误', '号码有误'],
  ['手机号不正确', '号码有误'],
  ['号码已经失效', '空号'],
  ['该号码暂停使用中', '停机'],
  ['客户去外地了', '人在外地'],
  ['客户在外面办事', '忙/有事'],
  ['客户说不要再打来', '拒接'],
  ['是车主本人', '成功'],
  ['客户已回复', '成功'],
  // '有人接' (成功) sits inside '没有人接'.
  ['打了三遍没有人接', '无人接听'],
];

const REASONS: [text: string, expected: string][] = [
  ['觉得被坑了', '价格'],
  ['保养不划算', '价格'],
  ['路边店便宜', '价格'],
  ['返工两次', '技术'],
  ['刹车异响没修好', '技术'],
  ['对技师不信任', '技术'],
  ['等了一上午', '等待'],
  ['要排号', '等待'],
  ['顾问一直推销', '服务'],
  ['前台态度恶劣', '服务'],
  ['家附近就能保养', '距离'],
  ['路程太折腾', '距离'],
  ['亲戚在汽修厂', '亲友修理厂'],
  ['老乡帮忙修', '亲友修理厂'],
  ['车转手了', '车辆转卖'],
  ['车已卖给同事', '车辆转卖'],
  ['车一年都不开', '里程少'],
  ['车在车库停着', '里程少'],
  ['车在外地上学的孩子那', '外地用车'],
  ['工作调动去了外省', '外地用车'],
  ['车泡水不要了', '车辆报废'],
  ['车送回收站了', '车辆报废'],
  // Round 2 (vocabulary B).
  ['价钱太离谱', '价格'],
  ['工时收费偏高', '价格'],
  ['修后还有毛病', '技术'],
  ['维修效果差', '技术'],
  ['维修周期太长', '等待'],
  ['等了半天', '等待'],
  ['服务人员没礼貌', '服务'],
  ['意见反映了没回应', '服务'],
  ['车偶尔才开', '里程少'],
  ['车不常用', '里程少'],
  ['车开到外市了', '外地用车'],
  ['哥哥开了修理厂', '亲友修理厂'],
  ['车已售出给别人', '车辆转卖'],
  // Denials and unrelated words still do not count.
  ['价格不贵,就是太远', '距离'],
  ['说不清', '其他'],
];

describe('after-sales wordings learned from unseen dealer workbooks', () => {
  const results = new ContactResultClassifier();
  it.each(RESULTS)('result %s → %s', (text, expected) => expect(results.classify(text, '')).toBe(expected));

  it('an unrecognised result on a call that recorded a reason is 成功; without a reason it stays 其他', () => {
    expect(results.classify('嗯嗯', '说保养太贵')).toBe('成功');
    expect(results.classify('嗯嗯', '')).toBe('其他');
    // A recognised failure is never overridden by the reason column.
    expect(results.classify('空号', '说保养太贵')).toBe('空号');
  });

  const reasons = new ReasonClassifier();
  it.each(REASONS)('reason %s → %s', (text, expected) => expect(reasons.classify(text)).toBe(expected));

  it.each([
    ['市里另一家4S', '', '其他4S店/服务站'],
    ['镇上修车铺', '', '修理厂'],
    ['', '4S店收费太高,外面做', '未知'],
    ['', '去了别的4S店', '其他4S店/服务站'],
    ['不清楚', '去了途虎', '快修连锁'],
    // '保养车' holds '养车': a reason about servicing the car names no quick-service chain.
    ['', '做完保养车就坏了', '未知'],
  ])('destination %s / %s → %s', (column, reason, expected) => expect(classifyDestination(column, reason)).toBe(expected));
});

describe('input fixes learned from unseen dealer workbooks', () => {
  const customers = [
    ['客户名称', '车辆识别码', '车牌号码', '开票日期', '最后进厂日期', '客户地址'],
    ['王伟', 'LGB12345678901234', '赣A12345', 45000, 45500, '江西省南昌市青山湖区'],
  ];
  const calls = [
    ['联系日期', '车辆识别码', '牌照', '联系方式', '通话状态', '客户反馈', '现维修地点', '是否预约', '回厂日期', '回访人'],
    [45600, 'LGB12345678901234', '赣A12345', '13800000000', '关机', '', '', '', '', '小吴'],
  ];

  it('takes a sheet whose result column is 通话状态 for the call log, not for prospect cards', () => {
    const d = detectSheets([{ name: '基盘', grid: customers }, { name: '回访', grid: calls }]);
    expect(d.calls?.sheet.name).toBe('回访');
    expect(d.prospects).toBeUndefined();
    expect(d.calls?.columns.result).toBe(4);
  });

  it('reads the address as the region when the base has no region column', () => {
    const d = detectSheets([{ name: '基盘', grid: customers }]);
    expect(readCustomers(d.customers!).table.region[0]).toBe('江西省南昌市青山湖区');
  });
});
