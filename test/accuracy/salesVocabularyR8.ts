/**
 * Round 8 held-out sales vocabulary: showroom wordings written fresh, without
 * looking at the product's dictionaries or at earlier rounds, to measure how the
 * reader copes with text it has never seen.
 *
 * - `level`: 意向级别 cells, keyed by the normalised level DOMAIN.md defines
 *   (H ≤7 days, A ≤15 days, B ≤30 days, C ≤3 months, N new/unrated,
 *   O ordered, F lost).
 * - `reasons`: 战败原因 texts with their single class
 *   (价格, 竞品, 车型/配置, 交车时间, 服务, 贷款/资金, 暂缓购买, 其他).
 * - `process`: 接待经过 texts with [testDrive, quotation] judged by meaning:
 *   a drive or a quote only counts when it actually happened in this visit/call;
 *   the customer asking a price, a refused or impossible drive, and a drive or
 *   quote merely planned for later are all `false`.
 *
 * Example: `ROUND_8.process[0]` is `['客户开了一圈，感觉底盘扎实，销售顾问报了落地价十五万八', true, true]`.
 */
export const ROUND_8: {
  level: Record<string, string[]>;
  reasons: [string, string][];
  process: [string, boolean, boolean][];
} = {
  level: {
    H: [
      '三五天内就定下来',
      '本礼拜内购车',
      'H（七天以内）',
      'h  一星期之内要车',
      '极高意向，7日内成交',
      '下周一之前必买（7天）',
      'Ｈ类 ７天内',
    ],
    A: [
      '两周内购车',
      'A（15天以内）',
      'a类-半月内买',
      '十五日之内定',
      '预计二周内下单',
      '半個月內購車',
      'Ａ 15天',
    ],
    B: [
      '一月之内能定',
      'B（30天以内）',
      'b类-30日内',
      '四周内定车',
      '预计一个月以内买',
      '三十天之内购车',
      'Ｂ级 月内',
    ],
    C: [
      '三个月以内考虑',
      'C（90天内）',
      'c类 一季度内',
      '预计3个月内购',
      '九十天之内买',
      '两三个月内会买',
      'Ｃ级（3个月）',
    ],
    N: [
      '刚建档，级别未评',
      '级别待顾问评估（新）',
      'N-新线索',
      '首次到店尚未分级',
      'n（待评定）',
      '新登记 未分级别',
      'Ｎ类新客',
    ],
    O: [
      '合同签好定金已交',
      '交了五千订金',
      'O（订车成功）',
      '今日签单付定',
      'o级 订车完成',
      '已付意向金签合同订车',
      'Ｏ 已订',
    ],
    F: [
      '判定战败',
      '在别家店买了',
      'F（战败关闭）',
      'f类 已购竞品',
      '客户已提他牌车',
      '放弃购买，已买大众',
      'Ｆ级流失',
    ],
  },
  reasons: [
    // 价格
    ['隔壁店优惠多八千，嫌我们贵', '价格'],
    ['折扣给不到位，客户觉得落地价太高', '价格'],
    ['客户要求再让两千，经理没批', '价格'],
    ['网上报价比店里便宜不少，价钱谈不拢', '价格'],
    ['优惠力度不够,嫌贵', '价格'],
    // 竞品
    ['去买了比亚迪宋', '竞品'],
    ['最后选了吉利星越L', '竞品'],
    ['客户转投长安，觉得那边品牌更好', '竞品'],
    ['比较后订了哈弗H6', '竞品'],
    ['家里人更喜欢日系，买了本田', '竞品'],
    // 车型/配置
    ['想要的白色没有，不愿等别的颜色', '车型/配置'],
    ['顶配没有全景天窗，配置不满意', '车型/配置'],
    ['嫌后排空间小，想要七座车型', '车型/配置'],
    ['没有手动挡版本', '车型/配置'],
    ['动力偏弱,排量太小', '车型/配置'],
    // 交车时间
    ['提车要等两个月，客户等不及', '交车时间'],
    ['现车没有，到货周期太长', '交车时间'],
    ['交车一拖再拖，客户不耐烦了', '交车时间'],
    ['厂家排产慢，月底前交不了车', '交车时间'],
    // 服务
    ['销售顾问回消息太慢，客户不满意', '服务'],
    ['接待时没人理，顾问态度冷淡', '服务'],
    ['顾问离职后没人跟进，客户被冷落', '服务'],
    ['嫌销售说话不耐烦，态度差', '服务'],
    // 贷款/资金
    ['按揭没批下来', '贷款/资金'],
    ['首付凑不够，钱不到位', '贷款/资金'],
    ['银行征信不过，贷不了款', '贷款/资金'],
    ['分期利息太高，月供压力大', '贷款/资金'],
    // 暂缓购买
    ['家里有事，买车计划往后推', '暂缓购买'],
    ['客户说明年再考虑买车', '暂缓购买'],
    ['暂时不买了，先观望一阵', '暂缓购买'],
    ['等房子装修完再说，购车推迟', '暂缓购买'],
    // 其他
    ['留的电话是空号，一直联系不上', '其他'],
    ['同行过来打探情况，不是真实客户', '其他'],
    ['重复登记，与另一条线索为同一人', '其他'],
    ['客户信息填错，查无此人', '其他'],
  ],
  process: [
    // both happened, with and without the keywords
    ['客户开了一圈，感觉底盘扎实，销售顾问报了落地价十五万八', true, true],
    ['试驾后报价12.98万，客户说回去商量', true, true],
    ['陪客户跑了一圈高速路段，出了一份购车预算单', true, true],
    ['带老两口上车跑了一段，给了裸车价和保险价格', true, true],
    ['TD完成，已出报价单', true, true],
    ['试乘+报价，客户嫌贵', true, true],
    ['上路体验了十几分钟，之后算了全款和贷款两套方案的价格', true, true],
    ['試駕完給他報了價', true, true],
    // test drive only
    ['客户亲自开了一下，觉得方向盘有点沉，没谈价格', true, false],
    ['试驾过了，价格下次再谈', true, false],
    ['坐副驾体验了一圈，对静音满意', true, false],
    ['带客户绕店外道路开了两圈', true, false],
    ['试乘试驾 ok，客户赶时间先走', true, false],
    ['客户问了多少钱，顾问让他先开开看，开完客户就走了', true, false],
    ['陪同试驾，客户问优惠多少，还没来得及报价就接电话走了', true, false],
    // quotation only
    ['给客户报了全款价格，没有试驾', false, true],
    ['做了报价单发到微信，客户说再比比', false, true],
    ['看了展车，顾问算了首付和月供给他', false, true],
    ['电话里把落地价报给客户了', false, true],
    ['报价:裸车11.5万，送装潢', false, true],
    ['客户不想试车，直接让我们给个最低价，报了13万2', false, true],
    ['出了购车预算表，含购置税保险上牌', false, true],
    // neither: no keywords
    ['客户看了外观和内饰，拿了资料走了', false, false],
    ['来店随便看看，留了电话', false, false],
    ['陪孩子来看车，坐进去感受了一下空间', false, false],
    ['介绍了车型配置，客户加了微信', false, false],
    ['来电咨询有没有现车', false, false],
    ['路过进来喝口水，看了两眼', false, false],
    ['展厅转了转，没说什么', false, false],
    // neither: only asked the price
    ['客户问现在优惠多少，说价格合适就来看', false, false],
    ['电话问价，没透露价格让他来店', false, false],
    ['问了落地大概多少，顾问说到店详谈', false, false],
    ['客户打听最低能到多少钱，未报价', false, false],
    // neither: negations
    ['客户没时间试驾，看完就走', false, false],
    ['试驾车在保养，没法试', false, false],
    ['客户拒绝试乘，也不让报价', false, false],
    ['下雨没有试驾，没有报价', false, false],
    ['客户没驾照，不能开，只看了静态', false, false],
    ['试驾车被别的客户开走了，客户等不及走了', false, false],
    ['未试驾未报价', false, false],
    ['经理不在，价格没报', false, false],
    // neither: future only
    ['约定礼拜六过来试驾', false, false],
    ['客户说周末带老婆来试车', false, false],
    ['下次来店再给他出报价', false, false],
    ['约好明天上午试驾并谈价格', false, false],
    ['客户要求先发报价，顾问说明天整理好发给他', false, false],
    // test drive done, quote only planned
    ['开了一圈，很满意，约好后天来谈价', true, false],
    ['试驾完毕，客户要等经理在的时候再报价', true, false],
    // quote done, test drive only planned
    ['报了价，客户说下回再来试驾', false, true],
    ['已报底价，试驾约在周日', false, true],
    // noisy terse codes
    ['试驾√ 报价√', true, true],
    ['试驾 × 报价 √', false, true],
    ['试驾√  报价×', true, false],
    ['试乘：是；报价：否', true, false],
    ['试乘：否；报价：否', false, false],
  ],
};
