import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { DocBlock, PlanDocument } from './documentModel';

const useStyles = makeStyles({
  page: { fontFamily: 'Arial, sans-serif', maxWidth: '50rem', lineHeight: 1.5, color: tokens.colorNeutralForeground1 },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    marginBottom: tokens.spacingVerticalM,
    '& th, & td': { border: `1px solid ${tokens.colorNeutralStroke1}`, padding: '4px 8px', textAlign: 'left', verticalAlign: 'top' }
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, '@media print': { display: 'none' } }
});

function Block({ block }: { block: DocBlock }): JSX.Element {
  const styles = useStyles();
  switch (block.kind) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'bullets':
      return (
        <ul>
          {block.items.map((t, i) => (
            <li key={i}>{t}</li>
          ))}
        </ul>
      );
    case 'facts':
      return (
        <table className={styles.table}>
          <tbody>
            {block.rows.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'table':
      return (
        <table className={styles.table}>
          <thead>
            <tr>
              {block.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((r, i) => (
              <tr key={i}>
                {r.map((v, j) => (
                  <td key={j}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

/** A plan document on screen (the print view and the team's read-only view share it). */
export function DocumentView({ doc, headingLevel = 2 }: { doc: PlanDocument; headingLevel?: 2 | 3 }): JSX.Element {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const S = headingLevel === 2 ? 'h3' : 'h4';
  const Sub = headingLevel === 2 ? 'h4' : 'h5';
  return (
    <section aria-label={doc.title}>
      <H>{doc.title}</H>
      <p>{doc.subtitle}</p>
      {doc.sections.map((s) => (
        <section key={s.heading}>
          {s.level === 2 ? <S>{s.heading}</S> : <Sub>{s.heading}</Sub>}
          {s.blocks.map((b, i) => (
            <Block key={i} block={b} />
          ))}
        </section>
      ))}
    </section>
  );
}

/** Props for {@link PrintView}. */
export type PrintViewProps = { documents: PlanDocument[]; onClose(): void };

/** The plan as plain pages for printing (the same content as the Word files). */
export function PrintView({ documents, onClose }: PrintViewProps): JSX.Element {
  const styles = useStyles();
  return (
    <article className={styles.page}>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => window.print()}>
          Print
        </Button>
        <Button onClick={onClose}>Back to the plan</Button>
      </div>
      {documents.map((doc) => (
        <DocumentView key={doc.title} doc={doc} />
      ))}
    </article>
  );
}
