/** 持续改进: 运营指标, 改进计划, 三表一卡延伸分析, 月运营计划及其异常措施和整改闭环 (forms 48–51, 51-1, 51-2). */
import type { FormBody } from '../types';
import { DEALER, MAKER, MONTH, PROGRESS, countA, date, field, list, num, pct, ratio, seq, text } from './helpers';

const kpis: [string, string, string][] = [
  ['销售', '来店批数', '批'], ['销售', '来电批数', '批'], ['销售', '留资率', '%'], ['销售', '试乘试驾率', '%'],
  ['销售', '展厅成交率', '%'], ['销售', '展厅销售率', '%'], ['销售', '新车销量', '台'], ['销售', '订单数', '台'],
  ['意向客户', '新增意向客户', '人'], ['意向客户', 'H/A级客户数', '人'], ['意向客户', '战败率', '%'], ['意向客户', '跟踪逾期数', '人'],
  ['满意度', 'SSI得分', '分'], ['满意度', '客户抱怨件数', '件'], ['满意度', '抱怨闭环率', '%'],
  ['售后', '基盘客户数', '台'], ['售后', '客户流失率', '%'], ['售后', '招揽回站数', '台'],
];

const indicators: FormBody = {
  id: 'F48',
  kind: 'matrix',
  monthly: true,
  fillFrom: 'salesKpis',
  fillDateOf: 'month',
  fillKey: 'kpi',
  fillPresetOnly: true,
  // 18 indicators fit one page upright; the 10 columns are under 100 characters wide.
  orientation: 'portrait',
  headerFields: [DEALER, MONTH, MAKER],
  columns: [
    text('category', '类别', 8),
    text('kpi', '指标', 14, { field: 'item' }),
    text('unit', '单位', 5),
    num('target', '目标值', { width: 8 }),
    num('actual', '实际值', { width: 8, field: 'value' }),
    pct('rate', '达成率', ratio('actual', 'target'), { width: 8 }),
    num('lastMonth', '上月值', { width: 8, field: 'last' }),
    pct('mom', '环比变化', '{c:actual}{r}/{c:lastMonth}{r}-1', { width: 8 }),
    num('benchmark', '区域标杆', { width: 8 }),
    text('analysis', '分析说明', 22),
  ],
  presetRows: kpis.map(([category, kpi, unit]) => ({ category, kpi, unit })),
  notes: ['单位为 % 的指标按百分数填写(如 25% 填 25);流失率、战败率、抱怨件数等“越低越好”的指标,达成率小于100%为好。'],
  signatures: ['制表人', '总经理'],
};

const AREAS = ['销售流程', '客户满意度', '展厅管理', '人员培训', '市场活动', '售后服务', '其他'];

const improvementPlan: FormBody = {
  id: 'F49',
  kind: 'grid',
  headerFields: [DEALER, field('计划期间', { source: 'period' }), MAKER],
  columns: [
    seq(),
    list('area', '改进领域', AREAS, { width: 9 }),
    text('issue', '现状问题', 18, { total: { formula: countA('issue') } }),
    text('target', '改进目标', 14),
    text('measure', '改进措施', 24),
    text('owner', '责任人', 7),
    date('start', '开始日期'),
    date('end', '完成日期'),
    text('kpi', '衡量指标', 12),
    list('status', '进展', PROGRESS, { width: 7 }),
  ],
  blankRows: 12,
  signatures: ['编制人', '总经理'],
};

const extended: FormBody = {
  id: 'F50',
  kind: 'matrix',
  monthly: true,
  fillFrom: 'salesKpis',
  fillDateOf: 'month',
  fillKey: 'item',
  fillPresetOnly: true,
  headerFields: [DEALER, MONTH, MAKER],
  columns: [
    text('source', '数据来源', 14),
    text('item', '分析项目', 20, { field: 'item' }),
    num('value', '本月', { width: 8, field: 'value' }),
    num('last', '上月', { width: 8, field: 'last' }),
    num('change', '变化', { width: 8, formula: 'IF(AND(ISNUMBER({c:value}{r}),ISNUMBER({c:last}{r})),{c:value}{r}-{c:last}{r},"")' }),
    text('finding', '发现的问题', 20),
    text('measure', '改进措施', 20),
  ],
  presetRows: [
    ['展厅客流量统计表', '来店批数(高峰时段)'],
    ['展厅客流量统计表', '来电批数'],
    ['展厅客流量统计表', '留资率'],
    ['展厅客流量统计表', '展厅成交率'],
    ['展厅来电/店登记表', '信息来源第一位及占比'],
    ['展厅来电/店登记表', '试乘试驾率'],
    ['展厅来电/店登记表', '报价率'],
    ['意向客户跟踪卡', 'H/A级客户数'],
    ['意向客户跟踪卡', '跟踪及时率'],
    ['意向客户流失分析表', '战败客户数'],
    ['意向客户流失分析表', '战败原因第一位'],
    ['意向客户流失分析表', '流失去向(竞品)第一位'],
    ['综合', '销售顾问成交率最低者'],
  ].map(([source, item]) => ({ source, item })),
  notes: ['三表一卡延伸分析:用三表一卡的数据找出客流、转化、跟踪和战败环节的问题,每月与上月比较并落实改进措施。'],
  signatures: ['分析人', '展厅经理', '总经理'],
};

const MODULES = ['销售', '市场', '客户关系', '展厅管理', '培训', '行政', '其他'];

const monthlyOps: FormBody = {
  id: 'F51',
  kind: 'grid',
  headerFields: [DEALER, MONTH, MAKER],
  columns: [
    seq(),
    list('module', '工作模块', MODULES, { width: 8 }),
    text('item', '工作内容', 22, { total: { formula: countA('item') } }),
    text('target', '目标/标准', 14),
    text('owner', '责任人', 7),
    text('w1', '第1周', 6, { group: '进度安排(打“√”)' }),
    text('w2', '第2周', 6, { group: '进度安排(打“√”)' }),
    text('w3', '第3周', 6, { group: '进度安排(打“√”)' }),
    text('w4', '第4周', 6, { group: '进度安排(打“√”)' }),
    date('deadline', '完成期限'),
    list('status', '完成情况', PROGRESS, { width: 8 }),
    text('remarks', '备注', 10),
  ],
  blankRows: 15,
  signatures: ['编制人', '总经理'],
};

const exceptions: FormBody = {
  id: 'F51-1',
  kind: 'grid',
  headerFields: [DEALER, MONTH, MAKER],
  columns: [
    seq(),
    text('kpi', '异常项目/指标', 16, { total: { formula: countA('kpi') } }),
    num('target', '目标值', { width: 8 }),
    num('actual', '实际值', { width: 8 }),
    num('gap', '差异', { width: 8, formula: 'IF(AND(ISNUMBER({c:actual}{r}),ISNUMBER({c:target}{r})),{c:actual}{r}-{c:target}{r},"")' }),
    text('cause', '原因分析', 20),
    text('measure', '解决措施', 22),
    text('owner', '责任人', 7),
    date('deadline', '完成期限'),
    text('tracking', '效果跟踪', 14),
    list('status', '状态', PROGRESS, { width: 7 }),
  ],
  blankRows: 12,
  signatures: ['编制人', '总经理'],
};

const rectificationLoop: FormBody = {
  id: 'F51-2',
  kind: 'grid',
  headerFields: [DEALER, MONTH, MAKER],
  columns: [
    seq(),
    date('found', '发现日期'),
    list('source', '问题来源', ['厂家督导', '区域检查', '内部自查', '客户抱怨', '神秘客户'], { width: 8 }),
    text('issue', '问题描述', 20),
    text('cause', '原因分析', 16),
    text('measure', '整改措施', 18),
    text('owner', '责任人', 7),
    date('deadline', '完成期限'),
    date('done', '完成日期'),
    text('verifier', '验证人', 7),
    list('result', '验证结果', ['已关闭', '未关闭', '延期'], { width: 7 }),
  ],
  blankRows: 15,
  summaries: [
    { label: '问题数', formula: countA('issue'), format: 'number' },
    {
      label: '闭环率',
      formula: `IFERROR(COUNTIF({c:result}{first}:{c:result}{last},"已关闭")/${countA('issue')},"")`,
      format: 'percent',
    },
  ],
  signatures: ['编制人', '督导', '总经理'],
};

export const IMPROVEMENT_FORMS: FormBody[] = [indicators, improvementPlan, extended, monthlyOps, exceptions, rectificationLoop];
