/**
 * The sample dealer workbook as grids: customer base, call log, showroom register and prospect cards, with the
 * wording and the mess of a real dealer's sheets, from one seed. The benchmark uses these grids directly.
 */
import { createRng } from './prng';
import { buildCallSheet, buildCustomerSheet } from './customerSheets';
import { buildProspectSheet, buildRegisterSheet } from './showroomSheets';
import type { SampleOptions, SampleWorkbook } from './types';

const DEALERS = ['武汉江城奇瑞4S店', '武汉汉阳瑞达汽车销售服务有限公司', '武汉东湖奇瑞专营店'];
const NAMES = {
  customers: ['保有客户', '基盘客户', '保有客户明细'],
  calls: ['回访记录', '招揽记录', '流失回访'],
  register: ['展厅来电登记', '展厅来电来店登记表', '展厅登记'],
  prospects: ['意向客户跟踪卡', '意向客户跟踪', '意向客户'],
};

/**
 * Generates the four sheets.
 * @example generateSample({ vehicles: 2000, seed: 7, asOf: 46326 }).sheets.map(s => s.name)
 * // e.g. ['保有客户', '回访记录', '展厅来电登记', '意向客户跟踪卡']
 */
export function generateSample(options: SampleOptions): SampleWorkbook {
  const rng = createRng(options.seed);
  const dealerName = rng.pick(DEALERS);
  const names = {
    customers: rng.pick(NAMES.customers),
    calls: rng.pick(NAMES.calls),
    register: rng.pick(NAMES.register),
    prospects: rng.pick(NAMES.prospects),
  };
  const wide = rng.chance(0.5);
  const registerRows = options.registerRows ?? Math.round(options.vehicles / 2);
  const prospects = options.prospects ?? Math.round(registerRows * 0.3);

  const customers = buildCustomerSheet(rng, { vehicles: options.vehicles, asOf: options.asOf, dealerName, sheetName: names.customers });
  const calls = buildCallSheet(rng, customers.keys, { asOf: options.asOf, dealerName, sheetName: names.calls });
  const register = buildRegisterSheet(rng, { rows: registerRows, asOf: options.asOf, dealerName, sheetName: names.register });
  const cards = buildProspectSheet(rng, { prospects, asOf: options.asOf, dealerName, sheetName: names.prospects, wide });
  return {
    sheets: [customers.sheet, calls, register, cards.sheet],
    counts: {
      vehicles: options.vehicles,
      customerRows: options.vehicles + customers.duplicates,
      duplicates: customers.duplicates,
      calls: calls.grid.length - calls.headerRow - 1,
      register: registerRows,
      prospects,
      prospectRows: cards.rows,
    },
    bands: customers.keys.bands,
    dealerName,
  };
}
