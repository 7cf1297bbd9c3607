import * as React from 'react';
import { Body1, Caption1, Text } from '@fluentui/react-components';
import { EIA_STATUSES, INEQUALITY_GROUPS, PROTECTED_CHARACTERISTICS } from '../../../domain';
import { sourceTitle } from '../../common/Guidance';
import { ChoiceField, SelectField, TextField } from '../../editor/fields';
import { useEditor } from '../../editor/EditorContext';

const sourcesOf = (entries: ReadonlyArray<{ sources: readonly string[] }>): string =>
  [...new Set(entries.flatMap((e) => e.sources))].map(sourceTitle).join('; ');

/** Equality: each protected characteristic and group facing inequalities (DOMAIN.md §8). */
export function EqualitySection(): JSX.Element {
  const { content } = useEditor();
  const groups = [...PROTECTED_CHARACTERISTICS, ...INEQUALITY_GROUPS];
  return (
    <>
      <Body1 as="p">
        Know who you are not hearing from. For each group, say the likely impact of the change and how you will reach people.
      </Body1>
      <Caption1 as="p">
        The protected characteristics are from {sourcesOf(PROTECTED_CHARACTERISTICS)}. The groups facing inequalities are from{' '}
        {sourcesOf(INEQUALITY_GROUPS)}.
      </Caption1>
      {groups.map((g) => {
        const index = content.equality.considerations.findIndex((c) => c.group === g.id);
        if (index < 0) return null;
        return (
          <fieldset key={g.id} id={`field-equality-${g.id}`}>
            <legend>
              <Text weight="semibold">{g.name}</Text>
            </legend>
            <SelectField
              path={`equality.considerations.${index}.likelyImpact`}
              label={`Likely impact on ${g.name.toLowerCase()}`}
              emptyLabel="Choose"
              options={[
                { value: 'positive', label: 'Positive' },
                { value: 'negative', label: 'Negative' },
                { value: 'neutral', label: 'No difference' },
                { value: 'unknown', label: 'Not known yet' }
              ]}
            />
            <TextField
              path={`equality.considerations.${index}.howWeWillReachThem`}
              label={`How we will reach ${g.name.toLowerCase()}`}
              multiline
            />
          </fieldset>
        );
      })}
      <ChoiceField
        path="equality.eiaStatus"
        label="Equality impact assessment"
        required
        options={EIA_STATUSES.map((s) => ({
          value: s,
          label: s === 'notStarted' ? 'Not started' : s === 'inProgress' ? 'In progress' : 'Complete'
        }))}
      />
      <TextField path="equality.eiaLink" label="Link to the equality impact assessment" hint="Starting with https://" />
    </>
  );
}
