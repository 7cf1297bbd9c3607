import * as React from 'react';
import {
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Textarea,
  Field,
  Title2,
  Title3
} from '@fluentui/react-components';
import {
  applyAfterEngagementAction,
  availableTransitions,
  gapsForMove,
  isDataError,
  isMessageKey,
  messageText,
  PLAN_STATUS_LABELS,
  signOffState,
  type AfterEngagementAction,
  type EngagementRecord,
  type PlanStatus,
  type SignOff,
  type StoredPlan
} from '../../domain';
import { useServices } from '../shell/services';
import { useCurrentUser } from '../shell/session';
import { useInvolvementSettings } from '../shell/involvementSettings';
import { useAsync } from '../common/useAsync';
import { RecordHistory } from './RecordHistory';
import { ErrorBar, Loaded } from '../common/components';
import { formatDateTime } from '../common/format';
import { newRequestId } from '../common/requestId';
import { AnalysisSection } from './AnalysisSection';
import { LogSection } from './LogSection';
import { ReportSection } from './ReportSection';
import { RecordAlerts, useFormStyles } from './formParts';
import { useRecordEditor } from './useRecordEditor';

/** The statuses after a plan is accepted, where this record lives. */
export const AFTER_STATUSES: readonly PlanStatus[] = ['accepted', 'inDelivery', 'reporting', 'closed'];

const ACTIONS: Partial<Record<PlanStatus, AfterEngagementAction['kind']>> = {
  inDelivery: 'startDelivery',
  reporting: 'moveToReporting',
  closed: 'close'
};

/** The involvement team's next move, with what it still needs, said plainly. */
function TeamMoves({
  plan,
  record,
  onMoved
}: {
  plan: StoredPlan;
  record: EngagementRecord | undefined;
  onMoved(): void;
}): JSX.Element | null {
  const services = useServices();
  const user = useCurrentUser();
  const styles = useFormStyles();
  const { reportDueWeeksAfterClose } = useInvolvementSettings();
  const [comment, setComment] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  // One request id per attempt to close, kept across retries so a retried close signs off once.
  const closeRequest = React.useRef(newRequestId());
  const moves = availableTransitions(plan.status, 'involvementTeam');
  if (!user.isInvolvementTeam || moves.length === 0) return null;
  const move = moves[0];
  const kind = ACTIONS[move.to];
  // Starting delivery is the plan review's own action (it also tells the lead in Teams, issue 16).
  if (!kind || kind === 'startDelivery') return null;
  const gaps = gapsForMove(move.to, plan, record?.content);
  const act = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const action: AfterEngagementAction = kind === 'close' ? { kind, comment, requestId: closeRequest.current } : { kind, comment };
      await applyAfterEngagementAction(services, plan, action, user, {
        reportDueWeeks: reportDueWeeksAfterClose,
        today: new Date().toISOString().slice(0, 10),
        retentionLabel: kind === 'close' ? await services.settings.retentionLabel().catch(() => '') : ''
      });
      onMoved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className={styles.card}>
      <Title3 as="h3" block>
        {move.action}
      </Title3>
      {gaps.length > 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Before the plan can move to {PLAN_STATUS_LABELS[move.to].toLowerCase()}</MessageBarTitle>
            <ul aria-label="What is still needed">
              {gaps.map((g) => (
                <li key={g.id}>{g.text}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Text as="p" block>
          {move.to === 'closed'
            ? 'Everything closing needs is recorded. Closing signs off the record as it is now: changes made later show as changed since the sign-off.'
            : 'Everything this move needs is recorded.'}
        </Text>
      )}
      <Field label="Comment for the plan's history">
        <Textarea value={comment} onChange={(_e, d) => setComment(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || gaps.length > 0} onClick={() => void act()}>
          {move.action}
        </Button>
      </div>
      {error !== undefined &&
        (isDataError(error, 'invalidRequest') ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{isMessageKey(error.detail) ? messageText(error.detail) : error.detail}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorBar error={error} onRetry={() => void act()} />
        ))}
    </Card>
  );
}

/** Who signed the record off, and whether it changed since. */
function SignOffNotice({ signOffs, record }: { signOffs: readonly SignOff[]; record: EngagementRecord | undefined }): JSX.Element | null {
  const s = signOffState(signOffs, record?.content);
  if (s.state === 'notSignedOff') return null;
  return (
    <MessageBar intent={s.state === 'signedOff' ? 'success' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {s.state === 'signedOff' ? 'Signed off by the involvement team' : 'Changed since the involvement team signed it off'}
        </MessageBarTitle>
        Signed off by {s.signOff.by.displayName} on {formatDateTime(s.signOff.at)}.
        {s.state === 'changedSince' &&
          ' The record below is the one the team signed off; later changes are not counted until the team signs off again.'}
      </MessageBarBody>
    </MessageBar>
  );
}

function RecordView({
  plan,
  record,
  signOffs,
  onChanged
}: {
  plan: StoredPlan;
  record: EngagementRecord;
  signOffs: readonly SignOff[];
  onChanged(): void;
}): JSX.Element {
  const user = useCurrentUser();
  const state = signOffState(signOffs, record.content);
  // A closed plan shows what the team signed off; only the team may change a closed plan's record.
  const shown: EngagementRecord =
    plan.status === 'closed' && state.state !== 'notSignedOff' ? { ...record, content: state.signOff.snapshot } : record;
  // The report deadline is the organisation's saved setting (the dashboard's involvement settings; TRUST's 12 weeks by default).
  const { reportDueWeeksAfterClose } = useInvolvementSettings();
  const editor = useRecordEditor(plan, shown, reportDueWeeksAfterClose);
  const isLead = plan.projectLead?.id === user.id;
  const editable =
    plan.status === 'closed' ? false : (isLead || user.isInvolvementTeam) && ['inDelivery', 'reporting'].includes(plan.status);
  return (
    <>
      <RecordAlerts editor={editor} />
      <LogSection plan={plan} editor={editor} editable={editable} />
      {plan.status !== 'inDelivery' || editor.record.content.themes.length > 0 ? (
        <>
          <AnalysisSection
            plan={plan}
            editor={editor}
            editable={editable}
            closedAt={plan.status === 'closed' && state.state !== 'notSignedOff' ? state.signOff.at : null}
          />
          <ReportSection plan={plan} editor={editor} editable={editable} weeks={reportDueWeeksAfterClose} />
        </>
      ) : (
        <Text as="p" block>
          Themes, findings, the report, “you said, we did” and the evaluation are recorded once the plan moves to reporting.
        </Text>
      )}
      <TeamMoves plan={plan} record={editor.record} onMoved={onChanged} />
      <RecordHistory key={editor.record.version} recordId={editor.record.id} />
    </>
  );
}

/** Props for {@link AfterEngagement}. */
export type AfterEngagementProps = { plan: StoredPlan; onChanged(): void };

/**
 * After engagement, for the project lead and the involvement team: the engagement log and live
 * monitoring (In delivery), themes, decision trace, report, "you said, we did" and evaluation
 * (Reporting), and the team's moves — each guarded by what the record needs. Loaded only when a
 * plan in these statuses is opened.
 */
export function AfterEngagement({ plan, onChanged }: AfterEngagementProps): JSX.Element {
  const { records, signOffs } = useServices();
  const user = useCurrentUser();
  const load = React.useCallback(async () => {
    const [record, signed] = await Promise.all([records.forPlan(plan.id), signOffs.forPlan(plan.id)]);
    return { record, signed };
  }, [records, signOffs, plan.id]);
  const [state, reload] = useAsync(load);
  const [starting, setStarting] = React.useState(false);
  const [startError, setStartError] = React.useState<unknown>();
  const isLead = plan.projectLead?.id === user.id;
  const start = async (): Promise<void> => {
    setStarting(true);
    setStartError(undefined);
    try {
      await records.start(plan);
      reload();
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
    }
  };
  return (
    <section aria-labelledby="after-heading">
      <Title2 as="h2" id="after-heading" block>
        After engagement
      </Title2>
      <Text as="p" block>
        Status: {PLAN_STATUS_LABELS[plan.status]}. Record what took place, who took part, what people said, what was decided because of it
        and how people were told.
      </Text>
      <Loaded state={state} label="Loading the engagement record…" onRetry={reload}>
        {({ record, signed }) => (
          <>
            <SignOffNotice signOffs={signed} record={record} />
            {record ? (
              <RecordView key={record.version} plan={plan} record={record} signOffs={signed} onChanged={onChanged} />
            ) : (
              <>
                {plan.status === 'inDelivery' || plan.status === 'reporting' ? (
                  isLead ? (
                    <Button appearance="primary" disabled={starting} onClick={() => void start()}>
                      Start the engagement log
                    </Button>
                  ) : (
                    <Text as="p" block>
                      The project lead starts the engagement log when they open the plan; then the involvement team can add to it too.
                    </Text>
                  )
                ) : (
                  <Text as="p" block>
                    {plan.status === 'accepted'
                      ? 'The engagement log opens when the involvement team starts delivery.'
                      : 'No engagement record was kept for this plan.'}
                  </Text>
                )}
                {startError !== undefined && <ErrorBar error={startError} onRetry={() => void start()} />}
                <TeamMoves plan={plan} record={undefined} onMoved={onChanged} />
              </>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
