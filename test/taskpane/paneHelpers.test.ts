import { viewFromQuery } from '../../src/taskpane/views';
import { groupForms } from '../../src/taskpane/formCatalogue';
import { FORM_CATALOGUE } from '../../src/core/forms/catalogue';
import { isRequiredField, unsatisfiedGroups } from '../../src/taskpane/sheetFields';
import { describeError, isAbortError } from '../../src/taskpane/describeError';
import { translator, catalogueKeys } from '../../src/i18n';
import { checkSettings } from '../../src/core/settings/settings';

describe('viewFromQuery', () => {
  test.each([
    ['?view=forms', 'forms'],
    ['?view=settings', 'settings'],
    ['?view=home', 'home'],
    ['?view=FORMS', 'home'],
    ['', 'home'],
    ['?lang=en-US&view=share', 'share'],
  ])('%j → %s', (q, v) => expect(viewFromQuery(q)).toBe(v));
});

describe('groupForms', () => {
  test('all forms in catalogue order, grouped', () => {
    const groups = groupForms(FORM_CATALOGUE, '');
    expect(groups.reduce((n, g) => n + g.forms.length, 0)).toBe(FORM_CATALOGUE.length);
    expect(groups.flatMap((g) => g.forms.map((f) => f.id))).toEqual(
      [...FORM_CATALOGUE].sort((a, b) => groups.findIndex((g) => g.group === a.group) - groups.findIndex((g) => g.group === b.group)).map((f) => f.id),
    );
  });
  test('search by title part and by number', () => {
    expect(groupForms(FORM_CATALOGUE, '登记').flatMap((g) => g.forms).every((f) => f.title.includes('登记') || (f.subgroup ?? '').includes('登记') || f.group.includes('登记'))).toBe(true);
    expect(groupForms(FORM_CATALOGUE, '试乘试驾').flatMap((g) => g.forms).length).toBeGreaterThanOrEqual(4);
    expect(groupForms(FORM_CATALOGUE, 'zzz-no-such-form')).toEqual([]);
  });
});

describe('required fields', () => {
  test('customers need an identifier and a reference date', () => {
    expect(isRequiredField('customers', 'vin')).toBe(true);
    expect(isRequiredField('customers', 'gender')).toBe(false);
    expect(unsatisfiedGroups('customers', { vin: '车架号' })).toEqual([['lastVisitDate', 'purchaseDate']]);
    expect(unsatisfiedGroups('customers', { plate: '车牌', purchaseDate: '购车日期' })).toEqual([]);
    expect(unsatisfiedGroups('calls', { callDate: 'x', phone: 'y' })).toEqual([['result']]);
  });
});

describe('describeError', () => {
  const t = translator('zh-CN');
  test('uses the catalogue key an error carries', () => {
    expect(describeError({ messageKey: 'settings.error.notDate' }, t)).toBe('必须是日期,格式 YYYY-MM-DD');
    expect(describeError({ key: 'ui.home.failed', message: 'x' }, t)).toBe('分析失败');
  });
  test('falls back to the message, then to a generic text, never a raw key', () => {
    expect(describeError(new Error('磁盘已满'), t)).toBe('磁盘已满');
    expect(describeError({ messageKey: 'no.such.key', message: '' }, t)).toBe(t('ui.error.unknown'));
    expect(describeError(null, t)).toBe(t('ui.error.unknown'));
  });
  test('names each field of a settings validation error', () => {
    expect(describeError({ errors: [{ field: 'warranty.km', message: 'settings.error.notPositiveNumber' }] }, t)).toBe('warranty.km: 必须是正数');
  });
  test('fills the parameters of a settings message (the accepted date range), never shows {earliest}', () => {
    const e = checkSettings({ analysisDate: '1980-01-01' });
    const text = describeError({ errors: e }, t);
    expect(text).toContain('analysisDate');
    expect(text).toContain('1990-01-01');
    expect(text).not.toMatch(/[{}]/);
  });
  test('recognises an abort', () => {
    expect(isAbortError(new DOMException('stop', 'AbortError'))).toBe(true);
    expect(isAbortError(new Error('x'))).toBe(false);
  });
});

describe('ui catalogue', () => {
  test('en-US has every ui key of zh-CN, and the zh-CN texts hold no raw English words', () => {
    const zh = catalogueKeys('zh-CN').filter((k) => k.startsWith('ui.'));
    const en = new Set(catalogueKeys('en-US'));
    expect(zh.filter((k) => !en.has(k))).toEqual([]);
    const tz = translator('zh-CN');
    // Allowed Latin in zh-CN: VIN, ChurnDesk, level letters, formats, units, the English language name.
    const english = zh.filter((k) => k !== 'ui.settings.language.en-US').map((k) => [k, tz(k).replace(/VIN|ChurnDesk|YYYY-MM|\b[HABCN]\b|\{\w+\}/g, '')] as const).filter(([, v]) => /[A-Za-z]{2,}/.test(v));
    expect(english).toEqual([]);
  });
});
