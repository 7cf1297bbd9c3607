import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { AppShell, PlannerApp } from '../../src/ui';
import { DataError, emptyPlanContent } from '../../src/domain';
import { completePlanContent, readyPlanContent, readyStakeholders } from '../domain/fixtures';
import { InMemoryPlans, InMemoryStakeholders, servicesWith } from './fakes';

/** Open a plan in the guide, with a complete stakeholder map. */
function openPlan(repo: InMemoryPlans, id: number): void {
  window.location.hash = `plan=${id}`;
  render(
    <AppShell
      idPrefix="g-"
      theme="sharepoint"
      services={servicesWith(repo, undefined, { stakeholders: new InMemoryStakeholders().seed(id, readyStakeholders()) })}
    >
      <PlannerApp />
    </AppShell>
  );
}
const section = async (name: RegExp): Promise<void> => {
  fireEvent.click(within(await screen.findByRole('navigation', { name: 'Sections of the plan' })).getByRole('button', { name }));
};

afterEach(() => {
  window.location.hash = '';
  window.localStorage.clear();
});

it('recommends a level with its reasons, and flags formal consultation when a service is withdrawn', async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(readyPlanContent());
  openPlan(repo, plan.id);
  await section(/Level of engagement/);
  fireEvent.click(within(screen.getByRole('radiogroup', { name: /withdrawn completely/ })).getByRole('radio', { name: 'Yes' }));
  expect(screen.getByRole('heading', { name: 'Recommended level: Involving' })).toBeInTheDocument();
  expect(screen.getByText('Because formal consultation is likely or possible, the level must be at least Consulting.')).toBeInTheDocument();
  expect(screen.getByText(/Formal consultation is likely/)).toBeInTheDocument();
  expect(screen.getByText('Formal public consultation:').nextSibling).toHaveTextContent('Likely');
});

it('asks why when the lead chooses a different level from the one recommended', async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(readyPlanContent());
  openPlan(repo, plan.id);
  await section(/Level of engagement/);
  expect(screen.queryByRole('textbox', { name: /Why you chose a different level/ })).not.toBeInTheDocument();
  fireEvent.click(screen.getByRole('radio', { name: /^Devolving:/ }));
  expect(screen.getByRole('textbox', { name: /Why you chose a different level/ })).toBeInTheDocument();
});

it('links each missing item in the checklist to its field and moves focus there', async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(emptyPlanContent());
  openPlan(repo, plan.id);
  await section(/Review/);
  fireEvent.click(screen.getByRole('button', { name: 'Add the date the decision will be made.' }));
  const field = await screen.findByLabelText(/Date the decision will be made/);
  expect(field).toHaveFocus();
  expect(screen.getAllByText('Add the date the decision will be made.').length).toBeGreaterThan(0);
});

it('refuses to mark an incomplete plan ready, saying why', async () => {
  const repo = new InMemoryPlans();
  const incomplete = repo.add(completePlanContent());
  openPlan(repo, incomplete.id);
  await section(/Review/);
  fireEvent.click(screen.getByRole('button', { name: 'Mark as ready to submit' }));
  expect(screen.getByRole('alert')).toHaveTextContent('The plan cannot be marked ready yet.');
});

it('marks a complete plan ready to submit and saves that', async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(readyPlanContent());
  openPlan(repo, plan.id);
  await section(/Review/);
  expect(screen.getByText('Everything the involvement team needs is filled in.')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Mark as ready to submit' }));
  expect(screen.getByText('Ready to submit')).toBeInTheDocument();
  await screen.findByText(/^ ?Saved/, {}, { timeout: 4000 });
  expect(repo.plans.get(plan.id)?.content.review.markedReady).toBe(true);
});

it('saves as the lead types and says so', async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(emptyPlanContent());
  openPlan(repo, plan.id);
  fireEvent.change(await screen.findByRole('textbox', { name: /Project title/ }), { target: { value: 'Community pharmacy hours' } });
  expect(screen.getByRole('status')).toHaveTextContent('Changes not saved yet');
  await screen.findByText(/Saved \d\d:\d\d/, {}, { timeout: 4000 });
  expect(repo.plans.get(plan.id)?.content.project.title).toBe('Community pharmacy hours');
});

it('waits as SharePoint asks when throttled, says so, then saves', async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(emptyPlanContent());
  repo.failNextSaves.push(new DataError('throttled', 'HTTP 429', 1000));
  openPlan(repo, plan.id);
  fireEvent.change(await screen.findByRole('textbox', { name: /Project title/ }), { target: { value: 'Throttled title' } });
  await screen.findByText(/Not saved — retrying in 1 seconds/, {}, { timeout: 4000 });
  await screen.findByText(/Saved \d\d:\d\d/, {}, { timeout: 5000 });
  expect(repo.saves).toBe(2);
  expect(repo.plans.get(plan.id)?.content.project.title).toBe('Throttled title');
});

// Issue 15 §4 changes this behaviour: changes to different fields are merged without asking
// (before, any change by someone else stopped the save and listed every difference).
it("never overwrites someone else's save: their change to another field is merged with mine, without asking", async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(completePlanContent());
  openPlan(repo, plan.id);
  const title = await screen.findByRole('textbox', { name: /Project title/ });
  act(() => repo.editElsewhere(plan.id, (c) => ({ ...c, project: { ...c.project, focus: 'Their new focus' } })));
  fireEvent.change(title, { target: { value: 'My new title' } });
  await screen.findByText(/Saved \d\d:\d\d/, {}, { timeout: 4000 });
  expect(screen.queryByText('Someone else saved this plan while you were working')).not.toBeInTheDocument();
  expect(repo.plans.get(plan.id)?.content.project).toMatchObject({ title: 'My new title', focus: 'Their new focus' });
});

it('offers back changes kept on this device after a reload', async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(emptyPlanContent());
  const local = { ...emptyPlanContent(), project: { ...emptyPlanContent().project, title: 'Typed before the tab closed' } };
  window.localStorage.setItem(
    `involvement-planner:draft:2:${plan.id}`,
    JSON.stringify({ content: local, baseVersion: plan.version, savedAt: new Date().toISOString() })
  );
  openPlan(repo, plan.id);
  // Kept work is read from the browser's store asynchronously (IndexedDB, issue 15 §5).
  await screen.findByText('We found changes that were not saved', {}, { timeout: 5000 });
  fireEvent.click(screen.getByRole('button', { name: 'Restore my changes' }));
  expect(screen.getByRole('textbox', { name: /Project title/ })).toHaveValue('Typed before the tab closed');
  await screen.findByText(/Saved \d\d:\d\d/, {}, { timeout: 4000 });
  expect(repo.plans.get(plan.id)?.content.project.title).toBe('Typed before the tab closed');
});

it('shows a submitted plan read only', async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(completePlanContent(), undefined, 'submitted');
  openPlan(repo, plan.id);
  expect(await screen.findByText(/Read only: the involvement team has this plan/)).toBeInTheDocument();
  expect(screen.getByRole('textbox', { name: /Project title/ })).toHaveAttribute('readonly');
});
