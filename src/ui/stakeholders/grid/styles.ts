import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** The grid's layout: boxes, chips, the drag ghost and the reason form. */
export const useGridStyles = makeStyles({
  help: { maxWidth: '48rem' },
  axes: { display: 'grid', gridTemplateColumns: '2rem 1fr', gap: tokens.spacingHorizontalS, alignItems: 'stretch' },
  yAxis: { writingMode: 'vertical-rl', transform: 'rotate(180deg)', textAlign: 'center', ...typographyStyles.body1Strong },
  xAxis: { gridColumnStart: 2, textAlign: 'center', ...typographyStyles.body1Strong },
  grid: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    gap: tokens.spacingHorizontalS,
    '@media (max-width: 600px)': { gridTemplateColumns: '1fr' }
  },
  box: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: '10rem'
  },
  tray: { marginBottom: tokens.spacingVerticalS, minHeight: '4rem' },
  target: { outline: `${tokens.strokeWidthThicker} dashed ${tokens.colorBrandStroke1}`, outlineOffset: '2px' },
  boxHeading: { ...typographyStyles.subtitle2, margin: 0 },
  chips: {
    listStyleType: 'none',
    padding: 0,
    margin: `${tokens.spacingVerticalS} 0 0`,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    maxHeight: '16rem',
    overflowY: 'auto'
  },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground1
  },
  chipName: { touchAction: 'none', minHeight: '32px', cursor: 'grab' },
  picked: { outline: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}` },
  ghost: {
    position: 'fixed',
    pointerEvents: 'none',
    zIndex: 1000,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    borderRadius: tokens.borderRadiusCircular
  },
  reason: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end', marginTop: tokens.spacingVerticalM }
});
