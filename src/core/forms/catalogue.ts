/**
 * The standard form pack, in the seed's order (seeds/004: the OEM's 51 numbered dealer forms; seeds/000: the
 * after-sales churn reports). 58 forms.
 *
 * Numbering: the seed prints 51 月运营管理工作计划表 together with two more titles (月运营管理异常项目解决措施,
 * 整改问题闭环管理表). The seed's 51 stays as it is; the two companions are numbered '51-1' and '51-2' (ids F51-1,
 * F51-2), so every seed number still points at the same form. After-sales reports are AS1 … AS5.
 *
 * @example FORM_CATALOGUE[0] // { id: 'F01', number: '1', group: '核心流程', subgroup: '三表一卡', title: '展厅来电/店登记表' }
 */
import type { CatalogueEntry } from './types';

type Row = [number: string, group: string, subgroup: string, title: string];

const DEALER_PACK: Row[] = [
  ['1', '核心流程', '三表一卡', '展厅来电/店登记表'],
  ['2', '核心流程', '三表一卡', '展厅客流量统计表'],
  ['3', '核心流程', '三表一卡', '意向客户流失分析表'],
  ['4', '核心流程', '三表一卡', '意向客户跟踪卡'],
  ['5', '核心流程', '试乘试驾', '试乘试驾预约登记表'],
  ['6', '核心流程', '试乘试驾', '试乘试驾协议书'],
  ['7', '核心流程', '试乘试驾', '试乘试驾管理表'],
  ['8', '核心流程', '试乘试驾', '试乘试驾满意度评估表'],
  ['9', '核心流程', '商谈报价', '商谈报价单'],
  ['10', '核心流程', '商谈报价', '购车合同(推荐范本)'],
  ['11', '核心流程', '新车交付', '交车确认单'],
  ['12', '核心流程', '新车交付', '交车预约登记表'],
  ['13', '核心流程', '客户关怀', 'SSI抱怨记录表'],
  ['14', '核心流程', '客户关怀', '新客户回访登记表'],
  ['15', '核心流程', '客户关怀', '客户抱怨问题闭环管理表'],
  ['16', '基础管理', '展厅管理', '轮岗制排班表'],
  ['17', '基础管理', '展厅管理', '分组制排班表'],
  ['18', '基础管理', '展厅管理', '专职制排班表'],
  ['19', '基础管理', '展厅管理', '当班记录表'],
  ['20', '基础管理', '5S管理', '5S管理自检表'],
  ['21', '基础管理', '文件信息管理', '文件统计表'],
  ['22', '基础管理', '文件信息管理', '内部文件的基本格式'],
  ['23', '基础管理', '文件信息管理', '文件信息简报'],
  ['24', '基础管理', '文件信息管理', '文件发放回收记录表'],
  ['25', '基础管理', '文件信息管理', '工作计划表'],
  ['26', '业务管理', '销售管理', '营业目标计划与实绩比较表'],
  ['27', '业务管理', '销售管理', '各渠道销售目标分解表'],
  ['28', '业务管理', '销售管理', '月销售计划分配表'],
  ['29', '业务管理', '销售管理', '绩效周进度管控表'],
  ['30', '业务管理', '促销管理', '促销活动物料计划表'],
  ['31', '业务管理', '促销管理', '促销活动广告传播计划表'],
  ['32', '业务管理', '促销管理', '促销活动公关软文计划表'],
  ['33', '业务管理', '促销管理', '促销活动费用预算(结算)参考表'],
  ['34', '业务管理', '促销管理', '促销活动客户登记统计分析表'],
  ['35', '业务管理', '促销管理', '促销活动评估表'],
  ['36', '业务管理', '客户关系管理', '客户档案登记表'],
  ['37', '业务管理', '客户关系管理', '客户信息变更表'],
  ['38', '业务管理', '客户关系管理', '客户信息分类表'],
  ['39', '业务管理', '客户关系管理', '会员申请表'],
  ['40', '业务管理', '客户关系管理', '会员积分申请表'],
  ['41', '业务管理', '客户关系管理', '会员升级申请表'],
  ['42', '监督评价', '销售日常工作管理', '销售顾问日工作检查表'],
  ['43', '监督评价', '现场督导', '本店督导监控表'],
  ['44', '监督评价', '现场督导', '二网督导过程监控表'],
  ['45', '监督评价', '现场督导', '立项整改计划书'],
  ['46', '监督评价', '现场督导', '书面销项申请书'],
  ['47', '监督评价', '现场督导', '整改项目延期/取消书'],
  ['48', '持续改进', '运营管理', '运营管理综合指标分析'],
  ['49', '持续改进', '运营管理', '运营与满意度改进计划'],
  ['50', '持续改进', '运营管理', '三表一卡延伸分析'],
  ['51', '持续改进', '运营管理', '月运营管理工作计划表'],
  ['51-1', '持续改进', '运营管理', '月运营管理异常项目解决措施'],
  ['51-2', '持续改进', '运营管理', '整改问题闭环管理表'],
];

const AFTER_SALES: Row[] = [
  ['AS1', '售后流失', '流失分析', '流失客户分析报表'],
  ['AS2', '售后流失', '流失分析', '跟踪失败分析表'],
  ['AS3', '售后流失', '流失客户招揽', '流失客户招揽信息汇总及分析表'],
  ['AS4', '售后流失', '流失客户招揽', '流失客户招揽跟进记录表'],
  ['AS5', '售后流失', '流失客户招揽', '流失客户招揽方案'],
];

function dealerId(n: string): string {
  const [main, sub] = n.split('-');
  return 'F' + main.padStart(2, '0') + (sub ? `-${sub}` : '');
}

/** Every form, in print order: id, seed number, group, subgroup, title. */
export const FORM_CATALOGUE: readonly CatalogueEntry[] = [
  ...DEALER_PACK.map(([number, group, subgroup, title]) => ({ id: dealerId(number), number, group, subgroup, title })),
  ...AFTER_SALES.map(([number, group, subgroup, title]) => ({ id: number, number, group, subgroup, title })),
];

const BY_ID = new Map(FORM_CATALOGUE.map((e) => [e.id, e]));

/** The catalogue entry of an id, or undefined. @example catalogueEntry('F02')?.title // '展厅客流量统计表' */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return BY_ID.get(id);
}

/**
 * Resolves what a user typed (--only 1,2,51-1,AS3 or F01) to catalogue ids; unknown entries are returned apart.
 * @example resolveFormIds(['1', 'F02', 'AS3', '99']) // { ids: ['F01', 'F02', 'AS3'], unknown: ['99'] }
 */
export function resolveFormIds(tokens: readonly string[]): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  const byNumber = new Map(FORM_CATALOGUE.map((e) => [e.number.toUpperCase(), e.id]));
  for (const raw of tokens) {
    const t = raw.trim().toUpperCase();
    if (!t) continue;
    const id = BY_ID.has(t) ? t : byNumber.get(t) ?? byNumber.get(t.replace(/^0+/, ''));
    if (id) {
      if (ids.indexOf(id) < 0) ids.push(id); // a handful of tokens: indexOf is fine
    } else unknown.push(raw.trim());
  }
  return { ids, unknown };
}
