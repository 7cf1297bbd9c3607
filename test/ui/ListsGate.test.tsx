import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { AppShell, PlannerApp, type Services } from '../../src/ui';
import { DataError, type CurrentUser, type ProvisioningReport } from '../../src/domain';
import { InMemoryPlans, servicesWith } from './fakes';

const missing: ProvisioningReport = { ready: false, missing: [{ list: 'Involvement plans', what: 'list' }], conflicts: [] };
const ready: ProvisioningReport = { ready: true, missing: [], conflicts: [] };
const lead: CurrentUser = { id: 2, displayName: 'Priya Shah', email: 'priya@x.nhs.uk', isSiteOwner: false, isInvolvementTeam: false };

/** In-memory ports: what the UI depends on, not SharePoint. */
function fakeServices(opts: { user: CurrentUser; report: ProvisioningReport; failList?: boolean }): Services & { ensureCalls: number } {
  let report = opts.report;
  const services = {
    ...servicesWith(new InMemoryPlans(), opts.user),
    ensureCalls: 0,
    users: {
      currentUser: async () => opts.user,
      siteOwners: async () => [{ id: 1, displayName: 'Sam Okafor', email: 'sam@x.nhs.uk' }],
      siteUsers: async () => [],
      entraObjectId: async () => undefined
    },
    provisioner: {
      check: async () => report,
      ensure: async () => {
        services.ensureCalls += 1;
        report = ready;
        return report;
      }
    },
    plans: {
      listForLead: async () => {
        if (opts.failList) throw new DataError('throttled', 'HTTP 429');
        return { items: [], unreadable: [] };
      },
      countByStatus: async () => {
        throw new Error('unused');
      },
      statusOverview: async () => {
        throw new Error('unused');
      },
      query: async () => {
        throw new Error('unused');
      },
      get: async () => {
        throw new Error('unused');
      },
      create: async () => {
        throw new Error('unused');
      },
      save: async () => {
        throw new Error('unused');
      },
      remove: async () => {
        throw new Error('unused');
      },
      recordAdvice: async () => {
        throw new Error('unused');
      }
    }
  };
  return services;
}

const renderApp = (services: Services): void => {
  render(
    <AppShell idPrefix="t-" theme="sharepoint" services={services}>
      <PlannerApp />
    </AppShell>
  );
};

it('tells a project lead which site owner to ask when the lists are missing', async () => {
  renderApp(fakeServices({ user: lead, report: missing }));
  expect(await screen.findByText(/Only a site owner can set this up. Ask Sam Okafor \(sam@x.nhs.uk\)/)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Set up lists' })).not.toBeInTheDocument();
});

it('lets a site owner set up the lists, then shows My plans with its empty state', async () => {
  const services = fakeServices({ user: { ...lead, isSiteOwner: true }, report: missing });
  renderApp(services);
  fireEvent.click(await screen.findByRole('button', { name: 'Set up lists' }));
  expect(await screen.findByRole('heading', { name: 'My plans' })).toBeInTheDocument();
  expect(screen.getByText('You have no involvement plans yet.')).toBeInTheDocument();
  expect(services.ensureCalls).toBe(1);
});

it('says plainly that SharePoint is busy, and offers to try again', async () => {
  renderApp(fakeServices({ user: lead, report: ready, failList: true }));
  expect(await screen.findByText('SharePoint is busy')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
});

it('refuses to save a new plan without a title, naming the field', async () => {
  renderApp(fakeServices({ user: lead, report: ready }));
  fireEvent.click(await screen.findByRole('button', { name: 'Start a new plan' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Save draft' }));
  expect(await screen.findByText('Add a title for the project.')).toBeInTheDocument();
  expect(screen.getByRole('textbox', { name: /Project title/ })).toHaveAttribute('aria-invalid', 'true');
});
