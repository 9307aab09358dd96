/** Messages shared by every part: settings validation, generic errors. */
export const common: Record<string, string> = {
  // A warning that exists only as text (no key): shown as it is.
  'core.warning.text': '{text}',
  // A product column whose header the dealer's sheet already has (issue 12.5).
  'core.col.standard': '{header}(标准)',
  'core.col.standardN': '{header}(标准{n})',
  // The analysis date's month before its last day (issue 12.6).
  'core.month.partial': '{month}(截至{m}月{d}日)',
  'core.limits.cutMarker': '…(超长已截断)',
  'core.warning.cellsCut': '“{sheet}”有 {n} 个单元格超过 {max} 个字符(单元格的上限),已截断并以“…(超长已截断)”结尾,第一个是 {cell}。原表中的内容未改动。',
  'core.warning.listsCut': '“{sheet}”有 {n} 个下拉列表超过 {max} 个字符,只保留了放得下的选项,且不再拒绝其他输入。',
  'core.warning.formatsCut': '“{sheet}”有 {n} 个数字格式超过 {max} 个字符,已改用默认格式。',
  'core.warning.gridCut': '“{sheet}”有 {n} 行或单元格超出工作表的行列上限(1,048,576 行 × 16,384 列),未写入。',
  'core.error.cellTooLong': '“{sheet}”的 {cell} 单元格有 {length} 个字符,超过单元格上限 {max}:这样的文件在表格软件中需要修复。请缩短该单元格后重试(本工具不会改写您的单元格)。',
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
