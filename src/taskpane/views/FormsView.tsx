/**
 * 表格: the dealer form pack by group, searchable, with checkboxes for one form / a group / all,
 * a switch between blank forms and forms filled from the workbook's data, the period of the filled forms (全部数据 or
 * one month), and 生成 → actions.generateForms.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  SearchBox,
  Switch,
  makeStyles,
  tokens,
  type CheckboxProps,
} from '@fluentui/react-components';
import type { ChurnDeskActions } from '../../office/actions';
import { useT } from '../i18nContext';
import { ResultRegion, type Outcome } from '../components/ResultRegion';
import { describeError } from '../describeError';
import { groupForms, type FormCatalogueEntry } from '../formCatalogue';
import { periodChoice, type PeriodMode } from '../formPeriod';

const useStyles = makeStyles({
  accordion: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, boxShadow: tokens.shadow2 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  subgroup: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, paddingLeft: tokens.spacingHorizontalS },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
  groupHeader: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  // Mode, generate and the result sit above the 58-form list, so they are reachable without scrolling.
  top: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

function checkState(selected: ReadonlySet<string>, ids: readonly string[]): CheckboxProps['checked'] {
  let n = 0;
  for (const id of ids) if (selected.has(id)) n++;
  return n === 0 ? false : n === ids.length ? true : 'mixed';
}

export function FormsView(props: { actions: ChurnDeskActions; forms: readonly FormCatalogueEntry[] }): React.ReactElement {
  const { actions, forms } = props;
  const t = useT();
  const styles = useStyles();
  const [query, setQuery] = React.useState('');
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [filled, setFilled] = React.useState(true);
  const [periodMode, setPeriodMode] = React.useState<PeriodMode>('all');
  const [monthText, setMonthText] = React.useState('');
  const period = periodChoice(periodMode, monthText);
  const [running, setRunning] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);

  const groups = React.useMemo(() => groupForms(forms, query), [forms, query]);
  const allIds = React.useMemo(() => forms.map((f) => f.id), [forms]);

  const toggle = (ids: readonly string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const generate = async () => {
    setRunning(true);
    setOutcome(null);
    try {
      // Catalogue order, not click order, so the sheets appear as the pack lists them.
      const ids = allIds.filter((id) => selected.has(id));
      // Blank forms hold no rows, so their period is the default (the analysis month in the header).
      const result = filled && period.ok ? await actions.generateForms(ids, filled, { period: period.period }) : await actions.generateForms(ids, filled);
      setOutcome({
        intent: 'success',
        title: t('ui.forms.done', { n: result.sheets.length }),
        message: result.sheets.join(t('ui.common.listSeparator')),
      });
    } catch (e) {
      setOutcome({ intent: 'error', title: t('ui.forms.failed'), message: describeError(e, t) });
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <Field label={t('ui.forms.search')} size="small">
        <SearchBox value={query} onChange={(_e, d) => setQuery(d.value)} placeholder={t('ui.forms.searchPlaceholder')} data-testid="forms-search" />
      </Field>
      <div className={styles.top}>
        <Field label={t('ui.forms.mode')} hint={filled ? t('ui.forms.filledHint') : t('ui.forms.blankHint')} size="small">
          <Switch checked={filled} onChange={(_e, d) => setFilled(d.checked)} label={filled ? t('ui.forms.filled') : t('ui.forms.blank')} data-testid="forms-filled" />
        </Field>
        {filled && (
          <Field label={t('forms.period.label')} hint={periodMode === 'all' ? t('forms.period.allHint') : t('forms.period.monthHint')} size="small">
            <RadioGroup layout="horizontal" value={periodMode} onChange={(_e, d) => setPeriodMode(d.value === 'month' ? 'month' : 'all')} data-testid="forms-period">
              <Radio value="all" label={t('forms.period.all')} data-testid="forms-period-all" />
              <Radio value="month" label={t('forms.period.month')} data-testid="forms-period-month" />
            </RadioGroup>
          </Field>
        )}
        {filled && periodMode === 'month' && (
          <Field
            label={t('forms.period.monthLabel')}
            size="small"
            validationState={!period.ok && period.error ? 'error' : 'none'}
            validationMessage={!period.ok && period.error ? t(period.error.key, period.error.params) : undefined}
          >
            <Input value={monthText} onChange={(_e, d) => setMonthText(d.value)} placeholder="2026-10" data-testid="forms-period-text" />
          </Field>
        )}
        <ResultRegion outcome={outcome} testId="forms-result" />
        <Button appearance="primary" disabled={running || selected.size === 0 || (filled && !period.ok)} onClick={() => void generate()} data-testid="forms-generate">
          {running ? t('ui.forms.generating') : t('ui.forms.generate', { n: selected.size })}
        </Button>
      </div>
      <Checkbox
        checked={checkState(selected, allIds)}
        onChange={(_e, d) => toggle(allIds, d.checked === true)}
        label={t('ui.forms.all', { n: allIds.length })}
        data-testid="forms-all"
      />
      {groups.length === 0 ? (
        <Body1>{t('ui.forms.noMatch')}</Body1>
      ) : (
        <Accordion multiple collapsible className={styles.accordion} defaultOpenItems={groups.map((g) => g.group)}>
          {groups.map((g) => {
            const ids = g.forms.map((f) => f.id);
            let lastSubgroup: string | undefined;
            return (
              <AccordionItem key={g.group} value={g.group}>
                <div className={styles.groupHeader}>
                  <Checkbox
                    checked={checkState(selected, ids)}
                    onChange={(_e, d) => toggle(ids, d.checked === true)}
                    aria-label={t('ui.forms.selectGroup', { group: g.group })}
                    data-testid={`forms-group-${g.group}`}
                  />
                  <AccordionHeader as="h2" size="medium" className={styles.groupTitle}>
                    {g.group} ({g.forms.length})
                  </AccordionHeader>
                </div>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {g.forms.map((f) => {
                      const showSub = f.subgroup && f.subgroup !== lastSubgroup;
                      lastSubgroup = f.subgroup;
                      return (
                        <li key={f.id}>
                          {showSub && <div className={styles.subgroup}>{f.subgroup}</div>}
                          <Checkbox
                            checked={selected.has(f.id)}
                            onChange={(_e, d) => toggle([f.id], d.checked === true)}
                            label={`${f.number}. ${f.title}`}
                            data-testid={`form-${f.id}`}
                          />
                        </li>
                      );
                    })}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
    </>
  );
}
