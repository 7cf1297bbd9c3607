import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { AppShell, PlannerApp } from '../../src/ui';
import { DataError, emptyStakeholderFields, type StakeholderFields } from '../../src/domain';
import { readyPlanContent } from '../domain/fixtures';
import { InMemoryPlans, InMemoryStakeholders, servicesWith } from './fakes';

const sample = (f: Partial<StakeholderFields> & { name: string }): StakeholderFields => ({ ...emptyStakeholderFields(), ...f });

function openMap(stakeholders: InMemoryStakeholders, repo = new InMemoryPlans(), planId?: number): { planId: number; unmount(): void } {
  const id = planId ?? repo.add(readyPlanContent()).id;
  window.location.hash = `plan=${id}`;
  const view = render(
    <AppShell idPrefix="m-" theme="sharepoint" services={servicesWith(repo, undefined, { stakeholders })}>
      <PlannerApp />
    </AppShell>
  );
  return { planId: id, unmount: view.unmount };
}
async function goToMap(): Promise<void> {
  fireEvent.click(
    within(await screen.findByRole('navigation', { name: 'Sections of the plan' })).getByRole('button', { name: /Stakeholder map/ })
  );
  await screen.findByRole('heading', { name: 'Power and interest grid' });
}
const status = (): HTMLElement =>
  within(screen.getByRole('heading', { name: 'Power and interest grid' }).parentElement as HTMLElement).getAllByRole('status')[0];
const box = (name: RegExp): HTMLElement => screen.getByRole('group', { name });

afterEach(() => {
  window.location.hash = '';
  window.localStorage.clear();
});

it('places a stakeholder by keyboard alone: Enter, arrow keys, Enter; records the move and its reason', async () => {
  const stakeholders = new InMemoryStakeholders();
  const { planId } = openMap(stakeholders);
  stakeholders.seed(planId, [sample({ name: 'Sample Riverside Gazette' })]);
  await goToMap();
  const chip = within(box(/^Not placed yet: 1/)).getByRole('button', { name: 'Sample Riverside Gazette' });
  chip.focus();
  fireEvent.click(chip);
  expect(chip).toHaveAttribute('aria-pressed', 'true');
  expect(status()).toHaveTextContent('Picked up Sample Riverside Gazette, in Not placed yet. Use the arrow keys');
  fireEvent.keyDown(chip, { key: 'ArrowUp' });
  expect(status()).toHaveTextContent('Over Keep satisfied.');
  fireEvent.keyDown(chip, { key: 'ArrowRight' });
  expect(status()).toHaveTextContent('Over Manage closely.');
  fireEvent.click(chip);
  expect(await screen.findByText('Moved Sample Riverside Gazette from Not placed yet to Manage closely.')).toBeInTheDocument();
  const placed = within(box(/^Manage closely: high power, high interest, 1 stakeholders/)).getByRole('button', {
    name: 'Sample Riverside Gazette'
  });
  expect(placed).toHaveFocus();
  const stored = [...stakeholders.items.values()][0];
  expect(stored.quadrant).toBe('manageClosely');
  expect(stored.history).toMatchObject([{ from: null, to: 'manageClosely', by: 'Priya Shah', reason: '' }]);

  fireEvent.change(screen.getByRole('textbox', { name: /Why did Sample Riverside Gazette move from Not placed yet to Manage closely/ }), {
    target: { value: 'They will report every event' }
  });
  fireEvent.click(screen.getByRole('button', { name: 'Save reason' }));
  expect(await screen.findByText('Reason saved in the history.')).toBeInTheDocument();
  expect([...stakeholders.items.values()][0].history[0].reason).toBe('They will report every event');

  // Escape puts it back where it was.
  const again = within(box(/^Manage closely/)).getByRole('button', { name: 'Sample Riverside Gazette' });
  fireEvent.click(again);
  fireEvent.keyDown(again, { key: 'ArrowDown' });
  fireEvent.keyDown(again, { key: 'Escape' });
  expect(status()).toHaveTextContent('Cancelled. Sample Riverside Gazette stays in Manage closely.');
  expect([...stakeholders.items.values()][0].history).toHaveLength(1);
});

it('moves a stakeholder with the Move menu and shows its history in its details', async () => {
  const stakeholders = new InMemoryStakeholders();
  const { planId } = openMap(stakeholders);
  stakeholders.seed(planId, [sample({ name: 'Sample Healthwatch', kind: 'organisation', quadrant: 'keepSatisfied' })]);
  await goToMap();
  fireEvent.click(screen.getByRole('button', { name: 'Move Sample Healthwatch to…' }));
  fireEvent.click(await screen.findByRole('menuitem', { name: 'Keep informed' }));
  expect(await screen.findByText('Moved Sample Healthwatch from Keep satisfied to Keep informed.')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Sample Healthwatch: details and history' }));
  const history = await screen.findByRole('region', { name: 'History of Sample Healthwatch on the grid' });
  expect(within(history).getByRole('listitem')).toHaveTextContent(/Priya Shah: Keep satisfied → Keep informed/);
});

it('stops when someone else moved the stakeholder first, and lets the lead choose', async () => {
  const stakeholders = new InMemoryStakeholders();
  const { planId } = openMap(stakeholders);
  stakeholders.seed(planId, [sample({ name: 'Sample MP office', quadrant: 'monitor' })]);
  await goToMap();
  const id = [...stakeholders.items.keys()][0];
  stakeholders.editElsewhere(id, (s) => ({
    ...s,
    quadrant: 'keepSatisfied',
    history: [{ at: '2026-11-01T00:00:00Z', by: 'Jo', from: 'monitor', to: 'keepSatisfied', reason: 'Asked a question in Parliament' }]
  }));
  fireEvent.click(screen.getByRole('button', { name: 'Move Sample MP office to…' }));
  fireEvent.click(await screen.findByRole('menuitem', { name: 'Manage closely' }));
  const alert = await screen.findByText('Someone else changed Sample MP office');
  // Issue 15 §4: the bar lists only the fields both changed, by their on-screen names.
  expect(alert.closest('[role="alert"]')).toHaveTextContent('Box on the grid: yours “Manage closely”, theirs “Keep satisfied”');
  expect(stakeholders.items.get(id)?.quadrant).toBe('keepSatisfied');
  fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  const kept = stakeholders.items.get(id);
  expect(kept?.quadrant).toBe('manageClosely');
  expect(kept?.history.map((h) => h.to)).toEqual(['keepSatisfied', 'manageClosely']);
});

it('keeps stakeholders that could not be added, across a reload, and adds them once', async () => {
  const stakeholders = new InMemoryStakeholders();
  const repo = new InMemoryPlans();
  const first = openMap(stakeholders, repo);
  await goToMap();
  fireEvent.click(screen.getByRole('button', { name: 'From the catalogue' }));
  fireEvent.change(screen.getByRole('searchbox', { name: /Search the stakeholder catalogue/ }), { target: { value: 'carer' } });
  fireEvent.click(screen.getByRole('checkbox', { name: 'Carers' }));
  stakeholders.failNextAdds.push(new DataError('offline', 'Failed to fetch'));
  fireEvent.click(screen.getByRole('button', { name: 'Add 1 to the map' }));
  expect(await screen.findByText('Adding "Carers" did not work.')).toBeInTheDocument();
  expect(stakeholders.items.size).toBe(0);
  first.unmount();

  openMap(stakeholders, repo, first.planId);
  await goToMap();
  expect(await screen.findByText('1 stakeholder was not added yet', {}, { timeout: 10_000 })).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Add them now' }));
  expect(
    within(await screen.findByRole('group', { name: /^Not placed yet: 1/ })).getByRole('button', { name: 'Carers' })
  ).toBeInTheDocument();
  expect([...stakeholders.items.values()]).toMatchObject([{ name: 'Carers', catalogueEntry: 'carers', reaches: ['carers'] }]);
});

it('shows who we are not hearing from, and sends gaps to the checklist, which links to them', async () => {
  const stakeholders = new InMemoryStakeholders();
  const repo = new InMemoryPlans();
  const content = readyPlanContent();
  content.stakeholderMap.gapNotes = {};
  const plan = repo.add(content);
  stakeholders.seed(plan.id, [
    sample({ name: 'Sample Carers Network', quadrant: 'manageClosely', reaches: ['carers'], methods: ['focus-group'] })
  ]);
  openMap(stakeholders, repo, plan.id);
  await goToMap();
  const matrix = screen.getByRole('table', { name: 'Who we are not hearing from' });
  expect(within(matrix).getByRole('row', { name: /^Carers Sample Carers Network Focus group or workshop Reached/ })).toBeInTheDocument();
  expect(within(matrix).getByRole('row', { name: /^Race No one yet None Not reached/ })).toBeInTheDocument();
  fireEvent.click(within(screen.getByRole('navigation', { name: 'Sections of the plan' })).getByRole('button', { name: /Review/ }));
  const link = await screen.findByRole('button', {
    name: 'Race: No one on the map reaches this group. Add a stakeholder who does, or say what you will do about it.'
  });
  fireEvent.click(link);
  expect(await screen.findByRole('textbox', { name: 'What we will do about race' })).toHaveFocus();
});

it('draws only the rows in view for a map of 500, and says how many there are', async () => {
  const stakeholders = new InMemoryStakeholders();
  const { planId } = openMap(stakeholders);
  stakeholders.seed(
    planId,
    Array.from({ length: 500 }, (_v, i) => sample({ name: `Sample stakeholder ${String(i).padStart(3, '0')}`, quadrant: 'monitor' }))
  );
  await goToMap();
  const register = screen.getByRole('table', { name: 'Stakeholder register' });
  expect(register).toHaveAttribute('aria-rowcount', '501');
  const rows = within(register).getAllByRole('row');
  expect(rows.length).toBeLessThan(30);
  expect(rows[1]).toHaveAttribute('aria-rowindex', '2');
  expect(within(rows[1]).getByRole('button')).toHaveAccessibleName('Sample stakeholder 000: details and history');
  fireEvent.change(screen.getByRole('searchbox', { name: /Search the register/ }), { target: { value: 'stakeholder 49' } });
  expect(screen.getByText('10 of 500 stakeholders match “stakeholder 49”.')).toBeInTheDocument();
});

it('links stakeholders to the communications plan’s audiences and shows them there', async () => {
  const stakeholders = new InMemoryStakeholders();
  const { planId } = openMap(stakeholders);
  stakeholders.seed(planId, [sample({ name: 'Sample Night Workers Union', quadrant: 'keepInformed' })]);
  await goToMap();
  fireEvent.click(screen.getByRole('button', { name: 'Sample Night Workers Union: details and history' }));
  const details = await screen.findByRole('region', { name: 'Sample Night Workers Union: details' });
  fireEvent.change(within(details).getByRole('combobox', { name: 'Audience in the communications plan' }), {
    target: { value: 'People who use the unit at night' }
  });
  fireEvent.click(within(details).getByRole('button', { name: 'Save changes' }));
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  expect([...stakeholders.items.values()][0].audience).toBe('People who use the unit at night');
  fireEvent.click(within(screen.getByRole('navigation', { name: 'Sections of the plan' })).getByRole('button', { name: /Communications/ }));
  const links = await screen.findByRole('region', { name: 'Stakeholders in each audience' });
  expect(links).toHaveTextContent('People who use the unit at night: Sample Night Workers Union');
});

it('keeps unsaved changes to a stakeholder across a reload and offers them back', async () => {
  const stakeholders = new InMemoryStakeholders();
  const repo = new InMemoryPlans();
  const first = openMap(stakeholders, repo);
  stakeholders.seed(first.planId, [sample({ name: 'Sample Youth Forum', quadrant: 'keepInformed' })]);
  await goToMap();
  fireEvent.click(screen.getByRole('button', { name: 'Sample Youth Forum: details and history' }));
  let details = await screen.findByRole('region', { name: 'Sample Youth Forum: details' });
  fireEvent.change(within(details).getByRole('textbox', { name: /Channel/ }), { target: { value: 'Monthly youth council' } });
  first.unmount();

  openMap(stakeholders, repo, first.planId);
  await goToMap();
  fireEvent.click(screen.getByRole('button', { name: 'Sample Youth Forum: details and history' }));
  details = await screen.findByRole('region', { name: 'Sample Youth Forum: details' });
  expect(within(details).getByRole('textbox', { name: /Channel/ })).toHaveValue('');
  // Kept work is read from the browser's store asynchronously (IndexedDB, issue 15 §5).
  await within(details).findByText(/You changed this stakeholder earlier/, {}, { timeout: 10_000 });
  fireEvent.click(within(details).getByRole('button', { name: 'Restore my changes' }));
  expect(within(details).getByRole('textbox', { name: /Channel/ })).toHaveValue('Monthly youth council');
  fireEvent.click(within(details).getByRole('button', { name: 'Save changes' }));
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  expect([...stakeholders.items.values()][0].channel).toBe('Monthly youth council');
  expect(Object.keys(window.localStorage).filter((k) => k.includes('stakeholder-draft'))).toEqual([]);
});

it('keeps a move that could not be saved, across a reload, and saves it later', async () => {
  const stakeholders = new InMemoryStakeholders();
  const repo = new InMemoryPlans();
  const first = openMap(stakeholders, repo);
  stakeholders.seed(first.planId, [sample({ name: 'Sample Local Radio', quadrant: 'monitor' })]);
  await goToMap();
  stakeholders.failNextSaves.push(new DataError('offline', 'Failed to fetch'));
  fireEvent.click(screen.getByRole('button', { name: 'Move Sample Local Radio to…' }));
  fireEvent.click(await screen.findByRole('menuitem', { name: 'Keep informed' }));
  expect(await screen.findByText('Moving "Sample Local Radio" did not work.')).toBeInTheDocument();
  expect(within(box(/^Monitor/)).getByRole('button', { name: 'Sample Local Radio' })).toBeInTheDocument();
  first.unmount();

  openMap(stakeholders, repo, first.planId);
  await goToMap();
  expect(await screen.findByText('1 move was not saved yet', {}, { timeout: 10_000 })).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Save the moves now' }));
  expect(
    within(await screen.findByRole('group', { name: /^Keep informed: .* 1 stakeholders/ })).getByRole('button', {
      name: 'Sample Local Radio'
    })
  ).toBeInTheDocument();
  const saved = [...stakeholders.items.values()][0];
  expect(saved.quadrant).toBe('keepInformed');
  expect(saved.history).toMatchObject([{ from: 'monitor', to: 'keepInformed' }]);
  expect(screen.queryByText('1 move was not saved yet')).not.toBeInTheDocument();
});

it('puts one stakeholder per box in the Tab order; arrow keys, Home and End go between the rest', async () => {
  const stakeholders = new InMemoryStakeholders();
  const { planId } = openMap(stakeholders);
  stakeholders.seed(
    planId,
    ['Alpha', 'Bravo', 'Charlie'].map((n) => sample({ name: `Sample ${n}`, quadrant: 'monitor' }))
  );
  await goToMap();
  const monitor = box(/^Monitor/);
  const chip = (n: string): HTMLElement => within(monitor).getByRole('button', { name: `Sample ${n}` });
  const move = (n: string): HTMLElement => within(monitor).getByRole('button', { name: `Move Sample ${n} to…` });
  expect([chip('Alpha'), chip('Bravo'), chip('Charlie')].map((c) => c.tabIndex)).toEqual([0, -1, -1]);
  expect([move('Alpha'), move('Bravo')].map((c) => c.tabIndex)).toEqual([0, -1]);
  chip('Alpha').focus();
  fireEvent.keyDown(chip('Alpha'), { key: 'ArrowDown' });
  expect(chip('Bravo')).toHaveFocus();
  expect([chip('Alpha'), chip('Bravo')].map((c) => c.tabIndex)).toEqual([-1, 0]);
  fireEvent.keyDown(chip('Bravo'), { key: 'End' });
  expect(chip('Charlie')).toHaveFocus();
  fireEvent.keyDown(chip('Charlie'), { key: 'Home' });
  expect(chip('Alpha')).toHaveFocus();
  // Picked up, the same keys choose a box instead.
  fireEvent.click(chip('Alpha'));
  fireEvent.keyDown(chip('Alpha'), { key: 'ArrowUp' });
  expect(status()).toHaveTextContent('Over Keep satisfied.');
  expect(chip('Alpha')).toHaveFocus();
});
