/**
 * What a user waits for, counted: each scenario renders the real screens (or calls the real
 * adapters) against a workbench stand-in with latency added to every call, and returns the
 * requests it made and how many had to wait for another. `requests.test.tsx` asserts the
 * budgets; `npm run benchmark` prints the same scenarios with their times.
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { startWorkbench, type Workbench } from '../../webparts/server/app';
import { seedWorkbench } from '../../webparts/server/seed';
import { RoundTrips, type RoundTripSummary } from '../../webparts/tools/roundTrips';
import { graphForUrl, spForUrl } from '../../src/data/client';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { SpStakeholderRepository } from '../../src/data/sharepoint/SpStakeholderRepository';
import { toPlanItemValues } from '../../src/data/sharepoint/planMapper';
import { composeServices } from '../../src/webparts/shared/composeServices';
import { AppShell } from '../../src/ui/shell/AppShell';
import { PlannerApp } from '../../src/ui/planner/PlannerApp';
import { Dashboard } from '../../src/ui/dashboard/Dashboard';
import {
  emptyPlanContent,
  emptyStakeholderFields,
  GRID_QUADRANTS,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  type PlanStatus
} from '../../src/domain';

/** The sample users (webparts/server/directory.ts). */
export const USER = { owner: 1, lead: 2, team: 4 } as const;

/** A seeded stand-in with `latencyMs` added to every SharePoint and Graph call. */
export interface Stand {
  readonly wb: Workbench;
  readonly trips: RoundTrips;
  close(): Promise<void>;
}

export async function startStand(latencyMs: number): Promise<Stand> {
  const wb = await startWorkbench({ dataFile: ':memory:', port: 0 });
  await seedWorkbench(wb.siteUrl);
  wb.faults.set([{ path: '/_api/|/graph/', latencyMs }]);
  const trips = new RoundTrips();
  const stop = trips.install();
  return {
    wb,
    trips,
    close: async () => {
      stop();
      await wb.close();
    }
  };
}

const headersFor = (userId: number): Record<string, string> => ({ 'x-workbench-user': String(userId) });

/** The app as a web part renders it (the planner's first screen "My plans"), signed in as `userId`, against the stand-in. */
function renderApp(stand: Stand, userId: number, screenElement: React.ReactElement, firstScreen?: 'myPlans'): ReturnType<typeof render> {
  const headers = headersFor(userId);
  const services = composeServices(
    spForUrl(stand.wb.siteUrl, headers),
    async () => graphForUrl(stand.wb.graphUrl, headers),
    'http://localhost/planner.html'
  );
  return render(
    <AppShell idPrefix="budget-" theme="sharepoint" services={services} firstScreen={firstScreen}>
      {screenElement}
    </AppShell>
  );
}

async function measure(stand: Stand, action: () => Promise<void>): Promise<RoundTripSummary> {
  await stand.trips.settled();
  stand.trips.reset();
  await action();
  await stand.trips.settled();
  return stand.trips.summary();
}

/** Forget what a browser remembers between visits (a first visit). */
export function clearBrowser(): void {
  window.localStorage.clear();
  window.sessionStorage.clear();
  window.location.hash = '';
}

/** Open the planner until "My plans" lists the lead's plans. */
export async function plannerLoad(stand: Stand, userId: number): Promise<RoundTripSummary> {
  let view: ReturnType<typeof render> | undefined;
  const result = await measure(stand, async () => {
    view = renderApp(stand, userId, <PlannerApp />, 'myPlans');
    await screen.findByRole('heading', { name: 'My plans' }, { timeout: 30000 });
    await waitFor(() => expect(screen.queryByText('Loading your plans…')).toBeNull(), { timeout: 30000 });
  });
  view?.unmount();
  return result;
}

/** From "My plans", open a plan until its guide shows. */
export async function openPlan(stand: Stand): Promise<RoundTripSummary> {
  const view = renderApp(stand, USER.lead, <PlannerApp />, 'myPlans');
  const open = await screen.findByRole('button', { name: /^Continue “Sample: Overnight opening/ }, { timeout: 30000 });
  const result = await measure(stand, async () => {
    fireEvent.click(open);
    await screen.findByLabelText(/Project title/, undefined, { timeout: 30000 });
  });
  view.unmount();
  clearBrowser();
  return result;
}

/** In an open plan, change one field and wait until it is saved. */
export async function autosave(stand: Stand): Promise<RoundTripSummary> {
  window.location.hash = '#plan=1';
  const view = renderApp(stand, USER.lead, <PlannerApp />);
  const title = (await screen.findByLabelText(/Project title/, undefined, { timeout: 30000 })) as HTMLInputElement;
  await stand.trips.settled();
  const result = await measure(stand, async () => {
    fireEvent.change(title, { target: { value: `${title.value} (renamed)` } });
    await screen.findByText(/^Saved \d/, undefined, { timeout: 30000 });
  });
  view.unmount();
  clearBrowser();
  return result;
}

/** Open the dashboard as an involvement team member until the counts and the queue show. */
export async function dashboardLoad(stand: Stand): Promise<RoundTripSummary> {
  let view: ReturnType<typeof render> | undefined;
  const result = await measure(stand, async () => {
    view = renderApp(stand, USER.team, <Dashboard />);
    await screen.findByText(/plans in total/, undefined, { timeout: 30000 });
    await waitFor(() => expect(screen.queryAllByText(/Loading|Counting|Checking/)).toHaveLength(0), { timeout: 30000 });
  });
  view?.unmount();
  return result;
}

/** Add `count` plans straight into the stand-in's store (as if made over the years), spread over the statuses. */
export function addPlans(
  stand: Stand,
  count: number,
  statusOf: (i: number) => string = (i) => PLAN_STATUS_LABELS[PLAN_STATUSES[i % 8]]
): void {
  const list = stand.wb.store.listByTitle('Involvement plans');
  if (!list) throw new Error('The plans list is missing.');
  const base = toPlanItemValues(emptyPlanContent(), '2026-11-23');
  const rows = Array.from({ length: count }, (_, i) => ({
    ...base,
    Title: `Bulk plan ${i}`,
    ipStatus: statusOf(i),
    ipProjectLead: 3,
    ipRequestId: `bulk-${i}`
  }));
  for (let start = 0; start < rows.length; start += 5000) stand.wb.store.addItems(list, 3, rows.slice(start, start + 5000));
}

/** The dashboard's counts by status, through the plan repository. */
export async function counts(stand: Stand): Promise<{ summary: RoundTripSummary; total: number; byStatus: Record<PlanStatus, number> }> {
  const repo = new SpPlanRepository(spForUrl(stand.wb.siteUrl, headersFor(USER.team)));
  let byStatus = {} as Record<PlanStatus, number>;
  const summary = await measure(stand, async () => {
    byStatus = await repo.countByStatus();
  });
  return { summary, total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
}

/** Put `count` stakeholders on plan 1's map, then read the map as the lead's browser does. */
export async function stakeholderMap(stand: Stand, count: number): Promise<{ summary: RoundTripSummary; loaded: number }> {
  const repo = new SpStakeholderRepository(spForUrl(stand.wb.siteUrl, headersFor(USER.lead)));
  const list = stand.wb.store.listByTitle('Plan stakeholders');
  if (!list) throw new Error('The stakeholders list is missing.');
  const fields = emptyStakeholderFields();
  stand.wb.store.addItems(
    list,
    USER.lead,
    Array.from({ length: count }, (_, i) => ({
      Title: `Stakeholder ${i}`,
      ipPlan: 1,
      ipKind: 'group',
      ipQuadrant: GRID_QUADRANTS[i % 4],
      ipMayContact: false,
      ipEngagementJson: JSON.stringify({ methods: ['survey'], channel: '', owner: '', audience: '', reaches: [], sharedId: null }),
      ipMoveHistory: '[]',
      ipNotes: fields.notes,
      ipRequestId: `map-${i}`
    }))
  );
  let loaded = 0;
  const summary = await measure(stand, async () => {
    loaded = (await repo.listForPlan(1)).length;
  });
  return { summary, loaded };
}
