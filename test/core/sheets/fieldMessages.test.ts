import { t } from '../../../src/i18n';
import { CALL_FIELDS, CUSTOMER_FIELDS, PROSPECT_FIELDS, REGISTER_FIELDS } from '../../../src/core/sheets/types';
import { ISSUE_REASON } from '../../../src/core/sheets/cellIssue';
import { IGNORED_REASON, SHEET_KINDS } from '../../../src/core/sheets/detectSheets';

const FIELDS = [...new Set<string>([...CUSTOMER_FIELDS, ...CALL_FIELDS, ...REGISTER_FIELDS, ...PROSPECT_FIELDS])];
const KEYS = [
  ...FIELDS.map((f) => `input.field.${f}`),
  ...Object.values(ISSUE_REASON),
  ...Object.values(IGNORED_REASON).map((r) => `input.ignored.${r}`),
  ...SHEET_KINDS.map((k) => `input.kind.${k}`),
];

describe('every input-layer message exists in both languages', () => {
  it.each(KEYS)('%s', (key) => {
    const zh = t('zh-CN', key);
    const en = t('en-US', key);
    expect(zh).not.toBe(key);
    expect(en).not.toBe(key);
    expect(en).not.toBe(zh);
  });
});
