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
  assessConsultation,
  checkTimeline,
  DEFAULT_SETTINGS,
  GUIDE_STEPS,
  guideStep,
  proposedFromToday,
  proposeTimeline,
  SETTING_SOURCES,
  timelineDateWarnings,
  todayIso,
  type DateWarning,
  type PlannedStep
} from '../../../domain';
import { DateField, TextField } from '../../editor/fields';
import { useEditor } from '../../editor/EditorContext';
import { TimelineChart } from '../TimelineChart';
import { useStyles, sourceName } from './styles';

/** The 9-step timeline with the guidance's minimum durations and warnings (DOMAIN.md §3). */
export function TimelineSection(): JSX.Element {
  const styles = useStyles();
  const { content, update, readOnly } = useEditor();
  const formal = assessConsultation(content.triage).formalConsultation.likelihood === 'likely';
  const inputs = { decisionDate: content.project.decisionDate, formalConsultation: formal, settings: DEFAULT_SETTINGS };
  const today = todayIso();
  const [moved, setMoved] = React.useState<DateWarning[]>([]);
  const warnings = content.timeline.length
    ? [...moved, ...timelineDateWarnings(content.timeline, inputs, today), ...checkTimeline(content.timeline, inputs)]
    : [];
  const propose = (): void => {
    // Never propose a step before today (issue 15 §6); say which steps that moved.
    const proposal = proposedFromToday(proposeTimeline({ ...inputs, level: content.level.chosen }), today);
    setMoved(proposal.moved);
    update('timeline', proposal.steps);
  };
  const followed: Array<keyof typeof SETTING_SOURCES> = formal
    ? ['planningLeadWeeks', 'consultationProgrammeMinimumMonths', 'consultationMinimumWeeks', 'reportDueWeeksAfterClose']
    : ['planningLeadWeeks', 'engagementMinimumMonths'];
  return (
    <>
      <div className={styles.inline}>
        <Button appearance="primary" disabled={readOnly || !content.project.decisionDate} onClick={propose}>
          {content.timeline.length ? 'Propose dates again from the decision date' : 'Propose dates from the decision date'}
        </Button>
        {!content.project.decisionDate && <Body1>Add the decision date in “About the project” first.</Body1>}
      </div>
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Check these dates against the guidance</MessageBarTitle>
            <ul>
              {warnings.map((w) => (
                <li key={w.text}>
                  {w.text} {'source' in w && <Caption1>({sourceName(w.source)})</Caption1>}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1 as="p">Dates are checked against this guidance: {followed.map((k) => SETTING_SOURCES[k]).join('; ')}.</Caption1>
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
              return (
                <TableRow key={s.step}>
                  <TableCell>
                    <Text weight="semibold">
                      {s.step}. {info.title}
                    </Text>
                  </TableCell>
                  <TableCell>
                    <Caption1>
                      {info.durationText ?? 'No set length'}
                      {info.mayBeSkipped ? ` May be skipped: ${info.mayBeSkipped}` : ''}
                    </Caption1>
                  </TableCell>
                  <TableCell>
                    <Checkbox
                      label="Not needed"
                      checked={s.skipped}
                      disabled={readOnly}
                      onChange={(_e, d) => update(`timeline.${i}.skipped`, d.checked === true)}
                    />
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
        <Button
          onClick={() =>
            update(
              'timeline',
              GUIDE_STEPS.map((g) => ({ step: g.id, start: '', end: '', skipped: false, skipReason: '' }))
            )
          }
        >
          Enter the dates myself
        </Button>
      )}
    </>
  );
}
