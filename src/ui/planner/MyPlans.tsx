import * as React from 'react';
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Title2, tokens } from '@fluentui/react-components';
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../common/PlainTable';
import { PLAN_STATUS_LABELS, type PlanSummary, type PlanSummaryPage } from '../../domain';
import { useServices } from '../shell/services';
import { useCurrentUser } from '../shell/session';
import { useAsync } from '../common/useAsync';
import { ErrorBar, Loaded } from '../common/components';
import { formatDate, formatDateTime } from '../common/format';
import { newRequestId } from '../common/requestId';
import { lazySection } from '../common/LazySection';

// What "My plans" shows only when asked for is fetched then, keeping the first screen small.
const NewPlanForm = lazySection(
  () => import(/* webpackChunkName: "my-plans-actions" */ './NewPlanForm').then((m) => m.NewPlanForm),
  'Opening the form…'
);
const DeleteDraftDialog = lazySection(
  () => import(/* webpackChunkName: "my-plans-actions" */ './DeleteDraftDialog').then((m) => m.DeleteDraftDialog),
  'Opening…'
);

const useStyles = makeStyles({
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  empty: {
    padding: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' }
});

/** Props for {@link MyPlans}. */
export type MyPlansProps = { onOpen(planId: number): void };

/** "My plans": the project lead's plans with status, next key date and when each was last saved. */
export function MyPlans({ onOpen }: MyPlansProps): JSX.Element {
  const styles = useStyles();
  const { plans } = useServices();
  const user = useCurrentUser();
  const load = React.useCallback((): Promise<PlanSummaryPage> => plans.listForLead(user.id), [plans, user.id]);
  const [state, reload] = useAsync(load);
  const [notice, setNotice] = React.useState<string>();
  const [error, setError] = React.useState<unknown>();
  const [busy, setBusy] = React.useState(false);
  const [confirmDelete, setConfirmDelete] = React.useState<PlanSummary>();
  const [creating, setCreating] = React.useState(false);

  const lastWork = React.useRef<() => Promise<string>>();
  const act = async (work: () => Promise<string>): Promise<void> => {
    lastWork.current = work;
    setBusy(true);
    setError(undefined);
    try {
      setNotice(await work());
      reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const duplicate = (p: PlanSummary): Promise<void> => {
    // One request id for this duplicate, so "Try again" after a cut-off never makes two copies.
    const requestId = newRequestId();
    return act(async () => {
      const [source, { duplicateContent }] = await Promise.all([
        plans.get(p.id),
        import(/* webpackChunkName: "my-plans-actions" */ './duplicatePlan')
      ]);
      const content = duplicateContent(source.content);
      await plans.create(content, { id: user.id, displayName: user.displayName, email: user.email }, requestId);
      return `“${content.project.title}” created as a new draft.`;
    });
  };
  const remove = (p: PlanSummary): Promise<void> =>
    act(async () => {
      const current = await plans.get(p.id);
      await plans.remove(p.id, current.version);
      setConfirmDelete(undefined);
      return `Draft “${p.title}” deleted.`;
    });

  return (
    <section aria-labelledby="my-plans-heading">
      <div className={styles.header}>
        <Title2 as="h2" id="my-plans-heading">
          My plans
        </Title2>
      </div>
      {user.mayCreatePlans === false ? (
        <MessageBar intent="info">
          <MessageBarBody>You can read plans on this site but not start one. Ask a site owner if you need to write a plan.</MessageBarBody>
        </MessageBar>
      ) : creating ? (
        <NewPlanForm onCreated={(plan) => onOpen(plan.id)} onCancel={() => setCreating(false)} />
      ) : (
        <Button appearance="primary" onClick={() => setCreating(true)}>
          Start a new plan
        </Button>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && (
        <ErrorBar
          error={error}
          onRetry={() => {
            const work = lastWork.current;
            if (work) void act(work);
          }}
        />
      )}
      <Loaded state={state} label="Loading your plans…" onRetry={reload}>
        {(page) => (
          <>
            {page.unreadable.length > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{page.unreadable.length} of your plans could not be read</MessageBarTitle>
                  {page.unreadable.map((u) => `“${u.title || `Plan ${u.id}`}”: ${u.problem}`).join(' ')}
                </MessageBarBody>
              </MessageBar>
            )}
            {page.items.length === 0 && page.unreadable.length === 0 ? (
              <div className={styles.empty}>
                <Body1 as="p">You have no involvement plans yet.</Body1>
                {user.mayCreatePlans !== false && (
                  <Body1 as="p">
                    Start a plan at least 6 to 8 weeks before you want to speak to people. The involvement team will review it with you.
                  </Body1>
                )}
              </div>
            ) : (
              <Table aria-label="My plans">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Plan</TableHeaderCell>
                    <TableHeaderCell>Status</TableHeaderCell>
                    <TableHeaderCell>Next key date</TableHeaderCell>
                    <TableHeaderCell>Last saved</TableHeaderCell>
                    <TableHeaderCell>Actions</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {page.items.map((p) => (
                    <TableRow key={p.id}>
                      <TableCell>{p.title}</TableCell>
                      <TableCell>
                        <Badge
                          appearance="tint"
                          color={p.status === 'changesRequested' ? 'warning' : p.status === 'draft' ? 'informative' : 'brand'}
                        >
                          {PLAN_STATUS_LABELS[p.status]}
                        </Badge>
                      </TableCell>
                      <TableCell>{formatDate(p.nextKeyDate)}</TableCell>
                      <TableCell>{formatDateTime(p.modified)}</TableCell>
                      <TableCell>
                        <div className={styles.actions}>
                          <Button
                            size="small"
                            appearance="primary"
                            onClick={() => onOpen(p.id)}
                            aria-label={`${p.status === 'draft' ? 'Continue' : 'Open'} “${p.title}”`}
                          >
                            {p.status === 'draft' ? 'Continue' : 'Open'}
                          </Button>
                          <Button
                            size="small"
                            disabled={busy}
                            onClick={() => {
                              void duplicate(p);
                            }}
                            aria-label={`Duplicate “${p.title}”`}
                          >
                            Duplicate
                          </Button>
                          {p.status === 'draft' && (
                            <Button size="small" disabled={busy} onClick={() => setConfirmDelete(p)} aria-label={`Delete “${p.title}”`}>
                              Delete
                            </Button>
                          )}
                        </div>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
      </Loaded>
      {confirmDelete && (
        <DeleteDraftDialog
          title={confirmDelete.title}
          busy={busy}
          onKeep={() => setConfirmDelete(undefined)}
          onDelete={() => {
            void remove(confirmDelete);
          }}
        />
      )}
    </section>
  );
}
