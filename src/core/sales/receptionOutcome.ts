/**
 * What happened to a register row, from free text: a test drive or a quotation in 接待经过, an order in 结案情形.
 * Negated phrasings ('未试驾', '没报价', '未成交') are common in registers and must not count.
 */

const TEST_DRIVE = /(试驾|试乘|试车|试了车|试开)/;
const TEST_DRIVE_NEGATED = /(未|没有|没|不|无|拒绝|拒|暂不|不想|未能)\s*(试驾|试乘|安排试驾|试车|试了车|试开)/;
/** '报了' and '已报' alone are how a quotation column says yes ('报了名' is not a quotation). */
const QUOTE = /(报价|报了价|报过价|出价单|报价单|报了(?!名)|已报(?!名))/;
const QUOTE_NEGATED = /(未|没有|没|不|无|暂未|暂不|未能)\s*(报价|报过价|报了价|报)/;
const ORDER = /(成交|订车|定车|(交|付)了?[\d.万千元]*(定|订)金|(?<![约预])订了|下定|下订|下单|签约|签单|签合同|订单|已订|已定|已购车|提车)/;
const ORDER_NEGATED = /(未|没有|没|不|无|暂未|暂不|未能|取消)\s*(成交|订车|定车|交定金|付定金|交订金|下定|下订|下单|签约|签单|签合同|订单|已订|提车)/;
/**
 * An order only considered or wished for ('考虑订车', '考虑下单', '想订', '打算交定金', '有意向订车') is not an order:
 * only a done one is (订车, 已订, 交定金, 下单). A few words may stand between ('打算下周下单'), but not '后'
 * ('考虑后当天订车' did order).
 */
export const TENTATIVE_ORDER = /(考虑|想|打算|准备|计划|有意向?|可能|也许|犹豫|要不要|倾向)[^,，。;；、后]{0,4}?(订|定|下单|下订|下定|交定金|付定金|交订金|签约|签单|成交)/;

/** @example mentionsTestDrive('介绍车型后试驾') // true; mentionsTestDrive('未试驾') // false */
export function mentionsTestDrive(text: string): boolean {
  return TEST_DRIVE.test(text) && !TEST_DRIVE_NEGATED.test(text);
}

/** @example mentionsQuote('报价15.8万') // true; mentionsQuote('没报价') // false */
export function mentionsQuote(text: string): boolean {
  return QUOTE.test(text) && !QUOTE_NEGATED.test(text);
}

/** @example mentionsOrder('交定金5000') // true; mentionsOrder('未成交') // false; mentionsOrder('考虑订车') // false */
export function mentionsOrder(text: string): boolean {
  return ORDER.test(text) && !ORDER_NEGATED.test(text) && !TENTATIVE_ORDER.test(text);
}
