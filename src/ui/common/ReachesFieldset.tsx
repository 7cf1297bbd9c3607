import * as React from 'react';
import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { INEQUALITY_GROUPS, PROTECTED_CHARACTERISTICS, type EqualityGroup } from '../../domain';

const useStyles = makeStyles({
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0
  },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))' }
});

/** Props for {@link ReachesFieldset}. */
export type ReachesFieldsetProps = { value: readonly EqualityGroup[]; disabled?: boolean; onChange(value: EqualityGroup[]): void };

/** Tick the protected characteristics and inequality groups a stakeholder reaches (plan map and shared list). */
export function ReachesFieldset({ value, disabled, onChange }: ReachesFieldsetProps): JSX.Element {
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend>Who they reach or speak for</legend>
      <Text size={200} block>
        Tick the protected characteristics and groups facing inequalities this stakeholder helps us hear from.
      </Text>
      <div className={styles.columns}>
        {[...PROTECTED_CHARACTERISTICS, ...INEQUALITY_GROUPS].map((g) => (
          <Checkbox
            key={g.id}
            label={g.name}
            checked={value.includes(g.id)}
            disabled={disabled}
            onChange={(_e, d) =>
              onChange(d.checked === true ? [...value.filter((x) => x !== g.id), g.id] : value.filter((x) => x !== g.id))
            }
          />
        ))}
      </div>
    </fieldset>
  );
}
