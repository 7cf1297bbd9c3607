import * as React from 'react';
import { makeStyles, tokens, Caption1 } from '@fluentui/react-components';
import { daysBetween, guideStep, type PlannedStep } from '../../domain';
import { formatDate } from '../common/format';

const useStyles = makeStyles({
  chart: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, 16rem) 1fr',
    rowGap: tokens.spacingVerticalXXS,
    columnGap: tokens.spacingHorizontalS,
    maxWidth: '60rem',
    marginBottom: tokens.spacingVerticalL
  },
  track: {
    position: 'relative',
    height: '1.25rem',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall
  },
  bar: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
    minWidth: '3px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`
  },
  label: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }
});

/** Props for {@link TimelineChart}. */
export type TimelineChartProps = { steps: readonly PlannedStep[] };

/**
 * A Gantt-style picture of the planned steps, read at a glance. It is a picture only: the same
 * dates are in the table below it, which screen readers use.
 */
export function TimelineChart({ steps }: TimelineChartProps): JSX.Element | null {
  const styles = useStyles();
  const dated = steps.filter((s) => !s.skipped && s.start && s.end && s.end >= s.start);
  if (dated.length === 0) return null;
  const first = dated.map((s) => s.start).sort()[0];
  const last = dated
    .map((s) => s.end)
    .sort()
    .reverse()[0];
  const span = Math.max(1, daysBetween(first, last));
  return (
    <figure
      role="img"
      aria-label={`Timeline chart from ${formatDate(first)} to ${formatDate(last)}. The same dates are in the table below.`}
      style={{ margin: 0 }}
    >
      <div className={styles.chart} aria-hidden="true">
        {dated.map((s) => (
          <React.Fragment key={s.step}>
            <Caption1 className={styles.label}>
              {s.step}. {guideStep(s.step).title}
            </Caption1>
            <div className={styles.track}>
              <div
                className={styles.bar}
                style={{ left: `${(daysBetween(first, s.start) / span) * 100}%`, width: `${(daysBetween(s.start, s.end) / span) * 100}%` }}
              />
            </div>
          </React.Fragment>
        ))}
      </div>
      <Caption1>
        {formatDate(first)} to {formatDate(last)}
      </Caption1>
    </figure>
  );
}
