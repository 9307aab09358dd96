/** Messages shared by every part: settings validation, generic errors. */
export const common: Record<string, string> = {
  // A warning that exists only as text (no key): shown as it is.
  'core.warning.text': '{text}',
  // A product column whose header the dealer's sheet already has (issue 12.5).
  'core.col.standard': '{header} (standard)',
  'core.col.standardN': '{header} (standard {n})',
  // The analysis date's month before its last day (issue 12.6).
  'core.month.partial': '{month} (to day {d})',
  'core.limits.cutMarker': '… (cut: too long)',
  'core.warning.cellsCut': '“{sheet}”: {n} cells were longer than {max} characters (Excel’s limit per cell) and were cut, ending in “… (cut: too long)”; the first is {cell}. The source sheet is unchanged.',
  'core.warning.listsCut': '“{sheet}”: {n} drop-down lists were longer than {max} characters; only the values that fit are offered, and other input is no longer refused.',
  'core.warning.formatsCut': '“{sheet}”: {n} number formats were longer than {max} characters; the default format is used instead.',
  'core.warning.gridCut': '“{sheet}”: {n} rows or cells lie beyond Excel’s grid (1,048,576 rows × 16,384 columns) and were not written.',
  'core.error.cellTooLong': '“{sheet}” cell {cell} holds {length} characters, more than Excel’s limit of {max} per cell: Excel would have to repair such a file. Shorten that cell and try again (ChurnDesk never rewrites your cells).',
  'settings.error.notPositiveInteger': 'must be a positive whole number',
  'settings.error.notPositiveNumber': 'must be a positive number',
  'settings.error.notRate': 'must be a share between 0 and 1 (e.g. 0.25)',
  'settings.error.notStringList': 'must be a list of texts',
  'settings.error.notDate': 'must be a date, YYYY-MM-DD',
  'settings.error.thresholdOrder': 'thresholds must increase: at risk < lost < gone',
  'settings.error.notText': 'must be text',
  'settings.error.notLanguage': 'language must be zh-CN or en-US',
  'settings.error.notKeywordMap': 'must map a category to a list of keywords',
  'settings.error.notBoolean': 'must be yes or no',
  'settings.error.notMonthMap': 'must map a month to a number',
  'settings.error.notMonth': 'month must be YYYY-MM',
  'settings.error.notNonNegative': 'must be a number of 0 or more',
  'settings.error.notNonNegativeInteger': 'must be a whole number of 0 or more',
  'settings.error.dateOutOfRange': 'must be between {earliest} and {latest} (the range is the setting analysisDateRange)',
  'core.warning.staleData': 'The analysis date is today ({asOf}), but the latest date in the data is {latest}, {days} days earlier (more than {limit}). If the data only goes up to that day, set the analysis date to {latest}; otherwise months since the last visit come out too high.',
  'settings.error.notObject': 'settings must be an object (JSON)',
};
