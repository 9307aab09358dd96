/** 基础管理: 展厅管理 (排班, 当班), 5S管理, 文件信息管理 (forms 16–25). */
import type { FormBody } from '../types';
import { DATE, DEALER, MAKER, MONTH, PERIOD, PROGRESS, countA, date, field, fields, int, list, seq, text, time, weekdayOf } from './helpers';

// A month of days fits one portrait page; the 11 narrow columns are under 100 characters wide.
const rosterBase = { kind: 'grid' as const, orientation: 'portrait' as const, headerFields: [DEALER, MONTH, field('展厅经理')], blankRows: 31 };

const rotation: FormBody = {
  ...rosterBase,
  id: 'F16',
  columns: [
    date('date', '日期', { width: 10 }),
    weekdayOf('date'),
    text('reception', '前台接待', 9),
    text('p1', '第1位', 8, { group: '接待轮岗顺序' }),
    text('p2', '第2位', 8, { group: '接待轮岗顺序' }),
    text('p3', '第3位', 8, { group: '接待轮岗顺序' }),
    text('p4', '第4位', 8, { group: '接待轮岗顺序' }),
    text('p5', '第5位', 8, { group: '接待轮岗顺序' }),
    text('duty', '值班经理', 8),
    text('off', '休息人员', 12),
    text('remarks', '备注', 10),
  ],
  notes: ['轮岗制:销售顾问按当日顺序轮流接待来店(来电)客户,接待完毕回到队尾;次日顺序依次前移一位,保证机会均等。'],
  signatures: ['编制人', '展厅经理'],
};

const groups: FormBody = {
  ...rosterBase,
  id: 'F17',
  columns: [
    date('date', '日期', { width: 10 }),
    weekdayOf('date'),
    text('mGroup', '组别', 6, { group: '早班(08:30-17:00)' }),
    text('mLeader', '组长', 8, { group: '早班(08:30-17:00)' }),
    text('mMembers', '组员', 16, { group: '早班(08:30-17:00)' }),
    text('lGroup', '组别', 6, { group: '晚班(11:30-20:00)' }),
    text('lLeader', '组长', 8, { group: '晚班(11:30-20:00)' }),
    text('lMembers', '组员', 16, { group: '晚班(11:30-20:00)' }),
    text('off', '休息人员', 12),
    text('remarks', '备注', 10),
  ],
  notes: ['分组制:销售顾问分为若干小组,各组按班次负责展厅接待,组内由组长分配客户;各组业绩单独考核。'],
  signatures: ['编制人', '展厅经理'],
};

const dedicated: FormBody = {
  ...rosterBase,
  id: 'F18',
  columns: [
    date('date', '日期', { width: 10 }),
    weekdayOf('date'),
    text('reception', '前台接待', 9),
    text('phone', '电话接待', 9),
    text('showroom', '展厅接待(销售顾问)', 18),
    text('testDrive', '试驾专员', 8),
    text('delivery', '交车专员', 8),
    text('duty', '值班经理', 8),
    text('off', '休息人员', 12),
    text('remarks', '备注', 10),
  ],
  notes: ['专职制:前台接待、电话接待、试驾、交车等岗位由专人负责,销售顾问专注于客户洽谈。'],
  signatures: ['编制人', '展厅经理'],
};

const dutyLog: FormBody = {
  id: 'F19',
  kind: 'grid',
  headerFields: [DEALER, DATE, field('当班经理'), field('天气')],
  columns: [
    seq(),
    time('time', '时间'),
    text('event', '事项/情况记录', 34),
    text('person', '相关人员', 10),
    text('handling', '处理情况', 22),
    text('remarks', '备注', 10),
  ],
  blankRows: 15,
  footerFields: [...fields('来店批数', '来电批数', '订单数', '交车数'), field('交接事项', { wide: true })],
  signatures: ['当班人', '接班人', '展厅经理'],
};

const s5Items: [string, string, string][] = [
  ['展厅', '整理', '展厅内无与销售无关的物品,宣传资料摆放整齐'],
  ['展厅', '清扫', '地面、玻璃、墙面洁净无灰尘、无污渍'],
  ['展车', '清洁', '展车车身、轮胎、内饰洁净,车内无保护膜及杂物'],
  ['展车', '整顿', '展车摆放角度一致,价格牌、配置表齐全规范'],
  ['洽谈区', '整顿', '桌椅摆放整齐,洽谈桌上仅放置名片、资料架'],
  ['客户休息区', '清洁', '饮品、杂志、电视正常,沙发无污损'],
  ['前台', '整理', '接待台整洁,来电/店登记表放在规定位置'],
  ['交车区', '清扫', '交车区干净,交车仪式物品齐全'],
  ['卫生间', '清洁', '无异味,洗手液、纸巾充足,每小时检查一次'],
  ['办公区', '整理', '文件分类归档,桌面只放当日所需物品'],
  ['试驾车', '清洁', '车况良好、证照齐全、油量不低于1/2'],
  ['停车场', '整顿', '客户车位标识清楚,车辆停放整齐'],
  ['人员', '素养', '着装统一、佩戴工牌、仪容仪表符合规范'],
  ['人员', '素养', '接待用语规范,客户到店10秒内有人迎接'],
];

const selfCheck5S: FormBody = {
  id: 'F20',
  kind: 'matrix',
  headerFields: [DEALER, field('检查日期', { source: 'date' }), field('检查人')],
  columns: [
    seq(),
    text('area', '区域', 9),
    text('item', '检查项目', 7),
    text('standard', '标准', 42),
    int('full', '标准分', { width: 6, total: 'sum' }),
    int('score', '得分', { width: 6, total: 'sum' }),
    text('issue', '问题描述', 16),
    text('measure', '整改措施', 16),
    text('owner', '责任人', 7),
    date('deadline', '完成期限'),
  ],
  presetRows: s5Items.map(([area, item, standard], i) => ({ no: i + 1, area, item, standard, full: 5 })),
  blankRows: 2,
  summaries: [{ label: '得分率', formula: 'IFERROR({t:score}/{t:full},"")', format: 'percent' }],
  notes: ['5S:整理、整顿、清扫、清洁、素养。每项满分5分,发现问题当场记录并明确责任人和完成期限。'],
  signatures: ['检查人', '展厅经理'],
};

const DOC_TYPES = ['厂家文件', '内部文件', '外部文件', '合同协议', '其他'];

const docRegister: FormBody = {
  id: 'F21',
  kind: 'grid',
  headerFields: [DEALER, PERIOD, MAKER],
  columns: [
    seq(),
    text('docNo', '文件编号', 12, { total: { formula: countA('docNo') } }),
    text('name', '文件名称', 24),
    list('type', '文件类别', DOC_TYPES, { width: 9 }),
    text('issuer', '发文单位', 12),
    date('date', '收/发文日期'),
    int('pages', '页数', { width: 5 }),
    int('copies', '份数', { width: 5, total: 'sum' }),
    text('keeper', '保管人', 7),
    text('location', '存放位置', 10),
    text('retention', '保存期限', 8),
    text('remarks', '备注', 10),
  ],
  blankRows: 16,
  signatures: ['制表人', '审核人'],
};

const internalFormat: FormBody = {
  id: 'F22',
  kind: 'document',
  headerFields: [DEALER, field('文件编号', { value: '〔年份〕第  号' }), field('密级', { value: '□普通 □内部 □秘密' })],
  preamble: '销售服务商内部发文(通知、制度、纪要、报告等)统一按以下格式编写,便于登记、分发、归档和检索。',
  clauses: [
    { heading: '版头', text: '居中写发文单位全称及“文件”字样,其下为文件编号:“单位简称+文种代字+〔年份〕+序号”,如“XX销〔2026〕12号”。' },
    { heading: '标题', text: '由发文单位、事由和文种组成,如“关于调整展厅排班制度的通知”;二号小标宋体,居中。', fields: [field('标题', { wide: true })] },
    { heading: '主送', text: '标题下一行顶格写主要受文部门,后加冒号。', fields: [field('主送', { wide: true })] },
    {
      heading: '正文',
      text: '三号仿宋体,每段首行缩进两字;层次序号依次为“一、”“(一)”“1.”“(1)”。正文写明目的、依据、具体事项和执行要求。',
      fields: [field('正文', { wide: true })],
    },
    { heading: '附件', text: '正文下空一行注明附件名称及件数。', fields: [field('附件', { wide: true })] },
    { heading: '落款', text: '右下方写发文单位名称和成文日期(阿拉伯数字,年月日齐全),加盖公章。', fields: fields('发文单位', '成文日期') },
    { heading: '抄送与印发', text: '末页下端注明抄送部门、印发部门和印发日期,以及印发份数。', fields: fields('抄送', '印发份数') },
  ],
  signatures: ['拟稿人', '审核人', '签发人', '日期'],
};

const docBrief: FormBody = {
  id: 'F23',
  kind: 'grid',
  headerFields: [DEALER, field('期数', { value: '第  期' }), DATE, field('编制人')],
  columns: [
    seq(),
    date('date', '收文日期'),
    text('source', '来源', 10),
    text('docNo', '文件编号', 12),
    text('title', '文件标题', 20, { total: { formula: countA('title') } }),
    text('summary', '主要内容摘要', 36),
    text('dept', '执行部门', 9),
    text('action', '落实要求', 16),
    date('deadline', '期限'),
  ],
  blankRows: 12,
  notes: ['文件信息简报每周(或每月)编制一次,汇总期内收到的厂家及外部文件要点,传阅后签字并归档。'],
  signatures: ['编制人', '审核人', '传阅签字'],
};

const docIssue: FormBody = {
  id: 'F24',
  kind: 'grid',
  headerFields: [DEALER, PERIOD, MAKER],
  columns: [
    seq(),
    text('docNo', '文件编号', 12),
    text('name', '文件名称', 22, { total: { formula: countA('name') } }),
    text('version', '版本', 6),
    int('copies', '发放份数', { width: 6, total: 'sum' }),
    date('issueDate', '发放日期'),
    text('receiver', '领用部门/人', 12),
    text('signIssue', '签收', 7),
    date('recallDate', '回收日期'),
    int('recallCopies', '回收份数', { width: 6, total: 'sum' }),
    text('signRecall', '回收人', 7),
    text('remarks', '备注', 10),
  ],
  blankRows: 16,
  summaries: [{ label: '回收率', formula: 'IFERROR({t:recallCopies}/{t:copies},"")', format: 'percent' }],
  signatures: ['文件管理员', '审核人'],
};

const workPlan: FormBody = {
  id: 'F25',
  kind: 'grid',
  headerFields: [DEALER, field('部门'), field('姓名'), field('计划期间', { source: 'period' })],
  columns: [
    seq(),
    text('item', '工作项目', 18),
    text('content', '具体内容/目标', 30),
    text('owner', '责任人', 8),
    date('start', '开始日期'),
    date('end', '完成日期'),
    text('resources', '所需资源/支持', 14),
    list('status', '完成情况', PROGRESS, { width: 8 }),
    text('remarks', '备注', 12),
  ],
  blankRows: 15,
  summaries: [
    {
      label: '完成率',
      formula: `IFERROR(COUNTIF({c:status}{first}:{c:status}{last},"已完成")/${countA('item')},"")`,
      format: 'percent',
    },
  ],
  signatures: ['编制人', '审核人'],
};

export const BASIC_MANAGEMENT_FORMS: FormBody[] = [
  rotation, groups, dedicated, dutyLog, selfCheck5S, docRegister, internalFormat, docBrief, docIssue, workPlan,
];
