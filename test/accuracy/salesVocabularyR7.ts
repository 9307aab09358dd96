/**
 * Round 7 held-out sales vocabulary: showroom wordings written independently of
 * the product's keyword lists, to measure how the prospect reader copes with
 * text it has never seen.
 *
 * - `level`: 意向级别 cell texts keyed by the level a sales manager would record
 *   (H ≤7 days, A ≤15 days, B ≤30 days, C ≤3 months, N not yet rated,
 *   O ordered, F lost), as DOMAIN.md defines them.
 * - `reasons`: 战败原因 texts with the one class a manager would file them under.
 * - `process`: 接待经过 texts with the truth [testDrive, quotation], judged by
 *   meaning: asking the price is not a quotation, a booked/future test drive is
 *   not a test drive, a ride-along (试乘) counts as a test drive.
 *
 * Example: `ROUND_7.process[0]` is `['到店看车，开了艾瑞泽8，报了落地价', true, true]`.
 */
export const ROUND_7: {
  level: Record<string, string[]>;
  reasons: [string, string][];
  process: [string, boolean, boolean][];
} = {
  level: {
    H: ['h 级（本周）', '三天内定', '5天之内购买', '这两天就买', 'Ｈ～本周必买', '本周内提车', '七日以内'],
    A: ['a类客户', '俩礼拜内买', 'A 级 / 两个礼拜', '15日内购车', 'A级(2周)', '半月之内'],
    B: ['b级.', 'B级意向客户（月内）', '一个月里头买', '30天之内', '一月内购车', 'B类（1个月）'],
    C: ['c 级客户', 'C级，估计仨月左右', '九十天以里', '季度内购买', '两到三个月内买', 'C类客户（三月内）'],
    N: ['n类', '待评定级别', '级别还没评', '暂未评级', '初次来店，未分级别', 'N/新增'],
    O: ['Ｏ级（已订）', '客户刷卡付了订金', '昨天下订了', '购车合同签完了', '付了定金5000', '成交√', 'o类'],
    F: ['F 级客户', '战败了（F）', '战败-买了哈弗', '单子丢了', '已买别的车', '流失（放弃购买）'],
  },
  reasons: [
    ['嫌贵，优惠没到位', '价格'],
    ['价钱没谈拢', '价格'],
    ['折扣太低', '价格'],
    ['报价比心理价位高两万', '价格'],
    ['客户要求再让五千，没批', '价格'],
    ['已提了一台哈弗H6', '竞品'],
    ['转头买了比亚迪宋PLUS', '竞品'],
    ['跑去吉利那边订了星瑞', '竞品'],
    ['最后选了长安CS75', '竞品'],
    ['入手了丰田卡罗拉', '竞品'],
    ['想要珍珠白，店里没这个色', '车型/配置'],
    ['要七座的，我们没有', '车型/配置'],
    ['配置太低没有全景天窗', '车型/配置'],
    ['空间太小后排坐不下', '车型/配置'],
    ['想要手动挡，已停产', '车型/配置'],
    ['要等三个月才能提车', '交车时间'],
    ['没现车要等45天，客户不愿等', '交车时间'],
    ['提车周期太长', '交车时间'],
    ['急用车，我们要排队两个月', '交车时间'],
    ['嫌销售顾问态度差', '服务'],
    ['微信发过去顾问半天不回', '服务'],
    ['顾问离职没人跟进', '服务'],
    ['觉得接待敷衍，不满意', '服务'],
    ['销售太啰嗦客户反感', '服务'],
    ['按揭审批被拒', '贷款/资金'],
    ['首付差两万凑不出来', '贷款/资金'],
    ['征信有问题办不了按揭', '贷款/资金'],
    ['最近手头紧', '贷款/资金'],
    ['钱不凑手', '贷款/资金'],
    ['先不买，过阵子再说', '暂缓购买'],
    ['等明年再看', '暂缓购买'],
    ['家里装修，买车往后推', '暂缓购买'],
    ['购车计划延后半年', '暂缓购买'],
    ['说等开春再议', '暂缓购买'],
    ['电话空号，联系不上', '其他'],
    ['客户调去深圳工作了', '其他'],
    ['公司统一配车，不用自己买', '其他'],
    ['号码停机，微信被删', '其他'],
    ['信息有误，重复登记', '其他'],
  ],
  process: [
    // explicit mentions, both stages
    ['到店看车，开了艾瑞泽8，报了落地价', true, true],
    ['客户试乘试驾后很满意，给了报价单', true, true],
    ['试驾一次 报价一次', true, true],
    ['到店2人，试驾，报价，未成交', true, true],
    ['已 试 驾 ， 已 报 价', true, true],
    ['二次到店再次试驾，重新报了价', true, true],
    ['老婆一起来的，两人都试乘了，签了报价单', true, true],
    // typos, homophones, pinyin, English
    ['式驾了,报了个价', true, true],
    ['试架后报价11万8', true, true],
    ['shijia ok, baojia 12.8w', true, true],
    ['TD done, quoted 15.5w', true, true],
    ['test drive: N, price: Y', false, true],
    // marks and field-style notes
    ['试驾√ 报价×', true, false],
    ['试驾：是；报价：否', true, false],
    ['试驾：无 报价：有', false, true],
    ['来店看车 未试驾 未报价', false, false],
    // without the keywords
    ['开了一圈感觉动力不错，算了个价给他', true, true],
    ['跑了一圈，价格也谈了，差两千', true, true],
    ['带客户上路跑了跑，没谈价格', true, false],
    ['下午带客户体验了高速路段驾驶', true, false],
    ['客户自己开了一下瑞虎8，说方向盘偏重', true, false],
    ['上门试驾，在客户小区开了一圈', true, false],
    ['客户无驾照，由顾问开车带他试乘', true, false],
    ['试乘了一段路，副驾体验', true, false],
    ['试驾了两款，对比了一下，还没到谈价阶段', true, false],
    ['给客户核算了全款和贷款两种落地价', false, true],
    ['发了报价到客户微信', false, true],
    ['经理出面给了特价', false, true],
    ['展厅接待，客户很急，直接问裸车价，顾问报了10.59万', false, true],
    ['网上询价客户，电话里报了价格', false, true],
    ['客户嫌价高要去别家比比，我们报的13.2', false, true],
    ['出了购车方案和价格明细', false, true],
    ['已报价，客户说考虑一下', false, true],
    ['价格已给，待回复', false, true],
    // negations: did not happen, refused, no time, car unavailable
    ['试驾车在保养，没能试驾，报了价', false, true],
    ['客户说没时间试驾，先给了报价', false, true],
    ['客户要求先报价再决定试不试驾，已给价', false, true],
    ['客户不愿意试车，坐进去感受了下空间', false, false],
    ['客户想试驾但试驾车被别人开走了，改天再来', false, false],
    ['没有试驾车，只静态看车', false, false],
    ['下雨没试驾，改期', false, false],
    ['车钥匙找不到，试驾取消', false, false],
    ['试驾车没电了开不了', false, false],
    ['客户试坐，没开', false, false],
    ['客户坐进车里感受了一下，未试驾', false, false],
    ['客户不想试驾，说开过朋友的同款', false, false],
    ['报价单未出', false, false],
    ['价格没聊', false, false],
    // merely asking the price is not a quotation
    ['客户只看外观，问了价格就走了', false, false],
    ['询价，没试车', false, false],
    ['客户来电问优惠多少', false, false],
    ['客户问最低多少钱，说回去考虑', false, false],
    ['客户问了价，顾问说要请示经理，下次再给', false, false],
    ['客户问价，还没报', false, false],
    // future test drive or quotation: not yet
    ['跟客户约好礼拜六过来试驾', false, false],
    ['预约明天上午试驾', false, false],
    ['试驾预约已登记，待到店', false, false],
    ['说好周末带家人来试车再谈价', false, false],
    ['下次来再详细报价', false, false],
    // neither
    ['电话咨询车型配置', false, false],
    ['介绍了车型亮点，客户留了电话', false, false],
    ['路过进店看看，没留联系方式', false, false],
    ['只要了一份车型资料', false, false],
    ['看了新能源款，讲解充电，暂未试驾', false, false],
    ['客户随便看看，不用报价', false, false],
  ],
};
