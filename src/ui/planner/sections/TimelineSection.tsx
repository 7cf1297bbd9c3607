import * as React from 'react';
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text
} from '@fluentui/react-components';
import {
  emptyTimeline,
  guideStep,
  programmeRoute,
  proposedFromToday,
  proposeTimelineForPlan,
  REPORT_CONTENTS,
  REPORT_CONTENTS_CITATION,
  RESPONSE_RECORD_RETENTION_CITATION,
  RESPONSE_RECORD_RETENTION_YEARS,
  SETTING_GUIDANCE,
  stepSkipRule,
  timelineDateWarnings,
  timelineWarningsForPlan,
  todayIso,
  type DateWarning,
  type PlannedStep,
  type SettingKey,
  type TimelineWarning
} from '../../../domain';
import { DateField, TextField } from '../../editor/fields';
import { useEditor } from '../../editor/EditorContext';
import { useInvolvementSettings } from '../../shell/involvementSettings';
import { GuidancePanel, sourceTitle } from '../../common/Guidance';
import { TimelineChart } from '../TimelineChart';
import { useStyles } from './styles';

/** The settings the checks use on each route, for "dates are checked against". */
const CHECKED: Record<'formalConsultation' | 'engagement' | 'urgentSafety' | 'notKnown', SettingKey[]> = {
  formalConsultation: [
    'planningLeadWeeks',
    'consultationProgrammeMinimumMonths',
    'consultationMinimumWeeks',
    'reportDueWeeksAfterClose',
    'holidayPeriods'
  ],
  engagement: ['planningLeadWeeks', 'engagementMinimumMonths'],
  urgentSafety: [],
  notKnown: ['planningLeadWeeks']
};

/** A warning with its source and, where it uses a setting, what the setting is. */
function WarningLine({ warning }: { warning: TimelineWarning | DateWarning }): JSX.Element {
  return (
    <li>
      {warning.text} {'source' in warning && <Caption1>({sourceTitle(warning.source)})</Caption1>}
      {'setting' in warning && warning.setting && (
        <Caption1> Your organisation sets this figure: {SETTING_GUIDANCE[warning.setting].label.toLowerCase()}.</Caption1>
      )}
    </li>
  );
}

/** What the step 8 report must contain, and how long responses are kept (LSC and PC step 8). */
function ReportGuidance(): JSX.Element {
  const styles = useStyles();
  return (
    <GuidancePanel
      title="What the report must say, and how long to keep the responses"
      citations={[REPORT_CONTENTS_CITATION, RESPONSE_RECORD_RETENTION_CITATION]}
    >
      <Body1 as="p">The report (step 8) should make clear:</Body1>
      <ul className={styles.reasons}>
        {REPORT_CONTENTS.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <Body1 as="p">Keep a record of the responses and feedback for {RESPONSE_RECORD_RETENTION_YEARS} years.</Body1>
    </GuidancePanel>
  );
}

/** The 9-step timeline with the guidance's minimum durations and warnings (DOMAIN.md §3), under the organisation's settings. */
export function TimelineSection(): JSX.Element {
  const styles = useStyles();
  const { content, update, readOnly } = useEditor();
  const settings = useInvolvementSettings();
  const route = programmeRoute(content.triage).route;
  const today = todayIso();
  const proposal = proposeTimelineForPlan(content, settings, today);
  const [moved, setMoved] = React.useState<DateWarning[]>([]);
  // The dates as of today (issue 15 §6): the lead time and the programme length from today apply
  // only on a route with a programme; a step ending before it starts always.
  const dated = content.timeline.length
    ? timelineDateWarnings(
        content.timeline,
        { decisionDate: content.project.decisionDate, formalConsultation: route === 'formalConsultation', settings },
        today
      ).filter((w) => w.kind === 'endBeforeStart' || route === 'formalConsultation' || route === 'engagement')
    : [];
  const warnings: Array<TimelineWarning | DateWarning> = [...moved, ...dated, ...timelineWarningsForPlan(content, settings)];
  const propose = (): void => {
    // Never propose a step before today (issue 15 §6); say which steps that moved.
    const fromToday = proposedFromToday(proposal.steps, today);
    setMoved(fromToday.moved);
    update('timeline', fromToday.steps);
  };
  const checked = CHECKED[route ?? 'notKnown'];
  return (
    <>
      <div className={styles.inline}>
        <Button appearance="primary" disabled={readOnly || proposal.steps.length === 0} onClick={propose}>
          {content.timeline.length ? 'Propose dates again from the decision date' : 'Propose dates from the decision date'}
        </Button>
      </div>
      <section aria-label="About the proposed dates">
        <ul className={styles.reasons}>
          {proposal.notes.map((n) => (
            <li key={n.text}>
              {n.text} <Caption1>({sourceTitle(n.source)})</Caption1>
            </li>
          ))}
        </ul>
      </section>
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Check these dates against the guidance</MessageBarTitle>
            <ul>
              {warnings.map((w) => (
                <WarningLine key={w.text} warning={w} />
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {checked.length > 0 && (
        <GuidancePanel
          title="The figures these dates are checked against"
          citations={checked.flatMap((k) => SETTING_GUIDANCE[k].citations)}
        >
          <ul className={styles.reasons}>
            {checked.map((k) => (
              <li key={k}>
                <Text weight="semibold">{SETTING_GUIDANCE[k].label}:</Text> {SETTING_GUIDANCE[k].guidance} Default:{' '}
                {SETTING_GUIDANCE[k].defaultFollows}.
              </li>
            ))}
          </ul>
          <Body1 as="p">Your organisation can change these figures on the dashboard’s settings page.</Body1>
        </GuidancePanel>
      )}
      <ReportGuidance />
      {content.timeline.length > 0 && <TimelineChart steps={content.timeline} />}
      {content.timeline.length > 0 && (
        <Table aria-label="Timeline: the 9 steps with planned dates">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Step</TableHeaderCell>
              <TableHeaderCell>Guidance</TableHeaderCell>
              <TableHeaderCell>Dates</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {content.timeline.map((s: PlannedStep, i) => {
              const info = guideStep(s.step);
              const rule = stepSkipRule(s.step, content);
              return (
                <TableRow key={s.step}>
                  <TableCell>
                    <Text weight="semibold">
                      {s.step}. {info.title}
                    </Text>
                  </TableCell>
                  <TableCell>
                    <Caption1 as="p">{info.durationText ?? 'No set length'}</Caption1>
                    <GuidancePanel title={`About step ${s.step}`} citations={info.durationCitation ? [info.durationCitation] : []}>
                      <Body1 as="p">{info.guidance}</Body1>
                      <Caption1 as="p">From: {info.sources.map(sourceTitle).join('; ')}</Caption1>
                    </GuidancePanel>
                  </TableCell>
                  <TableCell>
                    <Checkbox
                      label={`Step ${s.step} not needed`}
                      checked={s.skipped}
                      disabled={readOnly || (!s.skipped && !rule.mayBeSkipped)}
                      onChange={(_e, d) => update(`timeline.${i}.skipped`, d.checked === true)}
                    />
                    <Caption1 as="p">{rule.text}</Caption1>
                    {s.skipped ? (
                      <TextField path={`timeline.${i}.skipReason`} label={`Why step ${s.step} is not needed`} />
                    ) : (
                      <>
                        <DateField path={`timeline.${i}.start`} label={`Step ${s.step} starts`} hint=" " />
                        <DateField path={`timeline.${i}.end`} label={`Step ${s.step} ends`} hint=" " />
                      </>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {content.timeline.length === 0 && !readOnly && (
        <Button onClick={() => update('timeline', emptyTimeline())}>Enter the dates myself</Button>
      )}
    </>
  );
}
