/**
 * Shows an action's outcome and announces it to screen readers (Fluent's useAnnounce, backed by the
 * AriaLiveAnnouncer in App), so a result is both visible and heard.
 */
import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, useAnnounce } from '@fluentui/react-components';

export interface Outcome {
  intent: 'success' | 'error' | 'warning' | 'info';
  title?: string;
  message: string;
}

export function ResultRegion(props: { outcome: Outcome | null; testId?: string }): React.ReactElement | null {
  const { announce } = useAnnounce();
  const { outcome } = props;
  React.useEffect(() => {
    if (outcome) announce([outcome.title, outcome.message].filter(Boolean).join(': '), { polite: outcome.intent !== 'error' });
  }, [outcome, announce]);
  if (!outcome) return null;
  return (
    <MessageBar intent={outcome.intent} data-testid={props.testId ?? 'result'} layout="multiline">
      <MessageBarBody>
        {outcome.title && <MessageBarTitle>{outcome.title}</MessageBarTitle>}
        <span data-testid="result-message">{outcome.message}</span>
      </MessageBarBody>
    </MessageBar>
  );
}
