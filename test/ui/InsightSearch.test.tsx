import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { AppShell, PlannerApp } from '../../src/ui';
import { DataError, type InsightResult } from '../../src/domain';
import { readyPlanContent, readyStakeholders } from '../domain/fixtures';
import { FakeInsight, InMemoryPlans, InMemoryStakeholders, servicesWith } from './fakes';

afterEach(() => {
  window.location.hash = '';
  window.localStorage.clear();
});

const FOUND: InsightResult[] = [
  {
    planId: 90,
    planTitle: 'Wheelchair service redesign',
    periodEnd: '2026-11-30',
    status: 'closed',
    kind: 'lesson',
    text: 'Carers came to the evening sessions, not the daytime ones.'
  },
  {
    planId: 91,
    planTitle: 'Patient transport',
    periodEnd: '2025-09-30',
    status: 'reporting',
    kind: 'youSaidWeDid',
    text: 'You said evenings suit carers. We moved the clinic to 6pm.'
  }
];

function openPlan(insight: FakeInsight): { repo: InMemoryPlans; id: number } {
  const repo = new InMemoryPlans();
  const content = readyPlanContent();
  content.project.existingInsight = 'Our own survey of 2025 found long waits.';
  const plan = repo.add(content);
  window.location.hash = `plan=${plan.id}`;
  render(
    <AppShell
      idPrefix="i-"
      theme="sharepoint"
      services={servicesWith(repo, undefined, { stakeholders: new InMemoryStakeholders().seed(plan.id, readyStakeholders()), insight })}
    >
      <PlannerApp />
    </AppShell>
  );
  return { repo, id: plan.id };
}

it('searches what earlier plans heard, says when it could not and tries again, and adds a cited line after what the lead wrote', async () => {
  const insight = new FakeInsight(FOUND);
  insight.failNext.push(new DataError('throttled', 'HTTP 429', 1000));
  const { id } = openPlan(insight);
  const form = await screen.findByRole('search', { name: 'Search what the organisation already heard' });
  fireEvent.change(within(form).getByRole('searchbox', { name: /Words to search for/ }), { target: { value: 'carers evening' } });
  // Enter in the box submits the search (a form): keyboard users need no mouse.
  fireEvent.submit(form);
  fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
  const list = await screen.findByRole('list', { name: 'What we found' });
  expect(insight.calls).toEqual([
    { query: 'carers evening', excludePlanId: id },
    { query: 'carers evening', excludePlanId: id }
  ]);
  expect(screen.getByText('Found 2 things from 2 plans.')).toBeInTheDocument();
  const items = within(list).getAllByRole('listitem');
  expect(items[0]).toHaveTextContent('Wheelchair service redesign (2026)');
  expect(items[0]).toHaveTextContent('Lesson learned');
  fireEvent.click(within(items[0]).getByRole('button', { name: 'Add to “What we already know”' }));
  const field = screen.getByRole('textbox', { name: /What we already know/ });
  const line = 'From Wheelchair service redesign (2026): Carers came to the evening sessions, not the daytime ones.';
  expect(field).toHaveValue(`Our own survey of 2025 found long waits.\n${line}`);
  expect(screen.getByText(`Added to “What we already know”: ${line}`)).toBeInTheDocument();
  // Adding the same line again changes nothing; what the lead types afterwards is kept.
  fireEvent.click(within(items[0]).getByRole('button', { name: 'Add to “What we already know”' }));
  expect(field).toHaveValue(`Our own survey of 2025 found long waits.\n${line}`);
  fireEvent.click(within(items[1]).getByRole('button', { name: 'Add to “What we already know”' }));
  expect(field).toHaveValue(
    `Our own survey of 2025 found long waits.\n${line}\nFrom Patient transport (2025): You said evenings suit carers. We moved the clinic to 6pm.`
  );
});

it('says plainly when nothing is found or no words were given', async () => {
  const insight = new FakeInsight(FOUND);
  openPlan(insight);
  const form = await screen.findByRole('search', { name: 'Search what the organisation already heard' });
  fireEvent.submit(form);
  expect(await screen.findByText('Type a word or two to search for, such as a service, a place or a group of people.')).toBeInTheDocument();
  expect(insight.calls).toEqual([]);
  fireEvent.change(within(form).getByRole('searchbox', { name: /Words to search for/ }), { target: { value: 'zebra' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Search' }));
  expect(await screen.findByText('Nothing found for “zebra”. Try fewer words, or other words for the same thing.')).toBeInTheDocument();
});
