import * as React from 'react';
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Text,
  Title2,
  Title3,
  tokens
} from '@fluentui/react-components';
import {
  annualReportCsv,
  buildAnnualReport,
  financialYear,
  financialYearOf,
  type AnnualReport as Report,
  type CountRow
} from '../../domain';
import { useServices } from '../shell/services';
import { ErrorBar } from '../common/components';
import { downloadBlob, downloadWord } from '../export/ExportActions';
import { annualReportDocument } from './documents';

const useStyles = makeStyles({
  pair: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXL,
    marginBottom: tokens.spacingVerticalL,
    '@media (max-width: 700px)': { gridTemplateColumns: '1fr' }
  },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalXS },
  barLabel: { width: '12rem', flexShrink: 0 },
  barFill: { height: '1rem', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall, minWidth: '2px' },
  table: { borderCollapse: 'collapse', '& th, & td': { textAlign: 'left', padding: '2px 8px' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end', marginBottom: tokens.spacingVerticalM }
});

/** A bar chart with the same figures as a table beside it (the chart is hidden from screen readers; the table is read). */
function ChartWithTable({ title, rows, unit }: { title: string; rows: readonly CountRow[]; unit: string }): JSX.Element {
  const styles = useStyles();
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <section aria-label={title}>
      <Title3 as="h3" block>
        {title}
      </Title3>
      <div className={styles.pair}>
        <div aria-hidden="true">
          {rows.map((r) => (
            <div key={r.key} className={styles.bar}>
              <span className={styles.barLabel}>{r.label}</span>
              <span className={styles.barFill} style={{ width: `${(r.count / max) * 60}%` }} />
              <span>{r.count}</span>
            </div>
          ))}
        </div>
        <table className={styles.table}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{title.replace(/^.*by /i, '').replace(/^\w/, (c) => c.toUpperCase())}</th>
              <th scope="col">{unit}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td>{r.count.toLocaleString('en-GB')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const gbp = (n: number): string => n.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' });

/**
 * The annual report across all plans for a financial year (April to March): plans by status,
 * level, route, organisation and place; who we heard from and who we did not; formal
 * consultations and their report deadlines; "you said, we did"; spend. Read a page at a time on
 * indexed columns, with progress; downloads as Word and CSV.
 */
export function AnnualReport(): JSX.Element {
  const styles = useStyles();
  const { plans, records } = useServices();
  const current = financialYearOf(new Date().toISOString().slice(0, 10));
  const [year, setYear] = React.useState(current);
  const [loaded, setLoaded] = React.useState(0);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [report, setReport] = React.useState<Report>();
  const build = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setLoaded(0);
    try {
      const period = financialYear(year);
      const [rows, counts] = await Promise.all([records.listForPeriod(period.from, period.to, setLoaded), plans.countByStatus()]);
      setReport(buildAnnualReport(period, rows.summaries, counts, new Date().toISOString().slice(0, 10), rows.unreadable));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const years = Array.from({ length: 6 }, (_v, i) => current - i);
  return (
    <section aria-labelledby="annual-report-heading">
      <Title2 as="h2" id="annual-report-heading" block>
        Annual report
      </Title2>
      <Text as="p" block>
        How the organisation met its duty to involve (LSC: “report on how they meet it in their annual reports”): every plan whose
        engagement ended in the year.
      </Text>
      <div className={styles.actions}>
        <Field label="Financial year">
          <Select value={String(year)} onChange={(_e, d) => setYear(Number(d.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {financialYear(y).label}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" disabled={busy} onClick={() => void build()}>
          Show the annual report
        </Button>
        {report && (
          <>
            <Button onClick={() => downloadWord(annualReportDocument(report, ''), 'annual-report').catch(setError)}>Download (Word)</Button>
            <Button
              onClick={() =>
                downloadBlob(
                  new Blob(['\ufeff', annualReportCsv(report)], { type: 'text/csv;charset=utf-8' }),
                  `annual-report-${report.period.from.slice(0, 4)}.csv`
                )
              }
            >
              Download the plans (CSV)
            </Button>
          </>
        )}
      </div>
      {busy && <ProgressBar aria-label={`Reading records: ${loaded} so far`} />}
      {busy && (
        <Text role="status" aria-live="polite">
          Reading records… {loaded.toLocaleString('en-GB')} so far.
        </Text>
      )}
      {error !== undefined && <ErrorBar error={error} onRetry={() => void build()} />}
      {report && (
        <div aria-live="polite">
          <Title3 as="h3" block>
            {report.period.label}
          </Title3>
          <dl>
            <dt>Plans whose engagement ended in the year</dt>
            <dd>{report.plans}</dd>
            <dt>People who took part</dt>
            <dd>{report.participants.toLocaleString('en-GB')}</dd>
            <dt>Responses</dt>
            <dd>{report.responses.toLocaleString('en-GB')}</dd>
            <dt>“You said, we did” published</dt>
            <dd>{report.youSaidWeDidPublished}</dd>
            <dt>Spent</dt>
            <dd>
              {gbp(report.spentGbp)} of {gbp(report.budgetGbp)} budgeted
            </dd>
          </dl>
          {report.unreadable.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>
                  {report.unreadable.length === 1
                    ? '1 plan is left out: its record could not be read'
                    : `${report.unreadable.length} plans are left out: their records could not be read`}
                </MessageBarTitle>
                The figures below do not include {report.unreadable.length === 1 ? 'it' : 'them'}. The plan’s lead or the involvement team
                can put it right by opening the plan’s engagement record and saving it again.
                <ul>
                  {report.unreadable.slice(0, 20).map((u) => (
                    <li key={u.itemId}>
                      {u.planId === null ? 'A record with no plan' : `Plan ${u.planId}`} (record item {u.itemId}): {u.problem}
                    </li>
                  ))}
                </ul>
                {report.unreadable.length > 20 && `And ${report.unreadable.length - 20} more.`}
              </MessageBarBody>
            </MessageBar>
          )}
          <ChartWithTable title="All plans today by status" rows={report.byStatus} unit="Plans" />
          <ChartWithTable title="Plans by level of engagement" rows={report.byLevel} unit="Plans" />
          <ChartWithTable title="Plans by route" rows={report.byRoute} unit="Plans" />
          <ChartWithTable title="Plans by organisation" rows={report.byOrganisation} unit="Plans" />
          <ChartWithTable title="Plans by place" rows={report.byPlace} unit="Plans" />
          <ChartWithTable
            title="People reached by group"
            rows={report.coverage.map((c) => ({ key: c.group, label: c.label, count: c.reached }))}
            unit="People"
          />
          {report.notHeardFrom.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Who we are not hearing from</MessageBarTitle>
                No plan in the year reached anybody from: {report.notHeardFrom.map((c) => c.label).join(', ')}.
              </MessageBarBody>
            </MessageBar>
          )}
          <Title3 as="h3" block>
            Formal consultations
          </Title3>
          <Text as="p" block>
            {report.formalConsultations.total} formal consultations: {report.formalConsultations.reportOnTime} reports published within
            their deadline, {report.formalConsultations.reportLate} late ({report.formalConsultations.lateExplained} with the delay
            explained), {report.formalConsultations.reportNotYetDue} not yet due.
          </Text>
          <Title3 as="h3" block>
            You said, we did: highlights
          </Title3>
          {report.highlights.length === 0 ? (
            <Text as="p" block>
              None recorded in this year.
            </Text>
          ) : (
            <table className={styles.table}>
              <caption>You said, we did</caption>
              <thead>
                <tr>
                  <th scope="col">Plan</th>
                  <th scope="col">You said</th>
                  <th scope="col">We did</th>
                </tr>
              </thead>
              <tbody>
                {report.highlights.map((h, i) => (
                  <tr key={i}>
                    <th scope="row">{h.planTitle}</th>
                    <td>{h.said}</td>
                    <td>{h.did}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
