import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AppShell } from '../../src/ui';
import { AfterEngagement } from '../../src/ui/after/AfterEngagement';
import { feedbackNoticeKey, type CurrentUser, type EngagementRecordContent } from '../../src/domain';
import { readyPlanContent } from '../domain/fixtures';
import { completeRecord } from '../domain/recordFixtures';
import { InMemoryOutbox, InMemoryPlans, InMemoryRecords, priya, RecordingNotifier, servicesWith } from './fakes';

afterEach(() => window.localStorage.clear());

const jo: CurrentUser = { id: 4, displayName: 'Jo Bennett', email: 'jo@x', isSiteOwner: false, isInvolvementTeam: true };
const tom = { id: 3, displayName: 'Tom Hughes', email: 'tom@x' };

function unpublished(): EngagementRecordContent {
  const r = completeRecord();
  r.feedback.publishedOn = '';
  return r;
}

function show(
  user: CurrentUser,
  content: EngagementRecordContent,
  shared?: { records: InMemoryRecords; outbox: InMemoryOutbox; repo: InMemoryPlans }
) {
  const repo = shared?.repo ?? new InMemoryPlans();
  const plan = shared ? [...repo.plans.values()][0] : repo.add(readyPlanContent(), undefined, 'reporting');
  const records = shared?.records ?? new InMemoryRecords();
  if (!shared) records.records.set(plan.id, { id: plan.id, version: '"1"', planId: plan.id, content, modified: '', modifiedBy: '' });
  const outbox = shared?.outbox ?? new InMemoryOutbox();
  const notifier = new RecordingNotifier();
  const services = servicesWith(repo, user, { records, outbox, notifier });
  const view = render(
    <AppShell idPrefix="f-" theme="sharepoint" services={services}>
      <AfterEngagement plan={repo.plans.get(plan.id)!} onChanged={() => undefined} />
    </AppShell>
  );
  return { repo, plan, records, outbox, notifier, view };
}

const feedback = (): HTMLElement => screen.getByRole('region', { name: 'You said, we did' });

it('saving the date it was published tells the involvement team in Teams once, and says so after a reload', async () => {
  const { notifier, outbox, records, repo, plan, view } = show(priya, unpublished());
  expect(
    await screen.findByText('When you save the date it was published, the involvement team is told in their Teams channel.')
  ).toBeInTheDocument();
  fireEvent.change(within(feedback()).getByLabelText('Date it was published'), { target: { value: '2027-07-05' } });
  fireEvent.click(within(feedback()).getByRole('button', { name: 'Save “you said, we did”' }));
  expect(
    await screen.findByText(/The involvement team was told in Teams on .* that “you said, we did” was published on 5 July 2027\./)
  ).toBeInTheDocument();
  expect(notifier.posted).toHaveLength(1);
  expect(JSON.parse(notifier.posted[0])).toMatchObject({ kind: 'youSaidWeDid', publishedOn: '2027-07-05', lead: 'Priya Shah' });
  expect(outbox.entries.map((e) => [e.key, e.state])).toEqual(expect.arrayContaining([[feedbackNoticeKey(plan.id, '2027-07-05'), 'sent']]));
  // Saving again (the summary, say) posts nothing more.
  fireEvent.change(within(feedback()).getByLabelText('Summary for the public'), { target: { value: 'We will open on Saturdays.' } });
  fireEvent.click(within(feedback()).getByRole('button', { name: 'Save “you said, we did”' }));
  await waitFor(() => expect(records.records.get(plan.id)!.content.feedback.summary).toBe('We will open on Saturdays.'));
  expect(notifier.posted).toHaveLength(1);
  view.unmount();
  show(jo, unpublished(), { records, outbox, repo });
  expect(await screen.findByText(/The involvement team was told in Teams on/)).toBeInTheDocument();
});

it('a card that could not be sent shows why, survives a reload, and "Try again" sends it once', async () => {
  const first = show(priya, unpublished());
  first.notifier.failing = true;
  await screen.findByText(/When you save the date it was published/);
  fireEvent.change(within(feedback()).getByLabelText('Date it was published'), { target: { value: '2027-07-05' } });
  fireEvent.click(within(feedback()).getByRole('button', { name: 'Save “you said, we did”' }));

  expect(await screen.findByText('The involvement team has not been told in Teams yet.')).toBeInTheDocument();
  expect(screen.getByText(/The last try failed: HTTP 403: not a member of the team/)).toBeInTheDocument();
  first.view.unmount();
  // The team opens the plan later: the state is read from the outbox, and they finish it.
  const again = show(jo, unpublished(), first);
  fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
  expect(await screen.findByText(/The involvement team was told in Teams on/)).toBeInTheDocument();
  expect(again.notifier.posted).toHaveLength(1);
  expect(first.outbox.entries.filter((e) => e.key.includes('yousaidwedid'))).toHaveLength(1);
});

it('a "Sent" item planted by another lead does not count: the lead is offered "Tell the team now", which posts once', async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(readyPlanContent(), undefined, 'reporting');
  const records = new InMemoryRecords();
  records.records.set(plan.id, { id: plan.id, version: '"1"', planId: plan.id, content: completeRecord(), modified: '', modifiedBy: '' });
  const outbox = new InMemoryOutbox();
  outbox.user = { ...tom, isSiteOwner: false, isInvolvementTeam: false };
  const planted = await outbox.add(plan.id, feedbackNoticeKey(plan.id, '2027-07-05'), false);
  await outbox.finish(planted, { ok: true, messageId: 'planted' });
  const { notifier } = show(priya, completeRecord(), { records, outbox, repo });

  expect(await screen.findByText('The involvement team has not been told in Teams yet.')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Tell the team now' }));
  expect(await screen.findByText(/The involvement team was told in Teams on/)).toBeInTheDocument();
  expect(notifier.posted).toHaveLength(1);
});
