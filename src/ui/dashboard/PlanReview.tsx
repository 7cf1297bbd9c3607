import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Textarea,
  Title2,
  Title3,
  tokens
} from '@fluentui/react-components';
import {
  applyTeamAction,
  availableTransitions,
  completeRecord,
  describeUnconfirmed,
  latestLeadNoticeDecision,
  notifyLead,
  ENGAGEMENT_LEVEL_INFO,
  ENGAGEMENT_LEVELS,
  isDataError,
  isMessageKey,
  messageText,
  PLAN_STATUS_DESCRIPTIONS,
  PLAN_STATUS_LABELS,
  type EngagementLevel,
  type NotificationOutcome,
  type PersonRef,
  type PlanRecord,
  type Stakeholder,
  type TeamAction
} from '../../domain';
import { useServices } from '../shell/services';
import { useHost } from '../shell/host';
import { ScopingMeetingCard } from './ScopingMeetingCard';
import { LeadNoticeBar } from './LeadNoticeBar';
import { useCurrentUser } from '../shell/session';
import { useInvolvementSettings } from '../shell/involvementSettings';
import { useAsync } from '../common/useAsync';
import { ErrorBar, Loaded } from '../common/components';
import { formatDateTime } from '../common/format';
import { DocumentView } from '../export/PrintView';
import { planningTemplateDocument } from '../export/documentModel';
import { AdviceRecordNotice } from './AdviceRecordNotice';
import { SendNow } from './SendNow';
import { lazySection } from '../common/LazySection';

/** After engagement: its code loads only when a plan in a later status is opened. */
const AfterEngagementSection = lazySection(
  () => import(/* webpackChunkName: "after-engagement" */ '../after/AfterEngagement').then((m) => m.AfterEngagement),
  'Loading the engagement record…'
);
const LATER_STATUSES: readonly string[] = ['accepted', 'inDelivery', 'reporting', 'closed'];

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(18rem, 1fr)',
    gap: tokens.spacingHorizontalXL,
    '@media (max-width: 900px)': { gridTemplateColumns: '1fr' }
  },
  card: { marginBottom: tokens.spacingVerticalM },
  history: { paddingLeft: tokens.spacingHorizontalL }
});

interface Loaded2 {
  record: PlanRecord;
  notification?: NotificationOutcome;
  people: PersonRef[];
  stakeholders: Stakeholder[];
}

/** A refused team action is said in words at once (nothing was sent); anything else as the error bar says it. */
function ActionProblem({ error }: { error: unknown }): JSX.Element {
  if (isDataError(error, 'invalidRequest') || isDataError(error, 'invalidContent')) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{isMessageKey(error.detail) ? messageText(error.detail) : error.detail}</MessageBarBody>
      </MessageBar>
    );
  }
  return <ErrorBar error={error} />;
}

/** Props for {@link PlanReview}. */
export type PlanReviewProps = { planId: number; onBack(): void };

/**
 * A submitted plan as the involvement team sees it: read only, with its history, and the team's
 * actions — book the scoping meeting, assign the involvement lead, confirm the level, request
 * changes, accept. Only the actions the process allows now are offered.
 */
export function PlanReview({ planId, onBack }: PlanReviewProps): JSX.Element {
  const styles = useStyles();
  const services = useServices();
  const user = useCurrentUser();
  const host = useHost();
  const settings = useInvolvementSettings();
  const load = React.useCallback(async (): Promise<Loaded2> => {
    const [opened, people, stakeholders] = await Promise.all([
      // Opening the plan completes anything a submission or a decision left undone.
      services.workflow
        .record(planId, { notificationTarget: true })
        .then((record) => completeRecord(services, record, user, services.links(planId))),
      services.users.siteUsers(),
      services.stakeholders.listForPlan(planId)
    ]);
    return { ...opened, people, stakeholders };
  }, [services, planId, user]);
  const [state, reload] = useAsync(load);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [done, setDone] = React.useState<string>();
  const [meetingLink, setMeetingLink] = React.useState<string>();
  const [leadId, setLeadId] = React.useState('');
  const [level, setLevel] = React.useState<EngagementLevel | ''>('');
  const [levelReason, setLevelReason] = React.useState('');
  const [comment, setComment] = React.useState('');

  const act = async (record: PlanRecord, action: TeamAction, message: string): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const result = await applyTeamAction(services, record, action, user);
      setDone(
        result.copiesPending
          ? `${message} The plan's stored copy of its status will be brought up to date the next time someone in the team opens it.`
          : message
      );
      if (result.record.process.status !== record.process.status) await tellLead(result.record);
      setComment('');
      reload();
      return true;
    } catch (caught) {
      setError(caught);
      // The plan may have changed before the failure (a status moved, its history not yet
      // written): read it again so the team sees where it is (issue 15 §3).
      reload();
      return false;
    } finally {
      setBusy(false);
    }
  };
  const correct = async (record: PlanRecord): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await services.workflow.mirror(record);
      setDone('The stored copies now match the record.');
      reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  /**
   * Tell the lead about the change just made. The decision stands whatever happens here: a
   * notice that cannot go now is shown with "Send again" (LeadNoticeBar), for anyone in the team.
   */
  const tellLead = async (updated: PlanRecord): Promise<void> => {
    try {
      const decision = latestLeadNoticeDecision(updated);
      if (decision?.to === updated.process.status && decision.author.id === user.id) await notifyLead(services, updated, decision);
    } catch {
      /* shown by LeadNoticeBar after the reload */
    }
  };

  return (
    <Loaded state={state} label="Opening the plan…" onRetry={reload}>
      {({ record, notification, people, stakeholders }) => {
        const { plan, process } = record;
        const history = process.history;
        const moves = availableTransitions(plan.status, 'involvementTeam').map((t) => t.to);
        const open = ['submitted', 'inReview', 'changesRequested'].includes(plan.status);
        const chosen = level || plan.content.level.chosen || '';
        return (
          <>
            <Button appearance="subtle" onClick={onBack}>
              ← All plans
            </Button>
            <Title2 as="h2" block>
              {plan.content.project.title || 'Untitled plan'}
            </Title2>
            <Badge appearance="tint">{PLAN_STATUS_LABELS[plan.status]}</Badge>{' '}
            <Caption1>({PLAN_STATUS_DESCRIPTIONS[plan.status]})</Caption1>{' '}
            <Text>
              Project lead: {plan.projectLead?.displayName ?? 'not set'}. Involvement lead:{' '}
              {plan.involvementLead?.displayName ?? 'not assigned'}.
              {plan.scopingMeeting ? ` Scoping meeting: ${formatDateTime(plan.scopingMeeting.at)}.` : ''}
              {plan.content.level.confirmedByTeam
                ? ` Level confirmed: ${ENGAGEMENT_LEVEL_INFO[plan.content.level.chosen ?? 'inform'].name}.`
                : ''}
            </Text>
            {done && (
              <MessageBar intent="success">
                <MessageBarBody>{done}</MessageBarBody>
              </MessageBar>
            )}
            {error !== undefined && <ActionProblem error={error} />}
            {process.unconfirmed.length > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Unconfirmed</MessageBarTitle>
                  Some values stored with this plan are not borne out by the involvement team’s record, so the planner shows the record:
                  <ul>
                    {process.unconfirmed.map((u) => (
                      <li key={u.what}>{describeUnconfirmed(u)}.</li>
                    ))}
                  </ul>
                </MessageBarBody>
                {user.isInvolvementTeam && (
                  <MessageBarActions>
                    <Button
                      disabled={busy}
                      onClick={() => {
                        void correct(record);
                      }}
                    >
                      Correct the stored copies
                    </Button>
                  </MessageBarActions>
                )}
              </MessageBar>
            )}
            {user.isInvolvementTeam && process.ignored.length > 0 && (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Entries that do not count</MessageBarTitle>
                  These were not written by this plan’s lead or the involvement team, or name something this plan does not have. The planner
                  ignores them; a site owner can remove them.
                  <ul>
                    {process.ignored.map((i) => (
                      <li key={`${i.list}-${i.itemId}`}>
                        {i.list}, item {i.itemId}: {i.reason}
                      </li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
            {plan.status === 'submitted' && notification?.kind === 'pending' && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Notification pending</MessageBarTitle>
                  The team’s Teams channel has not been told about this submission yet.
                  {notification.reason ? ` ${notification.reason.slice(0, 300)}` : ''}
                </MessageBarBody>
                {user.isInvolvementTeam && (
                  <MessageBarActions>
                    <SendNow record={record} onSent={reload} />
                  </MessageBarActions>
                )}
              </MessageBar>
            )}
            {LATER_STATUSES.includes(plan.status) && <AfterEngagementSection plan={plan} onChanged={reload} />}
            <div className={styles.layout}>
              <div>
                <AdviceRecordNotice plan={plan} />
                <DocumentView doc={planningTemplateDocument(plan, stakeholders, settings)} headingLevel={3} />
              </div>
              <aside aria-label="Involvement team actions and history">
                {user.isInvolvementTeam && <LeadNoticeBar record={record} onChange={reload} />}
                {user.isInvolvementTeam && moves.includes('inDelivery') && (
                  <Card className={styles.card}>
                    <Title3 as="h3" block>
                      Delivery
                    </Title3>
                    <Text as="p">Start delivery when the engagement begins. The project lead is told in Teams.</Text>
                    <Button
                      appearance="primary"
                      disabled={busy}
                      onClick={() => {
                        void act(record, { kind: 'startDelivery' }, 'Delivery started.');
                      }}
                    >
                      Start delivery
                    </Button>
                  </Card>
                )}
                {user.isInvolvementTeam && open && (
                  <>
                    <ScopingMeetingCard
                      plan={plan}
                      planLink={host.pageUrl ? `${host.pageUrl}#review=${plan.id}` : services.links(planId).web}
                      busy={busy}
                      booked={meetingLink}
                      onBook={async (at, attendees, link) => {
                        const ok = await act(record, { kind: 'bookScoping', at, attendees }, 'Scoping meeting booked.');
                        if (ok) setMeetingLink(link);
                        return ok;
                      }}
                    />
                    <Card className={styles.card}>
                      <Title3 as="h3" block>
                        Involvement lead
                      </Title3>
                      <Field label="Assign the involvement lead">
                        <Select value={leadId} onChange={(_e, d) => setLeadId(d.value)}>
                          <option value="">Choose a person</option>
                          {people.map((p) => (
                            <option key={p.id} value={p.id}>
                              {p.displayName}
                            </option>
                          ))}
                        </Select>
                      </Field>
                      <Button
                        disabled={busy || !leadId}
                        onClick={() => {
                          const lead = people.find((p) => String(p.id) === leadId);
                          if (lead) void act(record, { kind: 'assignLead', lead }, `${lead.displayName} is the involvement lead.`);
                        }}
                      >
                        Assign
                      </Button>
                    </Card>
                    <Card className={styles.card}>
                      <Title3 as="h3" block>
                        Level of engagement
                      </Title3>
                      <Field
                        label="Confirm the level"
                        hint={`The lead chose ${plan.content.level.chosen ? ENGAGEMENT_LEVEL_INFO[plan.content.level.chosen].name : 'no level'}.`}
                      >
                        <Select value={chosen} onChange={(_e, d) => setLevel(d.value as EngagementLevel)}>
                          <option value="">Choose a level</option>
                          {ENGAGEMENT_LEVELS.map((l) => (
                            <option key={l} value={l}>
                              {ENGAGEMENT_LEVEL_INFO[l].name}
                            </option>
                          ))}
                        </Select>
                      </Field>
                      {chosen && chosen !== plan.content.level.chosen && (
                        <Field label="Why it differs from the lead's choice" required>
                          <Textarea value={levelReason} onChange={(_e, d) => setLevelReason(d.value)} />
                        </Field>
                      )}
                      <Button
                        disabled={busy || !chosen}
                        onClick={() => {
                          if (chosen) void act(record, { kind: 'confirmLevel', level: chosen, reason: levelReason }, 'Level confirmed.');
                        }}
                      >
                        Confirm level
                      </Button>
                    </Card>
                    <Card className={styles.card}>
                      <Title3 as="h3" block>
                        Decision
                      </Title3>
                      <Field label="Comment for the project lead" hint="Required when you ask for changes.">
                        <Textarea value={comment} onChange={(_e, d) => setComment(d.value)} />
                      </Field>
                      {moves.includes('changesRequested') && (
                        <Button
                          disabled={busy}
                          onClick={() => {
                            void act(
                              record,
                              { kind: 'requestChanges', comment },
                              'Changes requested: the plan is back with the project lead.'
                            );
                          }}
                        >
                          Request changes
                        </Button>
                      )}{' '}
                      {moves.includes('accepted') && (
                        <Button
                          appearance="primary"
                          disabled={busy}
                          onClick={() => {
                            void act(record, { kind: 'accept', comment }, 'Plan accepted.');
                          }}
                        >
                          Accept
                        </Button>
                      )}
                    </Card>
                  </>
                )}
                <Title3 as="h3" block>
                  History
                </Title3>
                <ol className={styles.history} aria-label="Plan history">
                  {history.map((h, i) => (
                    <li key={h.id ?? i}>
                      <Text weight="semibold">
                        {h.from === h.to ? 'Note' : `${h.from ? PLAN_STATUS_LABELS[h.from] : 'New'} → ${PLAN_STATUS_LABELS[h.to]}`}
                      </Text>{' '}
                      —{' '}
                      {h.to === 'submitted' && h.from !== 'submitted' && h.by.id !== plan.projectLead?.id
                        ? `recorded by ${h.by.displayName}`
                        : h.by.displayName}
                      , {formatDateTime(h.at)}
                      {h.comment ? `: “${h.comment}”` : ''}
                    </li>
                  ))}
                </ol>
              </aside>
            </div>
          </>
        );
      }}
    </Loaded>
  );
}
