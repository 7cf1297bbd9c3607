import {
  HOME_SITE_PROPERTY,
  isSiteAddress,
  newMeetingLink,
  pageLinkToPlan,
  planIdFromSubEntity,
  planSubEntityId,
  resolveHomeSite,
  setHomeSiteCommand,
  tabDeepLink,
  teamReviewLinks
} from '../../src/domain';

describe('Teams deep links', () => {
  it('open a channel tab at one plan, with the sub-entity and channel in an encoded context', () => {
    const link = tabDeepLink({
      appId: '6f4a2c1e-8b3d-4e5f-9a7b-1c2d3e4f5a6b',
      entityId: 'dashboard tab/1',
      subEntityId: planSubEntityId(42),
      channelId: '19:abc@thread.tacv2',
      label: 'Plan & review'
    });
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('https://teams.microsoft.com/l/entity/6f4a2c1e-8b3d-4e5f-9a7b-1c2d3e4f5a6b/dashboard%20tab%2F1');
    expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({ subEntityId: 'plan-42', channelId: '19:abc@thread.tacv2' });
    expect(url.searchParams.get('label')).toBe('Plan & review');
    expect(link).not.toContain('+');
    expect(planIdFromSubEntity(JSON.parse(url.searchParams.get('context') ?? '{}').subEntityId)).toBe(42);
  });

  it('read back only sub-entities that name a plan', () => {
    expect(planIdFromSubEntity('plan-7')).toBe(7);
    expect(planIdFromSubEntity('plan-7; drop')).toBeUndefined();
    expect(planIdFromSubEntity('')).toBeUndefined();
    expect(planIdFromSubEntity(undefined)).toBeUndefined();
  });

  it('open a page at a plan, replacing the plan it was opened at', () => {
    expect(pageLinkToPlan('https://contoso.sharepoint.com/sites/inv/SitePages/Dashboard.aspx#plan=3', 12)).toBe(
      'https://contoso.sharepoint.com/sites/inv/SitePages/Dashboard.aspx#plan=12'
    );
  });

  it('book a meeting: subject, times, description and attendees prefilled and encoded, no duplicates', () => {
    const link = newMeetingLink({
      subject: 'Scoping: Moving phlebotomy (Sample) & more',
      start: '2027-01-12T10:00:00+00:00',
      end: '2027-01-12T11:00:00+00:00',
      content: 'Plan: https://contoso.sharepoint.com/sites/inv/SitePages/Dashboard.aspx#plan=12',
      attendees: ['lead@contoso.nhs.uk', 'officer@contoso.nhs.uk', 'lead@contoso.nhs.uk', ' ']
    });
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('https://teams.microsoft.com/l/meeting/new');
    expect(url.searchParams.get('subject')).toBe('Scoping: Moving phlebotomy (Sample) & more');
    expect(url.searchParams.get('startTime')).toBe('2027-01-12T10:00:00+00:00');
    expect(url.searchParams.get('endTime')).toBe('2027-01-12T11:00:00+00:00');
    expect(url.searchParams.get('attendees')).toBe('lead@contoso.nhs.uk,officer@contoso.nhs.uk');
    expect(url.searchParams.get('content')).toContain('#plan=12');
    expect(link).not.toContain('+');
  });
});

describe('the home site of the lists', () => {
  const current = 'https://contoso.sharepoint.com/sites/comms';
  it('uses the web part property first, then the tenant property, then the current site', () => {
    const tenant = { status: 'set', value: 'https://contoso.sharepoint.com/sites/involvement/' } as const;
    expect(
      resolveHomeSite({ webPartUrl: 'https://contoso.sharepoint.com/sites/own', tenant, currentSiteUrl: current, surface: 'page' })
    ).toEqual({
      ok: true,
      home: { url: 'https://contoso.sharepoint.com/sites/own', source: 'webPart' }
    });
    expect(resolveHomeSite({ webPartUrl: ' ', tenant, currentSiteUrl: current, surface: 'personalApp' })).toEqual({
      ok: true,
      home: { url: 'https://contoso.sharepoint.com/sites/involvement', source: 'tenant' }
    });
    expect(resolveHomeSite({ webPartUrl: '', tenant: { status: 'notSet' }, currentSiteUrl: current, surface: 'page' })).toEqual({
      ok: true,
      home: { url: current, source: 'currentSite' }
    });
  });

  it('in the personal app, with no tenant property, says what an administrator must set, with the command', () => {
    const r = resolveHomeSite({
      webPartUrl: undefined,
      tenant: { status: 'notSet' },
      currentSiteUrl: 'https://contoso.sharepoint.com',
      surface: 'personalApp'
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(HOME_SITE_PROPERTY);
      expect(r.message).toContain('m365 spo storageentity set');
    }
  });

  it('never skips a bad or unreadable value silently', () => {
    const bad = resolveHomeSite({ webPartUrl: 'contoso/sites/x', tenant: { status: 'notSet' }, currentSiteUrl: current, surface: 'page' });
    expect(bad).toMatchObject({ ok: false, title: 'The web part points at an address that is not a SharePoint site' });
    const badTenant = resolveHomeSite({
      webPartUrl: '',
      tenant: { status: 'set', value: 'http://intranet/sites/x' },
      currentSiteUrl: current,
      surface: 'channelTab'
    });
    expect(badTenant).toMatchObject({ ok: false, title: 'The tenant-wide planner site is not a SharePoint site address' });
    const unreadable = resolveHomeSite({
      webPartUrl: '',
      tenant: { status: 'unreadable', detail: 'offline' },
      currentSiteUrl: current,
      surface: 'page'
    });
    expect(unreadable).toMatchObject({ ok: false });
  });

  it('accepts site addresses and the tenant root, nothing else', () => {
    expect(isSiteAddress('https://contoso.sharepoint.com/sites/involvement')).toBe(true);
    expect(isSiteAddress('https://contoso.sharepoint.com/teams/inv-team/')).toBe(true);
    expect(isSiteAddress('https://contoso.sharepoint.com')).toBe(true);
    expect(isSiteAddress('https://contoso.sharepoint.com/sites/a b')).toBe(false);
    expect(isSiteAddress('javascript:alert(1)')).toBe(false);
    expect(isSiteAddress('http://intranet.contoso.com/sites/involvement')).toBe(false);
    expect(isSiteAddress('http://127.0.0.1:4321/sites/involvement')).toBe(true);
    expect(setHomeSiteCommand('https://contoso.sharepoint.com/sites/involvement')).toContain('--key InvolvementPlannerSiteUrl');
  });
});

describe('the involvement team’s links to a plan', () => {
  const appId = '6f4a2c1e-8b3d-4e5f-9a7b-1c2d3e4f5a6b';
  it('open the review in the dashboard tab of their channel, and on the dashboard page', () => {
    const links = teamReviewLinks(
      {
        kind: 'teamsChannel',
        channelId: '19:c@thread.tacv2',
        tabEntityId: 'tab-1',
        dashboardUrl: 'https://contoso.sharepoint.com/sites/inv/SitePages/Team.aspx'
      },
      12,
      appId,
      'https://contoso.sharepoint.com/sites/inv/SitePages/Planner.aspx#plan=12'
    );
    expect(links.web).toBe('https://contoso.sharepoint.com/sites/inv/SitePages/Team.aspx#review=12');
    const teams = new URL(links.teams ?? '');
    expect(teams.pathname).toBe(`/l/entity/${appId}/tab-1`);
    expect(JSON.parse(teams.searchParams.get('context') ?? '')).toEqual({ subEntityId: 'plan-12', channelId: '19:c@thread.tacv2' });
  });
  it('without a dashboard tab or page: no Teams button, and the plan’s own page', () => {
    expect(teamReviewLinks({ kind: 'workflow', channelId: 'x', tabEntityId: 'tab-1' }, 3, appId, 'https://p#plan=3')).toEqual({
      web: 'https://p#plan=3'
    });
    expect(teamReviewLinks(null, 3, appId, 'https://p#plan=3')).toEqual({ web: 'https://p#plan=3' });
  });
});
