import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AppShell, Dashboard, PlannerApp } from '../../src/ui';
import { readyPlanContent, readyStakeholders } from '../domain/fixtures';
import { InMemoryOutbox, InMemoryPlans, InMemoryStakeholders, RecordingNotifier, servicesWith } from './fakes';

afterEach(() => {
  window.location.hash = '';
  window.localStorage.clear();
});

function open(repo: InMemoryPlans, id: number, extra: Parameters<typeof servicesWith>[2] = {}): void {
  window.location.hash = `plan=${id}`;
  const stakeholders = new InMemoryStakeholders().seed(id, readyStakeholders());
  render(
    <AppShell idPrefix="s-" theme="sharepoint" services={servicesWith(repo, undefined, { stakeholders, ...extra })}>
      <PlannerApp />
    </AppShell>
  );
}

it('submits a plan marked ready, tells the team in Teams once, and makes the plan read only', async () => {
  const repo = new InMemoryPlans();
  const content = readyPlanContent();
  content.review = { markedReady: true, markedReadyAt: new Date().toISOString() };
  const plan = repo.add(content);
  const notifier = new RecordingNotifier();
  open(repo, plan.id, { notifier });
  fireEvent.click(await screen.findByRole('button', { name: 'Submit to the involvement team' }));
  expect(await screen.findByText(/Read only: the involvement team has this plan/)).toBeInTheDocument();
  expect(await screen.findByText(/The involvement team was told in Teams/)).toBeInTheDocument();
  expect(repo.plans.get(plan.id)?.status).toBe('submitted');
  expect(notifier.posted).toHaveLength(1);
});

it('does not offer submit until the plan is marked ready', async () => {
  const repo = new InMemoryPlans();
  const plan = repo.add(readyPlanContent());
  open(repo, plan.id);
  expect(await screen.findByText(/mark the plan ready in “Review”, then submit it/)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Submit to the involvement team' })).not.toBeInTheDocument();
});

it('shows "Notification pending" with Resend when Teams could not be told, and resend posts once', async () => {
  const repo = new InMemoryPlans();
  const content = readyPlanContent();
  content.review = { markedReady: true, markedReadyAt: new Date().toISOString() };
  const plan = repo.add(content);
  const notifier = new RecordingNotifier();
  notifier.failing = true;
  const outbox = new InMemoryOutbox();
  open(repo, plan.id, { notifier, outbox });
  fireEvent.click(await screen.findByRole('button', { name: 'Submit to the involvement team' }));
  // The panel is read again after the status change, so wait for the settled screen.
  await waitFor(
    () => {
      expect(screen.getByText('Notification pending')).toBeInTheDocument();
      expect(screen.getByText(/not a member of the team/)).toBeInTheDocument();
    },
    { timeout: 5000 }
  );
  notifier.failing = false;
  fireEvent.click(screen.getByRole('button', { name: 'Resend' }));
  expect(await screen.findByText(/The involvement team was told in Teams/, {}, { timeout: 3000 })).toBeInTheDocument();
  expect(notifier.posted).toHaveLength(1);
  expect(outbox.entries).toHaveLength(1);
});

it('lets the involvement team choose the Teams channel from their teams', async () => {
  const repo = new InMemoryPlans();
  const services = servicesWith(
    repo,
    { id: 4, displayName: 'Jo', email: 'jo@x', isSiteOwner: false, isInvolvementTeam: true },
    { channel: undefined }
  );
  render(
    <AppShell idPrefix="c-" theme="sharepoint" services={services}>
      <Dashboard />
    </AppShell>
  );
  expect(await screen.findByText('No channel is set: new plans only appear on this dashboard.')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Choose the channel' }));
  await screen.findByRole('option', { name: 'Involvement team' });
  fireEvent.change(screen.getByRole('combobox', { name: 'Team' }), { target: { value: 't1' } });
  await screen.findByRole('option', { name: 'Plan submissions' });
  fireEvent.change(screen.getByRole('combobox', { name: 'Channel' }), { target: { value: 'c1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save channel' }));
  expect(await screen.findByText('New plans are announced in Involvement team › Plan submissions.')).toBeInTheDocument();
});

it('in a Teams channel tab, offers that channel for new-plan cards', async () => {
  const repo = new InMemoryPlans();
  const services = servicesWith(
    repo,
    { id: 4, displayName: 'Jo', email: 'jo@x', isSiteOwner: false, isInvolvementTeam: true },
    { channel: undefined }
  );
  const tabChannel = { kind: 'teamsChannel' as const, teamId: 't9', channelId: 'c9', teamName: 'Involvement', channelName: 'New plans' };
  render(
    <AppShell idPrefix="h-" theme="teamsLight" services={services} host={{ teamsChannel: tabChannel }}>
      <Dashboard />
    </AppShell>
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Use this channel (Involvement › New plans)' }));
  expect(await screen.findByText('New plans are announced in Involvement › New plans.')).toBeInTheDocument();
  expect(await services.settings.notificationTarget()).toEqual(tabChannel);
});
