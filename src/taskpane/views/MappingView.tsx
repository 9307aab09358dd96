/**
 * 列映射: for each detected sheet, every field of its kind with a drop-down of the sheet's headers
 * (required fields marked), a preview of the first rows, and 保存 → actions.saveMapping.
 */
import * as React from 'react';
import { Body1, Spinner } from '@fluentui/react-components';
import type { ChurnDeskActions, DetectionSummary } from '../../office/actions';
import { useT } from '../i18nContext';
import { Section } from '../components/Section';
import { ResultRegion, type Outcome } from '../components/ResultRegion';
import { describeError } from '../describeError';
import type { MappingRequest } from '../mappingRequest';
import { SheetMappingCard } from './SheetMappingCard';

/** `request`: the refusal that opened the view (a refresh stopped on a column): its message, and its sheet and field. */
export function MappingView(props: { actions: ChurnDeskActions; request?: MappingRequest }): React.ReactElement {
  const { actions, request } = props;
  const t = useT();
  const [detection, setDetection] = React.useState<DetectionSummary | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);

  React.useEffect(() => {
    let live = true;
    actions.detect().then(
      (d) => live && setDetection(d),
      (e: unknown) => live && setOutcome({ intent: 'error', title: t('ui.home.loadFailed'), message: describeError(e, t) }),
    );
    return () => {
      live = false;
    };
  }, [actions, t]);

  return (
    <>
      <Body1>{t('ui.mapping.intro')}</Body1>
      {request && <ResultRegion outcome={{ intent: 'error', title: t('ui.mapping.refused'), message: request.message }} testId="mapping-refusal" />}
      <ResultRegion outcome={outcome} />
      {!detection && !outcome && <Spinner size="tiny" label={t('ui.common.loading')} />}
      {detection && detection.sheets.length === 0 && (
        <Section title={t('ui.nav.mapping')}>
          <Body1>{t('ui.home.noSheets')}</Body1>
        </Section>
      )}
      {detection?.sheets.map((s) => <SheetMappingCard key={s.sheet} actions={actions} summary={s} focusField={request?.sheet === s.sheet ? request.field : undefined} />)}
    </>
  );
}
