/**
 * The statutory advice where the lead decides (issue 10): the legal card and the level from the
 * domain, "not known yet" before the answers, the level-choosing questions, the guidance panels,
 * the timeline under the organisation's settings, step 4c before formal consultation, and the
 * record of the advice in the review.
 */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { AppShell, Dashboard, PlannerApp } from '../../src/ui';
import {
  buildDefensibleRecord,
  DEFAULT_SETTINGS,
  emptyPlanContent,
  proposeTimelineForPlan,
  type CurrentUser,
  type InvolvementSettings,
  type PlanContent
} from '../../src/domain';
import { readyPlanContent, readyStakeholders } from '../domain/fixtures';
import { InMemoryPlans, InMemorySettingsStore, InMemoryStakeholders, servicesWith } from './fakes';

const jo: CurrentUser = { id: 4, displayName: 'Jo Bennett', email: 'jo@x.nhs.uk', isSiteOwner: false, isInvolvementTeam: true };

function openPlan(content: PlanContent, settings: Partial<InvolvementSettings> = {}): InMemoryPlans {
  const repo = new InMemoryPlans();
  const plan = repo.add(content);
  window.location.hash = `plan=${plan.id}`;
  render(
    <AppShell
      idPrefix="a-"
      theme="sharepoint"
      services={servicesWith(repo, undefined, {
        stakeholders: new InMemoryStakeholders().seed(plan.id, readyStakeholders()),
        involvementSettings: new InMemorySettingsStore(settings)
      })}
    >
      <PlannerApp />
    </AppShell>
  );
  return repo;
}
const section = async (name: RegExp): Promise<void> => {
  fireEvent.click(within(await screen.findByRole('navigation', { name: 'Sections of the plan' })).getByRole('button', { name }));
};
const badge = (step: string): HTMLElement => screen.getByText(`${step}:`).nextSibling as HTMLElement;
const answer = (question: RegExp, option: string): void => {
  fireEvent.click(within(screen.getByRole('radiogroup', { name: question })).getByRole('radio', { name: option }));
};

afterEach(() => {
  window.location.hash = '';
  window.localStorage.clear();
});

describe('the level of engagement and the legal checks', () => {
  it('shows every outcome as not known yet, neutral, and recommends no level before the questions are answered', async () => {
    openPlan(emptyPlanContent());
    await section(/Level of engagement/);
    for (const step of [
      'Formal public consultation',
      'Consulting the local authority (health scrutiny)',
      'Notifying the Secretary of State'
    ]) {
      expect(badge(step)).toHaveTextContent('Not known yet');
      expect(badge(step)).not.toHaveTextContent('Unlikely');
    }
    expect(screen.getByRole('heading', { name: 'Recommended level: not known yet' })).toBeInTheDocument();
  });

  it('makes formal consultation at least possible for a strategic change that changes what, where or how services are provided', async () => {
    const content = readyPlanContent();
    content.triage.largeOrComplex = 'yes';
    openPlan(content);
    await section(/Level of engagement/);
    expect(badge('Formal public consultation')).toHaveTextContent(/Likely|Possible: talk to the involvement team/);
    expect(badge('Formal public consultation')).not.toHaveTextContent('Unlikely');
  });

  it('says what a likely duty asks of the lead, with the toolkit it comes from', async () => {
    const content = readyPlanContent();
    content.triage.serviceWithdrawn = 'yes';
    openPlan(content);
    await section(/Level of engagement/);
    expect(badge('Formal public consultation')).toHaveTextContent('Likely');
    expect(screen.getAllByText('What this asks of you').length).toBeGreaterThan(0);
  });

  it('asks the level-choosing questions and recommends collaborating when the service is designed with the people who use it', async () => {
    const content = readyPlanContent();
    content.triage.contribution = null;
    openPlan(content);
    await section(/Level of engagement/);
    expect(screen.getByRole('heading', { name: 'Recommended level: not known yet' })).toBeInTheDocument();
    answer(/What do you want from people\?/, 'To design or redesign the service with the people who use it, as equal partners');
    expect(screen.getByRole('heading', { name: 'Recommended level: Collaborating' })).toBeInTheDocument();
  });

  it('recommends devolving when the decision is put in the hands of communities', async () => {
    const content = readyPlanContent();
    openPlan(content);
    await section(/Level of engagement/);
    answer(
      /What do you want from people\?/,
      'To put the decision in their hands, for example personal health budgets or community development'
    );
    expect(screen.getByRole('heading', { name: 'Recommended level: Devolving' })).toBeInTheDocument();
  });

  it('shows the levels on the ladder the organisation chose, and says which it is', async () => {
    openPlan(readyPlanContent(), { ladderShown: 'PC' });
    await section(/Level of engagement/);
    expect(screen.getByRole('radio', { name: /^Co-producing or collaborating:/ })).toBeInTheDocument();
    expect(screen.getByText(/Levels are shown on the .*as your organisation chose in its settings/)).toBeInTheDocument();
  });

  it('explains each level, with its strengths, weaknesses and when to use it, in a panel closed until asked for', async () => {
    openPlan(readyPlanContent());
    await section(/Level of engagement/);
    const summary = screen.getByText('What each level means, and when to use it');
    const panel = summary.closest('details') as HTMLDetailsElement;
    expect(panel.open).toBe(false);
    expect(within(panel).getAllByText(/^Strengths:/).length).toBeGreaterThan(0);
    expect(within(panel).getAllByText(/^Weaknesses:/).length).toBeGreaterThan(0);
    expect(within(panel).getAllByText('When to use it:').length).toBeGreaterThan(0);
    // Each panel ends with the toolkit's own words and names the toolkit.
    expect(panel.querySelectorAll('blockquote').length).toBeGreaterThan(0);
    expect(screen.getByText('The legal duties behind these checks')).toBeInTheDocument();
  });
});

describe('the timeline under the organisation’s settings', () => {
  it('does not let step 4c be left out when formal consultation is likely, and says why', async () => {
    const content = readyPlanContent();
    content.triage.serviceWithdrawn = 'yes';
    content.timeline = proposeTimelineForPlan(content, DEFAULT_SETTINGS, '2026-01-01').steps;
    openPlan(content);
    await section(/Timeline/);
    expect(screen.getByRole('checkbox', { name: 'Step 4c not needed' })).toBeDisabled();
    expect(
      screen.getByText('Formal consultation is likely or possible, so pre-consultation engagement cannot be left out.')
    ).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Step 4d not needed' })).toBeEnabled();
  });

  it('lets step 4c be left out, with a reason, when no formal consultation is planned', async () => {
    openPlan(readyPlanContent());
    await section(/Timeline/);
    expect(screen.getByRole('checkbox', { name: 'Step 4c not needed' })).toBeEnabled();
  });

  it('checks the dates against the saved settings, not the defaults', async () => {
    openPlan(readyPlanContent());
    await section(/Timeline/);
    expect(screen.queryByText(/Allow at least 17 weeks\./)).not.toBeInTheDocument();
    document.body.innerHTML = '';
    window.localStorage.clear();
    openPlan(readyPlanContent(), { planningLeadWeeks: 17 });
    await section(/Timeline/);
    expect(screen.getByText(/of planning before you start speaking to people\. Allow at least 17 weeks\./)).toBeInTheDocument();
    expect(screen.getByText(/Your organisation sets this figure: weeks of planning before speaking to people/)).toBeInTheDocument();
  });

  it('proposes dates from the route and the saved settings, and the proposal meets its own checks', async () => {
    const content = readyPlanContent();
    content.triage.serviceWithdrawn = 'yes';
    content.timeline = [];
    // A decision far enough ahead for a 12-month programme and its lead time from today, so no step is moved.
    content.project.decisionDate = `${new Date().getFullYear() + 2}-06-30`;
    openPlan(content, { consultationProgrammeMinimumMonths: 12 });
    await section(/Timeline/);
    fireEvent.click(screen.getByRole('button', { name: 'Propose dates from the decision date' }));
    expect(screen.getByText(/planned to take at least 12 months, as your organisation's settings ask/)).toBeInTheDocument();
    expect(screen.queryByText('Check these dates against the guidance')).not.toBeInTheDocument();
  });

  it('shows what the report must say and how long to keep the responses', async () => {
    openPlan(readyPlanContent());
    await section(/Timeline/);
    const panel = screen.getByText('What the report must say, and how long to keep the responses').closest('details') as HTMLElement;
    expect(within(panel).getByText(/Keep a record of the responses and feedback for \d+ years\./)).toBeInTheDocument();
  });
});

it('shows the accessibility checklist where the lead chooses methods', async () => {
  openPlan(readyPlanContent());
  await section(/Methods and budget/);
  const panel = screen.getByText('Making it accessible: a checklist').closest('details') as HTMLElement;
  expect(within(panel).getByText(/^Easy read versions of documents/)).toBeInTheDocument();
});

describe('the record of the advice in the involvement team’s review', () => {
  function review(content: PlanContent, record: ReturnType<typeof buildDefensibleRecord> | undefined): void {
    const repo = new InMemoryPlans();
    const plan = repo.add(content, undefined, 'submitted');
    if (record) repo.plans.set(plan.id, { ...plan, adviceRecord: { ok: true, record } });
    window.location.hash = `review=${plan.id}`;
    render(
      <AppShell idPrefix="r-" theme="sharepoint" services={servicesWith(repo, jo)}>
        <Dashboard />
      </AppShell>
    );
  }

  it('shows the advice kept at submission, and that it matches the plan’s answers', async () => {
    const content = readyPlanContent();
    review(content, buildDefensibleRecord(content, { ...DEFAULT_SETTINGS, planningLeadWeeks: 8 }, '2026-11-23T12:00:00Z'));
    expect(await screen.findByText(/recorded when the plan was submitted, on .*and matches the plan’s answers/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'The advice when the plan was submitted' })).toBeInTheDocument();
    expect(screen.getByText('8 weeks')).toBeInTheDocument();
  });

  it('warns the team when the record was altered (it is written by the lead’s browser)', async () => {
    const content = readyPlanContent();
    const record = buildDefensibleRecord(content, DEFAULT_SETTINGS, '2026-11-23T12:00:00Z');
    const forged = {
      ...record,
      legal: { ...record.legal, formalConsultation: { ...record.legal.formalConsultation, likelihood: 'likely' as const } }
    };
    review(content, forged);
    expect(await screen.findByText('The record of the advice does not match the plan')).toBeInTheDocument();
  });

  it('says when a submitted plan has no record, and shows the advice as it stands now', async () => {
    review(readyPlanContent(), undefined);
    expect(await screen.findByText(/No record of the advice was kept when this plan was submitted/)).toBeInTheDocument();
  });
});
