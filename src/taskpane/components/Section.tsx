/** A titled white panel: the pane's one layout block, so every view looks alike. */
import * as React from 'react';
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  section: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  title: { margin: 0 },
  header: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function Section(props: { title: string; aside?: React.ReactNode; children: React.ReactNode; testId?: string }): React.ReactElement {
  const styles = useStyles();
  const id = React.useId();
  return (
    <section className={styles.section} aria-labelledby={id} data-testid={props.testId}>
      <div className={styles.header}>
        <Subtitle2 as="h2" id={id} className={styles.title}>
          {props.title}
        </Subtitle2>
        {props.aside}
      </div>
      {props.children}
    </section>
  );
}
