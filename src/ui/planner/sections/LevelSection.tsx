import * as React from 'react';
import { Badge, Body1, Caption1, Card, Text, Title3 } from '@fluentui/react-components';
import {
  assessConsultation,
  ENGAGEMENT_LEVEL_INFO,
  ENGAGEMENT_LEVELS,
  recommendLevel,
  TRIAGE_QUESTION_TEXT,
  TRIAGE_QUESTIONS,
  type Likelihood
} from '../../../domain';
import { ChoiceField, TextField } from '../../editor/fields';
import { useEditor } from '../../editor/EditorContext';
import { useStyles, sourceName } from './styles';

const LIKELIHOOD_TEXT: Record<Likelihood, string> = {
  likely: 'Likely',
  possible: 'Possible: talk to the involvement team',
  unlikely: 'Unlikely'
};

/** Level of engagement and the legal triage (DOMAIN.md §4–§5). */
export function LevelSection(): JSX.Element {
  const styles = useStyles();
  const { content, update, readOnly } = useEditor();
  const recommendation = recommendLevel(content.triage);
  const outcome = assessConsultation(content.triage);
  const answered = outcome.unanswered.length === 0;
  React.useEffect(() => {
    if (!readOnly && answered && content.level.recommended !== recommendation.level) update('level.recommended', recommendation.level);
  }, [answered, recommendation.level, content.level.recommended, readOnly, update]);
  const legal: Array<[string, { likelihood: Likelihood; reasons: Array<{ text: string; source: string }> }]> = [
    ['Formal public consultation', outcome.formalConsultation],
    ['Consulting the local authority (health scrutiny)', outcome.healthScrutiny],
    ['Notifying the Secretary of State', outcome.secretaryOfStateNotification]
  ];
  return (
    <>
      <Title3 as="h3" block>
        Questions about the change
      </Title3>
      {TRIAGE_QUESTIONS.map((q) => (
        <ChoiceField
          key={q}
          path={`triage.${q}`}
          label={TRIAGE_QUESTION_TEXT[q]}
          required
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
            { value: 'unsure', label: 'Not sure' }
          ]}
        />
      ))}
      <Card className={styles.card} aria-labelledby="legal-heading">
        <Title3 as="h3" block id="legal-heading">
          Legal checks
        </Title3>
        {!answered && <Body1>Answer all the questions to see the full result. {outcome.unanswered.length} still to answer.</Body1>}
        {legal.map(([name, result]) => (
          <div key={name}>
            <Text weight="semibold">{name}: </Text>
            <Badge
              appearance="tint"
              color={result.likelihood === 'likely' ? 'danger' : result.likelihood === 'possible' ? 'warning' : 'success'}
            >
              {LIKELIHOOD_TEXT[result.likelihood]}
            </Badge>
            <ul className={styles.reasons}>
              {result.reasons.map((r) => (
                <li key={r.text}>
                  {r.text} <Caption1>({sourceName(r.source)})</Caption1>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Card>
      <Card className={styles.card} aria-labelledby="recommended-heading">
        <Title3 as="h3" block id="recommended-heading">
          Recommended level: {ENGAGEMENT_LEVEL_INFO[recommendation.level].name}
        </Title3>
        <ul className={styles.reasons}>
          {recommendation.reasons.map((r) => (
            <li key={r.text}>
              {r.text} <Caption1>({sourceName(r.source)})</Caption1>
            </li>
          ))}
        </ul>
      </Card>
      <ChoiceField
        path="level.chosen"
        label="The level you will use"
        required
        layout="vertical"
        hint="Confirm the recommended level or choose another. The names other toolkits use are in brackets."
        options={ENGAGEMENT_LEVELS.map((l) => ({
          value: l,
          label: `${ENGAGEMENT_LEVEL_INFO[l].name}: ${ENGAGEMENT_LEVEL_INFO[l].description} (${[...new Set(ENGAGEMENT_LEVEL_INFO[l].aliases.map((a) => a.name))].join(', ')})`
        }))}
      />
      {content.level.chosen !== null && content.level.chosen !== recommendation.level && (
        <TextField path="level.reasonForDifferentLevel" label="Why you chose a different level" multiline required />
      )}
    </>
  );
}
