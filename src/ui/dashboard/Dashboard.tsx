import * as React from 'react';
import {
  Body1,
  Button,
  Card,
  CardHeader,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Title2,
  tokens
} from '@fluentui/react-components';
import { PLAN_STATUS_LABELS, PLAN_STATUSES, type PlanStatus, type UnreadablePlan } from '../../domain';
import { useServices } from '../shell/services';
import { useAsync } from '../common/useAsync';
import { Loaded } from '../common/components';
import { ChannelSettings } from './ChannelSettings';
import { PendingNotifications, WorkflowSettings } from './WorkflowSettings';
import { PlanQueue } from './PlanQueue';
import { PlanReview } from './PlanReview';
import { SharedStakeholders } from './SharedStakeholders';
import { useAddressId } from '../common/useAddressId';
import { useHost } from '../shell/host';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    padding: 0
  },
  count: { fontSize: tokens.fontSizeHero800, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero800 }
});

/** What each status means for the involvement team, under its count. */
const STATUS_HINTS: Record<PlanStatus, string> = {
  draft: 'Being written by project leads',
  submitted: 'Waiting for the team to review',
  inReview: 'Scoping meeting booked',
  changesRequested: 'Back with the project lead',
  accepted: 'Lead assigned and level set',
  inDelivery: 'Engagement under way',
  reporting: 'Analysis and "you said, we did"',
  closed: 'Finished and evaluated'
};

/** Plans not in any count (their status is not one the planner knows), by item id, with what is wrong and who can fix it. */
function UncountedPlans({ plans }: { plans: readonly UnreadablePlan[] }): JSX.Element {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {plans.length} {plans.length === 1 ? 'plan is' : 'plans are'} not in the counts below
        </MessageBarTitle>
        {plans.length === 1 ? 'Its status is' : 'Their statuses are'} not one the planner knows, so{' '}
        {plans.length === 1 ? 'it is' : 'they are'} in no count and no status filter:
        <ul aria-label="Plans not counted">
          {plans.slice(0, 20).map((p) => (
            <li key={p.id}>
              <strong>
                Item {p.id}
                {p.title ? ` (“${p.title}”)` : ''}
              </strong>
              : {p.problem}
            </li>
          ))}
        </ul>
        {plans.length > 20 && `And ${plans.length - 20} more.`}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The involvement team's dashboard: plans by status, the queue with filters, and each plan to review. */
export function Dashboard(): JSX.Element {
  const [reviewId, open] = useAddressId('review', useHost().openPlanId);
  if (reviewId !== undefined) return <PlanReview planId={reviewId} onBack={() => open(undefined)} />;
  return <DashboardHome onOpen={open} />;
}

function DashboardHome({ onOpen }: { onOpen(id: number): void }): JSX.Element {
  const styles = useStyles();
  const [status, setStatus] = React.useState<PlanStatus>();
  const { plans } = useServices();
  const load = React.useCallback(() => plans.countByStatus(), [plans]);
  const [state, reload] = useAsync(load);
  return (
    <section aria-labelledby="dashboard-heading">
      <Title2 as="h2" block id="dashboard-heading">
        Involvement plans by status
      </Title2>
      <Loaded state={state} label="Counting plans…" onRetry={reload}>
        {({ byStatus: counts, unreadable }) => (
          <>
            <Body1 as="p" block>
              {(Object.values(counts).reduce((a, b) => a + b, 0) + unreadable.length).toLocaleString('en-GB')} plans in total.
            </Body1>
            {unreadable.length > 0 && <UncountedPlans plans={unreadable} />}
            <ul className={styles.grid} aria-label="Plans by status">
              {PLAN_STATUSES.map((status) => (
                <li key={status}>
                  <Card>
                    <CardHeader header={<Text weight="semibold">{PLAN_STATUS_LABELS[status]}</Text>} description={STATUS_HINTS[status]} />
                    <Text className={styles.count} aria-label={`${PLAN_STATUS_LABELS[status]}: ${counts[status]} plans`}>
                      {counts[status].toLocaleString('en-GB')}
                    </Text>
                    <Button
                      size="small"
                      onClick={() => setStatus(status)}
                      aria-label={`Show these ${PLAN_STATUS_LABELS[status].toLowerCase()} plans`}
                    >
                      Show these
                    </Button>
                  </Card>
                </li>
              ))}
            </ul>
          </>
        )}
      </Loaded>
      <PlanQueue initialStatus={status} onOpen={onOpen} />
      <SharedStakeholders />
      <ChannelSettings />
      <PendingNotifications />
      <WorkflowSettings />
    </section>
  );
}
