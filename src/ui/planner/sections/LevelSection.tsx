import * as React from 'react';
import { Badge, Body1, Caption1, Card, MessageBar, MessageBarBody, MessageBarTitle, Text, Title3 } from '@fluentui/react-components';
import {
  applicableTriageQuestions,
  assessLegalDuties,
  CITATIONS,
  ENGAGEMENT_LEVEL_INFO,
  LADDERS,
  LEGAL_DUTY_GUIDANCE,
  LEGAL_LIKELIHOOD_NAMES,
  LEGAL_STEP_NAMES,
  LEVEL_FACTOR_QUESTIONS,
  ladderOrder,
  ladderRung,
  messageText,
  PROGRAMME_ROUTE_NAMES,
  rankOnLadder,
  recommendEngagementLevel,
  SETTING_GUIDANCE,
  SUF_SPECTRUM,
  TRIAGE_QUESTION_TEXT,
  type CitationId,
  type FactorQuestion,
  type LadderId,
  type LegalLikelihood,
  type LegalOutcome,
  type TriageReason
} from '../../../domain';
import { ChoiceField, TextField } from '../../editor/fields';
import { useEditor } from '../../editor/EditorContext';
import { useInvolvementSettings } from '../../shell/involvementSettings';
import { GuidancePanel, sourceTitle } from '../../common/Guidance';
import { useStyles } from './styles';

const BADGE_COLOUR: Record<LegalLikelihood, 'danger' | 'warning' | 'success' | 'informative'> = {
  likely: 'danger',
  possible: 'warning',
  unlikely: 'success',
  // Not known yet is neutral: never a reassuring green before the answers are given.
  unknown: 'informative'
};

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unsure', label: 'Not sure' }
] as const;

const citationsOf = (items: ReadonlyArray<{ citation?: CitationId }>): CitationId[] =>
  items.flatMap((i) => (i.citation ? [i.citation] : []));

/** Reasons, each with the toolkit it comes from. */
function Reasons({ reasons }: { reasons: readonly TriageReason[] }): JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.reasons}>
      {reasons.map((r) => (
        <li key={r.text}>
          {r.text} <Caption1>({sourceTitle(r.source)})</Caption1>
        </li>
      ))}
    </ul>
  );
}

/** One legal step: how likely, why, what it asks of you, and where that comes from. */
function LegalStep({ name, outcome }: { name: string; outcome: LegalOutcome }): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.step}>
      <Text weight="semibold">{name}: </Text>
      <Badge appearance="tint" color={BADGE_COLOUR[outcome.likelihood]}>
        {LEGAL_LIKELIHOOD_NAMES[outcome.likelihood]}
      </Badge>
      <Reasons reasons={outcome.reasons} />
      {outcome.actions.length > 0 && (
        <>
          <Text as="p" weight="semibold">
            What this asks of you
          </Text>
          <ul className={styles.reasons}>
            {outcome.actions.map((a) => (
              <li key={a.text}>
                {a.text} <Caption1>({sourceTitle(a.source)})</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      {(outcome.reasons.some((r) => r.citation) || outcome.actions.length > 0) && (
        <GuidancePanel
          title={`What the toolkits say: ${name.toLowerCase()}`}
          citations={[...citationsOf(outcome.reasons), ...citationsOf(outcome.actions)]}
        />
      )}
    </div>
  );
}

/** The legal duties behind involvement, each with what it asks (TRUST "Legal Context", NENC). */
function LegalDutiesGuidance(): JSX.Element {
  const styles = useStyles();
  return (
    <GuidancePanel title="The legal duties behind these checks" citations={LEGAL_DUTY_GUIDANCE.flatMap((d) => d.citations)}>
      {LEGAL_DUTY_GUIDANCE.map((d) => (
        <section key={d.id} aria-label={d.title}>
          <Text as="h4" weight="semibold" block className={styles.subheading}>
            {d.title}
          </Text>
          <Body1 as="p">Applies to: {d.appliesTo}.</Body1>
          <ul className={styles.reasons}>
            {d.asks.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
          <Caption1 as="p">From: {d.sources.map(sourceTitle).join('; ')}</Caption1>
        </section>
      ))}
    </GuidancePanel>
  );
}

/** What each level means on the ladder the organisation shows, with its strengths, weaknesses and when to use it. */
function LevelGuidance({ ladder }: { ladder: LadderId }): JSX.Element {
  const styles = useStyles();
  const rungs = LADDERS[ladder].rungs;
  return (
    <GuidancePanel
      title="What each level means, and when to use it"
      citations={rungs.flatMap((r) => [r.citation, ...r.whenToUse.map((w) => w.citation)])}
    >
      <Body1 as="p">{LADDERS[ladder].orderNote}</Body1>
      {rungs.map((r) => {
        const suf = SUF_SPECTRUM.find((s) => s.level === r.level);
        const others = [...new Set(ENGAGEMENT_LEVEL_INFO[r.level].aliases.filter((a) => a.source !== ladder).map((a) => a.name))];
        return (
          <section key={r.level} aria-label={r.name}>
            <Text as="h4" weight="semibold" block className={styles.subheading}>
              {r.name}
            </Text>
            <Body1 as="p">{r.description}</Body1>
            {r.examples.length > 0 && <Body1 as="p">For example: {r.examples.join('; ')}.</Body1>}
            {r.whenToUse.length > 0 && (
              <>
                <Body1 as="p">When to use it:</Body1>
                <ul className={styles.reasons}>
                  {r.whenToUse.map((w) => (
                    <li key={w.text}>{w.text}</li>
                  ))}
                </ul>
              </>
            )}
            {r.strengths.length > 0 && <Body1 as="p">Strengths: {r.strengths.join('; ')}.</Body1>}
            {r.weaknesses.length > 0 && <Body1 as="p">Weaknesses: {r.weaknesses.join('; ')}.</Body1>}
            {suf && (
              <Body1 as="p">
                Aim ({sourceTitle('SUF')}): {suf.aim}
              </Body1>
            )}
            {others.length > 0 && <Caption1 as="p">Other toolkits call it: {others.join(', ')}.</Caption1>}
          </section>
        );
      })}
    </GuidancePanel>
  );
}

/** A level-choosing question with a choice of answers, its hint and the toolkit it comes from. */
const factorHint = (q: FactorQuestion<string>): string => `${q.hint} (${sourceTitle(CITATIONS[q.citation].source)})`;

/** Level of engagement and the legal triage (DOMAIN.md §4–§5), under the organisation's settings. */
export function LevelSection(): JSX.Element {
  const styles = useStyles();
  const { content, update, readOnly } = useEditor();
  const settings = useInvolvementSettings();
  const ladder = settings.ladderShown;
  const legal = assessLegalDuties(content.triage);
  const advice = recommendEngagementLevel(content.triage, ladder);
  const rungName = (level: Parameters<typeof ladderRung>[0]): string => ladderRung(level, ladder).name;
  React.useEffect(() => {
    if (!readOnly && content.level.recommended !== advice.level) update('level.recommended', advice.level);
  }, [advice.level, content.level.recommended, readOnly, update]);
  const chosen = content.level.chosen;
  const belowFloor = chosen !== null && advice.floor !== null && rankOnLadder(chosen, ladder) < rankOnLadder(advice.floor, ladder);
  const f = LEVEL_FACTOR_QUESTIONS;
  return (
    <>
      <Title3 as="h3" block>
        Questions about the change
      </Title3>
      {applicableTriageQuestions(content.triage).map((q) => (
        <ChoiceField key={q} path={`triage.${q}`} label={TRIAGE_QUESTION_TEXT[q]} required options={YES_NO} />
      ))}
      <Card className={styles.card} aria-labelledby="legal-heading">
        <Title3 as="h3" block id="legal-heading">
          Legal checks
        </Title3>
        {legal.unanswered.length > 0 && (
          <Body1 as="p">
            Until the questions are answered, an outcome they decide shows as not known yet. {legal.unanswered.length} still to answer.
          </Body1>
        )}
        {legal.urgentSafety && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{PROGRAMME_ROUTE_NAMES.urgentSafety}</MessageBarTitle>
              The level, these checks and the timeline all follow the urgent route: tell people what is changing and why, ask how it is
              working, and record why there was no time to consult.
            </MessageBarBody>
          </MessageBar>
        )}
        <LegalStep name={LEGAL_STEP_NAMES.formalConsultation} outcome={legal.formalConsultation} />
        <LegalStep name={LEGAL_STEP_NAMES.healthScrutiny} outcome={legal.healthScrutiny} />
        <LegalStep name={LEGAL_STEP_NAMES.secretaryOfStateNotification} outcome={legal.secretaryOfStateNotification} />
        <LegalDutiesGuidance />
      </Card>
      <Title3 as="h3" block>
        Questions that help choose the level
      </Title3>
      <ChoiceField
        path="triage.contribution"
        label={f.contribution.text}
        hint={factorHint(f.contribution)}
        required
        layout="vertical"
        options={f.contribution.options}
      />
      <ChoiceField
        path="triage.stage"
        label={f.stage.text}
        hint={factorHint(f.stage)}
        required
        layout="vertical"
        options={f.stage.options}
      />
      <ChoiceField
        path="triage.reach"
        label={f.reach.text}
        hint={factorHint(f.reach)}
        required
        layout="vertical"
        options={f.reach.options}
      />
      <ChoiceField
        path="triage.resources"
        label={f.resources.text}
        hint={factorHint(f.resources)}
        required
        layout="vertical"
        options={f.resources.options}
      />
      <Card className={styles.card} aria-labelledby="recommended-heading">
        <Title3 as="h3" block id="recommended-heading">
          Recommended level: {advice.level ? rungName(advice.level) : 'not known yet'}
        </Title3>
        <Reasons reasons={advice.reasons} />
        {advice.floor !== null && (
          <Body1 as="p">Because formal consultation is likely or possible, the level must be at least {rungName(advice.floor)}.</Body1>
        )}
        {advice.cautions.length > 0 && (
          <>
            <Text as="p" weight="semibold">
              Also think about
            </Text>
            <Reasons reasons={advice.cautions} />
          </>
        )}
        {(advice.reasons.some((r) => r.citation) || advice.cautions.length > 0) && (
          <GuidancePanel
            title="What the toolkits say about this level"
            citations={[...citationsOf(advice.reasons), ...citationsOf(advice.cautions)]}
          />
        )}
        <Caption1 as="p">
          Levels are shown on the {LADDERS[ladder].title}, as your organisation chose in its settings. The default follows{' '}
          {SETTING_GUIDANCE.ladderShown.defaultFollows}.
        </Caption1>
      </Card>
      <LevelGuidance ladder={ladder} />
      <ChoiceField
        path="level.chosen"
        label="The level you will use"
        required
        layout="vertical"
        hint="Confirm the recommended level or choose another. Open “What each level means” above for each level's strengths and weaknesses."
        options={ladderOrder(ladder).map((l) => ({ value: l, label: `${rungName(l)}: ${ladderRung(l, ladder).description}` }))}
      />
      {belowFloor && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{messageText('plan.level.belowLegalFloor')}</MessageBarBody>
        </MessageBar>
      )}
      {chosen !== null && advice.level !== null && chosen !== advice.level && (
        <TextField path="level.reasonForDifferentLevel" label="Why you chose a different level" multiline required />
      )}
    </>
  );
}
