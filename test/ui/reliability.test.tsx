/**
 * Issue 15 §2–§5 as a project lead meets them in the guide: input that cannot be saved never
 * locks the plan, retries and their messages, merges that keep both people's work, and kept work
 * that tells the truth.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { AppShell, PlannerApp } from '../../src/ui';
import { DataError, emptyPlanContent, type PlanWorkflowRepository } from '../../src/domain';
import { browserStore } from '../../src/ui/common/browserStore';
import { completePlanContent, readyPlanContent, readyStakeholders } from '../domain/fixtures';
import { InMemoryPlans, InMemoryStakeholders, servicesWith } from './fakes';

function openPlan(repo: InMemoryPlans, id: number): ReturnType<typeof render> {
  window.location.hash = `plan=${id}`;
  return render(
    <AppShell
      idPrefix="r-"
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
const saved = (): Promise<HTMLElement> => screen.findByText(/Saved \d\d:\d\d/, {}, { timeout: 5000 });

afterEach(() => {
  window.location.hash = '';
  jest.restoreAllMocks();
});

describe('input can never lock a plan (§2)', () => {
  it('an EIA link without https:// shows its message, the rest saves, and the plan reopens', async () => {
    const repo = new InMemoryPlans();
    const plan = repo.add(emptyPlanContent());
    const view = openPlan(repo, plan.id);
    fireEvent.change(await screen.findByRole('textbox', { name: /Project title/ }), { target: { value: 'Saved alongside' } });
    await section(/Equality/);
    fireEvent.change(screen.getByRole('textbox', { name: /Link to the equality impact assessment/ }), {
      target: { value: 'www.example.nhs.uk/eia' }
    });
    expect(await screen.findByText(/except 1 field that needs fixing/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Fields not saved yet' })).toHaveTextContent(
      'Link to the equality impact assessment (Equality): Enter a full web address starting with https://'
    );
    // What was typed stays in the field, with its message; SharePoint holds only valid content.
    expect(screen.getByRole('textbox', { name: /Link to the equality impact assessment/ })).toHaveValue('www.example.nhs.uk/eia');
    const stored = repo.plans.get(plan.id)?.content;
    expect(stored?.project.title).toBe('Saved alongside');
    expect(stored?.equality.eiaLink).toBe('');
    view.unmount();
    openPlan(repo, plan.id);
    expect(await screen.findByRole('textbox', { name: /Project title/ })).toHaveValue('Saved alongside');
  });

  it('a negative cost and a fractional quantity are held back with their messages; the budget line is not written until valid', async () => {
    const repo = new InMemoryPlans();
    const content = completePlanContent();
    content.budget = [{ item: null, description: 'Room hire', unitCostGbp: 100, quantity: 2 }];
    const plan = repo.add(content);
    openPlan(repo, plan.id);
    await section(/Methods and budget/);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Cost each (£)' }), { target: { value: '-5' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'How many' }), { target: { value: '2.5' } });
    expect(await screen.findByText(/except 2 fields that need fixing/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Fields not saved yet' })).toHaveTextContent('Cost 1: cost each (£) (Methods and budget)');
    expect(repo.plans.get(plan.id)?.content.budget).toEqual([{ item: null, description: 'Room hire', unitCostGbp: 100, quantity: 2 }]);
  });

  it('5,000 characters in "The current service" says the limit and keeps the text; the plan still saves', async () => {
    const repo = new InMemoryPlans();
    const plan = repo.add(emptyPlanContent());
    openPlan(repo, plan.id);
    fireEvent.change(await screen.findByRole('textbox', { name: /The current service/ }), { target: { value: 'x'.repeat(5000) } });
    fireEvent.change(screen.getByRole('textbox', { name: /Project title/ }), { target: { value: 'Long text elsewhere' } });
    expect(await screen.findByText(/except 1 field that needs fixing/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getAllByText('This is too long: it can hold at most 4,000 characters. Shorten it.').length).toBeGreaterThan(0);
    expect(repo.plans.get(plan.id)?.content.project).toMatchObject({ title: 'Long text elsewhere', currentService: '' });
  });
});

describe('a bad stored value never locks a plan (§2)', () => {
  it('opens with the bad value in its field and its message, says what needs checking, and the rest saves', async () => {
    const repo = new InMemoryPlans();
    const content = completePlanContent();
    content.equality.eiaLink = 'www.example.nhs.uk/eia';
    const plan = repo.add(content);
    // As the SharePoint repository reads it: the value shown where it was, and said.
    repo.plans.set(plan.id, {
      ...plan,
      storedProblems: [
        {
          path: 'equality.eiaLink',
          text: 'Enter a full web address starting with https://',
          stored: 'www.example.nhs.uk/eia',
          shown: true
        },
        {
          path: 'timeline',
          text: 'The planner could not read what is stored here, so it is left out. Enter it again if it is needed.',
          stored: 'soon',
          shown: false
        }
      ]
    });
    openPlan(repo, plan.id);
    const checking = await screen.findByRole('list', { name: 'Stored answers that need checking' });
    expect(checking).toHaveTextContent(
      'Link to the equality impact assessment (Equality): Enter a full web address starting with https:// It is shown in its field until you correct it.'
    );
    expect(checking).toHaveTextContent('Timeline (Timeline): The planner could not read what is stored here');
    expect(checking).toHaveTextContent('What is stored: “soon”.');
    await section(/Equality/);
    const link = screen.getByRole('textbox', { name: /Link to the equality impact assessment/ });
    expect(link).toHaveValue('www.example.nhs.uk/eia');
    expect(screen.getAllByText('Enter a full web address starting with https://').length).toBeGreaterThan(0);

    await section(/About the project/);
    fireEvent.change(screen.getByRole('textbox', { name: /Project title/ }), { target: { value: 'Saved around the bad link' } });
    expect(await screen.findByText(/except 1 field that needs fixing/, {}, { timeout: 5000 })).toBeInTheDocument();
    const stored = repo.plans.get(plan.id);
    expect(stored?.content.project.title).toBe('Saved around the bad link');
    expect(stored?.content.equality.eiaLink).toBe('');
    // Read back clean: the bar about stored answers has gone; the typed link still waits in its field.
    expect(screen.queryByRole('list', { name: 'Stored answers that need checking' })).not.toBeInTheDocument();
    await section(/Equality/);
    expect(screen.getByRole('textbox', { name: /Link to the equality impact assessment/ })).toHaveValue('www.example.nhs.uk/eia');
  });
});

describe('retries the person does not see (§3)', () => {
  it('after the retry budget, says which failure it was and offers Try again, which saves', async () => {
    const repo = new InMemoryPlans();
    const plan = repo.add(emptyPlanContent());
    // A Retry-After longer than the budget: reported at once rather than slept through.
    repo.failNextSaves.push(new DataError('unavailable', 'HTTP 503', 120_000));
    openPlan(repo, plan.id);
    fireEvent.change(await screen.findByRole('textbox', { name: /Project title/ }), { target: { value: 'After the outage' } });
    expect(await screen.findByText('SharePoint is not available right now', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(
      screen.getByText(/It asked us to wait about 2 minutes; try again after that\. Your changes are kept on this device\./)
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await saved();
    expect(repo.plans.get(plan.id)?.content.project.title).toBe('After the outage');
  });

  it('never says "a minute" against a 1-second Retry-After', async () => {
    const repo = new InMemoryPlans();
    const plan = repo.add(emptyPlanContent());
    for (let i = 0; i < 4; i += 1) repo.failNextSaves.push(new DataError('throttled', 'HTTP 429', 1000));
    openPlan(repo, plan.id);
    fireEvent.change(await screen.findByRole('textbox', { name: /Project title/ }), { target: { value: 'Busy' } });
    expect(await screen.findByText('SharePoint is busy', {}, { timeout: 12_000 })).toBeInTheDocument();
    expect(screen.getByText(/It asked us to wait about 1 second; try again after that/)).toBeInTheDocument();
    expect(screen.queryByText(/minute/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  }, 20_000);
});

describe('a submission cut off part-way (§3)', () => {
  it('shows the plan as it now is (submitted, read only), never "Draft" with Submit still on offer', async () => {
    const repo = new InMemoryPlans();
    const content = readyPlanContent();
    content.review = { markedReady: true, markedReadyAt: new Date().toISOString() };
    const plan = repo.add(content);
    window.location.hash = `plan=${plan.id}`;
    const base = servicesWith(repo, undefined, { stakeholders: new InMemoryStakeholders().seed(plan.id, readyStakeholders()) });
    const inner = base.workflow;
    // The submission's batch writes the status, then SharePoint stays busy past the retry budget:
    // the batch's answer and the next read are both lost.
    let busyReads = 0;
    const workflow: PlanWorkflowRepository = {
      record: async (id, options) => {
        if (busyReads > 0) {
          busyReads -= 1;
          throw new DataError('throttled', 'HTTP 429 reading the plan after submitting', 1000);
        }
        return inner.record(id, options);
      },
      submit: async (record, submission, comment, notify, advice) => {
        await inner.submit(record, submission, comment, notify, advice);
        busyReads = 1;
        return { record, committed: false, error: new DataError('throttled', 'HTTP 429 after the status was written', 1000) };
      },
      recordSubmission: (...args) => inner.recordSubmission(...args),
      decide: (decision) => inner.decide(decision),
      mirror: (record) => inner.mirror(record)
    };
    render(
      <AppShell idPrefix="c-" theme="sharepoint" services={{ ...base, workflow }}>
        <PlannerApp />
      </AppShell>
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Submit to the involvement team' }, { timeout: 10_000 }));
    expect(await screen.findByText(/Read only: the involvement team has this plan/, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit to the involvement team' })).not.toBeInTheDocument();
    expect(repo.plans.get(plan.id)?.status).toBe('submitted');
  }, 60_000);
});

describe('merges that keep both (§4)', () => {
  it('asks only about fields both changed, by their on-screen names, and keeps the rest of both', async () => {
    const repo = new InMemoryPlans();
    const plan = repo.add(completePlanContent());
    openPlan(repo, plan.id);
    const title = await screen.findByRole('textbox', { name: /Project title/ });
    act(() =>
      repo.editElsewhere(plan.id, (c) => ({
        ...c,
        project: { ...c.project, title: 'Their title', clinicalLead: 'Dr Their Lead (Sample)' }
      }))
    );
    fireEvent.change(title, { target: { value: 'My new title' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Not in scope/ }), { target: { value: 'My scope note' } });
    await screen.findByText('Someone else saved this plan while you were working', {}, { timeout: 5000 });
    const clashes = screen.getByRole('list', { name: 'Fields that differ' });
    expect(within(clashes).getAllByRole('listitem')).toHaveLength(1);
    expect(clashes).toHaveTextContent('Project title (About the project): yours “My new title”, theirs “Their title”');
    expect(clashes).not.toHaveTextContent('project.');
    fireEvent.click(screen.getByRole('button', { name: 'Keep my changes' }));
    await saved();
    expect(repo.plans.get(plan.id)?.content.project).toMatchObject({
      title: 'My new title',
      outOfScope: 'My scope note',
      clinicalLead: 'Dr Their Lead (Sample)'
    });
  });

  it('"Use their version" takes theirs only where both changed; my other fields are kept', async () => {
    const repo = new InMemoryPlans();
    const plan = repo.add(completePlanContent());
    openPlan(repo, plan.id);
    const title = await screen.findByRole('textbox', { name: /Project title/ });
    act(() => repo.editElsewhere(plan.id, (c) => ({ ...c, project: { ...c.project, title: 'Their title' } })));
    fireEvent.change(title, { target: { value: 'My new title' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Not in scope/ }), { target: { value: 'My scope note' } });
    await screen.findByText('Someone else saved this plan while you were working', {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Use their version' }));
    await saved();
    expect(repo.plans.get(plan.id)?.content.project).toMatchObject({ title: 'Their title', outOfScope: 'My scope note' });
  });

  it('a failed read-back after a save is not "someone else saved this plan"', async () => {
    const repo = new InMemoryPlans();
    const plan = repo.add(emptyPlanContent());
    repo.failNextReadBacks.push(new DataError('throttled', 'HTTP 429 reading back', 0));
    openPlan(repo, plan.id);
    fireEvent.change(await screen.findByRole('textbox', { name: /Project title/ }), { target: { value: 'Written once' } });
    await saved();
    expect(screen.queryByText('Someone else saved this plan while you were working')).not.toBeInTheDocument();
    expect(repo.plans.get(plan.id)?.content.project.title).toBe('Written once');
  });

  it('"Keep my changes" never writes into a plan that was submitted meanwhile', async () => {
    const repo = new InMemoryPlans();
    const plan = repo.add(completePlanContent());
    openPlan(repo, plan.id);
    const title = await screen.findByRole('textbox', { name: /Project title/ });
    act(() => {
      // Submitted from another browser: the status with its submission (a bare Status column would not count).
      repo.submitElsewhere(plan.id);
    });
    fireEvent.change(title, { target: { value: 'Too late' } });
    expect(await screen.findByText('This plan is now submitted', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Keep my changes' })).not.toBeInTheDocument();
    expect(repo.plans.get(plan.id)?.content.project.title).not.toBe('Too late');
  });
});

describe('local keeping that tells the truth (§5)', () => {
  it('with the browser storage full, never claims the changes are kept on this device', async () => {
    const repo = new InMemoryPlans();
    const plan = repo.add(emptyPlanContent());
    repo.failNextSaves.push(new DataError('offline', 'Failed to fetch'), new DataError('offline', 'Failed to fetch'));
    jest.spyOn(browserStore, 'write').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    openPlan(repo, plan.id);
    fireEvent.change(await screen.findByRole('textbox', { name: /Project title/ }), { target: { value: 'Nowhere to keep' } });
    expect(await screen.findByText(/could not keep a copy of your changes/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByText(/kept on this device/)).not.toBeInTheDocument();
  });

  it('offers a plan draft kept in IndexedDB back after a reload', async () => {
    const repo = new InMemoryPlans();
    const plan = repo.add(emptyPlanContent());
    const local = { ...emptyPlanContent(), project: { ...emptyPlanContent().project, title: 'Kept in IndexedDB' } };
    await browserStore.write(`draft:2:${plan.id}`, {
      content: local,
      baseVersion: plan.version,
      savedAt: new Date().toISOString()
    });
    openPlan(repo, plan.id);
    await screen.findByText('We found changes that were not saved', {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Restore my changes' }));
    await saved();
    expect(repo.plans.get(plan.id)?.content.project.title).toBe('Kept in IndexedDB');
  });
});
