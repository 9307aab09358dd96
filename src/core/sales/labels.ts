/**
 * Fixed labels the sales analysis writes into cells. They are data, not UI text: summaries, PivotTables and the next
 * run recognise them, so they stay the exact zh-CN words whatever the UI language (headers and captions are i18n).
 */

/**
 * 跟踪状态 values. DOMAIN.md names 逾期 / 按时 / 已结案; it is silent on a live prospect with no follow-up date and
 * no created date to count from: that one says so (无跟踪日期) rather than a blank a user would read as "fine".
 */
export const FOLLOW_STATUS = { overdue: '逾期', onTime: '按时', closed: '已结案', noDate: '无跟踪日期' } as const;

/** Funnel stages (DOMAIN.md): every row → readable phone → test drive → quotation → order. */
export const FUNNEL_STAGES = ['来电/来店', '留资', '试乘试驾', '报价', '成交'] as const;

/** Weekday names, index 0 = Sunday (as dates.weekday returns). */
export const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** Group label for a blank consultant / source / brand / level. */
export const UNKNOWN_LABEL = '未填写';

/** Slot label for a register row with a date but no readable arrival time. */
export const UNKNOWN_SLOT_LABEL = '时间不详';
