/**
 * Issue 15 §6 and issue 14 on the involvement team's dashboard: no plan is dropped without a word.
 * A plan whose stored data cannot be read is listed in the queue by item id, with what is wrong
 * and who can fix it; a plan whose stored status the team's record does not bear out (a status
 * the planner does not know, or one a lead set themselves) is counted by what the record says
 * and listed with what is stored.
 */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { AppShell, Dashboard } from '../../src/ui';
import { emptyPlanContent } from '../../src/domain';
import { readyPlanContent } from '../domain/fixtures';
import { InMemoryPlans, servicesWith } from './fakes';

const PROBLEM =
  'List "Involvement plans", item 42, column "ipFormalConsultation": has the wrong type (ipFormalConsultation should be boolean). A site owner can correct the value in the list (running "Set up lists" does not change values).';

const team = { id: 4, displayName: 'Jo', email: 'jo@x', isSiteOwner: false, isInvolvementTeam: true };

function renderDashboard(repo: InMemoryPlans): void {
  render(
    <AppShell idPrefix="d-" theme="sharepoint" services={servicesWith(repo, team)}>
      <Dashboard />
    </AppShell>
  );
}

it('lists a plan the queue cannot read by item id, with what is wrong and who can fix it', async () => {
  const repo = new InMemoryPlans();
  repo.add(emptyPlanContent());
  repo.unreadable.push({ id: 42, title: 'Broken', problem: PROBLEM });
  renderDashboard(repo);
  const queue = await screen.findByRole('list', { name: 'Plans that could not be read' }, { timeout: 10_000 });
  expect(within(queue).getByRole('listitem')).toHaveTextContent(`Item 42 (“Broken”): ${PROBLEM}`);
});

it('counts a plan stored as "Accepted" that the team never accepted by its record, and lists it with what is stored', async () => {
  const repo = new InMemoryPlans();
  repo.add(emptyPlanContent());
  const forged = repo.add({ ...emptyPlanContent(), project: { ...emptyPlanContent().project, title: 'Forged' } });
  // The lead sets the Status column of their own draft themselves (raw REST): no decision behind it.
  repo.plans.set(forged.id, { ...forged, status: 'accepted' });
  renderDashboard(repo);
  expect(await screen.findByText('2 plans in total.', {}, { timeout: 10_000 })).toBeInTheDocument();
  expect(screen.getByLabelText('Draft: 2 plans')).toBeInTheDocument();
  expect(screen.getByLabelText('Accepted: 0 plans')).toBeInTheDocument();
  // Checking every plan's stored status is the team's choice (it reads every plan).
  expect(screen.queryByRole('list', { name: 'Plans with an unconfirmed status' })).not.toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Check every plan’s stored status' }));
  const listed = await screen.findByRole('list', { name: 'Plans with an unconfirmed status' });
  expect(within(listed).getByRole('listitem')).toHaveTextContent('Forged stored as “Accepted”, the record says “Draft”');
  expect(repo.plans.get(forged.id)?.status).toBe('accepted');
});

it('says so when every stored status matches the record', async () => {
  const repo = new InMemoryPlans();
  repo.add(emptyPlanContent());
  renderDashboard(repo);
  fireEvent.click(await screen.findByRole('button', { name: 'Check every plan’s stored status' }, { timeout: 10_000 }));
  expect(await screen.findByText('Every plan’s stored status matches the team’s record.')).toHaveAttribute('role', 'status');
  // The button stays (and keeps keyboard focus) to check again.
  expect(screen.getByRole('button', { name: 'Check again' })).toBeInTheDocument();
});

it("an accepted plan's review offers 'Start delivery' once: the review's own action (which tells the lead), not a second one in the engagement record", async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(readyPlanContent(), undefined, 'accepted');
  render(
    <AppShell
      idPrefix="d-"
      theme="sharepoint"
      host={{ openPlanId: plan.id }}
      services={servicesWith(repo, { id: 4, displayName: 'Jo', email: 'jo@x', isSiteOwner: false, isInvolvementTeam: true })}
    >
      <Dashboard />
    </AppShell>
  );
  expect(
    await screen.findByText('The engagement log opens when the involvement team starts delivery.', {}, { timeout: 10_000 })
  ).toBeInTheDocument();
  const actions = screen.getByRole('complementary', { name: 'Involvement team actions and history' });
  expect(within(actions).getByRole('button', { name: 'Start delivery' })).toBeInTheDocument();
  expect(screen.getAllByRole('button', { name: 'Start delivery' })).toHaveLength(1);
});

it('names a plan the counts go by its submission history for, and says what to do', async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add({ ...emptyPlanContent(), project: { ...emptyPlanContent().project, title: 'Half submitted' } });
  const checked = await repo.statusOverview();
  repo.statusOverview = async () => ({
    ...checked,
    countedDifferently: [{ id: plan.id, title: 'Half submitted', counted: 'submitted', verified: 'draft' }]
  });
  renderDashboard(repo);
  fireEvent.click(await screen.findByRole('button', { name: 'Check every plan’s stored status' }, { timeout: 10_000 }));
  const listed = await screen.findByRole('list', { name: 'Plans counted in another status' });
  expect(within(listed).getByRole('listitem')).toHaveTextContent('Half submitted counted as “Submitted”, the plan says “Draft”');
  expect(screen.getByText(/Ask the plan’s project lead to submit it again/)).toBeInTheDocument();
});
