import * as React from 'react';
import {
  Badge, Body1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader,
  TableHeaderCell, TableRow, Title2, tokens
} from '@fluentui/react-components';
import { PLAN_STATUS_LABELS, type PlanSummaryPage } from '../../domain';
import { useServices } from '../services';
import { useCurrentUser } from '../ListsGate';
import { useAsync } from '../useAsync';
import { Loaded } from '../components';
import { formatDate, formatDateTime } from '../format';
import { NewPlanDialog } from './NewPlanDialog';

const useStyles = makeStyles({
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  empty: { padding: tokens.spacingVerticalXL, border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium }
});

/** "My plans": the project lead's plans with status, next key date and when each was last saved. */
export function MyPlans(): JSX.Element {
  const styles = useStyles();
  const { plans } = useServices();
  const user = useCurrentUser();
  const load = React.useCallback((): Promise<PlanSummaryPage> => plans.listForLead(user.id), [plans, user.id]);
  const [state, reload] = useAsync(load);
  const [created, setCreated] = React.useState<string>();

  return (
    <section aria-labelledby="my-plans-heading">
      <div className={styles.header}>
        <Title2 as="h2" id="my-plans-heading">My plans</Title2>
        <NewPlanDialog onCreated={(plan) => { setCreated(plan.content.project.title); reload(); }} />
      </div>
      {created && (
        <MessageBar intent="success"><MessageBarBody>Draft “{created}” saved.</MessageBarBody></MessageBar>
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
                <Body1 as="p">Start a plan at least 6 to 8 weeks before you want to speak to people. The involvement team will review it with you.</Body1>
              </div>
            ) : (
              <Table aria-label="My plans">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Plan</TableHeaderCell>
                    <TableHeaderCell>Status</TableHeaderCell>
                    <TableHeaderCell>Next key date</TableHeaderCell>
                    <TableHeaderCell>Last saved</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {page.items.map((p) => (
                    <TableRow key={p.id}>
                      <TableCell>{p.title}</TableCell>
                      <TableCell><Badge appearance="tint" color={p.status === 'changesRequested' ? 'warning' : p.status === 'draft' ? 'informative' : 'brand'}>{PLAN_STATUS_LABELS[p.status]}</Badge></TableCell>
                      <TableCell>{formatDate(p.nextKeyDate)}</TableCell>
                      <TableCell>{formatDateTime(p.modified)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
