/**
 * 设置: every setting, each box validated as the user types with the core's checkSettings (the error shows on
 * the box the error's field names), and 保存 → actions.saveSettings.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  Select,
  Spinner,
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ChurnDeskActions } from '../../office/actions';
import { checkSettings, type SettingsError } from '../../core/settings/settings';
import { useT, type Translate } from '../i18nContext';
import { ResultRegion, type Outcome } from '../components/ResultRegion';
import { describeError } from '../describeError';
import {
  SETTING_SECTIONS,
  errorsByInput,
  formToSettings,
  settingsToForm,
  type SettingInput,
  type SettingsFormValues,
} from '../settingsForm';

const useStyles = makeStyles({
  panel: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
    paddingBottom: tokens.spacingVerticalM,
  },
  wide: { gridColumn: '1 / -1' },
  unit: { whiteSpace: 'nowrap' },
  // Inputs fill their grid cell instead of keeping Fluent's intrinsic width, so a unit never pushes them out.
  input: { width: '100%', minWidth: 0 },
  inputEl: { minWidth: 0, width: '100%' },
  accordion: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, boxShadow: tokens.shadow2 },
  footer: {
    position: 'sticky',
    bottom: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
});

/** The message of an error on a box; percent boxes say "0–100 %" since the user types a percentage, not a rate. */
function errorText(t: Translate, input: SettingInput | undefined, errors: SettingsError[]): string {
  return errors
    .map((e) => (input?.kind === 'percent' && e.message === 'settings.error.notRate' ? t('ui.settings.error.notPercent') : t(e.message, e.params)))
    .join(' ');
}

function unitOf(input: SettingInput): string | undefined {
  if (input.kind === 'percent') return '%';
  if (input.path.endsWith('Months')) return 'ui.unit.months';
  if (input.path === 'warranty.km') return 'ui.unit.km';
  if (input.path.startsWith('sales.levelIntervalDays') || input.path === 'sales.dueSoonDays') return 'ui.unit.days';
  if (input.path === 'priority.easyWinBackMaxAgeYears') return 'ui.unit.years';
  return undefined;
}

export function SettingsView(props: { actions: ChurnDeskActions }): React.ReactElement {
  const { actions } = props;
  const t = useT();
  const styles = useStyles();
  const [form, setForm] = React.useState<SettingsFormValues | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const [saving, setSaving] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    actions.loadSettings().then(
      (s) => live && setForm(settingsToForm(s)),
      (e: unknown) => live && setOutcome({ intent: 'error', title: t('ui.home.loadFailed'), message: describeError(e, t) }),
    );
    return () => {
      live = false;
    };
  }, [actions, t]);

  // Validated on every keystroke with the same function the save uses, so what is shown is what would be rejected.
  const errors = React.useMemo(() => (form ? errorsByInput(checkSettings(formToSettings(form))) : {}), [form]);
  const hasErrors = Object.keys(errors).length > 0;
  const generalError = errors[''];
  const generalOutcome = React.useMemo<Outcome | null>(
    () => (generalError ? { intent: 'error', message: errorText(t, undefined, generalError) } : null),
    [generalError, t],
  );

  if (!form) return outcome ? <ResultRegion outcome={outcome} /> : <Spinner size="tiny" label={t('ui.common.loading')} />;

  const set = (path: string, value: string | boolean) => {
    setOutcome(null);
    setForm((f) => ({ ...(f ?? {}), [path]: value }));
  };

  const save = async () => {
    setSaving(true);
    try {
      const saved = await actions.saveSettings(formToSettings(form));
      setForm(settingsToForm(saved));
      setOutcome({ intent: 'success', message: t('ui.settings.saved') });
    } catch (e) {
      setOutcome({ intent: 'error', title: t('ui.settings.saveFailed'), message: describeError(e, t) });
    } finally {
      setSaving(false);
    }
  };

  const renderInput = (input: SettingInput) => {
    const errs = errors[input.path];
    const message = errs ? errorText(t, input, errs) : undefined;
    const value = form[input.path];
    const text = typeof value === 'string' ? value : '';
    const unit = unitOf(input);
    const common = {
      label: t(input.label),
      hint: input.hint ? t(input.hint) : undefined,
      validationState: message ? ('error' as const) : ('none' as const),
      validationMessage: message,
      size: 'small' as const,
      'data-testid': `setting-${input.path}`,
    };
    switch (input.kind) {
      case 'bool':
        return (
          <Field key={input.path} {...common} className={styles.wide}>
            <Switch checked={value === true} onChange={(_e, d) => set(input.path, d.checked)} label={value === true ? t('ui.common.yes') : t('ui.common.no')} />
          </Field>
        );
      case 'language':
        return (
          <Field key={input.path} {...common}>
            <Select value={text} onChange={(_e, d) => set(input.path, d.value)} size="small">
              <option value="zh-CN">{t('ui.settings.language.zh-CN')}</option>
              <option value="en-US">{t('ui.settings.language.en-US')}</option>
            </Select>
          </Field>
        );
      case 'monthMap':
        return (
          <Field key={input.path} {...common} className={styles.wide}>
            <Textarea value={text} onChange={(_e, d) => set(input.path, d.value)} resize="vertical" placeholder="2026-10: 120" />
          </Field>
        );
      default: {
        const wide = input.kind === 'list' && input.path === 'localRegions';
        return (
          <Field key={input.path} {...common} className={wide || input.kind === 'text' ? styles.wide : undefined}>
            <Input
              value={text}
              type="text"
              placeholder={input.kind === 'date' ? 'YYYY-MM-DD' : undefined}
              inputMode={input.kind === 'integer' ? 'numeric' : input.kind === 'number' || input.kind === 'percent' ? 'decimal' : undefined}
              onChange={(_e, d) => set(input.path, d.value)}
              contentAfter={unit ? <span className={styles.unit}>{unit === '%' ? '%' : t(unit)}</span> : undefined}
              size="small"
              className={styles.input}
              input={{ className: styles.inputEl }}
            />
          </Field>
        );
      }
    }
  };

  return (
    <>
      <Accordion multiple collapsible defaultOpenItems={['0', '1']} className={styles.accordion}>
        {SETTING_SECTIONS.map((section, i) => {
          const sectionHasError = section.inputs.some((inp) => errors[inp.path]);
          return (
            <AccordionItem key={section.title} value={String(i)}>
              <AccordionHeader as="h2" size="small" data-testid={`settings-section-${i}`}>
                {t(section.title)}
                {sectionHasError ? ` ⚠` : ''}
              </AccordionHeader>
              <AccordionPanel>
                <div className={styles.panel}>{section.inputs.map(renderInput)}</div>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
      <div className={styles.footer}>
        <ResultRegion outcome={generalOutcome} testId="settings-general-error" />
        <ResultRegion outcome={outcome} testId="settings-result" />
        <Button appearance="primary" onClick={() => void save()} disabled={saving || hasErrors} data-testid="save-settings">
          {hasErrors ? t('ui.settings.fixErrors') : t('ui.common.save')}
        </Button>
      </div>
    </>
  );
}
