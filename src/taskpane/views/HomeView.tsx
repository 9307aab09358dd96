/**
 * 首页: the sheets found and how their columns were mapped, the last run's key figures with a status chart,
 * and the 刷新分析 button with progress, the current step and cancel.
 */
import * as React from 'react';
import {
  Body1,
  Button,
  Caption1,
  Link,
  ProgressBar,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { ChurnDeskActions, DetectionSummary, Progress, RunSummary } from '../../office/actions';
import type { Field } from '../../core/sheets/types';
import { translateOr, useT, type Translate } from '../i18nContext';
import { Section } from '../components/Section';
import { StatusChart, STATUS_ORDER } from '../components/StatusChart';
import { ResultRegion, type Outcome } from '../components/ResultRegion';
import { describeError, isAbortError } from '../describeError';
import { unsatisfiedGroups } from '../sheetFields';
import { suggestedDateText } from '../suggestedDate';
import { mappingRequestOf, type MappingRequest } from '../mappingRequest';

const useStyles = makeStyles({
  sheetList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  sheet: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  sheetMissing: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  missing: { color: tokens.colorPaletteRedForeground1 },
  mapped: { color: tokens.colorNeutralForeground3, wordBreak: 'break-word' },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS },
  figure: {
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
  },
  figureValue: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  over: { color: tokens.colorPaletteRedForeground1 },
  under: { color: tokens.colorPaletteGreenForeground1 },
  run: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  runButtons: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  refresh: { flexGrow: 1 },
});

/** Figures shown as tiles after vehicles and churn rate, when the run reported them (src/core/analyse.ts figures). */
const EXTRA_FIGURES = [
  { key: 'needWinBack', label: 'ui.home.needWinBack' },
  { key: 'winBackToCall', label: 'ui.home.winBackToCall' },
  { key: 'recordsToUpdate', label: 'ui.home.recordsToUpdate' },
  { key: 'unreadableCells', label: 'ui.home.unreadable' },
] as const;

/** Reasons a sheet is left out that need no attention (ChurnDesk's own output and settings). */
const EXPECTED_IGNORED = new Set(['ownedByChurnDesk', 'stateSheet']);

/** Figures of the last run: from a refresh now, or from the workbook's stored state. */
interface Figures {
  figures: Record<string, number>;
  statusCounts: Record<string, number>;
}

/** The current step's text: the adapter's own key, else the core's step name ('detect', 'aftersales' …), else a generic text. */
function stepText(t: Translate, step: string): string {
  const own = t(step);
  if (own !== step) return own;
  return translateOr(t, `ui.step.${step.split('.').pop() ?? ''}`, 'ui.home.working');
}

function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Status counts from a stored run's figures, when it recorded them under the status labels. */
function countsFromFigures(figures: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of STATUS_ORDER) if (typeof figures[s] === 'number') out[s] = figures[s];
  return out;
}

export function HomeView(props: { actions: ChurnDeskActions; onOpenMapping: (request?: MappingRequest) => void }): React.ReactElement {
  const { actions } = props;
  const t = useT();
  const styles = useStyles();
  const [detection, setDetection] = React.useState<DetectionSummary | null>(null);
  const [figures, setFigures] = React.useState<Figures | null>(null);
  const [settingsTarget, setSettingsTarget] = React.useState<number | null>(null);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const abortRef = React.useRef<AbortController | null>(null);

  const load = React.useCallback(async () => {
    try {
      const [found, last, settings] = await Promise.all([actions.detect(), actions.lastRun(), actions.loadSettings()]);
      setDetection(found);
      setSettingsTarget(settings.targetChurnRate);
      if (last) setFigures((prev) => prev ?? { figures: last, statusCounts: countsFromFigures(last) });
    } catch (e) {
      setOutcome({ intent: 'error', title: t('ui.home.loadFailed'), message: describeError(e, t) });
    }
  }, [actions, t]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const refresh = async () => {
    const controller = new AbortController();
    abortRef.current = controller;
    setOutcome(null);
    setProgress({ step: 'ui.home.starting', fraction: 0 });
    try {
      const result: RunSummary = await actions.analyse({ onProgress: setProgress, signal: controller.signal });
      setFigures({ figures: result.report.figures, statusCounts: result.report.statusCounts });
      const seconds = Math.round(result.durationMs / 100) / 10;
      setOutcome({
        intent: result.report.issues.length > 0 || result.report.warnings.length > 0 ? 'warning' : 'success',
        title: t('ui.home.done'),
        message: [
          t('ui.home.doneDetail', { sheets: result.sheetsWritten.length, seconds }),
          result.report.issues.length > 0 ? t('ui.home.issues', { n: result.report.issues.length }) : '',
          // Keyed warnings in the pane's own language; plain text (older plans) as it came.
          ...(result.report.warningMessages?.map((m) => t(m.key, m.params)) ?? result.report.warnings),
          // The date the workbook's title names (截至2026年10月31日), offered when the run used another one.
          suggestedDateText(result.report, t),
        ]
          .filter(Boolean)
          .join(' '),
      });
    } catch (e) {
      // Nothing was written: a column the figures depend on is missing, unsure or read wrong (calls that match no
      // vehicle). 列映射 opens on that sheet and field, with the refusal's message.
      if ((e as { code?: unknown } | null)?.code === 'needsMapping') {
        props.onOpenMapping(mappingRequestOf(e, t));
        return;
      }
      setOutcome(
        isAbortError(e) || controller.signal.aborted
          ? { intent: 'info', message: t('ui.home.cancelled') }
          : { intent: 'error', title: t('ui.home.failed'), message: describeError(e, t) },
      );
    } finally {
      abortRef.current = null;
      setProgress(null);
    }
    // The run may have changed what is detected (new ChurnDesk sheets, owned columns): show it as it is now.
    try {
      setDetection(await actions.detect());
    } catch {
      // The run's own outcome is already shown; a failed re-read keeps the previous list.
    }
  };

  const running = progress !== null;
  const churnRate = figures?.figures.churnRate;
  // The run's own target when it reported one (the settings may have changed since).
  const target = figures?.figures.targetChurnRate ?? settingsTarget;
  const fieldLabel = (f: Field) => t(`ui.field.${f}`);
  /** The unmet rules as "最后进站日期或购车日期", one per rule; the flat list when the rules say nothing is missing. */
  const missingText = (s: DetectionSummary['sheets'][number]): string => {
    const groups = unsatisfiedGroups(s.kind, s.mapping);
    const parts = groups.length > 0 ? groups.map((g) => g.map(fieldLabel).join(t('ui.common.or'))) : s.missingRequired.map(fieldLabel);
    return parts.join(t('ui.common.listSeparator'));
  };

  return (
    <>
      <Section title={t('ui.home.run')}>
        <div className={styles.run}>
          <div className={styles.runButtons}>
            <Button appearance="primary" size="large" className={styles.refresh} onClick={() => void refresh()} disabled={running} data-testid="refresh">
              {t('ui.home.refresh')}
            </Button>
            {running && (
              <Button size="large" onClick={() => abortRef.current?.abort()} data-testid="cancel">
                {t('ui.common.cancel')}
              </Button>
            )}
          </div>
          {running && (
            <>
              <ProgressBar value={progress.fraction > 0 ? progress.fraction : undefined} thickness="large" aria-label={t('ui.home.progress')} />
              <Caption1 data-testid="step" data-step={progress.step} data-fraction={progress.fraction}>
                {stepText(t, progress.step)}
              </Caption1>
            </>
          )}
          <ResultRegion outcome={outcome} testId="home-result" />
        </div>
      </Section>

      <Section title={t('ui.home.figures')} testId="figures">
        {figures ? (
          <>
            <div className={styles.figures}>
              <div className={styles.figure}>
                <Caption1>{t('ui.home.vehicles')}</Caption1>
                <span className={styles.figureValue} data-testid="fig-vehicles">
                  {(figures.figures.vehicles ?? 0).toLocaleString()}
                </span>
              </div>
              <div className={styles.figure}>
                <Caption1>{t('ui.home.churnRate')}</Caption1>
                <span
                  className={mergeClasses(styles.figureValue, churnRate !== undefined && target !== null && (churnRate > target ? styles.over : styles.under))}
                  data-testid="fig-churnRate"
                >
                  {churnRate !== undefined ? percent(churnRate) : '—'}
                </span>
                {target !== null && <Caption1>{t('ui.home.target', { rate: percent(target) })}</Caption1>}
              </div>
              {EXTRA_FIGURES.filter((f) => typeof figures.figures[f.key] === 'number').map((f) => (
                <div className={styles.figure} key={f.key}>
                  <Caption1>{t(f.label)}</Caption1>
                  <span className={styles.figureValue} data-testid={`fig-${f.key}`}>
                    {figures.figures[f.key].toLocaleString()}
                  </span>
                </div>
              ))}
            </div>
            {Object.keys(figures.statusCounts).length > 0 && <StatusChart counts={figures.statusCounts} />}
          </>
        ) : (
          <Body1>{t('ui.home.noRun')}</Body1>
        )}
      </Section>

      <Section title={t('ui.home.sheets')} testId="sheets">
        {!detection ? (
          <Spinner size="tiny" label={t('ui.common.loading')} />
        ) : detection.sheets.length === 0 ? (
          <Body1>{t('ui.home.noSheets')}</Body1>
        ) : (
          <ul className={styles.sheetList}>
            {detection.sheets.map((s) => (
              <li key={s.sheet} className={mergeClasses(styles.sheet, s.missingRequired.length > 0 && styles.sheetMissing)} data-testid={`sheet-${s.sheet}`}>
                <Text weight="semibold">
                  {s.sheet} · {t(`ui.kind.${s.kind}`)}
                </Text>
                <Caption1>
                  {t('ui.home.headerRow', { row: s.headerRow + 1 })} · {t('ui.home.dataRows', { n: s.dataRowCount })}
                </Caption1>
                <Caption1 className={styles.mapped}>
                  {t('ui.home.mapped', { n: Object.keys(s.mapping).length })}
                  {Object.entries(s.mapping)
                    .map(([f, h]) => (fieldLabel(f as Field) === h ? h : `${fieldLabel(f as Field)} ← ${h}`))
                    .join(t('ui.common.listSeparator'))}
                </Caption1>
                {s.missingRequired.length > 0 && (
                  <Caption1 className={styles.missing} data-testid="missing">
                    {t('ui.home.missing', { fields: missingText(s) })}{' '}
                    <Link onClick={() => props.onOpenMapping()}>{t('ui.home.fixMapping')}</Link>
                  </Caption1>
                )}
              </li>
            ))}
          </ul>
        )}
        {detection && detection.ignored.some((i) => !EXPECTED_IGNORED.has(i.reason)) && (
          <Caption1>
            {t('ui.home.ignored', {
              sheets: detection.ignored.filter((i) => !EXPECTED_IGNORED.has(i.reason)).map((i) => `${i.sheet}(${translateOr(t, `input.ignored.${i.reason}`, 'ui.ignored.other')})`).join(t('ui.common.listSeparator')),
            })}
          </Caption1>
        )}
      </Section>
    </>
  );
}
