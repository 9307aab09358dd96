/** 业务管理: 销售管理, 促销管理, 客户关系管理 (forms 26–41). */
import type { FormBody, FormClause } from '../types';
import {
  DEALER, GENDERS, LEVELS, MAKER, MONTH, PERIOD, SOURCES, countA, date, field, fields, int, list, money, num,
  pct, product, ratio, rowSum, seq, shareIf, text, totalRatio, yesno,
} from './helpers';

const targetVsActual: FormBody = {
  id: 'F26',
  kind: 'matrix',
  monthly: true,
  fillFrom: 'salesKpis',
  fillDateOf: 'month',
  fillKey: 'item',
  fillPresetOnly: true,
  headerFields: [DEALER, MONTH, MAKER],
  columns: [
    text('item', '项目', 20, { field: 'item' }),
    text('unit', '单位', 5),
    num('target', '月目标', { width: 8 }),
    num('actual', '月实绩', { width: 8, field: 'value' }),
    pct('rate', '达成率', ratio('actual', 'target'), { width: 8 }),
    num('lastActual', '上月实绩', { width: 8, field: 'last' }),
    pct('mom', '环比增长', '{c:actual}{r}/{c:lastActual}{r}-1', { width: 8 }),
    num('ytdTarget', '年累计目标', { width: 9 }),
    num('ytdActual', '年累计实绩', { width: 9 }),
    pct('ytdRate', '累计达成率', ratio('ytdActual', 'ytdTarget'), { width: 9 }),
    text('analysis', '差异原因分析', 24),
  ],
  presetRows: [
    ['来店批数', '批'], ['来电批数', '批'], ['新增意向客户', '人'], ['试乘试驾', '次'], ['订单数', '台'], ['新车交车数', '台'],
    ['新车销售收入', '万元'], ['精品装潢收入', '万元'], ['保险业务', '单'], ['金融贷款', '单'], ['二手车置换', '台'],
    ['延保销售', '单'], ['销售毛利', '万元'],
  ].map(([item, unit]) => ({ item, unit })),
  blankRows: 2,
  notes: ['达成率 = 实绩 ÷ 目标;环比增长 = 本月实绩 ÷ 上月实绩 − 1。'],
  signatures: ['制表人', '销售经理', '总经理'],
};

const channelTargets: FormBody = {
  id: 'F27',
  kind: 'matrix',
  headerFields: [DEALER, field('年度'), MAKER],
  columns: [
    text('channel', '销售渠道', 14),
    int('target', '年度目标(台)', { width: 9, total: 'sum' }),
    pct('share', '占比', '{c:target}{r}/{t:target}', { width: 7, total: { formula: 'IF({t:target}>0,1,"")' } }),
    int('q1', '第一季度', { group: '季度分解(台)', width: 7, total: 'sum' }),
    int('q2', '第二季度', { group: '季度分解(台)', width: 7, total: 'sum' }),
    int('q3', '第三季度', { group: '季度分解(台)', width: 7, total: 'sum' }),
    int('q4', '第四季度', { group: '季度分解(台)', width: 7, total: 'sum' }),
    int('qsum', '季度合计', { width: 7, formula: rowSum('q1', 'q4'), total: 'sum' }),
    text('owner', '负责人', 8),
    text('remarks', '备注', 14),
  ],
  presetRows: ['展厅零售', '二级网点', '大客户/集团采购', '网络(电商平台)', '车展/外展', '置换/增购', '其他'].map((channel) => ({ channel })),
  notes: ['季度合计应等于年度目标;占比 = 渠道目标 ÷ 年度目标合计。'],
  signatures: ['制表人', '销售经理', '总经理'],
};

// Filled, 车型一 … 车型四 are the dealer's four best-selling models in the register (labels model.1 … model.4).
const modelCols = ['车型一', '车型二', '车型三', '车型四', '其他车型'].map((h, i) =>
  int(`m${i + 1}`, h, { group: '各车型分配(台)', width: 7, total: 'sum', headerLabel: i < 4 ? `model.${i + 1}` : undefined }),
);

const monthlyPlan: FormBody = {
  id: 'F28',
  kind: 'grid',
  monthly: true,
  fillFrom: 'consultantMonths',
  fillDateOf: 'month',
  headerFields: [DEALER, MONTH, MAKER],
  columns: [
    seq(),
    text('consultant', '销售顾问', 9, { field: 'consultant' }),
    ...modelCols,
    int('total', '合计', { width: 6, formula: rowSum('m1', 'm5'), total: 'sum' }),
    int('orderTarget', '订单目标', { width: 7, total: 'sum' }),
    int('deliveryTarget', '交车目标', { width: 7, total: 'sum' }),
    int('lastMonth', '上月实绩', { width: 7, total: 'sum', field: 'lastMonth' }),
    text('remarks', '备注', 12),
  ],
  blankRows: 12,
  notes: ['表头“车型一 … 车型四”请填写本店主销车型(按数据填写时为登记表中订单最多的四个车型)。上月实绩为上月接到的订单数。'],
  signatures: ['制表人', '销售经理'],
};

const weeklyProgress: FormBody = {
  id: 'F29',
  kind: 'grid',
  monthly: true,
  fillFrom: 'consultantMonths',
  fillDateOf: 'month',
  headerFields: [DEALER, MONTH, MAKER],
  columns: [
    seq(),
    text('consultant', '销售顾问', 9, { field: 'consultant' }),
    int('target', '月目标(台)', { width: 7, total: 'sum' }),
    ...[1, 2, 3, 4, 5].map((w) => int(`w${w}`, `第${w}周`, { group: '周实绩(台)', width: 6, total: 'sum', field: `weeks.${w - 1}` })),
    int('actual', '累计实绩', { width: 7, formula: rowSum('w1', 'w5'), total: 'sum' }),
    pct('rate', '达成率', ratio('actual', 'target'), { width: 7, total: totalRatio('actual', 'target') }),
    int('gap', '差距', { width: 6, formula: 'IF(ISNUMBER({c:target}{r}),{c:target}{r}-N({c:actual}{r}),"")', total: 'sum' }),
    int('leads', '新增意向', { width: 7, total: 'sum', field: 'leads' }),
    int('testDrives', '试驾数', { width: 6, total: 'sum', field: 'testDrives' }),
    text('measures', '改进措施', 18),
  ],
  blankRows: 12,
  notes: ['周实绩为登记表中各周接到的订单数(第1周 1-7日,第2周 8-14日,第3周 15-21日,第4周 22-28日,第5周 29日起)。'],
  signatures: ['制表人', '销售经理'],
};

const eventFields = [DEALER, field('活动名称'), field('活动时间'), field('活动地点'), field('负责人')];

const materials: FormBody = {
  id: 'F30',
  kind: 'grid',
  headerFields: eventFields,
  columns: [
    seq(),
    text('item', '物料名称', 16),
    text('spec', '规格/尺寸', 12),
    int('qty', '数量', { width: 6, total: 'sum' }),
    money('price', '单价(元)'),
    product('amount', '金额(元)', 'qty', 'price', { width: 12, total: 'sum' }),
    text('supplier', '供应商/制作方', 14),
    date('due', '需求日期'),
    text('owner', '负责人', 8),
    text('remarks', '备注', 10),
  ],
  blankRows: 15,
  signatures: ['编制人', '市场经理', '总经理'],
};

const MEDIA = ['报纸', '电视', '广播', '户外', '网络', '新媒体(微信/抖音)', '短信', '其他'];

const adPlan: FormBody = {
  id: 'F31',
  kind: 'grid',
  headerFields: eventFields,
  columns: [
    seq(),
    list('mediaType', '媒体类型', MEDIA, { width: 10 }),
    text('media', '媒体名称', 12),
    text('format', '形式/版面', 10),
    date('start', '投放开始'),
    date('end', '投放结束'),
    int('times', '次数', { width: 5, total: 'sum' }),
    money('cost', '费用(元)', { total: 'sum' }),
    text('audience', '目标受众', 10),
    int('expected', '预期线索数', { width: 7, total: 'sum' }),
    int('actualLeads', '实际线索数', { width: 7, total: 'sum' }),
    money('cpl', '单条线索成本', { formula: 'IFERROR({c:cost}{r}/{c:actualLeads}{r},"")', total: { formula: 'IFERROR({t:cost}/{t:actualLeads},"")' } }),
    text('owner', '负责人', 7),
  ],
  blankRows: 12,
  signatures: ['编制人', '市场经理', '总经理'],
};

const prPlan: FormBody = {
  id: 'F32',
  kind: 'grid',
  headerFields: eventFields,
  columns: [
    seq(),
    text('title', '软文标题', 20, { total: { formula: countA('title') } }),
    text('theme', '主题/卖点', 16),
    text('media', '发布媒体', 12),
    date('date', '发布日期'),
    int('words', '字数', { width: 6 }),
    text('author', '撰稿人', 7),
    text('reviewer', '审核人', 7),
    money('cost', '费用(元)', { total: 'sum' }),
    int('reads', '阅读/转载量', { width: 8, total: 'sum' }),
    int('leads', '带来线索数', { width: 7, total: 'sum' }),
  ],
  blankRows: 12,
  signatures: ['编制人', '市场经理'],
};

const budget: FormBody = {
  id: 'F33',
  kind: 'matrix',
  headerFields: [...eventFields, field('厂家支持金额(元)')],
  columns: [
    seq(),
    text('category', '费用类别', 16),
    text('detail', '明细说明', 20),
    money('budget', '预算金额(元)', { width: 12, total: 'sum' }),
    money('actual', '实际结算(元)', { width: 12, total: 'sum' }),
    money('diff', '预算差异(元)', {
      width: 12,
      formula: 'IF(AND(ISNUMBER({c:budget}{r}),ISNUMBER({c:actual}{r})),{c:actual}{r}-{c:budget}{r},"")',
      total: { formula: '{t:actual}-{t:budget}' },
    }),
    pct('diffRate', '差异率', '{c:diff}{r}/{c:budget}{r}', { width: 7, total: totalRatio('diff', 'budget') }),
    pct('share', '费用占比', '{c:actual}{r}/{t:actual}', { width: 7 }),
    text('remarks', '备注', 10),
  ],
  presetRows: ['场地租赁', '舞台/展位搭建', '物料制作', '广告投放', '礼品/奖品', '餐饮茶歇', '人员费用(主持/礼仪)', '交通运输', '摄影摄像', '其他'].map(
    (category, i) => ({ no: i + 1, category }),
  ),
  blankRows: 2,
  notes: ['预算差异 = 实际结算 − 预算金额(正数为超支);差异率 = 预算差异 ÷ 预算金额。'],
  signatures: ['经办人', '财务', '总经理'],
};

const eventLeads: FormBody = {
  id: 'F34',
  kind: 'grid',
  personalData: true,
  headerFields: [DEALER, field('活动名称'), field('活动日期'), MAKER],
  columns: [
    seq(),
    text('name', '客户姓名', 9),
    text('phone', '电话', 13),
    list('gender', '性别', GENDERS, { width: 5 }),
    text('model', '意向车型', 10),
    list('channel', '获知渠道', ['网络', '短信', '电话邀约', '朋友介绍', '户外广告', '路过', '其他'], { width: 8 }),
    list('level', '意向级别', LEVELS, { width: 6 }),
    yesno('testDrive', '是否试驾'),
    yesno('order', '是否订车'),
    text('consultant', '销售顾问', 8),
    text('remarks', '备注', 12),
  ],
  blankRows: 14,
  summaries: [
    { label: '登记客户数', formula: countA('name'), format: 'number' },
    shareIf('试驾率', 'testDrive', '是', 'name'),
    shareIf('订车率', 'order', '是', 'name'),
    {
      label: 'H/A级客户占比',
      formula: `IFERROR((COUNTIF({c:level}{first}:{c:level}{last},"H")+COUNTIF({c:level}{first}:{c:level}{last},"A"))/${countA('name')},"")`,
      format: 'percent',
    },
  ],
  signatures: ['登记人', '市场经理'],
};

const evaluation: FormBody = {
  id: 'F35',
  kind: 'matrix',
  headerFields: eventFields,
  columns: [
    seq(),
    text('item', '评估指标', 20),
    num('target', '目标', { width: 9 }),
    num('actual', '实际', { width: 9 }),
    pct('rate', '达成率', ratio('actual', 'target'), { width: 8 }),
    int('score', '评分(1-5)', { width: 7, total: 'average' }),
    text('comment', '评价/说明', 26),
  ],
  presetRows: ['来店批数', '新增留档客户数', '试乘试驾数', '订单数', '交车数', '活动总费用(元)', '单车营销费用(元)', '媒体曝光/阅读量', '客户满意度'].map(
    (item, i) => ({ no: i + 1, item }),
  ),
  totalsLabel: '平均评分',
  footerFields: [field('活动亮点', { wide: true }), field('存在问题', { wide: true }), field('改进建议', { wide: true })],
  signatures: ['评估人', '市场经理', '总经理'],
};

const customerFile: FormBody = {
  id: 'F36',
  kind: 'grid',
  personalData: true,
  fillFrom: 'customers',
  headerFields: [DEALER, PERIOD, MAKER],
  columns: [
    seq(),
    text('name', '客户姓名', 9, { total: { formula: countA('name') }, field: 'name' }),
    list('gender', '性别', GENDERS, { width: 5, field: 'gender' }),
    date('birthday', '出生日期'),
    text('phone', '电话', 13, { field: 'phone' }),
    text('idNo', '身份证号', 20),
    text('address', '地址', 18, { field: 'address' }),
    text('occupation', '职业', 8),
    text('model', '购买车型', 10, { field: 'model' }),
    text('color', '颜色', 5),
    text('vin', '车架号', 18, { field: 'vin' }),
    text('plate', '车牌号', 9, { field: 'plate' }),
    date('purchaseDate', '购车日期', { field: 'purchaseDate' }),
    text('consultant', '销售顾问', 8),
    list('source', '信息来源', SOURCES, { width: 8 }),
  ],
  blankRows: 16,
  signatures: ['建档人', '客服经理'],
};

const infoChange: FormBody = {
  id: 'F37',
  kind: 'grid',
  personalData: true,
  headerFields: [DEALER, PERIOD, MAKER],
  columns: [
    seq(),
    date('date', '变更日期'),
    text('name', '客户姓名', 9, { total: { formula: countA('name') } }),
    text('vehicle', '车架号/车牌号', 18),
    list('item', '变更项目', ['姓名', '电话', '地址', '车牌号', '车主(过户)', '其他'], { width: 9 }),
    text('before', '变更前', 16),
    text('after', '变更后', 16),
    text('reason', '变更原因', 14),
    text('applicant', '申请人', 7),
    text('handler', '经办人', 7),
    text('approver', '审核', 7),
  ],
  blankRows: 16,
  signatures: ['经办人', '客服经理'],
};

const CLASSES = ['VIP客户', '忠诚客户', '一般客户', '潜在流失客户', '流失客户'];

const classification: FormBody = {
  id: 'F38',
  kind: 'grid',
  personalData: true,
  fillFrom: 'customers',
  headerFields: [DEALER, PERIOD, MAKER],
  columns: [
    seq(),
    text('name', '客户姓名', 9, { total: { formula: countA('name') }, field: 'name' }),
    text('phone', '电话', 13, { field: 'phone' }),
    text('model', '车型', 10, { field: 'model' }),
    date('purchaseDate', '购车日期', { field: 'purchaseDate' }),
    list('category', '客户类别', CLASSES, { width: 11, field: 'customerClass' }),
    list('value', '价值等级', ['A', 'B', 'C'], { width: 6 }),
    int('visits', '年进站次数', { width: 7 }),
    money('spend', '年消费金额(元)', { width: 12, total: 'sum' }),
    text('basis', '分类依据', 14, { field: 'basis' }),
    text('policy', '维系策略', 16, { field: 'policy' }),
    text('owner', '负责人', 7, { field: 'advisor' }),
  ],
  blankRows: 16,
  summaries: CLASSES.map((c) => shareIf(`${c}占比`, 'category', c, 'name')),
  notes: [
    '客户类别:VIP客户(年消费高、转介绍多)、忠诚客户(按时进站)、一般客户、潜在流失客户(6个月以上未进站)、流失客户(12个月以上未进站)。',
    '按数据填写时:准流失为潜在流失客户,流失、彻底流失为流失客户;在店客户(活跃)的类别(VIP/忠诚/一般)由客服部按消费情况填写。维系策略为建议动作,负责人为服务顾问。',
  ],
  signatures: ['制表人', '客服经理'],
};

const applicantClause: FormClause = {
  heading: '申请人信息',
  text: '',
  fields: fields('姓名', '性别', '出生日期', '身份证号', '手机', '电子邮箱', '车型', '车牌号', '车架号', '购车日期'),
};

const membership: FormBody = {
  id: 'F39',
  kind: 'document',
  personalData: true,
  headerFields: [DEALER, field('申请日期', { source: 'date' }), field('会员卡号')],
  clauses: [
    applicantClause,
    { heading: '申请会员等级', text: '', fields: [field('申请等级', { value: '□普卡 □银卡 □金卡 □钻石卡' }), field('推荐人')] },
    {
      heading: '会员权益',
      text: '会员在本店维修保养可享受工时费折扣、积分兑换、免费检测、优先预约及会员专属活动等权益,具体以本店公布的《会员章程》为准。',
    },
    {
      heading: '申请人声明',
      text: '本人自愿申请加入会员,所填信息真实有效,已阅读并同意遵守《会员章程》;同意本店在会员服务范围内使用上述信息,本店对会员信息负有保密义务。',
    },
    { heading: '受理审核', text: '', fields: fields('受理人', '受理日期', '审核意见', '发卡日期') },
  ],
  signatures: ['申请人签字', '日期', '受理人', '客服经理'],
};

const points: FormBody = {
  id: 'F40',
  kind: 'document',
  personalData: true,
  headerFields: [DEALER, field('申请日期', { source: 'date' })],
  clauses: [
    { heading: '会员信息', text: '', fields: fields('会员卡号', '会员姓名', '联系电话', '车牌号', '会员等级', '现有积分') },
    {
      heading: '积分事项',
      text: '请填写本次申请积分的消费或活动事项,并附结算单或相关凭证。',
      fields: [field('积分类型', { value: '□维修保养 □精品购买 □转介绍购车 □活动参与 □其他' }), ...fields('消费日期', '结算单号', '消费金额(元)', '申请积分', '核定积分')],
    },
    { heading: '积分规则', text: '消费每满1元累计1分,转介绍成功购车一次奖励积分以当期活动为准;积分有效期两年,可兑换工时、精品或服务项目,不得兑换现金。' },
    { heading: '审核意见', text: '', fields: fields('审核人', '审核日期', '积分录入人', '录入日期') },
  ],
  signatures: ['会员签字', '日期', '客服经理', '日期'],
};

const upgrade: FormBody = {
  id: 'F41',
  kind: 'document',
  personalData: true,
  headerFields: [DEALER, field('申请日期', { source: 'date' })],
  clauses: [
    { heading: '会员信息', text: '', fields: fields('会员卡号', '会员姓名', '联系电话', '车牌号', '入会日期', '当前等级') },
    { heading: '升级申请', text: '', fields: [field('申请等级', { value: '□银卡 □金卡 □钻石卡' }), ...fields('累计积分', '累计消费(元)', '年进站次数')] },
    { heading: '升级条件', text: '银卡:累计积分满3000分或年进站4次以上;金卡:累计积分满8000分或成功转介绍购车1次;钻石卡:累计积分满20000分或成功转介绍购车3次。具体标准以本店《会员章程》为准。' },
    { heading: '审核意见', text: '', fields: [field('是否符合条件', { value: '□符合 □不符合' }), ...fields('审核人', '审核日期', '新卡号')] },
  ],
  signatures: ['会员签字', '日期', '客服经理', '日期'],
};

export const BUSINESS_MANAGEMENT_FORMS: FormBody[] = [
  targetVsActual, channelTargets, monthlyPlan, weeklyProgress, materials, adPlan, prPlan, budget, eventLeads, evaluation,
  customerFile, infoChange, classification, membership, points, upgrade,
];
