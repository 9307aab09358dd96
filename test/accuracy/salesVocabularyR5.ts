/**
 * Round 5 of the held-out sales vocabulary: showroom wordings written without
 * looking at the product's keyword lists or at any earlier round, so a score on
 * it measures how the reader copes with text nobody tuned for.
 *
 * Truth is judged by meaning, as a sales manager reading the register would:
 * - process: [接待经过 text, did the customer test-drive (试乘 counts) here, was a price quoted].
 *   Asking the price is not a quotation; an appointment for a later drive or quote is not one yet.
 * - level: DOMAIN.md's levels (H ≤7 days, A ≤15, B ≤30, C ≤3 months, N unrated, O ordered, F lost).
 * - reasons: DOMAIN.md's defeat-reason classes, one unambiguous class per text.
 *
 * @example
 *   for (const [text, drove, quoted] of ROUND_5.process) score(readProcess(text), drove, quoted);
 */
export const ROUND_5: {
  level: Record<string, string[]>;
  reasons: [string, string][];
  process: [string, boolean, boolean][];
} = {
  level: {
    H: [
      'Ｈ级（热）',
      'h类（七天内）',
      '【H】热客',
      '一周之内就定',
      '这周末就过来签',
      '3天内购车',
      '近两三天就买',
      '七日内成交',
      ' H 级意向 ',
    ],
    A: [
      'a级客户',
      'Ａ类意向客户',
      '(A)',
      '半月内购车',
      '15天之内',
      '两周以内定车',
      '十五日以内',
      '二周内',
      'A-半个月',
    ],
    B: [
      'b级意向',
      'Ｂ',
      'B类，月内',
      '一个月以内能定',
      '30天内提车',
      '一月内购买',
      '三十天之内',
      '4周内落定',
      'B（1个月）',
    ],
    C: [
      'c级(三个月)',
      'C类潜客',
      '【C】',
      '三个月以内',
      '3个月内买',
      '90天内',
      '季度内购车',
      '两个月之内购买',
      'C-3月内',
    ],
    N: [
      'n级线索',
      'N类-新登记',
      'Ｎ級',
      '新来的客户',
      '新建客户未定级',
      '尚未分级',
      '还没评级',
      '首次来店，还没定级别',
      'N（新）',
    ],
    O: [
      'o级客户',
      'Ｏ級',
      'O类-已订',
      '车已订好',
      '定金已交付',
      '交了两千块订金',
      '下定了',
      '签合同付了订金',
      '已下订单',
    ],
    F: [
      'f',
      'Ｆ级',
      'F类（战败）',
      '确认战败',
      '已购别的品牌',
      '买了别的牌子的车了',
      '已流失',
      '客户放弃购车',
      '已在别家4S店提车',
    ],
  },

  reasons: [
    ['店里给的优惠力度太小', '价格'],
    ['价钱始终谈不拢', '价格'],
    ['客户觉得落地价太贵', '价格'],
    ['折扣没达到客户心理价位', '价格'],
    ['差价两千没谈下来', '价格'],
    ['嫌裸车价高，砍不下来', '价格'],

    ['已提比亚迪宋Pro', '竞品'],
    ['最后买了哈弗H6', '竞品'],
    ['去隔壁吉利店订了星越L', '竞品'],
    ['提了一台长安CS75', '竞品'],
    ['最终选择了大众途观L', '竞品'],
    ['在蔚来下了订单', '竞品'],

    ['没有客户想要的珍珠白', '车型/配置'],
    ['客户要七座，我们只有五座', '车型/配置'],
    ['配置不满足，缺全景天窗', '车型/配置'],
    ['要的颜色厂家不生产', '车型/配置'],
    ['嫌后备箱太小，车型不合适', '车型/配置'],
    ['客户要手动挡，该车型只有自动挡', '车型/配置'],

    ['等车太久客户不等了', '交车时间'],
    ['提车要等两个月，客户等不了', '交车时间'],
    ['交车周期太久', '交车时间'],
    ['厂家迟迟不发车', '交车时间'],
    ['承诺的交车日期一再推迟', '交车时间'],
    ['急着用车，我们这边要排队三周', '交车时间'],

    ['对销售顾问态度不满', '服务'],
    ['微信回复太慢，客户不耐烦', '服务'],
    ['前台接待冷淡', '服务'],
    ['顾问不专业，问题答不上来', '服务'],
    ['打店里电话一直没人接', '服务'],
    ['原顾问离职后没人跟进', '服务'],

    ['车贷审批被拒', '贷款/资金'],
    ['首付凑不够', '贷款/资金'],
    ['征信有问题，按揭办不了', '贷款/资金'],
    ['生意资金链紧张', '贷款/资金'],
    ['银行审批没通过', '贷款/资金'],
    ['车贷额度不够', '贷款/资金'],

    ['客户表示这阵子先不买车', '暂缓购买'],
    ['推到明年再说', '暂缓购买'],
    ['家里有事，购车计划推迟', '暂缓购买'],
    ['先不换车了', '暂缓购买'],
    ['客户说过完年再考虑', '暂缓购买'],
    ['购车计划搁置', '暂缓购买'],

    ['客户电话空号', '其他'],
    ['号码停机，联系不上', '其他'],
    ['客户搬去外地了', '其他'],
    ['摇号没中，上不了牌', '其他'],
    ['客户被公司派驻国外', '其他'],
    ['信息登记错误，非本人', '其他'],
  ],

  process: [
    // Explicit mentions.
    ['客户看了瑞虎8，试驾后比较满意，报了落地价15.8万', true, true],
    ['试乘试驾一圈，对动力满意', true, false],
    ['试驾了 报了价 留了V信', true, true],
    ['試駕後報價14.2萬', true, true],
    ['TD完成,已报价', true, true],
    ['试驾ok，价钱没谈', true, false],
    ['试驾 √  报价 ×', true, false],
    ['试驾:是;报价:否', true, false],
    ['陪同客户试乘，介绍了智能驾驶功能', true, false],
    ['试驾时下雨，只开了停车场一圈', true, false],
    ['价格已报,客户回去考虑', false, true],
    ['报价:全款10.98w，分期首付3w', false, true],
    ['二次到店，重新核算优惠，报价更新为十三万五', false, true],

    // Without the keywords.
    ['带客户上路体验了二十分钟，做了报价单', true, true],
    ['客户自己开着上了一段高速，觉得噪音大', true, false],
    ['顾问带客户跑了一圈环线', true, false],
    ['客户开了一段城市路况，回来后给了优惠方案，落地13万出头', true, true],
    ['客户驾驶体验后很喜欢，经理给批了特价9.98', true, true],
    ['按优惠后价格给客户出了方案：裸车11.29，落地12.5左右', false, true],
    ['给客户微信发了价格明细', false, true],
    ['出了单子给客户，全款十二万八', false, true],

    // Negations: did not happen, refused, no time, car unavailable.
    ['只看外观内饰，没有试驾，询问了价格', false, false],
    ['试驾车在保养，没试成，报了价13万8', false, true],
    ['客户赶时间未试驾，留了电话', false, false],
    ['客户不愿试驾，一直问底价，没给', false, false],
    ['店里没有这款的试驾车', false, false],
    ['客户要求试驾，因驾照没带未能试驾', false, false],
    ['没试驾，没报价，只拿了彩页', false, false],
    ['静态看车，未试未报', false, false],
    ['客户拒绝试驾，报了价', false, true],
    ['报价被客户拒绝，嫌贵', false, true],
    ['还没报价，等厂家政策', false, false],
    ['试驾车被别的客户开走了，改天再试', false, false],

    // Asking the price is not a quotation.
    ['客户问多少钱，顾问说等活动出来再报', false, false],
    ['客户只问了贷款首付多少，顾问未给具体价格', false, false],
    ['问了问油耗和价钱就走了', false, false],

    // Future test drive or quote: not yet.
    ['约了下周六来试驾', false, false],
    ['电话咨询配置，约周末到店试车', false, false],
    ['客户下次带老婆过来试驾再谈价', false, false],
    ['试驾预约已登记，明天上午10点', false, false],
    ['邀约试驾未到', false, false],
    ['预约明早试驾，今天已出报价', false, true],

    // Neither, including near-miss words.
    ['客户带家人来看车，小孩在车里坐了坐，没开', false, false],
    ['客户试坐了后排，感觉空间大', false, false],
    ['客户开车来的，车停门口，看了半小时展车', false, false],
    ['来店取资料，五分钟就走了', false, false],
    ['客户嫌麻烦不想试，价格也没问', false, false],
    ['路过进店 随便看看', false, false],
  ],
};
