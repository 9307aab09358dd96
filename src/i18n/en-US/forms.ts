/** Messages of the standard form pack (en-US). The forms themselves stay in Chinese, as the dealer uses them. */
export const forms: Record<string, string> = {
  'forms.cli.written': '{n} forms written: {file}',
  'forms.cli.filled': 'Filled from the data: {forms}',
  'forms.cli.noneFilled': 'The workbook holds no data for the forms; all forms are blank',
  'forms.cli.partSkipped': '{part} data not read: {reason}',
  'forms.error.unknownIds': 'Unknown form number(s): {ids} (use 1–51, 51-1, 51-2, AS1–AS5 or ids such as F01)',
  'forms.note.truncated': 'Only the first {n} of {m} rows are shown (pick a month to print the period in parts)',
  'forms.error.badPeriod': 'Invalid --period value "{value}": use all (every row) or a month YYYY-MM, e.g. 2026-10',
  'forms.part.aftersales': 'After-sales churn',
  'forms.part.sales': 'Sales (prospects)',
  'forms.kind.grid': 'Register',
  'forms.kind.matrix': 'Checklist / analysis',
  'forms.kind.document': 'Document',
};
