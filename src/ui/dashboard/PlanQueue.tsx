import * as React from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  tokens
} from '@fluentui/react-components';
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../common/PlainTable';
import {
  describeUnconfirmed,
  ENGAGEMENT_LEVEL_INFO,
  ENGAGEMENT_LEVELS,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  type EngagementLevel,
  type PersonRef,
  type PlanQuery,
  type PlanStatus,
  type PlanSummary,
  type UnreadablePlan
} from '../../domain';
import { useServices } from '../shell/services';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/components';
import { formatDate } from '../common/format';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
    marginBottom: tokens.spacingVerticalM
  },
  narrow: { minWidth: '10rem' }
});

/** Props for {@link PlanQueue}. */
export type PlanQueueProps = { initialStatus?: PlanStatus; onOpen(planId: number): void };

/** The involvement team's queue: every plan, filtered on indexed columns, a page at a time. */
export function PlanQueue({ initialStatus, onOpen }: PlanQueueProps): JSX.Element {
  const styles = useStyles();
  const { plans, users } = useServices();
  const [draft, setDraft] = React.useState<PlanQuery>({ status: initialStatus ?? 'submitted' });
  const [query, setQuery] = React.useState<PlanQuery>(draft);
  const [rows, setRows] = React.useState<PlanSummary[]>([]);
  const [unreadable, setUnreadable] = React.useState<UnreadablePlan[]>([]);
  const [next, setNext] = React.useState<string>();
  const [loading, setLoading] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const loadPeople = React.useCallback(() => users.siteUsers(), [users]);
  const [people] = useAsync<PersonRef[]>(loadPeople);

  const fetchPage = React.useCallback(
    async (q: PlanQuery, token: string | undefined, append: boolean) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await plans.query(q, token);
        setRows((current) => (append ? [...current, ...page.items] : page.items));
        // Plans whose stored data cannot be read are listed, never dropped (issue 15 §6).
        setUnreadable((current) => (append ? [...current, ...page.unreadable] : page.unreadable));
        setNext(page.next);
      } catch (caught) {
        setError(caught);
      } finally {
        setLoading(false);
      }
    },
    [plans]
  );
  React.useEffect(() => {
    void fetchPage(query, undefined, false);
  }, [query, fetchPage]);
  React.useEffect(() => {
    if (initialStatus) {
      setDraft((d) => ({ ...d, status: initialStatus }));
      setQuery((q) => ({ ...q, status: initialStatus }));
    }
  }, [initialStatus]);

  const set = <K extends keyof PlanQuery>(key: K, value: PlanQuery[K]): void => setDraft((d) => ({ ...d, [key]: value || undefined }));
  return (
    <section aria-labelledby="queue-heading">
      <h3 id="queue-heading">Plans</h3>
      <form
        className={styles.filters}
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(draft);
        }}
        aria-label="Filter plans"
      >
        <Field label="Status">
          <Select className={styles.narrow} value={draft.status ?? ''} onChange={(_e, d) => set('status', d.value as PlanStatus)}>
            <option value="">Any status</option>
            {PLAN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PLAN_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Level">
          <Select className={styles.narrow} value={draft.level ?? ''} onChange={(_e, d) => set('level', d.value as EngagementLevel)}>
            <option value="">Any level</option>
            {ENGAGEMENT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {ENGAGEMENT_LEVEL_INFO[l].name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Organisation" hint="Exact name">
          <Input value={draft.organisation ?? ''} onChange={(_e, d) => set('organisation', d.value)} />
        </Field>
        <Field label="Place" hint="Exact name">
          <Input value={draft.place ?? ''} onChange={(_e, d) => set('place', d.value)} />
        </Field>
        <Field label="Involvement lead">
          <Select
            className={styles.narrow}
            value={draft.involvementLeadId ? String(draft.involvementLeadId) : ''}
            onChange={(_e, d) => set('involvementLeadId', d.value ? Number(d.value) : undefined)}
          >
            <option value="">Anyone</option>
            {people.status === 'ready' &&
              people.value.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
          </Select>
        </Field>
        <Field label="Decision from">
          <Input type="date" value={draft.decisionFrom ?? ''} onChange={(_e, d) => set('decisionFrom', d.value)} />
        </Field>
        <Field label="Decision to">
          <Input type="date" value={draft.decisionTo ?? ''} onChange={(_e, d) => set('decisionTo', d.value)} />
        </Field>
        <Button appearance="primary" type="submit">
          Show plans
        </Button>
      </form>
      {error !== undefined && (
        <ErrorBar
          error={error}
          onRetry={() => {
            void fetchPage(query, undefined, false);
          }}
        />
      )}
      {unreadable.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {unreadable.length} {unreadable.length === 1 ? 'plan' : 'plans'} on this page could not be read
            </MessageBarTitle>
            They are not in the list below until their stored data is put right.
            <ul aria-label="Plans that could not be read">
              {unreadable.map((u) => (
                <li key={u.id}>
                  <strong>
                    Item {u.id}
                    {u.title ? ` (“${u.title}”)` : ''}
                  </strong>
                  : {u.problem}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Text as="p" role="status">
        {loading ? 'Loading plans…' : `${rows.length}${next ? '+' : ''} plan${rows.length === 1 ? '' : 's'} shown.`}
      </Text>
      {rows.length > 0 && (
        <Table aria-label="Plans matching the filters">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Plan</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Project lead</TableHeaderCell>
              <TableHeaderCell>Organisation and place</TableHeaderCell>
              <TableHeaderCell>Level</TableHeaderCell>
              <TableHeaderCell>Decision date</TableHeaderCell>
              <TableHeaderCell>Involvement lead</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((p) => (
              <TableRow key={p.id}>
                <TableCell>
                  <Button appearance="transparent" onClick={() => onOpen(p.id)}>
                    {p.title}
                  </Button>
                </TableCell>
                <TableCell>
                  <Badge appearance="tint">{PLAN_STATUS_LABELS[p.status]}</Badge>
                  {p.unconfirmed.length > 0 && (
                    <>
                      {' '}
                      <Badge appearance="filled" color="warning">
                        Unconfirmed
                      </Badge>
                      <Text size={200} block>
                        {p.unconfirmed.map(describeUnconfirmed).join('. ')}.
                      </Text>
                    </>
                  )}
                  {p.formalConsultationLikely ? ' Formal consultation likely' : ''}
                </TableCell>
                <TableCell>{p.projectLead?.displayName ?? '—'}</TableCell>
                <TableCell>{[p.organisation, p.placeName].filter(Boolean).join(', ') || '—'}</TableCell>
                <TableCell>{p.chosenLevel ? ENGAGEMENT_LEVEL_INFO[p.chosenLevel].name : '—'}</TableCell>
                <TableCell>{formatDate(p.decisionDate)}</TableCell>
                <TableCell>{p.involvementLead?.displayName ?? 'Not assigned'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {next && (
        <Button
          disabled={loading}
          onClick={() => {
            void fetchPage(query, next, true);
          }}
        >
          Show more plans
        </Button>
      )}
    </section>
  );
}
