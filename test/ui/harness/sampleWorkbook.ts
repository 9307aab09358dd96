/**
 * A small, messy dealer workbook for the pane's browser tests, as the grids `Range.values` would return:
 * a customer base under a merged title row and a blank row, with a duplicate vehicle, a text date and a
 * totals row; a follow-up call log; a showroom register; prospect cards. Deterministic (no Math.random).
 * The analysis date is fixed in the workbook's stored settings so the figures never depend on today.
 */
import { ymdToSerial } from '../../../src/core/values/dates';

/** The analysis date stored in the sample's settings. */
export const SAMPLE_ANALYSIS_DATE = '2026-10-31';
/** The settings stored in the sample workbook's state sheet. */
export const SAMPLE_SETTINGS = { analysisDate: SAMPLE_ANALYSIS_DATE, dealerName: '星驰4S店' };

const d = (y: number, m: number, day: number) => ymdToSerial({ y, m, d: day });

/** A tiny linear congruential generator so the sample is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '军', '强'];
const MODELS = ['瑞虎8', '瑞虎7', '艾瑞泽5', '星途LX', '瑞虎5x'];
const REGIONS = ['朝阳区', '海淀区', '丰台区', '通州区', '廊坊市'];
const ADVISORS = ['孙丽', '钱峰', '周敏'];
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

export interface SampleWorkbook {
  grids: Record<string, unknown[][]>;
  /** Number of distinct vehicles in the customer sheet (duplicates counted once). */
  vehicles: number;
}

/**
 * @example buildSampleWorkbook().grids['保有客户'][3][1] // the first customer's name
 */
export function buildSampleWorkbook(vehicleCount = 40): SampleWorkbook {
  const rnd = lcg(20261031);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const customers: unknown[][] = [
    ['星驰4S店保有客户明细表(截至2026年10月)', '', '', '', '', '', '', '', '', '', '', ''],
    [],
    ['序号', '客户姓名', '联系电话', '车牌号', '车架号', '车型', '购车日期', '最后进站日期', '进站次数', '行驶里程(km)', '地区', '服务顾问'],
  ];
  const calls: unknown[][] = [['回访日期', '车架号', '车牌号', '客户姓名', '回访结果', '流失原因', '流失去向', '是否邀约成功', '回访人']];
  const results = ['接通', '空号', '无人接听', '接通', '拒接', '关机'];
  const reasons = ['保养太贵', '离家太远', '朋友开修理厂', '车已经卖了', '等待时间太长', '很少开车'];
  for (let i = 0; i < vehicleCount; i++) {
    const name = pick(SURNAMES) + pick(GIVEN) + (i % 3 === 0 ? pick(GIVEN) : '');
    const phone = `1${pick(['38', '39', '58', '86'])}${String(10000000 + Math.floor(rnd() * 89999999)).slice(0, 8)}`;
    const plate = `京${pick(['A', 'B', 'N', 'Q'])}${String(10000 + i * 37).slice(-5)}`;
    let vin = 'LVV';
    for (let k = 0; k < 14; k++) vin += VIN_CHARS[Math.floor(rnd() * VIN_CHARS.length)];
    const buyYear = 2018 + Math.floor(rnd() * 8);
    const purchase = d(buyYear, 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28));
    // Months since the last visit spread over every status: 0..40.
    const monthsAgo = Math.floor(rnd() * 40);
    const lastVisit = Math.max(purchase, d(2026, 10, 15) - monthsAgo * 30);
    const row: unknown[] = [
      i + 1,
      name,
      i % 5 === 0 ? `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}` : phone,
      plate,
      vin,
      pick(MODELS),
      i === 4 ? '2023/5/6' : purchase,
      i === 7 ? '' : lastVisit,
      1 + Math.floor(rnd() * 12),
      i % 6 === 0 ? `${Math.floor(rnd() * 90 + 5) / 10}万` : Math.floor(rnd() * 120000),
      pick(REGIONS),
      pick(ADVISORS),
    ];
    customers.push(row);
    if (i % 2 === 0) {
      const result = pick(results);
      calls.push([
        d(2026, 9, 1 + (i % 28)),
        vin,
        plate,
        name,
        result,
        result === '接通' ? pick(reasons) : '',
        result === '接通' ? pick(['修理厂', '其他4S店', '']) : '',
        result === '接通' ? pick(['是', '否']) : '',
        pick(['客服小刘', '客服小赵']),
      ]);
    }
  }
  // The same vehicle exported twice (DMS duplicate): one vehicle, two rows.
  const dup = [...customers[3 + 2]];
  dup[0] = vehicleCount + 1;
  customers.push(dup);
  customers.push(['合计', '', '', '', '', '', '', '', '', '', '', '']);

  const register: unknown[][] = [
    ['序号', '日期', '进-离', '来电(店)', '客户姓名', '性别', '电话', '地址', '拟购车型(时间)', '信息来源', '接待经过', '追踪后级别', '结案情形', '接待人', '备注'],
  ];
  const sources = ['网络', '电视', '亲友', '路过', '展会'];
  const levels = ['H', 'A', 'B', 'C', 'O', 'F'];
  for (let i = 0; i < 16; i++) {
    const hour = 8 + Math.floor(rnd() * 11);
    register.push([
      i + 1,
      d(2026, 10, 1 + (i % 20)),
      `${hour}:${i % 2 ? '30' : '05'}-${hour + 1}:00`,
      i % 3 === 0 ? '来电' : '来店',
      pick(SURNAMES) + '先生',
      pick(['男', '女']),
      i % 4 === 0 ? '' : `139${String(10000000 + i * 7919).slice(0, 8)}`,
      pick(REGIONS),
      `${pick(MODELS)}(1个月内)`,
      pick(sources),
      i % 2 ? '试乘试驾后报价' : '介绍车型',
      pick(levels),
      '',
      pick(['赵磊', '孙悦', '钱程']),
      '',
    ]);
  }

  const prospects: unknown[][] = [['客户编号', '客户姓名', '电话', '意向级别', '跟进日期', '跟进方式', '跟进结果', '下次跟进日期', '战败原因', '已购品牌', '销售顾问']];
  for (let i = 0; i < 10; i++) {
    const level = pick(levels);
    prospects.push([
      `P${String(i + 1).padStart(3, '0')}`,
      pick(SURNAMES) + pick(GIVEN),
      `137${String(20000000 + i * 104729).slice(0, 8)}`,
      `${level}级`,
      d(2026, 10, 5 + i),
      pick(['电话', '微信', '到店']),
      level === 'F' ? '已购他牌' : '继续跟进',
      level === 'F' || level === 'O' ? '' : d(2026, 10, 12 + i),
      level === 'F' ? '价格比别家贵' : '',
      level === 'F' ? '吉利' : '',
      pick(['赵磊', '孙悦', '钱程']),
    ]);
  }

  return { grids: { 保有客户: customers, 回访记录: calls, 展厅来电登记: register, 意向客户跟踪: prospects }, vehicles: vehicleCount };
}
