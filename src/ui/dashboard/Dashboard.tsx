import * as React from 'react';
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, Title2, tokens } from '@fluentui/react-components';
import { PLAN_STATUS_DESCRIPTIONS, PLAN_STATUS_LABELS, PLAN_STATUSES, type PlanStatus, type StatusOverview } from '../../domain';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useAsync, type AsyncState } from '../common/useAsync';
import { ErrorBar, Loaded } from '../common/components';
import { lazySection } from '../common/LazySection';
import { PlanQueue } from './PlanQueue';
import { useAddressId } from '../common/useAddressId';
import { useHost } from '../shell/host';

/** The annual report: its code loads when the dashboard shows it. */
const AnnualReportSection = lazySection(
  () => import(/* webpackChunkName: "annual-report" */ '../after/AnnualReport').then((m) => m.AnnualReport),
  'Loading the annual report…'
);
// The first screen is the counts and the queue; a plan's review and the team's tools are fetched
// when shown (each with a loading state and "Try again" if the code cannot be fetched).
const PlanReview = lazySection(
  () => import(/* webpackChunkName: "plan-review" */ './PlanReview').then((m) => m.PlanReview),
  'Opening the plan…'
);
const TeamTools = lazySection(
  () => import(/* webpackChunkName: "team-tools" */ './TeamTools').then((m) => m.TeamTools),
  'Loading the team’s tools…'
);

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    padding: 0
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    // Forced colours (high contrast) drop shadows: keep an outline.
    outline: `${tokens.strokeWidthThin} solid transparent`
  },
  hint: { color: tokens.colorNeutralForeground3 },
  count: { fontSize: tokens.fontSizeHero800, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero800 }
});

// The settings page is loaded when it is first opened, so the dashboard stays small.
const InvolvementSettingsPage = lazySection(
  () => import(/* webpackChunkName: "involvement-settings" */ './InvolvementSettingsPage').then((m) => m.InvolvementSettingsPage),
  'Loading the involvement settings…'
);

const readSettings = (): boolean => window.location.hash === '#settings';

/** The involvement team's dashboard: plans by status, the queue with filters, each plan to review, and the settings page. */
export function Dashboard(): JSX.Element {
  const [reviewId, openReview] = useAddressId('review', useHost().openPlanId);
  const [settingsOpen, setSettingsOpen] = React.useState(readSettings);
  React.useEffect(() => {
    const onHash = (): void => setSettingsOpen(readSettings());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const open = (id: number | undefined): void => {
    setSettingsOpen(false);
    openReview(id);
  };
  const openSettings = (): void => {
    window.location.hash = 'settings';
    setSettingsOpen(true);
  };
  if (reviewId !== undefined) return <PlanReview planId={reviewId} onBack={() => open(undefined)} />;
  if (settingsOpen) return <InvolvementSettingsPage onBack={() => open(undefined)} />;
  return <DashboardHome onOpen={open} onOpenSettings={openSettings} />;
}

function DashboardHome({ onOpen, onOpenSettings }: { onOpen(id: number): void; onOpenSettings(): void }): JSX.Element {
  const styles = useStyles();
  const [status, setStatus] = React.useState<PlanStatus>();
  const { plans } = useServices();
  const { mayManage } = useSession();
  const load = React.useCallback(() => plans.countByStatus(), [plans]);
  const [state, reload] = useAsync(load);
  return (
    <section aria-labelledby="dashboard-heading">
      <Title2 as="h2" block id="dashboard-heading">
        Involvement plans by status
      </Title2>
      <Loaded state={state} label="Counting plans…" onRetry={reload}>
        {(counts) => (
          <>
            <Body1 as="p" block>
              {Object.values(counts)
                .reduce((a, b) => a + b, 0)
                .toLocaleString('en-GB')}{' '}
              plans in total.
            </Body1>
            <ul className={styles.grid} aria-label="Plans by status">
              {PLAN_STATUSES.map((status) => (
                <li key={status} className={styles.card}>
                  <div>
                    <Text as="p" block weight="semibold">
                      {PLAN_STATUS_LABELS[status]}
                    </Text>
                    <Text as="p" block size={200} className={styles.hint}>
                      {PLAN_STATUS_DESCRIPTIONS[status]}
                    </Text>
                  </div>
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
                </li>
              ))}
            </ul>
          </>
        )}
      </Loaded>
      <StoredStatusCheck onOpen={onOpen} onChecked={reload} />
      <PlanQueue initialStatus={status} onOpen={onOpen} />
      {mayManage && (
        <section aria-labelledby="settings-link-heading">
          <Title2 as="h2" block id="settings-link-heading">
            Involvement settings
          </Title2>
          <Body1 as="p" block>
            The lead times, programme lengths, consultation length, report deadline, holidays and ladder of engagement every plan’s advice
            uses, each with the guidance its default follows.
          </Body1>
          <Button onClick={onOpenSettings}>Open the involvement settings</Button>
        </section>
      )}
      <AnnualReportSection />
      <TeamTools />
    </section>
  );
}

/**
 * Every plan's stored status checked against the team's record, when the team asks: it reads every
 * plan and decision (about 10 MB at 12,000 plans, with the recount of the tally beside it), so it is
 * not part of opening the dashboard. The button stays where it is (keyboard focus too) and reads
 * "Check again" after a check; what a check finds is announced in a live region that is always there.
 */
function StoredStatusCheck({ onOpen, onChecked }: { onOpen(id: number): void; onChecked(): void }): JSX.Element {
  const { plans } = useServices();
  const [run, setRun] = React.useState<AsyncState<StatusOverview> | undefined>();
  const check = async (): Promise<void> => {
    setRun({ status: 'loading' });
    try {
      const overview = await plans.statusOverview();
      setRun({ status: 'ready', value: overview });
      // The check also counts the tally again: show the counts it gives.
      onChecked();
    } catch (error) {
      setRun({ status: 'failed', error });
    }
  };
  const found = run?.status === 'ready' ? run.value.unconfirmed : undefined;
  const different = run?.status === 'ready' ? (run.value.countedDifferently ?? []) : [];
  return (
    <div>
      <Body1 as="p" block>
        The counts above come from the team’s own record: the status stored on a plan, which its project lead can change, is not used. To
        find plans whose stored status differs from the team’s record, check every plan (on a large site this takes a while).
      </Body1>
      <Button onClick={() => void check()} disabledFocusable={run?.status === 'loading'}>
        {run ? 'Check again' : 'Check every plan’s stored status'}
      </Button>
      <Body1 as="p" block role="status">
        {run?.status === 'loading'
          ? 'Checking every plan…'
          : found?.length === 0
            ? 'Every plan’s stored status matches the team’s record.'
            : found
              ? `${found.length} plan${found.length === 1 ? '' : 's'} stored with a status the record does not confirm.`
              : ''}
      </Body1>
      {run?.status === 'failed' && <ErrorBar error={run.error} onRetry={() => void check()} />}
      {found && found.length > 0 && (
        <PlansWarning
          title={`${found.length} plan${found.length === 1 ? '' : 's'} stored with a status the record does not confirm`}
          listLabel="Plans with an unconfirmed status"
          onOpen={onOpen}
          plans={found.map((u) => ({ ...u, says: `stored as “${u.stored}”, the record says “${PLAN_STATUS_LABELS[u.verified]}”` }))}
        >
          Counted above by what the involvement team’s record says. Open a plan to see the difference and correct the stored copy.
        </PlansWarning>
      )}
      {different.length > 0 && (
        <PlansWarning
          title={`${different.length} plan${different.length === 1 ? ' is' : 's are'} counted above in another status`}
          listLabel="Plans counted in another status"
          onOpen={onOpen}
          plans={different.map((d) => ({
            ...d,
            says: `counted as “${PLAN_STATUS_LABELS[d.counted]}”, the plan says “${PLAN_STATUS_LABELS[d.verified]}”`
          }))}
        >
          The counts above go by each plan’s submission history. This happens when a submission did not finish: its history was written, but
          the plan was not saved (someone changed it at the same moment). Ask the plan’s project lead to submit it again.
        </PlansWarning>
      )}
    </div>
  );
}

/** A warning naming up to 50 plans, each a button that opens it, with what is wrong with it. */
function PlansWarning(props: {
  title: string;
  listLabel: string;
  plans: ReadonlyArray<{ id: number; title: string; says: string }>;
  onOpen(id: number): void;
  children: React.ReactNode;
}): JSX.Element {
  const { title, listLabel, plans, onOpen, children } = props;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
        <ul aria-label={listLabel}>
          {plans.slice(0, 50).map((p) => (
            <li key={p.id}>
              <Button appearance="transparent" size="small" onClick={() => onOpen(p.id)}>
                {p.title || `Plan ${p.id}`}
              </Button>{' '}
              {p.says}
            </li>
          ))}
        </ul>
        {plans.length > 50 && <Text>and {plans.length - 50} more.</Text>}
      </MessageBarBody>
    </MessageBar>
  );
}
