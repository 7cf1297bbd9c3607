/**
 * Links that land (issue 16): the submission card opens the plan's review for the team who read
 * it; the lead's links open their plan in "My plans". Built by the functions the web parts use.
 */
import { buildSubmissionCard } from '../../src/data/teams/submissionCard';
import { leadPlanLink, planLinks, TEAMS_APP_ID } from '../../src/webparts/shared/composeServices';
import { buildDefensibleRecord, DEFAULT_SETTINGS, planIdFromSubEntity, teamReviewLinks, type NotificationTarget } from '../../src/domain';
import { readyPlanContent } from '../domain/fixtures';

const subEntityOf = (link: string): number | undefined =>
  planIdFromSubEntity((JSON.parse(new URL(link).searchParams.get('context') ?? '{}') as { subEntityId?: string }).subEntityId);

const target: NotificationTarget = {
  kind: 'teamsChannel',
  teamId: 'team-1',
  channelId: '19:plans@thread.tacv2',
  teamName: 'Involvement team',
  channelName: 'Plan submissions',
  tabEntityId: 'dashboard-tab-7',
  dashboardUrl: 'https://contoso.sharepoint.com/sites/involvement/SitePages/Dashboard.aspx'
};

it("the lead's Teams link opens their plan in My plans (the sub-entity the web part reads)", () => {
  expect(subEntityOf(leadPlanLink(12))).toBe(12);
  expect(subEntityOf(planLinks('https://contoso.sharepoint.com/sites/involvement/SitePages/Planner.aspx#plan=3', 12).teams)).toBe(12);
  expect(planLinks('https://contoso.sharepoint.com/sites/involvement/SitePages/Planner.aspx#plan=3', 12).web).toBe(
    'https://contoso.sharepoint.com/sites/involvement/SitePages/Planner.aspx#plan=12'
  );
});

it("the card's buttons open the plan's review: the team's dashboard tab in their channel, and the dashboard page", () => {
  const links = teamReviewLinks(target, 12, TEAMS_APP_ID, 'https://contoso.sharepoint.com/planner#plan=12');
  const card = buildSubmissionCard(
    {
      id: 12,
      version: '"1"',
      status: 'submitted',
      projectLead: { id: 2, displayName: 'Priya', email: 'p@x' },
      involvementLead: null,
      scopingMeeting: null,
      content: readyPlanContent()
    },
    links,
    1,
    buildDefensibleRecord(readyPlanContent(), DEFAULT_SETTINGS, '2026-11-23T12:00:00Z')
  ) as { actions: Array<{ title: string; url: string }> };
  const teams = card.actions.find((a) => a.title === 'Open in Teams');
  const web = card.actions.find((a) => a.title === 'Open in SharePoint');
  expect(teams && new URL(teams.url).pathname).toBe(`/l/entity/${TEAMS_APP_ID}/dashboard-tab-7`);
  expect(teams && subEntityOf(teams.url)).toBe(12);
  expect(teams && JSON.parse(new URL(teams.url).searchParams.get('context') ?? '{}')).toMatchObject({ channelId: target.channelId });
  expect(web?.url).toBe(`${target.dashboardUrl}#review=12`);
});
