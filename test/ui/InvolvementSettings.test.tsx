/**
 * The involvement settings page on the dashboard (issue 10): each setting with the guidance its
 * default follows and a reset; bad values explained and never saved; saved at the version read
 * (someone else's save is never overwritten); each change recorded (who, when, old → new).
 */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { AppShell, Dashboard } from '../../src/ui';
import { SETTING_GUIDANCE, type CurrentUser } from '../../src/domain';
import { InMemoryPlans, InMemorySettingsStore, priya, servicesWith } from './fakes';

const jo: CurrentUser = { id: 4, displayName: 'Jo Bennett', email: 'jo@x.nhs.uk', isSiteOwner: false, isInvolvementTeam: true };
const PLANNING = /Weeks of planning before speaking to people/;

function openSettings(store: InMemorySettingsStore, user: CurrentUser = jo): void {
  window.location.hash = 'settings';
  render(
    <AppShell idPrefix="set-" theme="sharepoint" services={servicesWith(new InMemoryPlans(), user, { involvementSettings: store })}>
      <Dashboard />
    </AppShell>
  );
}
const save = (): void => {
  fireEvent.click(screen.getByRole('button', { name: 'Save the settings' }));
};

afterEach(() => {
  window.location.hash = '';
  window.localStorage.clear();
});

it('shows each setting with what the guidance says and which guidance its default follows', async () => {
  openSettings(new InMemorySettingsStore());
  const card = (await screen.findByRole('heading', { name: SETTING_GUIDANCE.planningLeadWeeks.label })).closest(
    '[aria-labelledby]'
  ) as HTMLElement;
  expect(within(card).getByText(SETTING_GUIDANCE.planningLeadWeeks.guidance)).toBeInTheDocument();
  expect(within(card).getByText(`Default: 6 weeks, following ${SETTING_GUIDANCE.planningLeadWeeks.defaultFollows}.`)).toBeInTheDocument();
  for (const key of [
    'engagementMinimumMonths',
    'consultationProgrammeMinimumMonths',
    'reportDueWeeksAfterClose',
    'holidayPeriods',
    'bankHolidayRegion',
    'ladderShown'
  ] as const)
    expect(screen.getByRole('heading', { name: SETTING_GUIDANCE[key].label })).toBeInTheDocument();
});

it('explains a bad value at the field and saves nothing', async () => {
  const store = new InMemorySettingsStore();
  openSettings(store);
  fireEvent.change(await screen.findByRole('spinbutton', { name: PLANNING }), { target: { value: '60' } });
  save();
  expect(screen.getByText('Nothing was saved: put these right first')).toBeInTheDocument();
  expect(screen.getByRole('spinbutton', { name: PLANNING })).toHaveValue(60);
  expect(screen.getByRole('spinbutton', { name: PLANNING })).toHaveAttribute('aria-invalid', 'true');
  expect(store.saves).toBe(0);
});

it('refuses a minimum programme with formal consultation shorter than the one without', async () => {
  const store = new InMemorySettingsStore();
  openSettings(store);
  fireEvent.change(await screen.findByRole('spinbutton', { name: /Shortest programme for a formal public consultation/ }), {
    target: { value: '2' }
  });
  save();
  expect(screen.getByText('Nothing was saved: put these right first')).toBeInTheDocument();
  expect(store.saves).toBe(0);
});

it('saves a change at the version read, says what changed, and records who changed it', async () => {
  const store = new InMemorySettingsStore();
  openSettings(store);
  fireEvent.change(await screen.findByRole('spinbutton', { name: PLANNING }), { target: { value: '8' } });
  expect(screen.getByRole('region', { name: 'Changes you are about to save' })).toHaveTextContent('6 weeks → 8 weeks');
  save();
  expect(await screen.findByText('Settings saved')).toBeInTheDocument();
  expect(store.settings?.planningLeadWeeks).toBe(8);
  const history = await screen.findByRole('list', { name: 'Changes to the settings, newest first' });
  expect(history).toHaveTextContent('Sam Owner');
  expect(history).toHaveTextContent(`${SETTING_GUIDANCE.planningLeadWeeks.label}: 6 weeks → 8 weeks`);
});

it('puts a setting back to its default', async () => {
  openSettings(new InMemorySettingsStore({ planningLeadWeeks: 8 }));
  expect(await screen.findByRole('spinbutton', { name: PLANNING })).toHaveValue(8);
  fireEvent.click(screen.getByRole('button', { name: `Reset to the default: ${SETTING_GUIDANCE.planningLeadWeeks.label}` }));
  expect(screen.getByRole('spinbutton', { name: PLANNING })).toHaveValue(6);
});

it("never overwrites someone else's save: says so, keeps the typed change, and saves it after reading theirs", async () => {
  const store = new InMemorySettingsStore({ planningLeadWeeks: 7 });
  openSettings(store);
  fireEvent.change(await screen.findByRole('spinbutton', { name: PLANNING }), { target: { value: '8' } });
  store.saveElsewhere({ engagementMinimumMonths: 5 });
  save();
  expect(await screen.findByText('Someone else saved the settings since you opened them')).toBeInTheDocument();
  expect(store.settings).toMatchObject({ planningLeadWeeks: 7, engagementMinimumMonths: 5 });
  expect(screen.getByRole('spinbutton', { name: PLANNING })).toHaveValue(8);
  fireEvent.click(screen.getByRole('button', { name: 'Read the saved settings' }));
  // Their change is read in; the one typed here stays on top of it, and is all that would change.
  expect(await screen.findByRole('spinbutton', { name: /Shortest programme for engagement without formal consultation/ })).toHaveValue(5);
  expect(screen.getByRole('spinbutton', { name: PLANNING })).toHaveValue(8);
  expect(screen.getByRole('region', { name: 'Changes you are about to save' })).toHaveTextContent(/^[^→]*7 weeks → 8 weeks$/);
  save();
  expect(await screen.findByText('Settings saved')).toBeInTheDocument();
  expect(store.settings).toMatchObject({ planningLeadWeeks: 8, engagementMinimumMonths: 5 });
});

it('shows a project lead the settings read only', async () => {
  openSettings(new InMemorySettingsStore(), priya);
  expect(await screen.findByText('Only site owners and the involvement team can change these settings.')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Save the settings' })).not.toBeInTheDocument();
});

it('offers the settings page on the dashboard to the involvement team', async () => {
  window.location.hash = '';
  render(
    <AppShell idPrefix="set-" theme="sharepoint" services={servicesWith(new InMemoryPlans(), jo)}>
      <Dashboard />
    </AppShell>
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Open the involvement settings' }));
  expect(await screen.findByRole('heading', { name: 'Involvement settings', level: 2 })).toBeInTheDocument();
});

describe('who can read plans they did not write (otherUsersCanRead)', () => {
  const sam: CurrentUser = { id: 1, displayName: 'Sam Owner', email: 'sam@x.nhs.uk', isSiteOwner: true, isInvolvementTeam: false };
  const ready = { ready: true, missing: [], conflicts: [] };

  function openWith(user: CurrentUser, store: InMemorySettingsStore) {
    const ensure = jest.fn(async () => ready);
    window.location.hash = 'settings';
    render(
      <AppShell
        idPrefix="set-"
        theme="sharepoint"
        services={servicesWith(new InMemoryPlans(), user, {
          involvementSettings: store,
          provisioner: { check: async () => ready, ensure }
        })}
      >
        <Dashboard />
      </AppShell>
    );
    return ensure;
  }

  it('a site owner saves "No" and it is applied to SharePoint at once', async () => {
    const store = new InMemorySettingsStore();
    const ensure = openWith(sam, store);
    const group = await screen.findByRole('radiogroup', { name: SETTING_GUIDANCE.otherUsersCanRead.label });
    fireEvent.click(within(group).getByRole('radio', { name: /^No: staff read only the plans they wrote/ }));
    expect(screen.getByRole('region', { name: 'Changes you are about to save' })).toHaveTextContent(
      `${SETTING_GUIDANCE.otherUsersCanRead.label}: Yes → No`
    );
    save();
    expect(await screen.findByText('SharePoint now lets people read plans as the saved setting says.')).toBeInTheDocument();
    expect(store.settings?.otherUsersCanRead).toBe(false);
    expect(ensure).toHaveBeenCalledTimes(1);
  });

  it('the involvement team can save it, but only a site owner can apply it, and the page says so', async () => {
    const store = new InMemorySettingsStore();
    const ensure = openWith(jo, store);
    const group = await screen.findByRole('radiogroup', { name: SETTING_GUIDANCE.otherUsersCanRead.label });
    expect(screen.getByText(/after saving, ask a site owner to open these settings and apply it\./)).toBeInTheDocument();
    fireEvent.click(within(group).getByRole('radio', { name: /^No: staff read only/ }));
    save();
    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    expect(store.settings?.otherUsersCanRead).toBe(false);
    expect(ensure).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Apply the saved choice to SharePoint' })).not.toBeInTheDocument();
  });
});
