import type { EngagementLevel } from './engagementLevel';
import type { InvolvementPlan, ScopingMeeting } from './plan';
import { PLAN_STATUS_LABELS, type PlanStatus } from './choices';
import type { PersonRef, StatusHistoryEntry } from './status';

/**
 * What the product believes about a plan's place in the process, and why (README, "Who may do
 * what" and "Threat model").
 *
 * A project lead can send any REST call their browser session allows, and SharePoint lets
 * anyone who may add an item name someone else as its author (ValidateUpdateListItem). So
 * nothing a lead can write counts as the involvement team's. The team's decisions are items in
 * "Plan decisions", a list only the team can add to (and no one can edit), each counted only if
 * SharePoint's own Author is a member of the "Involvement team" group. The lead's own step —
 * submitting — is the submission number and key on the plan item, which only its lead and the
 * team can edit. Everything else on the plan item (its Status, Involvement lead, Level and
 * Scoping meeting columns) is a copy kept for indexed queries: a hint, shown as "unconfirmed"
 * wherever it disagrees with the record.
 */

/** One submission of a plan: its number (1 for the first, 2 after changes were requested…) and its key. */
export interface Submission {
  readonly number: number;
  /**
   * `plan-<id>-submission-<n>-<random>`: written on the plan item with the status change, and
   * on the submission's history and outbox entries. Nobody can plant an entry for a submission
   * before it is made (the random part is unknown until then), and entries from an attempt
   * whose status change failed never match.
   */
  readonly key: string;
}

/** The key of a plan's n-th submission, with a random part made by the submitting client. */
export function newSubmission(planId: number, number: number, random: string): Submission {
  return { number, key: `plan-${planId}-submission-${number}-${random}` };
}

/** The plan a submission or outbox key names (`undefined` if it is not one of ours). */
export function planIdOfKey(key: string): number | undefined {
  const m = /^plan-(\d+)-submission-\d+(?:-[A-Za-z0-9]+)?$/.exec(key);
  return m ? Number(m[1]) : undefined;
}

/** Who is in the involvement team, read from the SharePoint group (which only site owners manage). */
export interface TeamRoster {
  /** False when the group's membership could not be read: the lists' permissions are then all there is to go on. */
  readonly known: boolean;
  readonly memberIds: ReadonlySet<number>;
}

/** The roster when the group's membership cannot be read. */
export const UNKNOWN_ROSTER: TeamRoster = { known: false, memberIds: new Set() };

/** True when `id` is a member of the involvement team (or membership is unknown and `whenUnknown`). */
export function inTeam(roster: TeamRoster, id: number, whenUnknown = false): boolean {
  return roster.known ? roster.memberIds.has(id) : whenUnknown;
}

/** What the plan item says about the process: written by its lead (or the team). Claims, not facts. */
export interface PlanItemClaims {
  readonly planId: number;
  /** SharePoint's Author: the person who can edit the plan ("edit own items"), so its project lead. */
  readonly createdBy: PersonRef;
  /** The Project lead column. */
  readonly projectLead: PersonRef | null;
  /** The Status column (a copy for indexed queries); null when it holds a value the planner does not know. */
  readonly status: PlanStatus | null;
  /** The Status column as stored, for showing a value the planner does not know. */
  readonly statusText: string;
  /** The submission the plan item says was made last (0: never submitted). */
  readonly submission: number;
  readonly submissionKey: string;
  /** The copies of the team's decisions on the plan item. */
  readonly involvementLead: PersonRef | null;
  readonly scopingMeetingAt: string | null;
  /** The level the plan's JSON says the team confirmed (null: not confirmed). */
  readonly confirmedLevel: EngagementLevel | null;
}

/** What a team decision is about. */
export const DECISION_KINDS = ['status', 'scoping', 'involvementLead', 'level'] as const;
/** What a team decision is about. */
export type DecisionKind = (typeof DECISION_KINDS)[number];

/**
 * One decision of the involvement team: an item in "Plan decisions" (team-only, add-only). Each
 * carries the team's whole state of the plan after it, so the last one counted is the state.
 */
export interface TeamDecision {
  readonly id: number;
  readonly planId: number;
  /** 1 for the plan's first decision, then 2…: a decision counts only if it is the first with its number. */
  readonly seq: number;
  readonly requestId: string;
  readonly kind: DecisionKind;
  readonly from: PlanStatus;
  readonly to: PlanStatus;
  /** The submission decided on. */
  readonly submission: number;
  readonly submissionKey: string;
  readonly involvementLead: PersonRef | null;
  readonly confirmedLevel: EngagementLevel | null;
  readonly scopingMeeting: ScopingMeeting | null;
  readonly comment: string;
  /** SharePoint's Author and Created: who recorded it, when. */
  readonly author: PersonRef;
  readonly created: string;
}

/** A decision about to be recorded (SharePoint adds the author and time). */
export type NewDecision = Omit<TeamDecision, 'id' | 'author' | 'created'>;

/** A submission recorded in "Plan status history" (add-only for everyone). */
export interface SubmissionEntry {
  readonly id: number;
  readonly planId: number;
  readonly submission: number;
  readonly key: string;
  readonly from: PlanStatus | null;
  readonly comment: string;
  readonly author: PersonRef;
  readonly created: string;
}

/** A stored value that the verified record does not bear out. */
export interface Unconfirmed {
  readonly what: 'status' | 'projectLead' | 'involvementLead' | 'scopingMeeting' | 'level';
  /** What is stored, in words. */
  readonly stored: string;
  /** What the record says, in words. */
  readonly verified: string;
}

/** An item that does not count, and why: listed so the team can remove it. */
export interface IgnoredItem {
  readonly list: string;
  readonly itemId: number;
  readonly reason: string;
}

/** A plan's process as the product believes it. */
export interface PlanProcess {
  readonly status: PlanStatus;
  /** The submission the status is about (null: never submitted). */
  readonly submission: Submission | null;
  /** Every submission made, by number, with its key (for matching history and outbox entries). */
  readonly submissions: readonly Submission[];
  readonly projectLead: PersonRef;
  readonly involvementLead: PersonRef | null;
  readonly confirmedLevel: EngagementLevel | null;
  readonly scopingMeeting: ScopingMeeting | null;
  /** The decisions counted, in order. */
  readonly decisions: readonly TeamDecision[];
  /** Number for the team's next decision. */
  readonly nextSeq: number;
  /** Submissions and decisions, oldest first, each with who recorded it (SharePoint's Author) and when. */
  readonly history: readonly StatusHistoryEntry[];
  /** Submissions whose history entry is missing (a submission cut off part-way): whoever opens the plan adds them. */
  readonly missingEntries: readonly Submission[];
  /** Stored values the record does not bear out. */
  readonly unconfirmed: readonly Unconfirmed[];
  /** Decisions and history entries that do not count. */
  readonly ignored: readonly IgnoredItem[];
}

/** The team's part of the process: the statuses only the team can move a plan into. */
export const TEAM_STATUSES: readonly PlanStatus[] = ['inReview', 'changesRequested', 'accepted', 'inDelivery', 'reporting', 'closed'];

const name = (p: PersonRef | null): string => p?.displayName ?? 'nobody';
const label = (s: PlanStatus): string => PLAN_STATUS_LABELS[s];

export const DECISIONS_LIST = 'Plan decisions';
export const HISTORY_LIST = 'Plan status history';

/**
 * Work out a plan's process from what can be trusted, and say where stored values disagree.
 *
 * - Decisions count in order of their number (`seq`), the first item with each number, and only
 *   when SharePoint's Author is in the involvement team (when the roster can be read).
 * - The lead's submission number on the plan item counts when it follows the record: any number
 *   while the team has decided nothing; after a decision, only the next number, and only if the
 *   team asked for changes. Otherwise the team's last decision stands.
 * - A history entry counts when its key is that of a submission the record knows and its Author
 *   is the plan's lead or in the team; the first such entry per submission.
 */
export function verifyProcess(
  claims: PlanItemClaims,
  decisions: readonly TeamDecision[],
  entries: readonly SubmissionEntry[],
  roster: TeamRoster
): PlanProcess {
  const ignored: IgnoredItem[] = [];
  const counted: TeamDecision[] = [];
  for (const d of [...decisions].sort((a, b) => a.id - b.id)) {
    if (d.planId !== claims.planId) continue;
    if (!inTeam(roster, d.author.id, true)) {
      ignored.push({
        list: DECISIONS_LIST,
        itemId: d.id,
        reason: `Recorded by ${d.author.displayName}, who is not in the involvement team.`
      });
    } else if (d.seq !== counted.length + 1) {
      ignored.push({
        list: DECISIONS_LIST,
        itemId: d.id,
        reason: `Made at the same time as another decision (number ${d.seq}); the first one counts.`
      });
    } else if (counted.length > 0 && d.submission < counted[counted.length - 1].submission) {
      ignored.push({ list: DECISIONS_LIST, itemId: d.id, reason: `About submission ${d.submission}, which had already been replaced.` });
    } else {
      counted.push(d);
    }
  }
  const last = counted[counted.length - 1];
  // Submissions the team decided on, by number (the key of each comes from the team's record).
  const known = new Map<number, Submission>();
  for (const d of counted)
    if (d.submission > 0 && !known.has(d.submission)) known.set(d.submission, { number: d.submission, key: d.submissionKey });

  const claimed: Submission | null = claims.submission > 0 ? { number: claims.submission, key: claims.submissionKey } : null;
  let status: PlanStatus;
  let submission: Submission | null;
  if (!last) {
    status = claimed ? 'submitted' : 'draft';
    submission = claimed;
  } else if (claimed && claimed.number === last.submission + 1 && last.to === 'changesRequested') {
    status = 'submitted';
    submission = claimed;
  } else {
    status = last.to;
    submission = known.get(last.submission) ?? null;
  }
  if (submission && !known.has(submission.number)) known.set(submission.number, submission);
  const submissions = [...known.values()].sort((a, b) => a.number - b.number);

  // History: the first entry per known submission key, written by the plan's lead or the team.
  const lead = claims.createdBy;
  const entryFor = new Map<number, SubmissionEntry>();
  for (const e of [...entries].sort((a, b) => a.id - b.id)) {
    if (e.planId !== claims.planId) continue;
    const match = known.get(e.submission);
    if (!match || match.key !== e.key) {
      ignored.push({ list: HISTORY_LIST, itemId: e.id, reason: 'Names a submission this plan does not have.' });
    } else if (e.author.id !== lead.id && !inTeam(roster, e.author.id)) {
      ignored.push({
        list: HISTORY_LIST,
        itemId: e.id,
        reason: `Written by ${e.author.displayName}, who is neither the plan's lead nor in the involvement team.`
      });
    } else if (!entryFor.has(e.submission)) {
      entryFor.set(e.submission, e);
    }
  }
  const missingEntries = submissions.filter((s) => !entryFor.has(s.number));

  // In the order things happened: each submission, then the team's decisions about it.
  // (Logical order, not timestamps: two lists' Created times can tie to the second.)
  const history: StatusHistoryEntry[] = [];
  const numbers = [...new Set([...submissions.map((x) => x.number), ...counted.map((d) => d.submission)])].sort((x, y) => x - y);
  for (const n of numbers) {
    const e = entryFor.get(n);
    if (e)
      history.push({
        id: e.id,
        planId: claims.planId,
        from: e.from,
        to: 'submitted',
        by: e.author,
        at: e.created,
        comment: e.comment
      });
    for (const d of counted.filter((x) => x.submission === n))
      history.push({ id: d.id, planId: claims.planId, from: d.from, to: d.to, by: d.author, at: d.created, comment: d.comment });
  }

  const involvementLead = last?.involvementLead ?? null;
  const confirmedLevel = last?.confirmedLevel ?? null;
  const scopingMeeting = last?.scopingMeeting ?? null;
  const unconfirmed: Unconfirmed[] = [];
  if (claims.status !== status) {
    unconfirmed.push({
      what: 'status',
      stored: claims.status ? label(claims.status) : claims.statusText || 'empty',
      verified: label(status)
    });
  } else if (claimed && claimed.number !== submission?.number) {
    unconfirmed.push({
      what: 'status',
      stored: `${label(status)} (submission ${claimed.number})`,
      verified: `${label(status)} (submission ${submission?.number ?? 0})`
    });
  }
  if (claims.projectLead && claims.projectLead.id !== lead.id)
    unconfirmed.push({
      what: 'projectLead',
      stored: claims.projectLead.displayName,
      verified: `${lead.displayName}, who created the plan`
    });
  if ((claims.involvementLead?.id ?? null) !== (involvementLead?.id ?? null))
    unconfirmed.push({ what: 'involvementLead', stored: name(claims.involvementLead), verified: name(involvementLead) });
  if (claims.confirmedLevel !== confirmedLevel)
    unconfirmed.push({ what: 'level', stored: claims.confirmedLevel ?? 'not confirmed', verified: confirmedLevel ?? 'not confirmed' });
  const storedScoping = claims.scopingMeetingAt ? Date.parse(claims.scopingMeetingAt) : null;
  const verifiedScoping = scopingMeeting ? Date.parse(scopingMeeting.at) : null;
  if (storedScoping !== verifiedScoping)
    unconfirmed.push({
      what: 'scopingMeeting',
      stored: claims.scopingMeetingAt ?? 'not booked',
      verified: scopingMeeting?.at ?? 'not booked'
    });

  return {
    status,
    submission,
    submissions,
    projectLead: lead,
    involvementLead,
    confirmedLevel,
    scopingMeeting,
    decisions: counted,
    nextSeq: counted.length + 1,
    history,
    missingEntries,
    unconfirmed,
    ignored
  };
}

/** The plan as the product shows it everywhere: the lead's content with the verified process. */
export function verifiedPlan<P extends InvolvementPlan>(stored: P, process: PlanProcess): P {
  const level = stored.content.level;
  return {
    ...stored,
    status: process.status,
    projectLead: process.projectLead,
    involvementLead: process.involvementLead,
    scopingMeeting: process.scopingMeeting,
    content: {
      ...stored.content,
      level: process.confirmedLevel
        ? { ...level, chosen: process.confirmedLevel, confirmedByTeam: true }
        : { ...level, confirmedByTeam: false }
    }
  };
}

/** Words for what is unconfirmed, for the dashboard: "Status: stored “Accepted”, record says “Draft”". */
export function describeUnconfirmed(u: Unconfirmed): string {
  const what = {
    status: 'Status',
    projectLead: 'Project lead',
    involvementLead: 'Involvement lead',
    scopingMeeting: 'Scoping meeting',
    level: 'Confirmed level'
  }[u.what];
  return `${what}: stored “${u.stored}”, the record says “${u.verified}”`;
}
