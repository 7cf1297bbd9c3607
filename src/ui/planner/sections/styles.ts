import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout shared by the guide's sections. */
export const useStyles = makeStyles({
  card: { maxWidth: '48rem', marginBottom: tokens.spacingVerticalL },
  reasons: { marginTop: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
  step: { marginBottom: tokens.spacingVerticalM },
  subheading: { marginTop: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalXS },
  inline: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalM
  },
  money: { textAlign: 'right' }
});

/** An amount in pounds: £1,234.50. */
export const gbp = (n: number): string => n.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' });
