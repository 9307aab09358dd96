/** Messages of the standard form pack (zh-CN). Form titles and headers are the dealer's own Chinese and live in the definitions. */
export const forms: Record<string, string> = {
  'forms.cli.written': '已生成 {n} 张表格:{file}',
  'forms.cli.filled': '已按数据填写:{forms}',
  'forms.cli.noneFilled': '工作簿中没有可填入表格的数据,表格均为空白',
  'forms.cli.partSkipped': '{part}数据未读取:{reason}',
  'forms.error.unknownIds': '未知的表格编号:{ids}(可用 1–51、51-1、51-2、AS1–AS5 或 F01 等)',
  'forms.note.truncated': '仅显示前 {n} 行,共 {m} 行(可选择某个月份分期打印)',
  'forms.error.badPeriod': '--period 的值“{value}”无效:应为 all(全部数据)或月份 YYYY-MM,如 2026-10',
  'forms.part.aftersales': '售后流失',
  'forms.part.sales': '销售(意向客户)',
  'forms.kind.grid': '登记表',
  'forms.kind.matrix': '检查/分析表',
  'forms.kind.document': '文书',
};
