/**
 * Small builders so definitions read like the paper form: `text('name', '客户姓名', 9)`, `list('level', '意向级别', LEVELS)`.
 * They only build data; nothing here renders.
 */
import { DEFEAT_REASONS, EXTERNAL_REASONS, INTERNAL_REASONS } from '../../settings/settings';
import type { FormColumn, FormField, FormSummary, TotalRule } from '../types';

type Extra = Partial<Omit<FormColumn, 'key' | 'header' | 'type'>>;

export const text = (key: string, header: string, width?: number, extra: Extra = {}): FormColumn => ({ key, header, type: 'text', width, ...extra });
export const date = (key: string, header: string, extra: Extra = {}): FormColumn => ({ key, header, type: 'date', ...extra });
export const time = (key: string, header: string, extra: Extra = {}): FormColumn => ({ key, header, type: 'time', ...extra });
export const int = (key: string, header: string, extra: Extra = {}): FormColumn => ({ key, header, type: 'integer', ...extra });
export const num = (key: string, header: string, extra: Extra = {}): FormColumn => ({ key, header, type: 'number', ...extra });
export const money = (key: string, header: string, extra: Extra = {}): FormColumn => ({ key, header, type: 'money', ...extra });
export const yesno = (key: string, header: string, extra: Extra = {}): FormColumn => ({ key, header, type: 'yesno', ...extra });
export const list = (key: string, header: string, values: readonly string[], extra: Extra = {}): FormColumn => ({ key, header, type: 'list', values, ...extra });
/** A computed percentage column: the formula is wrapped in IFERROR so an empty row shows blank, not #DIV/0!. */
export const pct = (key: string, header: string, formula: string, extra: Extra = {}): FormColumn => ({
  key,
  header,
  type: 'percent',
  formula: `IFERROR(${formula},"")`,
  ...extra,
});
/** 序号: numbered 1, 2, 3 … on a blank form. */
export const seq = (): FormColumn => ({ key: 'no', header: '序号', type: 'integer', width: 5 });

/** Sum of a row's columns a..b that stays blank on an untouched row (no 0 printed on a blank form). */
export const rowSum = (a: string, b: string): string => `IF(COUNT({c:${a}}{r}:{c:${b}}{r})=0,"",SUM({c:${a}}{r}:{c:${b}}{r}))`;
/** Sum of two cells of the row, blank on an untouched row. */
export const pairSum = (a: string, b: string): string => `IF(COUNT({c:${a}}{r},{c:${b}}{r})=0,"",SUM({c:${a}}{r},{c:${b}}{r}))`;

/** a / b of two columns on the same row. @example ratio('sold', 'total') // '{c:sold}{r}/{c:total}{r}' */
export const ratio = (a: string, b: string): string => `{c:${a}}{r}/{c:${b}}{r}`;
/** Totals rule: a rate over two totals (the rate of the sums, never the sum of the rates). */
export const totalRatio = (a: string, b: string): TotalRule => ({ formula: `IFERROR({t:${a}}/{t:${b}},"")` });
/** Count of non-blank cells of a column over the data rows. */
export const countA = (key: string): string => `COUNTA({c:${key}}{first}:{c:${key}}{last})`;
/**
 * Count of readable phone numbers in a column: the text with spaces, dashes, '+' and brackets taken out is a number of
 * at least 7 digits, so '138 0000 0000' and '+86 13800000000' count and '不愿留' / '未留' / blanks do not.
 * SUMPRODUCT rather than an array formula: Excel and LibreOffice both evaluate it over the range without Ctrl+Shift+Enter.
 * @example countPhones('phone') // 'SUMPRODUCT(ISNUMBER(-SUBSTITUTE(…{c:phone}{first}:{c:phone}{last}…))*(LEN(…)>=7))'
 */
export const countPhones = (key: string): string => {
  let digits = `{c:${key}}{first}:{c:${key}}{last}`;
  for (const ch of [' ', '-', '+', '(', ')']) digits = `SUBSTITUTE(${digits},"${ch}","")`;
  return `SUMPRODUCT(ISNUMBER(-${digits})*(LEN(${digits})>=7))`;
};
/** Count of cells equal to a value over the data rows. */
export const countIf = (key: string, value: string): string => `COUNTIF({c:${key}}{first}:{c:${key}}{last},"${value}")`;
/** Share of rows with `value` in `key` among non-blank `base` rows. */
export const shareIf = (label: string, key: string, value: string, base: string): FormSummary => ({
  label,
  formula: `IFERROR(${countIf(key, value)}/${countA(base)},"")`,
  format: 'percent',
});
/** A multiplication column (数量 × 单价) that stays blank until both are typed. */
export const product = (key: string, header: string, a: string, b: string, extra: Extra = {}): FormColumn => ({
  key,
  header,
  type: 'money',
  formula: `IF(AND(ISNUMBER({c:${a}}{r}),ISNUMBER({c:${b}}{r})),{c:${a}}{r}*{c:${b}}{r},"")`,
  ...extra,
});
/** 星期 from a date column, the same in Excel and LibreOffice (no locale-dependent TEXT format). */
export const weekdayOf = (dateKey: string): FormColumn => ({
  key: 'weekday',
  header: '星期',
  type: 'text',
  width: 5,
  formula: `IF({c:${dateKey}}{r}="","",CHOOSE(WEEKDAY({c:${dateKey}}{r}),"日","一","二","三","四","五","六"))`,
});

// Header fields used across the pack.
export const DEALER: FormField = { label: '销售服务商', source: 'dealerName' };
export const SERVICE_DEALER: FormField = { label: '服务站', source: 'dealerName' };
export const PERIOD: FormField = { label: '期间', source: 'period' };
export const MONTH: FormField = { label: '月份', source: 'period' };
export const DATE: FormField = { label: '日期', source: 'date' };
export const MAKER: FormField = { label: '制表人' };
export const REVIEWER: FormField = { label: '审核人' };
export const field = (label: string, extra: Partial<FormField> = {}): FormField => ({ label, ...extra });
export const fields = (...labels: string[]): FormField[] => labels.map((label) => ({ label }));

// Coded values (DOMAIN.md).
export const CONTACT_TYPES = ['来电', '来店'] as const;
export const SOURCES = ['网络', '电视', '报纸杂志', '广播', '展会', '亲友', '路过', '其他'] as const;
export const LEVELS = ['H', 'A', 'B', 'C', 'N', 'O', 'F'] as const;
export const GENDERS = ['男', '女'] as const;
export const FOLLOW_METHODS = ['电话', '短信', '微信', '到店', '上门', '其他'] as const;
export const SATISFACTION = ['非常满意', '满意', '一般', '不满意', '非常不满意'] as const;
export const DEFEAT = DEFEAT_REASONS;
export const AFTER_SALES_REASONS: readonly string[] = [...INTERNAL_REASONS, ...EXTERNAL_REASONS, '其他'];
export const FAILED_CATEGORIES = ['空号', '停机', '号码有误', '关机', '无法接通', '无人接听', '拒接', '呼转', '忙/有事', '人在外地', '其他'] as const;
export const CHURN_STATUSES = ['准流失', '流失', '彻底流失'] as const;
export const WARRANTY = ['保期内', '保期外', '未知'] as const;
export const DESTINATIONS = ['修理厂', '其他4S店/服务站', '快修连锁', '未知'] as const;
export const PROGRESS = ['未开始', '进行中', '已完成', '延期'] as const;
export const PAYMENT = ['全款', '分期'] as const;

export const LEVEL_NOTE = '意向级别及购买周期:H级 7天内购买;A级 15天内;B级 30天内;C级 3个月内;N级 新客户未定级;O级 已订车;F级 战败。';
export const SOURCE_NOTE = '来电/店信息来源:网络、电视、报纸杂志、广播、展会、亲友、路过、其他';
