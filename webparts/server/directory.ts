import type { IncomingMessage } from 'node:http';
import { ROLE } from './roles';

/** A sample person in the workbench. Every name is labelled "(Sample)": none is a real person. */
export interface SampleUser {
  id: number;
  title: string;
  email: string;
  loginName: string;
  isSiteAdmin: boolean;
  /** The SharePoint groups the person starts in; the workbench keeps membership changes in its store. */
  groups: number[];
  /** What this person does, shown in the user switcher. */
  role: string;
}

export interface SampleGroup {
  id: number;
  title: string;
  /** Permission level on the site; lists inherit it unless they break inheritance. */
  siteRole: number | null;
  /** Who manages the group and its membership: the site's owners group, as on a new team site. */
  ownerId: number;
}

// Principal ids are shared by users and groups in SharePoint, so groups must not reuse a user's id.
export const GROUP = { owners: 31, visitors: 32, members: 33, involvementTeam: 34 } as const;

export const SAMPLE_GROUPS: SampleGroup[] = [
  { id: GROUP.owners, title: 'Involvement Planner Owners', siteRole: ROLE.fullControl, ownerId: GROUP.owners },
  { id: GROUP.visitors, title: 'Involvement Planner Visitors', siteRole: ROLE.read, ownerId: GROUP.owners },
  { id: GROUP.members, title: 'Involvement Planner Members', siteRole: ROLE.contribute, ownerId: GROUP.owners },
  { id: GROUP.involvementTeam, title: 'Involvement team', siteRole: null, ownerId: GROUP.owners }
];

const user = (id: number, title: string, email: string, role: string, groups: number[], isSiteAdmin = false): SampleUser => ({
  id,
  title: `${title} (Sample)`,
  email,
  loginName: `i:0#.f|membership|${email}`,
  isSiteAdmin,
  groups,
  role
});

export const SAMPLE_USERS: SampleUser[] = [
  user(1, 'Sam Okafor', 'sam.okafor@sample.nhs.uk', 'Site owner', [GROUP.owners], true),
  user(2, 'Priya Shah', 'priya.shah@sample.nhs.uk', 'Project lead', [GROUP.members]),
  user(3, 'Tom Hughes', 'tom.hughes@sample.nhs.uk', 'Project lead', [GROUP.members]),
  user(4, 'Jo Bennett', 'jo.bennett@sample.nhs.uk', 'Involvement team', [GROUP.members, GROUP.involvementTeam]),
  user(5, 'Alex Reid', 'alex.reid@sample.nhs.uk', 'Reader (visitor)', [GROUP.visitors])
];

/** The user the workbench acts as when a request names none: a project lead. */
export const DEFAULT_USER_ID = 2;

/** Header that names the signed-in user (an id or an email). Tests and scripts use it. */
export const USER_HEADER = 'x-workbench-user';
/** Cookie set by the preview pages' user switcher. */
export const USER_COOKIE = 'workbench_user';

/** A sample person's Microsoft Entra object id, as Graph (`id`) and their SharePoint profile (`msOnline-ObjectId`) give it. */
export function entraObjectId(user: SampleUser): string {
  return `00000000-0000-4000-8000-${String(user.id).padStart(12, '0')}`;
}

export function findUser(idOrEmail: string | number): SampleUser | undefined {
  const key = String(idOrEmail).trim().toLowerCase();
  return SAMPLE_USERS.find((u) => String(u.id) === key || u.email === key);
}

/**
 * Who is making a request: the `x-workbench-user` header, else the `workbench_user` cookie,
 * else the default project lead. An unknown user gets `undefined` (HTTP 401).
 */
export function userFromRequest(req: IncomingMessage): SampleUser | undefined {
  const header = req.headers[USER_HEADER];
  if (typeof header === 'string' && header) return findUser(header);
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === USER_COOKIE);
  if (cookie?.[1]) return findUser(decodeURIComponent(cookie[1]));
  return findUser(DEFAULT_USER_ID);
}

/** Sample Teams: the involvement team and its channels. Tom is deliberately not a member. */
export const SAMPLE_TEAMS = [
  {
    id: 'a1b2c3d4-0000-4000-8000-00000000team',
    displayName: 'Involvement team (Sample)',
    description: 'Sample team for the workbench',
    members: [1, 2, 4],
    channels: [
      { id: '19:general@thread.tacv2', displayName: 'General' },
      { id: '19:plan-submissions@thread.tacv2', displayName: 'Plan submissions' }
    ]
  }
];
