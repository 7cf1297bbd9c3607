import * as React from 'react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AppShell } from '../../src/ui';
import { AfterEngagement } from '../../src/ui/after/AfterEngagement';
import { DataError, emptyStakeholderFields, financialYearOf, recordSummary, type CurrentUser, type PlanStatus } from '../../src/domain';
import { AnnualReport } from '../../src/ui/after/AnnualReport';
import { readyPlanContent } from '../domain/fixtures';
import { completeRecord, deliveredRecord } from '../domain/recordFixtures';
import {
  InMemoryPlans,
  InMemoryRecords,
  InMemorySettingsStore,
  InMemorySignOffs,
  InMemoryStakeholders,
  priya,
  servicesWith
} from './fakes';
import { formatDate, formatDateTime } from '../../src/ui/common/format';

afterEach(() => window.localStorage.clear());

const jo: CurrentUser = { id: 4, displayName: 'Jo Bennett', email: 'jo@x', isSiteOwner: false, isInvolvementTeam: true };

function show(
  status: PlanStatus,
  user: CurrentUser,
  content = deliveredRecord(),
  involvementSettings = new InMemorySettingsStore(),
  planContent = readyPlanContent(),
  stakeholders = new InMemoryStakeholders()
) {
  const repo = new InMemoryPlans();
  const plan = repo.add(planContent, undefined, status);
  const records = new InMemoryRecords();
  records.records.set(plan.id, { id: plan.id, version: '"1"', planId: plan.id, content, modified: '', modifiedBy: '' });
  const signOffs = new InMemorySignOffs();
  const services = servicesWith(repo, user, { records, signOffs, involvementSettings, stakeholders });
  const onChanged = jest.fn();
  render(
    <AppShell idPrefix="a-" theme="sharepoint" services={services}>
      <AfterEngagement plan={repo.plans.get(plan.id)!} onChanged={onChanged} />
    </AppShell>
  );
  return { repo, plan, records, signOffs, onChanged };
}

it('the lead records an activity with who took part by group, and monitoring shows who we are still not hearing from', async () => {
  const { records, plan } = show('inDelivery', priya);
  expect(await screen.findByText(/Who we are still not hearing from/)).toBeInTheDocument();
  expect(screen.getByText(/Gender reassignment, Marriage and civil partnership/)).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Add an activity' }));
  const form = screen.getByRole('form', { name: 'New activity' });
  fireEvent.change(within(form).getByLabelText(/What took place/), { target: { value: 'Pop-up at Hexham market' } });
  fireEvent.change(within(form).getByLabelText('People who took part'), { target: { value: '12' } });
  fireEvent.change(within(form).getByLabelText('Gender reassignment'), { target: { value: '13' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save activity' }));
  // More people in a group than took part: said at the field, nothing saved, nothing lost.
  expect(await within(form).findByText('This is more than the number of people who took part. Check the numbers.')).toBeInTheDocument();
  expect(records.saves).toBe(0);
  expect(within(form).getByLabelText(/What took place/)).toHaveValue('Pop-up at Hexham market');
  fireEvent.change(within(form).getByLabelText('Gender reassignment'), { target: { value: '2' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save activity' }));
  expect(await screen.findByRole('rowheader', { name: 'Pop-up at Hexham market' })).toBeInTheDocument();
  const saved = records.records.get(plan.id)!;
  expect(saved.content.activities).toHaveLength(3);
  expect(saved.content.activities[2].reached).toEqual({ 'gender-reassignment': 2 });
  expect(screen.queryByText(/Gender reassignment, Marriage/)).not.toBeInTheDocument();
});

it('the lead says who an activity was for from the plan’s audiences and its stakeholder map, and what it cost against each budget line', async () => {
  const planContent = readyPlanContent();
  planContent.budget = [
    { item: 'vcse-focus-group', description: 'VCSE focus groups', unitCostGbp: 200, quantity: 3 },
    { item: null, description: 'Easy read leaflets', unitCostGbp: 50, quantity: 2 }
  ];
  planContent.communications.audiences.push({ audience: 'Night workers', keyMessages: '', tactics: '' });
  // The plan's map, read when the form opens (the plan id is the first the fake gives: 1).
  const stakeholders = new InMemoryStakeholders().seed(1, [
    { ...emptyStakeholderFields(), name: 'Hexham Carers Centre' },
    { ...emptyStakeholderFields(), name: 'Riverside Youth Forum' }
  ]);
  const { records, plan } = show('inDelivery', priya, deliveredRecord(), new InMemorySettingsStore(), planContent, stakeholders);
  // Neither activity so far was for the night workers, nor for the audience of the plan's focus group: said while it runs.
  expect(await screen.findByText('Audiences no activity has been for yet')).toBeInTheDocument();
  expect(screen.getByText(/no activity recorded so far was for them: Night workers, Night-time users of the unit\./)).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Add an activity' }));
  const form = screen.getByRole('form', { name: 'New activity' });
  fireEvent.change(within(form).getByLabelText(/What took place/), { target: { value: 'Night shift drop-in' } });
  fireEvent.click(within(form).getByRole('checkbox', { name: 'Night workers (an audience in the plan)' }));
  const find = within(form).getByRole('combobox', { name: 'Add a stakeholder from the plan’s map' });
  await waitFor(() => expect(find).toBeEnabled());
  fireEvent.change(find, { target: { value: 'carers' } });
  fireEvent.keyDown(find, { key: 'ArrowDown' });
  // Only the names that match what was typed are offered.
  expect(screen.queryByRole('option', { name: 'Riverside Youth Forum' })).not.toBeInTheDocument();
  fireEvent.click(await screen.findByRole('option', { name: 'Hexham Carers Centre' }));
  // The picked stakeholder is now a ticked name, and can be unticked like the audiences.
  expect(within(form).getByRole('checkbox', { name: 'Hexham Carers Centre' })).toBeChecked();
  fireEvent.change(within(form).getByLabelText('Easy read leaflets (£)'), { target: { value: '40' } });
  fireEvent.change(within(form).getByLabelText('Anything not in the plan’s budget (£)'), { target: { value: '-12.50' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save activity' }));
  // An amount below £0 is said at its own box; nothing is saved or lost.
  expect(await within(form).findByText('Enter the cost in pounds, £0 or more.')).toBeInTheDocument();
  expect(records.saves).toBe(0);
  fireEvent.change(within(form).getByLabelText('Anything not in the plan’s budget (£)'), { target: { value: '12.50' } });
  expect(within(form).getByText('Actual cost: £52.50')).toBeInTheDocument();
  fireEvent.click(within(form).getByRole('button', { name: 'Save activity' }));
  expect(await screen.findByRole('rowheader', { name: 'Night shift drop-in' })).toBeInTheDocument();
  const saved = records.records.get(plan.id)!.content.activities[2];
  expect(saved).toMatchObject({
    audiences: ['Night workers', 'Hexham Carers Centre'],
    costGbp: 52.5,
    costs: [
      { line: 1, gbp: 40 },
      { line: null, gbp: 12.5 }
    ]
  });
  expect(screen.getByText(/no activity recorded so far was for them: Night-time users of the unit\./)).toBeInTheDocument();
  const spend = screen.getByRole('table', { name: 'Spend by budget line' });
  const row = (name: string) => within(spend).getByRole('row', { name: new RegExp(`^${name}`) }).textContent;
  expect(row('VCSE focus groups')).toBe('VCSE focus groups£600.00£0.00£600.00 under budget');
  expect(row('Easy read leaflets')).toBe('Easy read leaflets£100.00£40.00£60.00 under budget');
  // The two activities recorded before costs were split (£370.50) and this one's £12.50 were not planned.
  expect(row('Not in the plan’s budget')).toBe('Not in the plan’s budget£0.00£383.00£383.00 over budget');
});

it('when the plan’s stakeholder map cannot be read, the lead can still pick its audiences, and try again', async () => {
  const stakeholders = new InMemoryStakeholders();
  let fail = true;
  const list = stakeholders.listForPlan.bind(stakeholders);
  stakeholders.listForPlan = async (planId: number) => {
    if (fail) throw new DataError('unavailable', 'offline');
    return list(planId);
  };
  stakeholders.seed(1, [{ ...emptyStakeholderFields(), name: 'Hexham Carers Centre' }]);
  show('inDelivery', priya, deliveredRecord(), new InMemorySettingsStore(), readyPlanContent(), stakeholders);
  fireEvent.click(await screen.findByRole('button', { name: 'Add an activity' }));
  const form = screen.getByRole('form', { name: 'New activity' });
  expect(await within(form).findByText(/stakeholder map could not be read/)).toBeInTheDocument();
  expect(within(form).getByRole('checkbox', { name: 'People who use the unit at night (an audience in the plan)' })).toBeEnabled();
  fail = false;
  fireEvent.click(within(form).getByRole('button', { name: 'Try again' }));
  await waitFor(() => expect(within(form).getByRole('combobox', { name: 'Add a stakeholder from the plan’s map' })).toBeEnabled());
});

it('a save that meets someone else\'s change asks, and "Keep my changes" saves mine on top of theirs', async () => {
  const { records, plan } = show('inDelivery', priya);
  await screen.findByText('Engagement log');
  // Someone else saves first.
  const theirs = { ...records.records.get(plan.id)!, version: '"9"', modifiedBy: 'Jo Bennett' };
  records.records.set(plan.id, theirs);
  fireEvent.change(screen.getByLabelText('Response target'), { target: { value: '250' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
  expect(await screen.findByText('Someone else saved this record while you were working')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Keep my changes' }));
  await screen.findByText(/of a target of 250/);
  expect(records.records.get(plan.id)!.content.responseTarget).toBe(250);
});

it('throttling is retried after the wait SharePoint asks for, then saved once', async () => {
  const { records, plan } = show('inDelivery', priya);
  await screen.findByText('Engagement log');
  records.failNextSaves.push(new DataError('throttled', 'HTTP 429', 50));
  fireEvent.change(screen.getByLabelText('Response target'), { target: { value: '123' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
  await screen.findByText(/of a target of 123/, {}, { timeout: 3000 });
  expect(records.saves).toBe(2);
  expect(records.records.get(plan.id)!.content.responseTarget).toBe(123);
});

it('a change that could not be saved is kept on this device and offered back after a reload', async () => {
  const first = show('inDelivery', priya);
  await screen.findByText('Engagement log');
  first.records.failNextSaves.push(new DataError('forbidden', 'HTTP 403'));
  fireEvent.change(screen.getByLabelText('Response target'), { target: { value: '321' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
  expect(await screen.findByText('You do not have permission')).toBeInTheDocument();
  expect(await screen.findByText('Your change is kept on this device until it is saved.')).toBeInTheDocument();
  cleanup();
  // The same person opens the plan again (the record on SharePoint is unchanged).
  const repo = first.repo;
  const services = servicesWith(repo, priya, { records: first.records, signOffs: first.signOffs });
  render(
    <AppShell idPrefix="b-" theme="sharepoint" services={services}>
      <AfterEngagement plan={repo.plans.get(first.plan.id)!} onChanged={() => undefined} />
    </AppShell>
  );
  expect(await screen.findByText('We found changes that were not saved')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Restore my changes' }));
  await screen.findByText(/of a target of 321/);
  expect(first.records.records.get(first.plan.id)!.content.responseTarget).toBe(321);
});

it("the report's due date follows the organisation's saved report deadline, and saves keep that deadline for the annual report", async () => {
  const today = new Date().toISOString().slice(0, 10);
  const due = new Date(Date.parse(`${today}T00:00:00Z`) + 8 * 7 * 86_400_000).toISOString().slice(0, 10);
  const r = deliveredRecord();
  r.report.engagementClosed = today;
  const { records } = show('reporting', priya, r, new InMemorySettingsStore({ reportDueWeeksAfterClose: 8 }));
  expect(
    await screen.findByText(
      `The report is due by ${formatDate(due)} (56 days left): 8 weeks after the engagement closed (your organisation’s setting; TRUST says 12).`
    )
  ).toBeInTheDocument();
  fireEvent.change(screen.getByLabelText('Response target'), { target: { value: '240' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
  await screen.findByText(/of a target of 240/);
  expect(records.lastReportDueWeeks).toBe(8);
});

it("a late report's message names the organisation's own deadline, not TRUST's 12 weeks, when the setting differs", async () => {
  const r = deliveredRecord();
  r.report.engagementClosed = '2020-01-06';
  show('reporting', priya, r, new InMemorySettingsStore({ reportDueWeeksAfterClose: 8 }));
  const late = (await screen.findByText('The report is late')).parentElement!;
  expect(late).toHaveTextContent(`It was due by ${formatDate('2020-03-02')}.`);
  expect(late).toHaveTextContent('Your organisation’s deadline is 8 weeks after the engagement closed, and it has passed');
  // TRUST's line is still quoted as it stands, after the organisation's own deadline.
  expect(late).toHaveTextContent('TRUST: “Where it is not published within 12 weeks');
});

it("a late report under TRUST's default deadline quotes TRUST alone", async () => {
  const r = deliveredRecord();
  r.report.engagementClosed = '2020-01-06';
  show('reporting', priya, r);
  const late = (await screen.findByText('The report is late')).parentElement!;
  expect(late).toHaveTextContent(`It was due by ${formatDate('2020-03-30')}.`);
  expect(late).not.toHaveTextContent('Your organisation’s deadline');
  expect(late).toHaveTextContent(
    'TRUST: “Where it is not published within 12 weeks, the Trust should publish a brief explanation for the delay.”'
  );
});

it('the team sees what closing still needs, and cannot close until the record is complete', async () => {
  const r = completeRecord();
  r.feedback.publishedOn = '';
  show('reporting', jo, r);
  expect(await screen.findByRole('list', { name: 'What is still needed' })).toHaveTextContent(
    'Enter the date "you said, we did" was published, or say why it was not.'
  );
  expect(screen.getByRole('button', { name: 'Close the plan' })).toBeDisabled();
});

it('closing signs off the record, then the plan is closed; "you said, we did" shows its reading age', async () => {
  const { repo, plan, signOffs, onChanged } = show('reporting', jo, completeRecord());
  expect(await screen.findByText(/Estimated reading age: \d+ years — about right/)).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Close the plan' }));
  await waitFor(() => expect(onChanged).toHaveBeenCalled());
  expect(repo.plans.get(plan.id)!.status).toBe('closed');
  expect(signOffs.items).toHaveLength(1);
  expect(signOffs.items[0].snapshot).toEqual(completeRecord());
});

it('a lead cannot move the plan on, and sees the record read only once closed', async () => {
  const { signOffs, plan } = show('closed', priya, completeRecord());
  await signOffs.add(plan.id, completeRecord(), 'Closed.', 'x');
  expect(await screen.findByText('Engagement log')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Add an activity' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Close the plan' })).not.toBeInTheDocument();
});

it('a settings change saved elsewhere reaches this open screen when the person comes back to it, and says so', async () => {
  const today = new Date().toISOString().slice(0, 10);
  const r = deliveredRecord();
  r.report.engagementClosed = today;
  const store = new InMemorySettingsStore({ reportDueWeeksAfterClose: 8 });
  show('reporting', priya, r, store);
  expect(await screen.findByText(/\(56 days left\): 8 weeks after the engagement closed/)).toBeInTheDocument();
  store.saveElsewhere({ reportDueWeeksAfterClose: 10 });
  const now = Date.now();
  const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 2 * 60_000);
  try {
    document.dispatchEvent(new Event('visibilitychange'));
    expect(await screen.findByText(/\(70 days left\): 10 weeks after the engagement closed/)).toBeInTheDocument();
    expect(
      screen.getByText(
        'Your organisation’s involvement settings have changed since this page opened. The advice on this page now uses the new settings.'
      )
    ).toBeInTheDocument();
  } finally {
    clock.mockRestore();
  }
});

it('the annual report leaves out a plan whose record cannot be read, says which and who can put it right, and still shows the rest', async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(readyPlanContent(), undefined, 'closed');
  const records = new InMemoryRecords();
  const content = completeRecord();
  records.period = {
    summaries: [recordSummary(repo.plans.get(plan.id)!, content, 12)],
    unreadable: [{ itemId: 41, planId: 7, problem: 'List "Engagement records", column "ipSummaryJson": of item 41 is not valid JSON.' }]
  };
  const year = financialYearOf(content.report.engagementClosed);
  render(
    <AppShell idPrefix="r-" theme="sharepoint" services={servicesWith(repo, jo, { records })}>
      <AnnualReport />
    </AppShell>
  );
  fireEvent.change(await screen.findByRole('combobox', { name: 'Financial year' }), { target: { value: String(year) } });
  fireEvent.click(screen.getByRole('button', { name: 'Show the annual report' }));
  const warning = (await screen.findByText('1 plan is left out: its record could not be read')).parentElement!;
  expect(warning).toHaveTextContent(
    'Plan 7 (record item 41): List "Engagement records", column "ipSummaryJson": of item 41 is not valid JSON.'
  );
  expect(warning).toHaveTextContent('The plan’s lead or the involvement team can put it right');
  expect(screen.getByText('Plans whose engagement ended in the year').nextElementSibling).toHaveTextContent('1');
});

it("every change to the record is shown on request: who and when from SharePoint's history, and what changed", async () => {
  const { records } = show('inDelivery', jo);
  records.history = [
    {
      version: '2.0',
      at: '2026-11-30T10:00:00Z',
      by: { id: 4, displayName: 'Jo Bennett', email: 'jo@x' },
      parts: ['The engagement log (1 entry added)']
    },
    {
      version: '1.0',
      at: '2026-11-29T09:00:00Z',
      by: { id: 2, displayName: 'Priya Shah', email: 'priya@x.nhs.uk' },
      parts: ['Started the record']
    }
  ];
  fireEvent.click(await screen.findByRole('button', { name: 'Show every change to this record' }));
  const list = await screen.findByRole('list', { name: 'Changes to the record, newest first' });
  const items = within(list).getAllByRole('listitem');
  expect(items[0]).toHaveTextContent(`${formatDateTime('2026-11-30T10:00:00Z')}, Jo Bennett: The engagement log (1 entry added).`);
  expect(items[1]).toHaveTextContent('Priya Shah: Started the record.');
});
