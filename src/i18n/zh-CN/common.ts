/** Messages shared by every part: settings validation, generic errors. */
export const common: Record<string, string> = {
  // A warning that exists only as text (no key): shown as it is.
  'core.warning.text': '{text}',
  'settings.error.notPositiveInteger': '必须是正整数',
  'settings.error.notPositiveNumber': '必须是正数',
  'settings.error.notRate': '必须是 0 到 1 之间的比例(如 0.25)',
  'settings.error.notStringList': '必须是文字列表',
  'settings.error.notDate': '必须是日期,格式 YYYY-MM-DD',
  'settings.error.thresholdOrder': '阈值必须依次增大:准流失 < 流失 < 彻底流失',
  'settings.error.notText': '必须是文字',
  'settings.error.notLanguage': '语言只能是 zh-CN 或 en-US',
  'settings.error.notKeywordMap': '必须是“类别 → 关键词列表”',
  'settings.error.notBoolean': '必须是“是”或“否”',
  'settings.error.notMonthMap': '必须是“月份 → 数量”',
  'settings.error.notMonth': '月份格式必须是 YYYY-MM',
  'settings.error.notNonNegative': '必须是不小于 0 的数',
  'settings.error.notNonNegativeInteger': '必须是不小于 0 的整数',
  'settings.error.dateOutOfRange': '必须在 {earliest} 到 {latest} 之间(可在设置 analysisDateRange 中修改范围)',
  'core.warning.staleData': '分析日期为今天({asOf}),但数据中最晚的日期是 {latest},早了 {days} 天(超过 {limit} 天)。如数据只统计到那天,请把分析日期设为 {latest},否则未回厂月数会偏大。',
  'settings.error.notObject': '设置必须是一个对象(JSON)',
};
