/**
 * Held-out sales vocabulary, round 9: intent levels, defeat reasons and
 * 接待经过 texts written fresh to measure how the product reads wordings it was
 * never tuned on. Labels follow DOMAIN.md (H ≤7 days, A ≤15, B ≤30, C ≤3 months,
 * N new/unrated, O ordered, F lost). Process rows are [text, testDrive, quotation]
 * judged by meaning: an invitation or promise is not yet a test drive or quote,
 * and a customer asking the price is not a quotation.
 *
 * @example
 *   for (const [text, td, quote] of ROUND_9.process) {
 *     expect(readProcess(text)).toEqual({ testDrive: td, quotation: quote });
 *   }
 */
export const ROUND_9: {
  level: Record<string, string[]>;
  reasons: [string, string][];
  process: [string, boolean, boolean][];
} = {
  level: {
    H: ['Ｈ级客户', 'h級', 'H（7天）', '一周之内买', '七天內購車', '五天內就買', '这两三天就定', 'H 急', '本周内能定下来'],
    A: ['ａ类', 'A級客戶', '半月之内的样子', '15天内购车', '两礼拜以内就买', '十天左右决定', '半個月之內', 'A（15天）', 'a 级别'],
    B: ['b类客户', 'B级别客户', 'Ｂ級別', '卅天內', '一月之内购车', '大概二十来天买', '三四周内买', 'B（30天）', '一个月以内吧'],
    C: ['c级的', 'C類客戶', '3个月之内', '两个月左右', '九十天内吧', '这个季度内购车', '二三个月再买', 'C（3个月）', '仨月内差不多'],
    N: ['n级别', 'N 类客', '新登记未定级', '待定级，下次来再评', '首次来店未评级', '新客还未分级', '未評級', 'N-新进', '新增，暂未定级'],
    O: ['o 级客户', 'O 类(已定)', '已经交了2000定金', '已签购车合同', '昨天已经下定了', '已付訂金', '订金5000已收', 'O/订了', '今天已下订单'],
    F: ['f级客户', 'F類', '已戰敗', '买了别家的车', '客户说放弃购买了', '已在别的店提车', 'F-已战败', '战 败', '已购其他品牌'],
  },
  reasons: [
    ['价格太高了接受不了', '价格'],
    ['优惠幅度小', '价格'],
    ['折扣谈不拢', '价格'],
    ['價格沒談攏', '价格'],
    ['客户还要再便宜3000，经理不同意', '价格'],
    ['落地价超出心理价位', '价格'],
    ['已购哈弗H6', '竞品'],
    ['买了本田CRV', '竞品'],
    ['选了比亚迪宋PLUS', '竞品'],
    ['订了吉利星越L旗舰版', '竞品'],
    ['買了豐田凱美瑞', '竞品'],
    ['最后定了特斯拉Model Y', '竞品'],
    ['没有他想要的颜色', '车型/配置'],
    ['配置太低，没有全景天窗', '车型/配置'],
    ['想要7座的，我们没有', '车型/配置'],
    ['没有手动挡的版本', '车型/配置'],
    ['后排空间小不满意', '车型/配置'],
    ['嫌動力不夠用', '车型/配置'],
    ['等车时间太长了', '交车时间'],
    ['没有现车，要等两个月', '交车时间'],
    ['提车要排队三个月，不愿等', '交车时间'],
    ['交車太慢', '交车时间'],
    ['订不到现车，急着用', '交车时间'],
    ['销售顾问态度差，不想再来', '服务'],
    ['顾问回消息太慢了', '服务'],
    ['展厅接待不热情', '服务'],
    ['顧問不專業', '服务'],
    ['换了好几个销售都没人跟', '服务'],
    ['微信问问题半天不回', '服务'],
    ['贷款一直没批', '贷款/资金'],
    ['首付不够钱', '贷款/资金'],
    ['征信不过，按揭办不下来', '贷款/资金'],
    ['最近资金紧张', '贷款/资金'],
    ['手頭錢不夠', '贷款/资金'],
    ['银行审批没通过，买不了', '贷款/资金'],
    ['暂时先不买车了', '暂缓购买'],
    ['要推迟买车的计划', '暂缓购买'],
    ['买车的事明年再说', '暂缓购买'],
    ['家里有事，先缓一缓', '暂缓购买'],
    ['暫緩購車計劃', '暂缓购买'],
    ['等年底再考虑', '暂缓购买'],
    ['摇号一直没中签', '其他'],
    ['客户电话停机联系不上', '其他'],
    ['只是来看看，没有需求', '其他'],
    ['同行来探价', '其他'],
    ['登记信息有误，非本人', '其他'],
  ],
  process: [
    // explicit
    ['客户试驾了星越L，报价16.8万', true, true],
    ['试乘试驾后给了报价单', true, true],
    ['已试驾，已报价', true, true],
    ['试驾体验满意', true, false],
    ['给客户做了报价，未试驾', false, true],
    ['报价18万8，客户回去考虑', false, true],
    ['試駕後客戶覺得動力好', true, false],
    ['带试乘一圈，报价单已发微信', true, true],
    ['試乘試駕,報價', true, true],
    ['TD done, quote 19.8w', true, true],
    ['报完价客户又去试驾了一圈', true, true],
    ['试驾了，价格还没谈', true, false],
    // without the keywords
    ['带客户开了一圈绕城路，感觉不错', true, false],
    ['客户亲自上路开了二十分钟', true, false],
    ['给了落地价21.5万含保险', false, true],
    ['算了全款落地价给客户，客户嫌高', false, true],
    ['给他出了购车方案跟各项价格明细', false, true],
    ['路试后打印了价格单给客户', true, true],
    ['坐副驾体验了一下底盘', true, false],
    ['客户开了展厅的体验车去兜风', true, false],
    // negated
    ['未试驾，未报价', false, false],
    ['没有试驾，只看了外观', false, false],
    ['客户不想试驾，报价15万', false, true],
    ['没报价，客户说先看看', false, false],
    ['试驾车在做保养，没试成', false, false],
    ['试驾：无；报价：有', false, true],
    ['不需要试乘试驾，直接问底价，给了14.2万', false, true],
    ['没试驾但给了报价', false, true],
    ['不试驾也不要报价', false, false],
    // future / invited but not yet
    ['约了周六来试驾', false, false],
    ['邀约下周试乘试驾', false, false],
    ['答应明天把报价发给他', false, false],
    ['说好下次到店时再报价', false, false],
    ['预约试驾，客户还没到', false, false],
    ['待试驾', false, false],
    ['客户说改天来试车', false, false],
    ['准备下次来试驾，今天先报了价', false, true],
    // customer merely asking the price
    ['客户电话问价格，请其到店详谈', false, false],
    ['问了多少钱，没说具体价格', false, false],
    ['客户咨询优惠，未透露', false, false],
    ['来电询价，邀请到店', false, false],
    ['問價，未報', false, false],
    // neither
    ['看了内饰和后排空间', false, false],
    ['介绍了车型配置，留了电话', false, false],
    ['在展车里坐了一下', false, false],
    ['路过顺便进店看看', false, false],
    ['加了微信，发了车型资料', false, false],
    ['介绍了保养政策', false, false],
  ],
};
