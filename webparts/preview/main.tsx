/**
 * Preview pages: the same app shell, screens and SharePoint adapters as the web parts, pointed
 * at the local stand-in. A bar at the top switches the signed-in sample user and the theme.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { graphForUrl, spForUrl } from '../../src/data/client';
import { AppShell, Dashboard, PlannerApp, type HostTheme } from '../../src/ui';
import { composeServices } from '../../src/webparts/shared/composeServices';
import { ChannelPage } from './ChannelPage';
import { SpTenantProperties } from '../../src/data/sharepoint/SpTenantProperties';
import { resolveHomeSite, type HomeSiteResolution } from '../../src/domain';

const SITE_URL = `${window.location.origin}/sites/involvement`;
const THEME_KEY = 'workbench-theme';
const THEMES: Array<[HostTheme, string]> = [
  ['sharepoint', 'SharePoint'],
  ['teamsLight', 'Teams light'],
  ['teamsDark', 'Teams dark'],
  ['teamsContrast', 'Teams high contrast']
];

interface SampleUser {
  id: number;
  title: string;
  role: string;
}

function WorkbenchBar({ theme, onTheme }: { theme: HostTheme; onTheme: (t: HostTheme) => void }): JSX.Element {
  const [users, setUsers] = React.useState<{ current: number; users: SampleUser[] }>();
  React.useEffect(() => {
    fetch('/_workbench/users')
      .then((r) => r.json() as Promise<{ current: number; users: SampleUser[] }>)
      .then(setUsers, () => undefined);
  }, []);
  const switchUser = (id: string): void => {
    document.cookie = `workbench_user=${encodeURIComponent(id)}; path=/; SameSite=Strict`;
    window.location.reload();
  };
  return (
    <header
      style={{
        display: 'flex',
        gap: '1.5rem',
        alignItems: 'center',
        flexWrap: 'wrap',
        padding: '0.5rem 1rem',
        background: '#1b1b1b',
        color: '#ffffff',
        fontFamily: 'Arial, sans-serif'
      }}
    >
      <strong>Workbench (sample data)</strong>
      <nav aria-label="Workbench pages" style={{ display: 'flex', gap: '1rem' }}>
        <a style={{ color: '#ffffff' }} href="planner.html">
          Planner
        </a>
        <a style={{ color: '#ffffff' }} href="dashboard.html">
          Dashboard
        </a>
        <a style={{ color: '#ffffff' }} href="channel.html">
          Teams channel
        </a>
        <a style={{ color: '#ffffff' }} href="personal.html">
          Teams app (My plans)
        </a>
      </nav>
      <label>
        Signed in as{' '}
        <select value={users?.current ?? ''} onChange={(e) => switchUser(e.target.value)}>
          {users?.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.title}: {u.role}
            </option>
          ))}
        </select>
      </label>
      <label>
        Theme{' '}
        <select value={theme} onChange={(e) => onTheme(e.target.value as HostTheme)}>
          {THEMES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}

/**
 * The Teams personal app, simulated: no web part property and the tenant's root site as the
 * current site, so the lists are found only through the tenant property, exactly as the web part
 * resolves them (`resolveHomeSite`).
 */
function PersonalApp({ theme }: { theme: HostTheme }): JSX.Element {
  const [resolution, setResolution] = React.useState<HomeSiteResolution>();
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    const root = window.location.origin;
    void new SpTenantProperties(spForUrl(root))
      .homeSite()
      .then((tenant) => setResolution(resolveHomeSite({ webPartUrl: '', tenant, currentSiteUrl: root, surface: 'personalApp' })));
  }, [attempt]);
  if (!resolution) return <p>Finding the planner’s site…</p>;
  if (!resolution.ok)
    return <AppShell idPrefix="wb-personal-" theme={theme} problem={{ ...resolution, onRetry: () => setAttempt((n) => n + 1) }} />;
  const services = composeServices(
    spForUrl(resolution.home.url),
    async () => graphForUrl(`${window.location.origin}/graph/v1.0`),
    `${window.location.origin}/personal.html`
  );
  return (
    <AppShell
      idPrefix="wb-personal-"
      theme={theme}
      services={services}
      host={{ surface: 'personalApp', home: resolution.home }}
      firstScreen="myPlans"
    >
      <PlannerApp />
    </AppShell>
  );
}

function Preview({ page }: { page: string }): JSX.Element {
  const [theme, setTheme] = React.useState<HostTheme>(() => (localStorage.getItem(THEME_KEY) as HostTheme | null) ?? 'sharepoint');
  const services = React.useMemo(
    () =>
      composeServices(
        spForUrl(SITE_URL),
        async () => graphForUrl(`${window.location.origin}/graph/v1.0`),
        `${window.location.origin}/planner.html`
      ),
    []
  );
  const onTheme = (t: HostTheme): void => {
    localStorage.setItem(THEME_KEY, t);
    setTheme(t);
  };
  return (
    <>
      <WorkbenchBar theme={theme} onTheme={onTheme} />
      {page === 'channel' ? (
        <ChannelPage theme={theme} />
      ) : page === 'personal' ? (
        <PersonalApp theme={theme} />
      ) : (
        <AppShell
          idPrefix={`wb-${page}-`}
          theme={theme}
          services={services}
          host={{ surface: 'page', pageUrl: `${window.location.origin}/${page}.html`, home: { url: SITE_URL, source: 'currentSite' } }}
          firstScreen={page === 'dashboard' ? undefined : 'myPlans'}
        >
          {page === 'dashboard' ? <Dashboard /> : <PlannerApp />}
        </AppShell>
      )}
    </>
  );
}

const root = document.getElementById('root');
if (root) ReactDom.render(<Preview page={root.dataset.page ?? 'planner'} />, root);
