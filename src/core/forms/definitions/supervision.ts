/** 监督评价: 销售顾问日工作检查, 现场督导 (forms 42–47). */
import type { FormBody } from '../types';
import { DEALER, MONTH, countA, date, field, fields, int, list, pct, ratio, seq, text, totalRatio } from './helpers';

const dailyItems: [string, string][] = [
  ['晨会出勤及仪容仪表', '准时参加晨会,着装统一、佩戴工牌'],
  ['展车及洽谈区准备', '负责展车清洁、资料齐全,洽谈桌整洁'],
  ['来店/来电登记', '每批客户均登记《展厅来电/店登记表》,信息完整'],
  ['意向客户跟踪', '按级别间隔完成当日应跟踪客户,无逾期'],
  ['意向客户跟踪卡填写', '跟踪日期、方式、结果、下次跟踪日期填写规范'],
  ['试乘试驾', '主动邀约试驾,核验驾照并签署协议'],
  ['报价规范', '使用统一《商谈报价单》,价格透明'],
  ['交车流程', '按《交车确认单》逐项交车,交车时间不少于45分钟'],
  ['新客户回访', '交车后24小时、3日、7日回访按时完成'],
  ['当日总结与次日计划', '下班前提交当日工作总结及次日跟踪计划'],
];

const dailyCheck: FormBody = {
  id: 'F42',
  kind: 'matrix',
  headerFields: [DEALER, field('销售顾问'), field('检查日期', { source: 'date' }), field('检查人')],
  columns: [
    seq(),
    text('item', '检查项目', 20),
    text('standard', '检查标准', 40),
    int('full', '分值', { width: 6, total: 'sum' }),
    int('score', '得分', { width: 6, total: 'sum' }),
    text('issue', '问题记录', 20),
  ],
  presetRows: dailyItems.map(([item, standard], i) => ({ no: i + 1, item, standard, full: 10 })),
  summaries: [{ label: '得分率', formula: 'IFERROR({t:score}/{t:full},"")', format: 'percent' }],
  signatures: ['销售顾问', '检查人', '展厅经理'],
};

const supervisionItems: [string, string][] = [
  ['三表一卡', '来电/店登记、客流量统计、流失分析、跟踪卡填写完整及时'],
  ['展厅5S', '展厅、展车、洽谈区、卫生间符合5S标准'],
  ['接待流程', '客户到店10秒内迎接,需求分析规范'],
  ['试乘试驾', '试驾车况良好,协议签署,路线规范'],
  ['报价规范', '使用统一报价单,价格公示'],
  ['交车流程', '交车确认单逐项确认,交车仪式'],
  ['客户关怀', '新客户回访按时,抱怨闭环'],
  ['人员管理', '着装、工牌、排班执行'],
  ['市场活动', '活动计划、费用、效果评估资料齐全'],
];

const CHECK_WAYS = ['现场检查', '资料抽查', '神秘客户', '电话抽查'];
const CHECK_RESULTS = ['符合', '部分符合', '不符合'];

const selfSupervision: FormBody = {
  id: 'F43',
  kind: 'matrix',
  headerFields: [DEALER, field('督导日期', { source: 'date' }), field('督导人')],
  columns: [
    seq(),
    text('module', '督导模块', 10),
    text('point', '监控要点', 34),
    list('method', '检查方式', CHECK_WAYS, { width: 9 }),
    list('result', '检查结果', CHECK_RESULTS, { width: 8 }),
    text('issue', '问题描述', 18),
    text('measure', '整改要求', 16),
    text('owner', '责任人', 7),
    date('deadline', '整改期限'),
    list('verify', '复查结果', ['已整改', '未整改'], { width: 7 }),
  ],
  presetRows: supervisionItems.map(([module, point], i) => ({ no: i + 1, module, point })),
  blankRows: 2,
  summaries: [
    {
      label: '符合率',
      formula: `IFERROR(COUNTIF({c:result}{first}:{c:result}{last},"符合")/${countA('result')},"")`,
      format: 'percent',
    },
  ],
  signatures: ['督导人', '展厅经理', '总经理'],
};

const subNetwork: FormBody = {
  id: 'F44',
  kind: 'grid',
  headerFields: [DEALER, MONTH, field('督导人')],
  columns: [
    seq(),
    text('outlet', '二网名称', 14, { total: { formula: countA('outlet') } }),
    text('region', '区域', 8),
    text('contact', '负责人', 7),
    text('phone', '电话', 12),
    date('visitDate', '督导日期'),
    int('target', '月销售目标', { width: 7, total: 'sum' }),
    int('actual', '实际销量', { width: 7, total: 'sum' }),
    pct('rate', '达成率', ratio('actual', 'target'), { width: 7, total: totalRatio('actual', 'target') }),
    int('stock', '库存(台)', { width: 6, total: 'sum' }),
    list('price', '价格执行', ['规范', '不规范'], { width: 7 }),
    list('image', '形象标识', ['规范', '不规范'], { width: 7 }),
    text('issue', '主要问题', 16),
    text('measure', '改进措施', 16),
  ],
  blankRows: 15,
  signatures: ['督导人', '销售经理'],
};

const projectPlan: FormBody = {
  id: 'F45',
  kind: 'document',
  headerFields: [DEALER, field('项目编号'), field('立项日期', { source: 'date' })],
  clauses: [
    { heading: '项目概况', text: '', fields: [field('项目名称', { wide: true }), ...fields('问题来源', '责任部门', '项目负责人', '计划完成日期')] },
    { heading: '问题描述', text: '写明发现问题的时间、场景、表现及相关数据(如指标值与目标的差距)。', fields: [field('问题描述', { wide: true })] },
    { heading: '原因分析', text: '从人员、流程、设备、环境、管理等方面分析根本原因。', fields: [field('原因分析', { wide: true })] },
    { heading: '整改目标', text: '目标应可量化、可检查,并写明完成时间。', fields: [field('整改目标', { wide: true })] },
    {
      heading: '整改措施及进度',
      text: '逐项列出措施、责任人、起止时间和检查节点;措施较多时另附《整改问题闭环管理表》。',
      fields: [field('措施一', { wide: true }), field('措施二', { wide: true }), field('措施三', { wide: true })],
    },
    { heading: '资源需求', text: '', fields: [field('人员/费用/设备', { wide: true })] },
    { heading: '验收标准', text: '整改完成后由督导人员按验收标准检查,合格后填写《书面销项申请书》申请销项。', fields: [field('验收标准', { wide: true })] },
  ],
  signatures: ['编制人', '部门负责人', '总经理', '日期'],
};

const closeApplication: FormBody = {
  id: 'F46',
  kind: 'document',
  headerFields: [DEALER, field('申请日期', { source: 'date' })],
  clauses: [
    { heading: '项目基本信息', text: '', fields: [field('项目名称', { wide: true }), ...fields('项目编号', '立项日期', '计划完成日期', '实际完成日期', '责任部门', '项目负责人')] },
    { heading: '整改完成情况', text: '对照《立项整改计划书》逐项说明措施落实情况。', fields: [field('完成情况', { wide: true })] },
    { heading: '效果验证', text: '列出整改前后的指标对比及检查结果。', fields: [...fields('整改前指标', '整改后指标'), field('验证说明', { wide: true })] },
    { heading: '附件清单', text: '整改前后照片、培训记录、制度文件等证明材料。', fields: [field('附件', { wide: true })] },
    { heading: '申请', text: '上述整改项目已按计划完成并达到验收标准,特申请销项,请予审核。' },
    { heading: '审核意见', text: '', fields: [field('督导审核意见', { value: '□同意销项 □继续整改' }), ...fields('审核人', '审核日期')] },
  ],
  signatures: ['申请人', '部门负责人', '督导', '日期'],
};

const delayOrCancel: FormBody = {
  id: 'F47',
  kind: 'document',
  headerFields: [DEALER, field('申请日期', { source: 'date' })],
  clauses: [
    { heading: '项目信息', text: '', fields: [field('项目名称', { wide: true }), ...fields('项目编号', '立项日期', '原计划完成日期', '项目负责人')] },
    { heading: '申请类型', text: '', fields: [field('申请类型', { value: '□延期 □取消' }), field('申请延期至')] },
    { heading: '申请原因', text: '说明无法按期完成或需要取消的客观原因(如厂家政策调整、设备到货延迟、场地改造等)。', fields: [field('申请原因', { wide: true })] },
    { heading: '目前进展', text: '', fields: [field('已完成内容', { wide: true }), field('未完成内容', { wide: true })] },
    { heading: '补救措施', text: '延期期间为控制影响所采取的临时措施。', fields: [field('补救措施', { wide: true })] },
    { heading: '审批意见', text: '', fields: [field('审批结果', { value: '□同意 □不同意' }), ...fields('审批人', '审批日期')] },
  ],
  signatures: ['申请人', '部门负责人', '督导', '日期'],
};

export const SUPERVISION_FORMS: FormBody[] = [dailyCheck, selfSupervision, subNetwork, projectPlan, closeApplication, delayOrCancel];
