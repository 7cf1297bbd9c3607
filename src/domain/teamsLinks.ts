/**
 * Links into Microsoft Teams, built and encoded in one place: deep links that open a tab of the
 * app at one plan (the "sub-entity"), and the "new meeting" link that books the scoping meeting
 * in the person's own Teams calendar with no extra permission. Formats from Microsoft Learn,
 * "Create deep links to application content" and "Deep link to schedule a meeting".
 */

/** The Teams host every deep link starts with. */
export const TEAMS_LINK_HOST = 'https://teams.microsoft.com';

/** The sub-entity id that opens a plan in a tab (the tab reads it from its Teams context). */
export const planSubEntityId = (planId: number): string => `plan-${planId}`;

/** The plan a sub-entity id names, if it names one. */
export function planIdFromSubEntity(subEntityId: string | undefined | null): number | undefined {
  const match = /^plan-(\d+)$/.exec(subEntityId ?? '');
  return match ? Number(match[1]) : undefined;
}

/** What a deep link to a tab needs. */
export interface TabLinkParts {
  /** The app's id in the Teams manifest. */
  appId: string;
  /** The tab: the personal tab's `entityId` in the manifest, or a channel tab's entity id (from its Teams context). */
  entityId: string;
  /** What to open inside the tab. */
  subEntityId?: string;
  /** For a channel tab: the channel it is in. */
  channelId?: string;
  /** Where to go if Teams cannot show the tab (a SharePoint page). */
  webUrl?: string;
  /** The link's label in Teams. */
  label?: string;
}

/** A deep link that opens a tab of the app (personal or in a channel), at one item if given. */
export function tabDeepLink(parts: TabLinkParts): string {
  const query = new URLSearchParams();
  if (parts.webUrl) query.set('webUrl', parts.webUrl);
  if (parts.label) query.set('label', parts.label);
  const context: Record<string, string> = {};
  if (parts.subEntityId) context.subEntityId = parts.subEntityId;
  if (parts.channelId) context.channelId = parts.channelId;
  if (Object.keys(context).length) query.set('context', JSON.stringify(context));
  const search = query.toString().replace(/\+/g, '%20');
  return `${TEAMS_LINK_HOST}/l/entity/${encodeURIComponent(parts.appId)}/${encodeURIComponent(parts.entityId)}${search ? `?${search}` : ''}`;
}

/** A page address opened at a plan (`#plan=12`), replacing any plan it was opened at. */
export function pageLinkToPlan(pageUrl: string, planId: number): string {
  return `${pageUrl.split('#')[0]}#plan=${planId}`;
}

/** Where the involvement team reviews plans: its channel (with the dashboard tab) and the dashboard page. */
export interface ReviewPlace {
  readonly kind: 'teamsChannel' | 'workflow';
  readonly channelId: string;
  readonly tabEntityId?: string;
  readonly dashboardUrl?: string;
}

/**
 * The links on a card for the involvement team: the plan's review in the dashboard tab of their
 * channel (when the dashboard was set up as that tab), and on the dashboard page (`#review=`).
 * Without a known dashboard page the web link falls back to `fallbackUrl` (the plan's page).
 */
export function teamReviewLinks(
  place: ReviewPlace | null,
  planId: number,
  appId: string,
  fallbackUrl: string
): { teams?: string; web: string } {
  const web = place?.dashboardUrl ? `${place.dashboardUrl.split('#')[0]}#review=${planId}` : fallbackUrl;
  const teams =
    place?.kind === 'teamsChannel' && place.tabEntityId
      ? tabDeepLink({ appId, entityId: place.tabEntityId, subEntityId: planSubEntityId(planId), channelId: place.channelId })
      : undefined;
  return teams ? { teams, web } : { web };
}

/** What the Teams "new meeting" link is prefilled with. */
export interface MeetingLinkParts {
  subject: string;
  /** ISO 8601 date and time with its offset, e.g. 2027-01-12T10:00:00+00:00. */
  start: string;
  end: string;
  /** The meeting's description (the plan's link goes here). */
  content: string;
  /** Email addresses (user principal names) of the people to invite. */
  attendees: readonly string[];
}

/** The Teams deep link that opens a new meeting, prefilled, in the person's own calendar. */
export function newMeetingLink(parts: MeetingLinkParts): string {
  const query = new URLSearchParams();
  const attendees = [...new Set(parts.attendees.map((a) => a.trim()).filter(Boolean))];
  if (attendees.length) query.set('attendees', attendees.join(','));
  query.set('subject', parts.subject);
  query.set('startTime', parts.start);
  query.set('endTime', parts.end);
  query.set('content', parts.content);
  return `${TEAMS_LINK_HOST}/l/meeting/new?${query.toString().replace(/\+/g, '%20')}`;
}
