/**
 * Issue 15 §6 on the involvement team's dashboard: a plan whose stored data cannot be read is
 * never dropped without a word, from the counts or the queue; it is listed by item id, with what
 * is wrong and who can fix it.
 */
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { AppShell, Dashboard } from '../../src/ui';
import { emptyPlanContent } from '../../src/domain';
import { InMemoryPlans, servicesWith } from './fakes';

const PROBLEM =
  'List "Involvement plans", item 42, column "ipStatus": has the value "Archived", which is not a status the planner knows. A site owner can set it, in the list, to one of: Draft, Submitted, In review, Changes requested, Accepted, In delivery, Reporting, Closed.';

it('lists a plan with a status the planner does not know by item id, with what is wrong and who can fix it, and counts it in the total', async () => {
  const repo = new InMemoryPlans();
  repo.add(emptyPlanContent(), undefined, 'submitted');
  repo.unreadable.push({ id: 42, title: 'Broken', problem: PROBLEM });
  render(
    <AppShell
      idPrefix="d-"
      theme="sharepoint"
      services={servicesWith(repo, { id: 4, displayName: 'Jo', email: 'jo@x', isSiteOwner: false, isInvolvementTeam: true })}
    >
      <Dashboard />
    </AppShell>
  );
  expect(await screen.findByText('2 plans in total.', {}, { timeout: 10_000 })).toBeInTheDocument();
  expect(screen.getByText('1 plan is not in the counts below')).toBeInTheDocument();
  expect(screen.getByRole('list', { name: 'Plans not counted' })).toHaveTextContent(`Item 42 (“Broken”): ${PROBLEM}`);
  const queue = await screen.findByRole('list', { name: 'Plans that could not be read' }, { timeout: 10_000 });
  expect(within(queue).getByRole('listitem')).toHaveTextContent(`Item 42 (“Broken”): ${PROBLEM}`);
});
