import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

// Tables and status badges for the first screens ("My plans", the team's queue): HTML's own
// table elements and a span, styled with Fluent UI's tokens so they look like Fluent UI's Table
// and tinted Badge (and follow the Teams themes and forced colours), without those components'
// code in the first chunk. Same names and the props these screens use.

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'auto' },
  row: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover }
  },
  headerRow: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  cell: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    textAlign: 'left',
    verticalAlign: 'middle',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1
  },
  headerCell: { fontWeight: tokens.fontWeightSemibold },
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    minHeight: '20px',
    borderRadius: tokens.borderRadiusCircular,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: 'nowrap'
  },
  brand: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`
  },
  warning: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    color: tokens.colorPaletteDarkOrangeForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder1}`
  },
  warningFilled: {
    // As Fluent UI's filled warning badge.
    backgroundColor: tokens.colorStatusWarningBackground3,
    color: tokens.colorNeutralForeground1Static,
    border: `${tokens.strokeWidthThin} solid transparent`
  },
  informative: {
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`
  }
});

type Children = { children?: React.ReactNode };

/** True inside `TableHeader`. */
const RowContext = React.createContext(false);

/** A data table (a `<table>`), named by `aria-label`. */
export function Table({ children, ...rest }: Children & { 'aria-label': string }): JSX.Element {
  return (
    <table className={useStyles().table} {...rest}>
      {children}
    </table>
  );
}

/** The table's header rows. */
export function TableHeader({ children }: Children): JSX.Element {
  return (
    <thead>
      <RowContext.Provider value>{children}</RowContext.Provider>
    </thead>
  );
}

/** The table's body rows. */
export function TableBody({ children }: Children): JSX.Element {
  return <tbody>{children}</tbody>;
}

/** A row; inside `TableHeader` it has the header's rule and no hover. */
export function TableRow({ children }: Children): JSX.Element {
  const styles = useStyles();
  const header = React.useContext(RowContext);
  return <tr className={header ? styles.headerRow : styles.row}>{children}</tr>;
}

/** A column header (`<th scope="col">`). */
export function TableHeaderCell({ children }: Children): JSX.Element {
  const styles = useStyles();
  return (
    <th scope="col" className={mergeClasses(styles.cell, styles.headerCell)}>
      {children}
    </th>
  );
}

/** A data cell. */
export function TableCell({ children }: Children): JSX.Element {
  return <td className={useStyles().cell}>{children}</td>;
}

/** A badge, as Fluent UI's `<Badge appearance="tint">` (or `"filled"`, for a warning). */
export function Badge({
  children,
  appearance = 'tint',
  color = 'brand'
}: Children & { appearance?: 'tint' | 'filled'; color?: 'brand' | 'warning' | 'informative' }): JSX.Element {
  const styles = useStyles();
  const look = appearance === 'filled' && color === 'warning' ? styles.warningFilled : styles[color];
  return <span className={mergeClasses(styles.badge, look)}>{children}</span>;
}
