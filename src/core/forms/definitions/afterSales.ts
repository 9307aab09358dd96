/**
 * 售后流失 (seeds/000): the lost-customer report, failed follow-ups, the monthly win-back summary, the win-back
 * follow-up record and the win-back plan per churn category.
 */
import { EXTERNAL_REASONS, INTERNAL_REASONS } from '../../settings/settings';
import type { FormBody } from '../types';
import {
  AFTER_SALES_REASONS, CHURN_STATUSES, DESTINATIONS, FAILED_CATEGORIES, MAKER, MONTH, SERVICE_DEALER, WARRANTY, date,
  field, int, list, pct, ratio, seq, text, totalRatio,
} from './helpers';

/** 内因 / 外因 of a reason category cell (DOMAIN.md), 其他 for 其他, blank for anything else (e.g. 未填). */
const anyOf = (values: readonly string[]) => `OR(${values.map((v) => `{c:reasonCategory}{r}="${v}"`).join(',')})`;
const INTERNAL_OR_EXTERNAL = `IF(${anyOf(INTERNAL_REASONS)},"内因",IF(${anyOf(EXTERNAL_REASONS)},"外因",IF({c:reasonCategory}{r}="其他","其他","")))`;
const sumIf = (key: string, value: string) => `SUMIF({c:${key}}{first}:{c:${key}}{last},"${value}",{c:count}{first}:{c:count}{last})`;

const lostReport: FormBody = {
  id: 'AS1',
  kind: 'grid',
  fillFrom: 'lostVehicles',
  headerFields: [SERVICE_DEALER, MONTH, MAKER],
  columns: [
    seq(),
    list('warranty', '保修状态', WARRANTY, { width: 8, field: 'warranty' }),
    text('region', '地区', 10, { field: 'region' }),
    list('reasonCategory', '流失原因类别', AFTER_SALES_REASONS, { width: 10, field: 'reasonCategory' }),
    text('internal', '内因/外因', 8, { formula: INTERNAL_OR_EXTERNAL }),
    list('destination', '流失去向', DESTINATIONS, { width: 16, field: 'destination' }),
    int('count', '台次', { width: 7, field: 'count', total: 'sum' }),
    pct('share', '占比', '{c:count}{r}/{t:count}', { width: 7 }),
    text('remarks', '备注', 14),
  ],
  blankRows: 10,
  summaries: [
    { label: '保期内流失台次', formula: sumIf('warranty', '保期内'), format: 'number' },
    { label: '保期外流失台次', formula: sumIf('warranty', '保期外'), format: 'number' },
    { label: '内因流失台次', formula: sumIf('internal', '内因'), format: 'number' },
    { label: '内因占比', formula: `IFERROR(${sumIf('internal', '内因')}/{t:count},"")`, format: 'percent' },
  ],
  footerFields: [field('小结(主要流失去向、原因及改进措施)', { wide: true })],
  notes: [
    '内因(本店可改善):价格、技术、等待、服务;外因:距离、亲友修理厂、车辆转卖、里程少、外地用车、车辆报废。',
    '内因为主时,应先执行内部改善,再进行流失招揽。',
  ],
  signatures: ['制表人', '客服经理', '服务经理'],
};

const FAILED_ACTIONS: Record<string, string> = {
  空号: '通知服务顾问,进站时更新档案',
  停机: '通知服务顾问,进站时更新档案',
  号码有误: '核对DMS档案,更新联系电话',
  关机: '改时段再次回访',
  无法接通: '改时段再次回访',
  无人接听: '改时段再次回访,仍不接听发短信',
  拒接: '短信告知保养到期并邀约预约',
  呼转: '短信告知保养到期并邀约预约',
  '忙/有事': '约定时间再次回访',
  人在外地: '记录返回时间,外地用车则清理档案',
  其他: '',
};

const failedFollowUps: FormBody = {
  id: 'AS2',
  kind: 'matrix',
  monthly: true,
  fillFrom: 'failedFollowUps',
  fillDateOf: 'month',
  fillKey: 'category',
  headerFields: [SERVICE_DEALER, MONTH, MAKER],
  columns: [
    list('category', '失败类别', FAILED_CATEGORIES, { width: 10, field: 'category' }),
    int('count', '本月台次', { width: 8, field: 'count', total: 'sum' }),
    pct('share', '占比', '{c:count}{r}/{t:count}', { width: 7 }),
    int('previous', '上月台次', { width: 8, field: 'previous', total: 'sum' }),
    int('change', '环比增减', {
      width: 8,
      formula: 'IF(AND(ISNUMBER({c:count}{r}),ISNUMBER({c:previous}{r})),{c:count}{r}-{c:previous}{r},"")',
      total: { formula: '{t:count}-{t:previous}' },
    }),
    text('action', '处理措施', 30),
  ],
  presetRows: FAILED_CATEGORIES.map((category) => ({ category, action: FAILED_ACTIONS[category] ?? '' })),
  footerFields: [field('流失客户总数'), field('跟踪失败占总流失比例')],
  notes: [
    '本月台次:最近一次招揽在本月且未成功的流失客户台数(每台车按其本月最近一次通话计一次);上月台次同口径。',
    '对不接受回访、呼转等客户用短信方式再次跟踪,告知保养期已到,邀约尽快进站并提供预约服务;对停机、号码有误、空号、车已转让的客户通知服务顾问,关注后续进站信息及时更新档案。',
  ],
  signatures: ['制表人', '客服经理'],
};

const winBackMonthly: FormBody = {
  id: 'AS3',
  kind: 'grid',
  fillFrom: 'winBackMonthly',
  fillDateOf: 'month',
  headerFields: [SERVICE_DEALER, field('统计期间', { source: 'period' }), MAKER],
  columns: [
    text('month', '月份', 8, { field: 'month' }),
    text('caller', '招揽专员', 9, { field: 'caller' }),
    int('calls', '招揽数', { width: 7, field: 'calls', total: 'sum' }),
    int('reached', '接通数', { width: 7, field: 'reached', total: 'sum' }),
    pct('reachRate', '接通率', ratio('reached', 'calls'), { width: 7, total: totalRatio('reached', 'calls') }),
    int('invited', '邀约成功数', { width: 8, field: 'invited', total: 'sum' }),
    pct('inviteRate', '邀约成功率', ratio('invited', 'reached'), { width: 8, total: totalRatio('invited', 'reached') }),
    int('returned', '回站数', { width: 7, field: 'returned', total: 'sum' }),
    pct('returnRate', '回站率', ratio('returned', 'invited'), { width: 7, total: totalRatio('returned', 'invited') }),
    text('analysis', '分析说明', 22),
  ],
  blankRows: 15,
  notes: ['接通率 = 接通数 ÷ 招揽数;邀约成功率 = 邀约成功数 ÷ 接通数;回站率 = 回站数 ÷ 邀约成功数。'],
  signatures: ['制表人', '客服经理', '服务经理'],
};

const winBackCalls: FormBody = {
  id: 'AS4',
  kind: 'grid',
  fillFrom: 'winBackCalls',
  fillDateOf: 'date',
  personalData: true,
  headerFields: [SERVICE_DEALER, MONTH, field('招揽专员')],
  columns: [
    seq(),
    date('date', '招揽日期', { field: 'date' }),
    text('name', '客户姓名', 9, { field: 'name' }),
    text('phone', '电话', 13, { field: 'phone' }),
    text('plate', '车牌号', 9, { field: 'plate' }),
    text('model', '车型', 9, { field: 'model' }),
    list('status', '流失类别', CHURN_STATUSES, { width: 8, field: 'status' }),
    text('content', '通话内容', 24, { field: 'content' }),
    text('result', '招揽结果', 10, { field: 'result' }),
    text('nextStep', '下一步跟进', 16, { field: 'nextStep' }),
    text('caller', '招揽人', 7, { field: 'caller' }),
  ],
  blankRows: 16,
  signatures: ['招揽专员', '客服经理'],
};

const plans: [string, string, string, string][] = [
  ['准流失', '价格', '保养到期提醒 + 当月保养工时费8折;预约进站赠送免费检测', '“您好,我是XX店客服,您的爱车已经半年没回店保养了,本月预约保养工时费可享8折,还送全车免费检测,您看哪天方便?”'],
  ['准流失', '等待', '预约专属通道,到店即修,超时赠送洗车', '“您上次反映等待时间长,现在预约客户有专属工位,到店即修,超时我们送您一次洗车。”'],
  ['准流失', '服务', '服务经理致电致歉,指定专属服务顾问', '“上次的服务没让您满意,非常抱歉。这次由服务经理亲自为您安排专属顾问全程跟进。”'],
  ['流失', '价格', '保养套餐:预存3次保养8折、6次7折;机油免费升级', '“我们推出了保养套餐,一次预存三次保养享8折,还可免费升级机油,比单次保养省不少。”'],
  ['流失', '技术', '免费全车检测,由技术经理负责维修质量并承诺返修免费', '“我们新增了技术专家坐诊,现在免费为老客户做全车检测,维修后返修全部免费。”'],
  ['流失', '距离', '上门取送车服务或预约周末服务', '“考虑到您距离较远,我们提供免费上门取送车,您在家就能完成保养。”'],
  ['流失', '亲友修理厂', '强调原厂配件与质保,推荐付费延保', '“原厂配件和专用设备能保证您的车况和保修权益,现在还可以办理延长保修。”'],
  ['流失', '里程少', '按时间保养提醒(机油老化),赠送免费检测', '“即使里程少,机油和刹车油也会随时间老化,建议至少一年保养一次,我们为您免费检测。”'],
  ['彻底流失', '车辆转卖', '更新档案,联系新车主并邀请首次到店免费检测', '“您好,请问您是这台车的新车主吗?我们为新车主提供一次免费检测和保养优惠。”'],
  ['彻底流失', '外地用车', '清理档案,推荐当地授权服务站', '不再招揽;档案标注外地用车,定期清理。'],
  ['彻底流失', '价格', '老客户回归礼:免工时费保养一次,备件按会员价', '“好久没为您服务了,老客户回店保养可免一次工时费,备件享会员价。”'],
];

const winBackPlan: FormBody = {
  id: 'AS5',
  kind: 'matrix',
  orientation: 'landscape',
  headerFields: [SERVICE_DEALER, MONTH, MAKER],
  columns: [
    text('category', '流失类别', 9),
    list('reason', '主要流失原因', AFTER_SALES_REASONS, { width: 10 }),
    text('offer', '招揽政策/优惠', 34),
    text('script', '邀约话术', 54),
    text('owner', '负责部门', 13),
  ],
  presetRows: plans.map(([category, reason, offer, script]) => ({ category, reason, offer, script, owner: '客服部/服务部' })),
  blankRows: 1,
  notes: [
    '流失类别按未回厂月数:准流失 6-11个月,流失 12-23个月,彻底流失 24个月及以上(阈值以设置为准)。',
    '应在流失调查的基础上,就主要流失原因和服务部一起制订并确认相应招揽政策;如流失主要原因变化,相应招揽政策及应对话术也应及时调整。',
    '如主要原因是内因的,应先执行内部改善,执行完成后,再进行相应的流失招揽。购车4年以内的流失客户招揽相对容易,应重点招揽。',
  ],
  signatures: ['制订人', '客服经理', '服务经理'],
};

export const AFTER_SALES_FORMS: FormBody[] = [lostReport, failedFollowUps, winBackMonthly, winBackCalls, winBackPlan];
