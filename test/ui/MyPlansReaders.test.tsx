import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { AppShell, PlannerApp } from '../../src/ui';
import { InMemoryPlans, servicesWith } from './fakes';

it('readers are not offered "Start a new plan", and are told why', async () => {
  const reader = {
    id: 5,
    displayName: 'Rita Reader',
    email: 'rita@x',
    isSiteOwner: false,
    isInvolvementTeam: false,
    mayCreatePlans: false
  };
  render(
    <AppShell idPrefix="r-" theme="sharepoint" services={servicesWith(new InMemoryPlans(), reader)}>
      <PlannerApp />
    </AppShell>
  );
  expect(await screen.findByText(/You can read plans on this site but not start one/)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Start a new plan' })).not.toBeInTheDocument();
});
