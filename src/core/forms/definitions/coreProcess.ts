/** 核心流程: 三表一卡, 试乘试驾, 商谈报价, 新车交付, 客户关怀 (forms 1–15). */
import type { FormBody, FormSummary } from '../types';
import {
  CONTACT_TYPES, DEALER, DEFEAT, FOLLOW_METHODS, GENDERS, LEVELS, LEVEL_NOTE, MAKER, MONTH, PAYMENT, PERIOD,
  REVIEWER, SATISFACTION, countPhones, SOURCES, SOURCE_NOTE, countA, countIf, date, field, fields, int, list, money, pct, product,
  pairSum, ratio, rowSum, seq, shareIf, text, time, totalRatio, weekdayOf, yesno,
} from './helpers';

const SLOTS = ['08:00-10:00', '10:00-12:00', '12:00-14:00', '14:00-16:00', '16:00-18:00', '18:00-20:00'];

const register: FormBody = {
  id: 'F01',
  kind: 'grid',
  fillFrom: 'register',
  fillDateOf: 'date',
  personalData: true,
  headerFields: [DEALER, PERIOD, MAKER],
  columns: [
    seq(),
    date('date', '日期', { field: 'date' }),
    text('timeInOut', '进-离', 11, { field: 'timeInOut' }),
    list('contactType', '来电(店)', CONTACT_TYPES, { width: 7, field: 'contactType', total: { formula: countA('contactType') } }),
    text('name', '客户姓名', 9, { field: 'name' }),
    list('gender', '性别', GENDERS, { width: 5, field: 'gender' }),
    text('phone', '电话', 13, { field: 'phone' }),
    text('address', '地址', 16, { field: 'address' }),
    text('intendedModel', '拟购车型(时间)', 14, { field: 'intendedModel' }),
    list('source', '信息来源', SOURCES, { width: 9, field: 'source' }),
    text('process', '接待经过', 18, { field: 'process' }),
    list('level', '追踪后级别', LEVELS, { width: 7, field: 'level' }),
    text('closure', '结案情形', 10, { field: 'closure' }),
    text('consultant', '接待人', 8, { field: 'consultant' }),
    text('remarks', '备注', 10, { field: 'remarks' }),
  ],
  blankRows: 16,
  summaries: [
    { label: '来电批数', formula: countIf('contactType', '来电'), format: 'number' },
    { label: '来店批数', formula: countIf('contactType', '来店'), format: 'number' },
    // 留资 is a readable phone number, not any text: '不愿留' / '未留' in the 电话 column leave no contact details.
    { label: '留有客户资料数', formula: countPhones('phone'), format: 'number' },
    { label: '留资率', formula: `IFERROR(${countPhones('phone')}/${countA('contactType')},"")`, format: 'percent' },
  ],
  notes: [SOURCE_NOTE, LEVEL_NOTE],
  signatures: ['前台客户接待', '客服经理', '展厅经理'],
};

const slotColumns = (prefix: string, group: string, field: string) =>
  SLOTS.map((s, i) => int(`${prefix}${i + 1}`, s, { group, width: 7, field: `${field}.${i}`, total: 'sum' }));

const traffic: FormBody = {
  id: 'F02',
  kind: 'grid',
  fillFrom: 'traffic',
  fillDateOf: 'date',
  headerFields: [DEALER, MONTH, MAKER],
  columns: [
    date('date', '日期', { field: 'date', width: 10 }),
    weekdayOf('date'),
    ...slotColumns('v', '来店客户批数', 'visitsBySlot'),
    int('visits', '合计', { group: '来店客户批数', width: 6, formula: rowSum('v1', 'v6'), total: 'sum' }),
    ...slotColumns('c', '来电客户批数', 'callsBySlot'),
    int('calls', '合计', { group: '来电客户批数', width: 6, formula: rowSum('c1', 'c6'), total: 'sum' }),
    int('batches', '来访客户批数合计', { width: 9, formula: pairSum('visits', 'calls'), total: 'sum' }),
    int('leads', '留有客户资料数', { width: 9, field: 'leads', total: 'sum' }),
    int('orders', '接到订单数', { width: 7, field: 'orders', total: 'sum' }),
    int('showroomSales', '展厅销售台数', { width: 7, field: 'showroomSales', total: 'sum' }),
    // A monthly figure repeated on the day rows: its total is the month's figure, not a sum.
    int('monthlySales', '当月销售总量', {
      width: 7,
      field: 'monthlySales',
      total: { formula: 'IF(COUNT({c:monthlySales}{first}:{c:monthlySales}{last})=0,"",MAX({c:monthlySales}{first}:{c:monthlySales}{last}))' },
    }),
    pct('leadRate', '留资率', ratio('leads', 'batches'), { width: 7, total: totalRatio('leads', 'batches') }),
    pct('closeRate', '展厅成交率', ratio('orders', 'visits'), { width: 7, total: totalRatio('orders', 'visits') }),
    pct('salesRate', '展厅销售率', ratio('showroomSales', 'monthlySales'), { width: 7, total: totalRatio('showroomSales', 'monthlySales') }),
    text('remarks', '备注', 8),
  ],
  blankRows: 31,
  notes: [
    '注:适用于每日客流量登记。时间段按到店(来电)时间计,08:00前计入第一时段,20:00后计入最后时段。',
    '留资率 = 留有客户资料数 ÷ 来访客户批数合计;展厅成交率 = 接到订单数 ÷ 来店客户批数;展厅销售率 = 展厅销售台数 ÷ 当月销售总量。',
  ],
  signatures: ['前台客户接待', '展厅经理'],
};

const defeatShares: FormSummary[] = DEFEAT.map((c) => shareIf(`${c}原因占比`, 'reasonCategory', c, 'name'));

const lostProspects: FormBody = {
  id: 'F03',
  kind: 'grid',
  fillFrom: 'lostProspects',
  fillDateOf: 'date',
  personalData: true,
  headerFields: [DEALER, PERIOD, MAKER],
  columns: [
    seq(),
    date('date', '战败日期', { field: 'date' }),
    text('name', '客户姓名', 9, { field: 'name', total: { formula: countA('name') } }),
    text('phone', '电话', 13, { field: 'phone' }),
    text('model', '意向车型', 10, { field: 'model' }),
    list('source', '信息来源', SOURCES, { width: 8, field: 'source' }),
    list('level', '战败前级别', LEVELS, { width: 7, field: 'level' }),
    text('consultant', '销售顾问', 8, { field: 'consultant' }),
    int('followUps', '跟踪次数', { width: 6, field: 'followUps', total: 'average' }),
    text('reason', '战败原因', 20, { field: 'reason' }),
    list('reasonCategory', '原因类别', DEFEAT, { width: 9, field: 'reasonCategory' }),
    text('boughtInstead', '购买品牌/经销商', 12, { field: 'boughtInstead' }),
    text('measures', '改进措施', 16),
    text('confirm', '展厅经理确认', 8),
  ],
  totalsLabel: '合计/平均',
  blankRows: 16,
  summaries: defeatShares,
  notes: ['战败原因类别:价格、竞品、车型/配置、交车时间、服务、贷款/资金、暂缓购买、其他。跟踪次数一栏合计行为平均跟踪次数。'],
  signatures: ['销售经理', '展厅经理'],
};

/**
 * 意向客户跟踪卡: one card per open prospect (the paper card: who, what, when created, the level, then a line per
 * follow-up), several cards per printed page, levels normalised to H/A/B/C/N/O/F.
 */
const prospectCard: FormBody = {
  id: 'F04',
  kind: 'cards',
  fillFrom: 'prospectCards',
  fillDateOf: 'date',
  personalData: true,
  orientation: 'portrait',
  headerFields: [DEALER, PERIOD],
  cardFields: [
    { label: '客户编号', field: 'prospectId' },
    { label: '客户姓名', field: 'name' },
    { label: '电话', field: 'phone' },
    { label: '意向车型', field: 'model' },
    { label: '信息来源', field: 'source' },
    { label: '销售顾问', field: 'consultant' },
    { label: '建卡日期', field: 'created', type: 'date' },
    { label: '意向级别', field: 'level' },
    { label: '下次跟踪', field: 'nextDate', type: 'date' },
  ],
  cardRowsOf: 'followUps',
  cardRows: 5,
  columns: [
    // 71 characters: narrower than A4 upright at 100%, so the cards print at the heights the renderer planned.
    int('n', '次数', { width: 5, field: 'n' }),
    date('date', '跟踪日期', { field: 'date', width: 10 }),
    list('method', '跟踪方式', FOLLOW_METHODS, { width: 7, field: 'method' }),
    text('result', '跟踪内容及结果', 24, { field: 'result', span: 2 }),
    list('level', '意向级别', LEVELS, { width: 7, field: 'level' }),
    date('nextDate', '下次跟踪日期', { field: 'nextDate', width: 10 }),
    text('sign', '展厅经理', 8),
  ],
  notes: [
    LEVEL_NOTE,
    '跟踪间隔:H级 1天、A级 3天、B级 7天、C级 15天、N级 1天内定级;O级、F级结案。每位意向客户一张卡,每次跟踪填写一行。',
  ],
  signatures: ['销售顾问', '展厅经理'],
};

const testDriveBooking: FormBody = {
  id: 'F05',
  kind: 'grid',
  personalData: true,
  headerFields: [DEALER, PERIOD, MAKER],
  columns: [
    seq(),
    date('bookDate', '预约日期'),
    time('bookTime', '预约时间'),
    text('name', '客户姓名', 9, { total: { formula: countA('name') } }),
    text('phone', '电话', 13),
    text('model', '试驾车型', 10),
    text('license', '驾照号', 20),
    text('consultant', '销售顾问', 8),
    yesno('arrived', '是否到店'),
    text('remarks', '备注', 12),
  ],
  blankRows: 16,
  summaries: [shareIf('预约到店率', 'arrived', '是', 'name')],
  notes: ['试驾前请核验客户驾驶证原件并签署《试乘试驾协议书》。'],
  signatures: ['登记人', '展厅经理'],
};

const testDriveAgreement: FormBody = {
  id: 'F06',
  kind: 'document',
  headerFields: [DEALER, field('协议编号')],
  preamble:
    '甲方(试驾提供方):销售服务商(以下简称“甲方”);乙方(试乘试驾人):客户(以下简称“乙方”)。为保障试乘试驾活动安全、有序进行,经双方协商一致,订立本协议。',
  clauses: [
    {
      heading: '试驾人及车辆信息',
      text: '乙方如实提供以下信息,并出示有效机动车驾驶证原件,驾龄须满一年。',
      fields: fields('试驾人姓名', '联系电话', '身份证号', '驾驶证号', '准驾车型', '初次领证日期', '试驾车型', '试驾车牌号'),
    },
    {
      heading: '试驾时间与路线',
      text: '试乘试驾在甲方指定的时间和路线进行,乙方不得擅自改变路线、驶离指定区域或超出约定时间。',
      fields: fields('试驾日期', '出发时间', '返回时间', '试驾路线'),
    },
    {
      heading: '乙方义务',
      text: '乙方应遵守道路交通安全法律法规,服从陪同人员指挥;不得酒后、服用影响驾驶的药物后或身体不适时驾驶;不得超速、急加速、急刹车、漂移等危险驾驶;不得载乘与试驾无关的人员;试驾时应系好安全带,不得使用手持电话。',
    },
    {
      heading: '甲方义务',
      text: '甲方提供车况良好、证照齐全并已投保交强险及商业险的试驾车辆,试驾前向乙方介绍车辆操作要领及注意事项,全程安排销售顾问陪同。',
    },
    {
      heading: '责任承担',
      text: '试驾期间因乙方违反本协议或交通法规造成的交通违法、事故、车辆损坏及第三方人身财产损失,由乙方承担相应责任;保险理赔范围内的损失由保险公司赔付,保险免赔部分及不予理赔的损失由乙方承担。因车辆本身故障导致的损失由甲方承担。',
    },
    {
      heading: '其他',
      text: '本协议一式两份,甲乙双方各执一份,自双方签字之日起生效,至乙方交还车辆且双方确认车况无误时终止。',
    },
  ],
  signatures: ['甲方(盖章)', '乙方(签字)', '陪同销售顾问', '签订日期'],
};

const testDriveLog: FormBody = {
  id: 'F07',
  kind: 'grid',
  personalData: true,
  fillFrom: 'testDrives',
  fillDateOf: 'date',
  headerFields: [DEALER, PERIOD, MAKER],
  columns: [
    seq(),
    date('date', '日期', { field: 'date' }),
    text('name', '客户姓名', 9, { total: { formula: countA('name') }, field: 'name' }),
    text('phone', '电话', 13, { field: 'phone' }),
    text('license', '驾照号', 18),
    text('model', '试驾车型', 10, { field: 'model' }),
    text('plate', '试驾车牌号', 10),
    time('start', '出发时间', { field: 'time' }),
    time('end', '返回时间'),
    int('kmStart', '出发里程', { width: 8 }),
    int('kmEnd', '返回里程', { width: 8 }),
    int('distance', '行驶里程', {
      width: 8,
      formula: 'IF(AND(ISNUMBER({c:kmStart}{r}),ISNUMBER({c:kmEnd}{r})),{c:kmEnd}{r}-{c:kmStart}{r},"")',
      total: 'sum',
    }),
    text('route', '试驾路线', 10),
    text('consultant', '陪同顾问', 8, { field: 'consultant' }),
    yesno('agreement', '协议已签'),
    yesno('order', '是否成交', { field: 'order' }),
  ],
  blankRows: 16,
  notes: ['按数据填写时:展厅来电/店登记表中有试乘试驾记录的客户,出发时间为到店时间,试驾车型为拟购车型。'],
  summaries: [shareIf('试驾成交率', 'order', '是', 'name')],
  signatures: ['试驾专员', '展厅经理'],
};

const ratingItems = [
  '试驾预约方便、准时',
  '试驾前车辆介绍及路线说明清楚',
  '试驾车辆清洁、车况良好',
  '试驾路线安排合理,能体验车辆性能',
  '销售顾问讲解专业、耐心',
  '安全提示到位',
  '试驾时间充足',
  '试驾后答疑及报价及时',
  '对本次试乘试驾的总体满意度',
];

const testDriveSatisfaction: FormBody = {
  id: 'F08',
  kind: 'matrix',
  personalData: true,
  headerFields: [DEALER, ...fields('客户姓名', '联系电话', '试驾车型', '销售顾问'), field('试驾日期', { source: 'date' })],
  columns: [
    seq(),
    text('item', '评估项目', 34),
    text('s5', '非常满意', 8),
    text('s4', '满意', 7),
    text('s3', '一般', 7),
    text('s2', '不满意', 7),
    text('s1', '非常不满意', 8),
    text('remark', '客户意见', 18),
  ],
  presetRows: ratingItems.map((item, i) => ({ no: i + 1, item })),
  footerFields: [field('其他意见与建议', { wide: true })],
  notes: ['请在相应栏内打“√”。非常满意 5 分、满意 4 分、一般 3 分、不满意 2 分、非常不满意 1 分。'],
  signatures: ['客户签名', '日期'],
};

const quote: FormBody = {
  id: 'F09',
  kind: 'matrix',
  personalData: true,
  headerFields: [DEALER, ...fields('客户姓名', '联系电话', '销售顾问', '车型', '配置/颜色'), field('报价日期', { source: 'date' })],
  columns: [
    seq(),
    text('item', '项目', 26),
    text('spec', '说明', 18),
    int('qty', '数量', { width: 6 }),
    money('price', '单价(元)'),
    product('amount', '金额(元)', 'qty', 'price', { total: 'sum', width: 12 }),
    text('remarks', '备注', 14),
  ],
  presetRows: [
    '车辆价格(厂家指导价)',
    '现金优惠(以负数填写)',
    '精品/装潢',
    '车辆购置税',
    '保险费(交强险+商业险)',
    '上牌服务费',
    '金融服务费',
    '延长保修',
    '二手车置换补贴(以负数填写)',
    '其他',
  ].map((item, i) => ({ no: i + 1, item, qty: 1 })),
  blankRows: 2,
  totalsLabel: '报价合计',
  footerFields: [
    field('付款方式', { value: '□全款 □分期' }),
    ...fields('首付金额', '贷款期限', '月供', '预计交车日期', '报价有效期至'),
  ],
  notes: ['本报价单仅供参考,最终价格以双方签订的《购车合同》为准。'],
  signatures: ['客户确认', '销售顾问', '销售经理'],
};

const contract: FormBody = {
  id: 'F10',
  kind: 'document',
  headerFields: [field('合同编号'), field('签订地点'), field('签订日期', { source: 'date' })],
  preamble:
    '出卖人(甲方):销售服务商;买受人(乙方):客户。根据《中华人民共和国民法典》及相关法律法规,甲乙双方在平等、自愿、协商一致的基础上,就乙方向甲方购买汽车事宜订立本合同。',
  clauses: [
    {
      heading: '合同双方',
      text: '',
      fields: fields('甲方名称', '统一社会信用代码', '甲方地址', '甲方电话', '乙方姓名/名称', '身份证号/信用代码', '乙方地址', '乙方电话'),
    },
    {
      heading: '车辆信息',
      text: '甲方向乙方出售的车辆为原厂新车,符合国家机动车安全技术标准及环保标准,随车提供合格证、一致性证书及保修手册。',
      fields: fields('品牌', '车型', '配置', '颜色', '车架号(VIN)', '发动机号', '生产日期', '数量'),
    },
    {
      heading: '价格与费用',
      text: '车辆价款为含增值税的成交价;购置税、保险费、上牌费等代办费用由乙方另行支付,甲方代办的须开具收据并如实结算。',
      fields: fields('车辆单价(元)', '大写金额', '精品/装潢(元)', '代办费用(元)', '合计金额(元)', '大写'),
    },
    {
      heading: '付款方式',
      text: '乙方于签订合同时支付定金,余款于交车前付清;选择贷款购车的,首付款及贷款以金融机构审批为准,贷款未获批准的,双方可协商解除合同,甲方全额退还定金。',
      fields: [field('付款方式', { value: '□全款 □分期' }), ...fields('定金(元)', '首付款(元)', '贷款金额(元)', '余款付清日期')],
    },
    {
      heading: '交车',
      text: '甲方应在约定日期、地点向乙方交付车辆及随车文件。交车时双方共同验车并签署《交车确认单》;车辆外观、配置与合同不符的,乙方有权拒收。甲方逾期交车的,每逾期一日按已付款项的万分之五向乙方支付违约金;逾期超过三十日的,乙方有权解除合同,甲方双倍返还定金。',
      fields: fields('交车日期', '交车地点'),
    },
    {
      heading: '质量保证与售后服务',
      text: '车辆质量保证按生产厂家的保修规定及国家《家用汽车产品修理更换退货责任规定》执行。乙方应按保养手册在授权服务站进行定期保养。',
      fields: fields('整车保修期', '保修里程'),
    },
    {
      heading: '违约责任',
      text: '乙方未按期付款或无故拒绝提车的,甲方有权解除合同,定金不予退还;甲方交付的车辆不符合约定的,应负责更换或退还车款,并赔偿乙方由此造成的直接损失。',
    },
    {
      heading: '争议解决',
      text: '本合同履行中发生争议,双方协商解决;协商不成的,可向消费者协会投诉,或向甲方所在地人民法院提起诉讼。',
    },
    {
      heading: '其他约定',
      text: '本合同一式两份,甲乙双方各执一份,具有同等法律效力,自双方签字(盖章)之日起生效。未尽事宜,双方可另行签订补充协议。',
      fields: [field('补充约定', { wide: true })],
    },
  ],
  signatures: ['甲方(盖章)', '乙方(签字)', '甲方代表', '乙方委托代理人', '日期', '日期'],
};

const deliveryChecks: [string, string][] = [
  ['车辆外观', '漆面无划痕、凹陷,玻璃、灯具完好'],
  ['车辆外观', '轮胎、轮毂完好,胎压正常'],
  ['车辆内饰', '内饰清洁,座椅、地毯无污损'],
  ['随车物品', '钥匙两把、随车工具、备胎、三角警示牌'],
  ['随车文件', '机动车整车出厂合格证、一致性证书'],
  ['随车文件', '购车发票、保修手册、使用说明书'],
  ['功能讲解', '灯光、雨刮、空调、座椅及后视镜调节'],
  ['功能讲解', '多媒体、蓝牙、倒车影像及驾驶辅助'],
  ['保养说明', '首保时间/里程、保养周期、服务站联系方式'],
  ['服务介绍', '介绍服务顾问,预约首保'],
  ['费用结清', '车款及代办费用已结清,票据已交付'],
  ['上牌事宜', '临时号牌/正式号牌办理完毕'],
];

const deliveryConfirmation: FormBody = {
  id: 'F11',
  kind: 'matrix',
  personalData: true,
  headerFields: [
    DEALER,
    ...fields('客户姓名', '联系电话', '车型', '颜色', '车架号(VIN)', '发动机号', '销售顾问'),
    field('交车日期', { source: 'date' }),
  ],
  columns: [seq(), text('category', '类别', 10), text('item', '检查/确认项目', 40), yesno('ok', '确认'), text('remarks', '备注', 16)],
  presetRows: deliveryChecks.map(([category, item], i) => ({ no: i + 1, category, item })),
  blankRows: 2,
  notes: ['以上项目已逐项确认无误,客户已知悉车辆使用及保养注意事项。'],
  signatures: ['客户签字', '销售顾问', '交车专员', '展厅经理'],
};

const deliveryBooking: FormBody = {
  id: 'F12',
  kind: 'grid',
  personalData: true,
  fillFrom: 'orders',
  fillDateOf: 'date',
  headerFields: [DEALER, PERIOD, MAKER],
  columns: [
    seq(),
    date('orderDate', '订车日期', { field: 'date' }),
    text('name', '客户姓名', 9, { total: { formula: countA('name') }, field: 'name' }),
    text('phone', '电话', 13, { field: 'phone' }),
    text('model', '车型', 10, { field: 'model' }),
    text('color', '颜色', 6),
    text('vin', '车架号', 18),
    date('apptDate', '预约交车日期'),
    time('apptTime', '时间'),
    list('payment', '付款方式', PAYMENT, { width: 7 }),
    yesno('paid', '尾款结清'),
    list('plate', '上牌方式', ['自行上牌', '代办上牌'], { width: 8 }),
    text('consultant', '销售顾问', 8, { field: 'consultant' }),
    date('delivered', '实际交车日期'),
    text('remarks', '备注', 10),
  ],
  blankRows: 16,
  summaries: [{ label: '按期交车数', formula: 'SUMPRODUCT(({c:delivered}{first}:{c:delivered}{last}<>"")*({c:delivered}{first}:{c:delivered}{last}<={c:apptDate}{first}:{c:apptDate}{last}))', format: 'number' }],
  signatures: ['登记人', '展厅经理'],
};

const ssiComplaints: FormBody = {
  id: 'F13',
  kind: 'grid',
  personalData: true,
  headerFields: [DEALER, PERIOD, MAKER],
  columns: [
    seq(),
    date('date', '日期'),
    text('name', '客户姓名', 9, { total: { formula: countA('name') } }),
    text('phone', '电话', 13),
    text('model', '车型', 10),
    text('vin', '车架号/车牌', 14),
    list('channel', '抱怨渠道', ['电话', '到店', '网络', '厂家转办', '回访'], { width: 8 }),
    list('type', '抱怨类别', ['销售流程', '交车', '价格', '服务态度', '车辆质量', '其他'], { width: 8 }),
    text('content', '抱怨内容', 24),
    text('responsible', '责任人/部门', 10),
    text('measure', '处理措施', 18),
    date('deadline', '完成时限'),
    text('result', '处理结果', 12),
    yesno('satisfied', '客户满意'),
    text('recorder', '记录人', 7),
  ],
  blankRows: 15,
  summaries: [shareIf('客户满意率', 'satisfied', '是', 'name')],
  signatures: ['客服经理', '展厅经理'],
};

const newCustomerCalls: FormBody = {
  id: 'F14',
  kind: 'grid',
  personalData: true,
  fillFrom: 'customers',
  fillDateOf: 'purchaseDate',
  monthly: true,
  headerFields: [DEALER, PERIOD, MAKER],
  columns: [
    seq(),
    date('deliveryDate', '交车日期', { field: 'purchaseDate' }),
    text('name', '客户姓名', 9, { total: { formula: countA('name') }, field: 'name' }),
    text('phone', '电话', 13, { field: 'phone' }),
    text('model', '车型', 10, { field: 'model' }),
    text('consultant', '销售顾问', 8),
    date('call1', '24小时', { group: '回访日期' }),
    date('call3', '3日', { group: '回访日期' }),
    date('call7', '7日', { group: '回访日期' }),
    list('satisfaction', '满意度', SATISFACTION, { width: 9 }),
    text('issues', '客户意见/问题', 20),
    text('handling', '处理情况', 16),
    text('caller', '回访人', 7),
  ],
  blankRows: 16,
  summaries: [
    {
      label: '满意率(非常满意+满意)',
      formula: `IFERROR((${countIf('satisfaction', '非常满意')}+${countIf('satisfaction', '满意')})/${countA('satisfaction')},"")`,
      format: 'percent',
    },
  ],
  notes: ['新车交付后24小时内、第3日、第7日各回访一次,记录客户用车感受及意见,问题转入《客户抱怨问题闭环管理表》。'],
  signatures: ['客服经理', '展厅经理'],
};

const complaintLoop: FormBody = {
  id: 'F15',
  kind: 'grid',
  personalData: true,
  headerFields: [DEALER, PERIOD, MAKER, REVIEWER],
  columns: [
    seq(),
    date('date', '受理日期'),
    text('name', '客户姓名', 9),
    text('phone', '电话', 13),
    text('content', '抱怨内容', 22, { total: { formula: countA('content') } }),
    list('category', '问题类别', ['销售', '售后', '车辆质量', '服务态度', '价格', '其他'], { width: 8 }),
    list('severity', '严重程度', ['一般', '重要', '紧急'], { width: 7 }),
    text('dept', '责任部门', 8),
    text('owner', '责任人', 7),
    text('cause', '原因分析', 16),
    text('measure', '整改措施', 16),
    date('deadline', '完成期限'),
    date('doneDate', '完成日期'),
    list('verify', '回访验证', ['满意', '基本满意', '不满意'], { width: 8 }),
    yesno('closed', '是否闭环'),
  ],
  blankRows: 15,
  summaries: [shareIf('闭环率', 'closed', '是', 'content')],
  signatures: ['客服经理', '总经理'],
};

export const CORE_PROCESS_FORMS: FormBody[] = [
  register, traffic, lostProspects, prospectCard, testDriveBooking, testDriveAgreement, testDriveLog,
  testDriveSatisfaction, quote, contract, deliveryConfirmation, deliveryBooking, ssiComplaints, newCustomerCalls,
  complaintLoop,
];
