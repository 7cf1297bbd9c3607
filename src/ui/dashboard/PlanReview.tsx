import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
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
  latestLeadNoticeChange,
  notifyLead,
  ENGAGEMENT_LEVEL_INFO,
  ENGAGEMENT_LEVELS,
  isDataError,
  isMessageKey,
  messageText,
  PLAN_STATUS_DESCRIPTIONS,
  PLAN_STATUS_LABELS,
  type EngagementLevel,
  type StoredPlan,
  type PersonRef,
  type Stakeholder,
  type StatusHistoryEntry,
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
  plan: StoredPlan;
  history: StatusHistoryEntry[];
  people: PersonRef[];
  stakeholders: Stakeholder[];
}

function ActionProblem({ error }: { error: unknown }): JSX.Element {
  if (isDataError(error, 'invalidRequest')) {
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
    const [plan, history, people, stakeholders] = await Promise.all([
      services.plans.get(planId),
      services.workflow.history(planId),
      services.users.siteUsers(),
      services.stakeholders.listForPlan(planId)
    ]);
    return { plan, history, people, stakeholders };
  }, [services, planId]);
  const [state, reload] = useAsync(load);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [done, setDone] = React.useState<string>();
  const [meetingLink, setMeetingLink] = React.useState<string>();
  const [leadId, setLeadId] = React.useState('');
  const [level, setLevel] = React.useState<EngagementLevel | ''>('');
  const [levelReason, setLevelReason] = React.useState('');
  const [comment, setComment] = React.useState('');

  const act = async (plan: StoredPlan, action: TeamAction, message: string): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const updated = await applyTeamAction(services, plan, action, user);
      setDone(message);
      setComment('');
      if (updated.status !== plan.status) await tellLead(updated);
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

  /**
   * Tell the lead about the change just made. The decision stands whatever happens here: a
   * notice that cannot go now is shown with "Send again" (LeadNoticeBar), for anyone in the team.
   */
  const tellLead = async (updated: StoredPlan): Promise<void> => {
    try {
      const change = latestLeadNoticeChange(await services.workflow.history(updated.id));
      if (change?.to === updated.status && change.by.id === user.id) await notifyLead(services, updated, change);
    } catch {
      /* shown by LeadNoticeBar after the reload */
    }
  };

  return (
    <Loaded state={state} label="Opening the plan…" onRetry={reload}>
      {({ plan, history, people, stakeholders }) => {
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
            <div className={styles.layout}>
              <div>
                <AdviceRecordNotice plan={plan} />
                <DocumentView doc={planningTemplateDocument(plan, stakeholders, settings)} headingLevel={3} />
              </div>
              <aside aria-label="Involvement team actions and history">
                {user.isInvolvementTeam && <LeadNoticeBar plan={plan} history={history} />}
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
                        void act(plan, { kind: 'startDelivery' }, 'Delivery started.');
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
                        const ok = await act(plan, { kind: 'bookScoping', at, attendees }, 'Scoping meeting booked.');
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
                          if (lead) void act(plan, { kind: 'assignLead', lead }, `${lead.displayName} is the involvement lead.`);
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
                          if (chosen) void act(plan, { kind: 'confirmLevel', level: chosen, reason: levelReason }, 'Level confirmed.');
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
                              plan,
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
                            void act(plan, { kind: 'accept', comment }, 'Plan accepted.');
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
                      — {h.by.displayName}, {formatDateTime(h.at)}
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
