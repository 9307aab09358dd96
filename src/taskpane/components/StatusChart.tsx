/**
 * A small horizontal bar chart of vehicles per churn status, drawn with plain CSS (no chart library):
 * one row per status with its label, a bar proportional to the largest count, and the count and share.
 */
import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useT } from '../i18nContext';

/** The statuses in the order the analysis defines them (DOMAIN.md 流失状态). */
export const STATUS_ORDER = ['活跃', '准流失', '流失', '彻底流失', '数据异常'] as const;

const useStyles = makeStyles({
  chart: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr max-content',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: 'center',
  },
  label: { fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  track: {
    height: '14px',
    backgroundColor: tokens.colorNeutralBackground4,
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
  },
  bar: { height: '100%', borderRadius: tokens.borderRadiusSmall },
  value: { fontSize: tokens.fontSizeBase200, textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  活跃: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  准流失: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  流失: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  彻底流失: { backgroundColor: tokens.colorPaletteRedBackground3 },
  数据异常: { backgroundColor: tokens.colorNeutralStrokeAccessible },
  other: { backgroundColor: tokens.colorBrandBackground },
});

export interface StatusChartProps {
  /** Count per status label, as RunReport.statusCounts. */
  counts: Record<string, number>;
}

export function StatusChart({ counts }: StatusChartProps): React.ReactElement {
  const t = useT();
  const styles = useStyles();
  // Known statuses first in their order, then any other label the analysis reports.
  const labels: string[] = STATUS_ORDER.filter((s) => s in counts);
  for (const k of Object.keys(counts)) if (!(STATUS_ORDER as readonly string[]).includes(k)) labels.push(k);
  let max = 0;
  let total = 0;
  for (const k of labels) {
    max = Math.max(max, counts[k]);
    total += counts[k];
  }
  const summary = labels.map((k) => `${t(`ui.status.${k}`) === `ui.status.${k}` ? k : t(`ui.status.${k}`)} ${counts[k]}`).join(', ');
  return (
    <div className={styles.chart} role="img" aria-label={`${t('ui.home.chartLabel')}: ${summary}`} data-testid="status-chart">
      {labels.map((k) => {
        const n = counts[k];
        const known = (STATUS_ORDER as readonly string[]).includes(k);
        const colour = known ? styles[k as (typeof STATUS_ORDER)[number]] : styles.other;
        const label = t(`ui.status.${k}`) === `ui.status.${k}` ? k : t(`ui.status.${k}`);
        const share = total > 0 ? Math.round((n / total) * 1000) / 10 : 0;
        return (
          <React.Fragment key={k}>
            <span className={styles.label} aria-hidden>
              {label}
            </span>
            <div className={styles.track} aria-hidden>
              <div className={mergeClasses(styles.bar, colour)} style={{ width: `${max > 0 ? (n / max) * 100 : 0}%` }} />
            </div>
            <span className={styles.value} aria-hidden data-testid={`status-count-${k}`} data-count={n}>
              {n.toLocaleString()} ({share}%)
            </span>
          </React.Fragment>
        );
      })}
    </div>
  );
}
