import { makeStyles, tokens } from '@fluentui/react-components';
import { SOURCES } from '../../../domain';

/** Layout shared by the guide's sections. */
export const useStyles = makeStyles({
  card: { maxWidth: '48rem', marginBottom: tokens.spacingVerticalL },
  reasons: { marginTop: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
  inline: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalM
  },
  money: { textAlign: 'right' }
});

/** The title of a source toolkit, from its id. */
export const sourceName = (id: string): string => (id in SOURCES ? SOURCES[id as keyof typeof SOURCES].title : id);
/** An amount in pounds: £1,234.50. */
export const gbp = (n: number): string => n.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' });
