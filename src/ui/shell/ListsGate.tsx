import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Title2 } from '@fluentui/react-components';
import {
  setHomeSiteCommand,
  type CurrentUser,
  type HomeSite,
  type MissingPiece,
  type PersonRef,
  type ProvisioningReport,
  type StoredSettings
} from '../../domain';
import { useHost } from './host';
import { useServices } from './services';
import { SessionProvider } from './session';
import { InvolvementSettingsProvider } from './involvementSettings';
import { useAsync } from '../common/useAsync';
import { ErrorBar, Loaded } from '../common/components';

const describeMissing = (m: MissingPiece): string => {
  switch (m.what) {
    case 'column':
      return `${m.list} (column ${m.column ?? ''})`;
    case 'index':
      return `${m.list} (index on ${m.column ?? ''})`;
    case 'deleteRule':
      return `${m.list} (column ${m.column ?? ''} must stop its plan being deleted)`;
    case 'permissions':
      return `${m.list} (permissions for project leads and the involvement team)`;
    case 'versioning':
      return `${m.list} (version history, which keeps every change with who made it)`;
    case 'group':
      return `${m.list}: create it in Site settings › People and groups and add the involvement team, then choose "Set up lists"`;
    default:
      return m.list;
  }
};

/** What a web part shows first, when it can be read with the start-up reads ("My plans"). */
export type FirstScreen = 'myPlans';

interface GateState {
  user: CurrentUser;
  report: ProvisioningReport;
  owners: PersonRef[];
  /** The organisation's involvement settings (read once the lists exist). */
  settings?: StoredSettings;
}

const SOURCE_TEXT: Record<HomeSite['source'], string> = {
  webPart: 'chosen in this web part’s settings',
  tenant: 'set for the whole organisation by an administrator',
  currentSite: 'this site, because no other site has been set'
};

/** Which site will hold the lists and why; with no organisation-wide setting, the command that sets one. */
function HomeSiteNote(): JSX.Element | null {
  const { home } = useHost();
  if (!home) return null;
  return (
    <Text as="p" block>
      The lists go on {home.url} ({SOURCE_TEXT[home.source]}).
      {home.source !== 'tenant' && (
        <>
          {' '}
          So that every page, Teams channel tab and the Teams app use this site, a SharePoint administrator can run:{' '}
          <code>{setHomeSiteCommand(home.url)}</code>
        </>
      )}
    </Text>
  );
}

/**
 * Shows the app only when the site has the lists it needs. Otherwise a site owner gets
 * "Set up lists"; anyone else is told who to ask.
 */
export function ListsGate({ children, firstScreen }: { children?: React.ReactNode; firstScreen?: FirstScreen }): JSX.Element {
  const { users, provisioner, involvementSettings, plans } = useServices();
  const { openPlanId } = useHost();
  const load = React.useCallback(async (): Promise<GateState> => {
    // The planner opening on "My plans": its first page is read in the start-up $batch too.
    if (firstScreen === 'myPlans' && openPlanId === undefined && !/#plan=\d/.test(window.location.hash)) plans.readMineAtStartUp?.();
    // The settings are read alongside the check, so every screen's advice uses them from the start.
    const settingsRead = involvementSettings.read().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error })
    );
    const [user, report] = await Promise.all([users.currentUser(), provisioner.check()]);
    const owners = report.ready || user.isSiteOwner ? [] : await users.siteOwners();
    const settings = await settingsRead;
    if (report.ready && !settings.ok) throw settings.error;
    return { user, report, owners, settings: settings.ok ? settings.value : undefined };
  }, [users, provisioner, involvementSettings, plans, firstScreen, openPlanId]);
  const [state, reload] = useAsync(load);
  const [setup, setSetup] = React.useState<{ running: boolean; error?: unknown }>({ running: false });

  const runSetup = async (): Promise<void> => {
    setSetup({ running: true });
    try {
      await provisioner.ensure();
      setSetup({ running: false });
      reload();
    } catch (error) {
      setSetup({ running: false, error });
    }
  };

  return (
    <Loaded state={state} label="Checking the planner's lists…" onRetry={reload}>
      {({ user, report, owners, settings }) => {
        if (report.ready && settings)
          return (
            <SessionProvider user={user}>
              <InvolvementSettingsProvider initial={settings}>{children}</InvolvementSettingsProvider>
            </SessionProvider>
          );
        return (
          <section aria-labelledby="setup-heading">
            <Title2 as="h2" block id="setup-heading">
              Set up the Involvement Planner on this site
            </Title2>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>
                  The planner needs {report.missing.length} more {report.missing.length === 1 ? 'thing' : 'things'} on this site
                </MessageBarTitle>
                It stores plans in SharePoint lists on this site. Missing: {report.missing.slice(0, 6).map(describeMissing).join('; ')}
                {report.missing.length > 6 ? '; and more' : ''}.
                {report.conflicts.length > 0 &&
                  ` ${report.conflicts.length} column(s) exist with the wrong type and need an administrator.`}
              </MessageBarBody>
            </MessageBar>
            <HomeSiteNote />
            {user.isSiteOwner ? (
              <div>
                <Button
                  appearance="primary"
                  onClick={() => {
                    void runSetup();
                  }}
                  disabled={setup.running}
                >
                  Set up lists
                </Button>
                {setup.running && <Spinner size="tiny" label="Setting up lists…" />}
              </div>
            ) : (
              <Text as="p">
                Only a site owner can set this up. Ask{' '}
                {owners.length ? owners.map((o) => `${o.displayName} (${o.email})`).join(' or ') : 'a site owner'} to open this page and
                choose “Set up lists”.
              </Text>
            )}
            {setup.error !== undefined && <ErrorBar error={setup.error} />}
          </section>
        );
      }}
    </Loaded>
  );
}
