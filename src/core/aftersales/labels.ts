/**
 * The fixed labels the after-sales analysis writes into cells (DOMAIN.md). They are data, not UI text: summaries,
 * PivotTables and the next run recognise them, so they stay the exact zh-CN words whatever the UI language.
 */

/** 流失状态 values, in display order. */
export const STATUSES = ['活跃', '准流失', '流失', '彻底流失', '数据异常'] as const;
export type Status = (typeof STATUSES)[number];
/** The statuses counted as lost (churn rate numerator). */
export const LOST_STATUSES: readonly Status[] = ['流失', '彻底流失'];

/** 车龄段 buckets: index = whole years, capped at 5. */
export const AGE_BUCKETS = ['0-1年', '1-2年', '2-3年', '3-4年', '4-5年', '5年以上'] as const;

export const WARRANTY_LABELS = ['保期内', '保期外', '未知'] as const;
export type WarrantyLabel = (typeof WARRANTY_LABELS)[number];

/** 本地/外地 values; 未知 when the region is blank (such a record is never cleaned as out of town). */
export const LOCALITY_LABELS = ['本地', '外地', '未知'] as const;
export type LocalityLabel = (typeof LOCALITY_LABELS)[number];

/** 最近回访结果 values, in display order. */
export const CONTACT_RESULTS = [
  '未回访', '成功', '空号', '停机', '号码有误', '关机', '无法接通', '无人接听', '拒接', '呼转', '忙/有事', '人在外地', '其他',
] as const;
export type ContactResult = (typeof CONTACT_RESULTS)[number];
/** Failure categories (跟踪失败): every result except 未回访 and 成功. */
export const FAILED_RESULTS: readonly ContactResult[] = CONTACT_RESULTS.filter((r) => r !== '未回访' && r !== '成功');

/** 流失去向 values. */
export const DESTINATIONS = ['修理厂', '其他4S店/服务站', '快修连锁', '未知'] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** 原因类别 class labels. */
export const REASON_CLASSES = ['内因', '外因', '其他'] as const;
export type ReasonClass = (typeof REASON_CLASSES)[number];

/** 招揽优先级 values, best first; '—' means do not call. */
export const PRIORITIES = ['A 高', 'B 中', 'C 低', '—'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Value of the 重复记录 column on the 2nd and later rows of one vehicle. */
export const DUPLICATE_MARK = '重复';

/**
 * The appended columns, in DOMAIN.md's order: key -> i18n key of the header. The zh-CN catalogue holds the exact
 * headers DOMAIN.md gives (未回厂月数 …).
 */
export const CLASSIFICATION_COLUMNS = [
  'monthsSinceVisit', 'status', 'ageYears', 'ageBucket', 'warranty', 'locality', 'lastResult', 'reason',
  'reasonCategory', 'destination', 'priority', 'action', 'duplicate',
] as const;
export type ClassificationColumn = (typeof CLASSIFICATION_COLUMNS)[number];
