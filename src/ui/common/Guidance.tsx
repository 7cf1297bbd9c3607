import * as React from 'react';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CITATIONS, SOURCES, type CitationId } from '../../domain';

const useStyles = makeStyles({
  panel: {
    maxWidth: '48rem',
    marginTop: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1
  },
  summary: {
    cursor: 'pointer',
    minHeight: '24px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` }
  },
  body: { padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}` },
  quote: {
    margin: `${tokens.spacingVerticalXS} 0`,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`
  },
  flush: { margin: 0 }
});

/** The full title of a source toolkit from its short id (`NENC`), or the id itself if unknown. */
export const sourceTitle = (id: string): string => (id in SOURCES ? SOURCES[id as keyof typeof SOURCES].title : id);

/** Props for {@link GuidancePanel}. */
export type GuidancePanelProps = {
  /** What the panel is about, as a short question or heading ("What each level means"). */
  title: string;
  /** The lines of the toolkits the guidance comes from, quoted at the end. */
  citations?: readonly CitationId[];
  children?: React.ReactNode;
};

/**
 * Guidance shown where the lead makes the decision it informs: closed until asked for (a native
 * disclosure, so it works with the keyboard and screen readers without scripts), in plain
 * English, and ending with what the toolkit says, word for word, and which toolkit says it.
 */
export function GuidancePanel({ title, citations = [], children }: GuidancePanelProps): JSX.Element {
  const styles = useStyles();
  return (
    <details className={styles.panel}>
      <summary className={styles.summary}>{title}</summary>
      <div className={styles.body}>
        {children}
        {citations.length > 0 && <Quotes citations={citations} />}
      </div>
    </details>
  );
}

/** What the toolkits say, word for word, each with its source. */
export function Quotes({ citations }: { citations: readonly CitationId[] }): JSX.Element {
  const styles = useStyles();
  return (
    <>
      {[...new Set(citations)].map((id) => (
        <figure key={id} className={styles.quote}>
          <blockquote className={styles.flush}>“{CITATIONS[id].quote}”</blockquote>
          <Caption1 as="p" className={styles.flush}>
            <cite>{sourceTitle(CITATIONS[id].source)}</cite>
          </Caption1>
        </figure>
      ))}
    </>
  );
}
