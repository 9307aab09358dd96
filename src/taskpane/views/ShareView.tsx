/**
 * 分享: explains what the share-safe workbook masks (phones 138****5678, names 王** …), makes it with
 * actions.shareSafeCopy (a new workbook opens in Excel), and says how many cells were masked.
 */
import * as React from 'react';
import { Body1, Button, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { ChurnDeskActions, Progress } from '../../office/actions';
import { translateOr, useT } from '../i18nContext';
import { Section } from '../components/Section';
import { ResultRegion, type Outcome } from '../components/ResultRegion';
import { describeError } from '../describeError';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  example: { fontFamily: tokens.fontFamilyMonospace, backgroundColor: tokens.colorNeutralBackground3, paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
});

export function ShareView(props: { actions: ChurnDeskActions }): React.ReactElement {
  const t = useT();
  const styles = useStyles();
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);

  const run = async () => {
    setOutcome(null);
    setProgress({ step: 'ui.share.working', fraction: 0 });
    try {
      const result = await props.actions.shareSafeCopy({ onProgress: setProgress });
      setOutcome({
        intent: 'success',
        title: t('ui.share.done', { sheets: result.sheets, cells: result.maskedCells }),
        message: '',
      });
    } catch (e) {
      setOutcome({ intent: 'error', title: t('ui.share.failed'), message: describeError(e, t) });
    } finally {
      setProgress(null);
    }
  };

  return (
    <Section title={t('ui.share.title')}>
      <Body1>{t('ui.share.intro')}</Body1>
      <ul className={styles.list}>
        <li>
          <Body1>
            {t('ui.share.phones')} <span className={styles.example}>13812345678 → 138****5678</span>
          </Body1>
        </li>
        <li>
          <Body1>
            {t('ui.share.names')} <span className={styles.example}>王小明 → 王**</span>
          </Body1>
        </li>
        <li>
          <Body1>{t('ui.share.kept')}</Body1>
        </li>
        <li>
          <Body1>{t('ui.share.original')}</Body1>
        </li>
      </ul>
      <Button appearance="primary" onClick={() => void run()} disabled={progress !== null} data-testid="share-run">
        {t('ui.share.run')}
      </Button>
      {progress && (
        <>
          <ProgressBar value={progress.fraction > 0 ? progress.fraction : undefined} aria-label={t('ui.home.progress')} />
          <Body1>{translateOr(t, progress.step, 'ui.share.working')}</Body1>
        </>
      )}
      <ResultRegion outcome={outcome} testId="share-result" />
    </Section>
  );
}
