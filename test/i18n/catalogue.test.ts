import { catalogueKeys, localeFromDisplayLanguage, t } from '../../src/i18n';

describe('i18n catalogue', () => {
  it('has an en-US text for every zh-CN key, and no en-US key without a zh-CN one', () => {
    const zh = new Set(catalogueKeys('zh-CN'));
    const en = new Set(catalogueKeys('en-US'));
    expect([...zh].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('fills placeholders and shows unknown keys', () => {
    expect(t('zh-CN', 'settings.error.notRate')).toContain('0 到 1');
    expect(t('en-US', 'no.such.key')).toBe('no.such.key');
  });

  it('picks Chinese first from the display language', () => {
    expect(localeFromDisplayLanguage('zh-CN')).toBe('zh-CN');
    expect(localeFromDisplayLanguage('zh-TW')).toBe('zh-CN');
    expect(localeFromDisplayLanguage('en-GB')).toBe('en-US');
    expect(localeFromDisplayLanguage('fr-FR')).toBe('zh-CN');
    expect(localeFromDisplayLanguage(undefined)).toBe('zh-CN');
  });
});
