import { z } from 'zod';
import type { DefensibleRecord } from './defensibleRecord';
import type { InvolvementPlan, StoredPlan } from './plan';
import type { DataError } from './ports';
import type { PersonRef, PlanStatus } from './status';
import type { Stakeholder } from './stakeholder';
import { inTeam, type NewDecision, type PlanItemClaims, type PlanProcess, type Submission, type TeamRoster } from './planRecord';

/** Where submission notices go: the involvement team's Teams channel. */
export const notificationTargetSchema = z.object({
  /** Post through Microsoft Graph as the person submitting, or to a Workflows webhook. */
  kind: z.enum(['teamsChannel', 'workflow']).default('teamsChannel'),
  teamId: z.string().min(1),
  channelId: z.string().min(1),
  teamName: z.string(),
  channelName: z.string(),
  /** The dashboard's tab in that channel (its Teams entity id), so a card can open a plan's review there. */
  tabEntityId: z.string().max(255).optional(),
  /** The SharePoint page the team's dashboard is on, for links outside Teams (and cards sent through Workflows). */
  dashboardUrl: z.url({ protocol: /^https?$/ }).optional()
});
/** The involvement team's Teams channel. */
export type NotificationTarget = z.infer<typeof notificationTargetSchema>;

/** Delivery state of one notification. */
export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed'] as const;
/** Delivery state of one notification. */
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * A notification of one submission, so none is lost or sent twice: an item in the "Notification
 * outbox" list. It holds only the submission's key and how delivery went — never what to post or
 * where: the sender rebuilds the card from the plan as stored and posts to the configured channel.
 */
export interface OutboxEntry {
  readonly id: number;
  readonly version: string;
  readonly planId: number;
  /** The submission's key (`plan-<id>-submission-<n>-<random>`). */
  readonly key: string;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly lastError: string;
  readonly sentAt: string | null;
  readonly messageId: string;
  /** When the entry last changed (for spotting a send that was cut off). */
  readonly updatedAt: string;
  /** SharePoint's Author: an entry counts only if it is the plan's lead or a team member. */
  readonly author: PersonRef;
}

/** A send still marked "sending" after this long was cut off (a closed tab) and may be taken over. */
export const STALE_SENDING_MS = 5 * 60 * 1000;

/**
 * The outbox entry that counts for a submission: the first (lowest id) with its key and its
 * plan, written by the plan's lead or a member of the involvement team. Anything else — an item
 * another lead planted with the key, a key the plan never committed — is ignored.
 */
export function countedOutboxEntry(
  entries: readonly OutboxEntry[],
  planId: number,
  submission: Submission,
  lead: PersonRef,
  roster: TeamRoster
): OutboxEntry | undefined {
  return [...entries]
    .sort((a, b) => a.id - b.id)
    .find((e) => e.planId === planId && e.key === submission.key && (e.author.id === lead.id || inTeam(roster, e.author.id)));
}

/** What posting a message returned. */
export type NotifyResult = { ok: true; messageId: string } | { ok: false; retryable: boolean; retryAfterMs?: number; error: string };

/** Posts a message to the involvement team's channel (Microsoft Graph, as the signed-in user). */
export interface PlanNotifier {
  /** Post `payload`; with `replyTo` (a message id), as a reply in that message's thread where the channel allows it. */
  post(target: NotificationTarget, payload: string, replyTo?: string): Promise<NotifyResult>;
}

/** Links that open a plan, for the card's buttons. */
export interface PlanLinks {
  /** Opens the plan in the Teams tab (a deep link). */
  teams?: string;
  /** Opens the plan on the SharePoint page. */
  web: string;
}

/**
 * Builds the message posted when a plan is submitted (an Adaptive Card in a chatMessage) from the
 * plan as stored: its project lead is the submitter, `submission` its number, `advice` the record
 * of the advice kept with the plan at submission.
 */
export type SubmissionMessageBuilder = (plan: InvolvementPlan, links: PlanLinks, submission: number, advice: DefensibleRecord) => string;

/** The notification outbox (the "Notification outbox" list in production). */
export interface OutboxRepository {
  /**
   * Add this client's entry for a submission, once: a retry finds the entry this user added
   * before instead of adding another (an entry someone else planted with the key is not taken
   * for it). `claimed`: added already taken for sending by the caller.
   */
  add(planId: number, key: string, claimed: boolean): Promise<OutboxEntry>;
  /** Take an entry for sending; fails with `conflict` if someone else took or changed it first. */
  claim(entry: OutboxEntry): Promise<OutboxEntry>;
  finish(entry: OutboxEntry, result: NotifyResult): Promise<OutboxEntry>;
  /** Notifications not sent yet (pending or failed), oldest first — as stored, not yet checked. */
  unsent(): Promise<OutboxEntry[]>;
}

/** What to read with a plan's record. */
export interface RecordOptions {
  /** Its stakeholders (for the readiness check before submitting). */
  readonly stakeholders?: boolean;
  /** The involvement team's channel. */
  readonly notificationTarget?: boolean;
}

/** A plan and everything about its process, read in one round trip and verified. */
export interface PlanRecord {
  /** The plan as the product shows it: the lead's content with the verified process. */
  readonly plan: StoredPlan;
  /** What the plan item itself says (the lead's claims and the stored copies). */
  readonly claims: PlanItemClaims;
  readonly process: PlanProcess;
  readonly roster: TeamRoster;
  /** The plan's outbox items, as stored (see `countedOutboxEntry`). */
  readonly outbox: readonly OutboxEntry[];
  readonly stakeholders?: readonly Stakeholder[];
  /** Read when asked for: the configured channel, or undefined when none is set. */
  readonly notificationTarget?: NotificationTarget;
}

/** How far a submission's writes got (SharePoint's $batch runs them one by one; none undoes another). */
export interface SubmitWrites {
  /** The record after the writes that succeeded. */
  readonly record: PlanRecord;
  /** The status change (the submission counts only once this is stored), or why it failed. */
  readonly committed: boolean;
  readonly error?: DataError;
  /** The outbox entry this client added, already taken for sending by it. */
  readonly claimed?: OutboxEntry;
}

/**
 * A plan's process in SharePoint: its record (the plan item, "Plan decisions", "Plan status
 * history", the outbox and the team's members), the lead's submission, the team's decisions.
 */
export interface PlanWorkflowRepository {
  /** The plan and its whole process, in one round trip ($batch), verified. */
  record(planId: number, options?: RecordOptions): Promise<PlanRecord>;
  /**
   * One $batch: the plan item moves to Submitted with the submission's number and key (at the
   * version read: `conflict` if anyone saved since), then the submission's history entry, then —
   * when `notify` — its outbox entry, taken for sending. The plan item's write also keeps `advice`,
   * the record of the advice at submission. The batch is not a transaction: the result says how
   * far it got; keys make whatever is missing safe to add later.
   */
  submit(record: PlanRecord, submission: Submission, comment: string, notify: boolean, advice: DefensibleRecord): Promise<SubmitWrites>;
  /** Add a submission's history entry (completing a submission that stopped part-way). */
  recordSubmission(planId: number, submission: Submission, from: PlanStatus | null, comment: string): Promise<void>;
  /** Record a team decision: one add to "Plan decisions", safe to retry (its request id). */
  decide(decision: NewDecision): Promise<void>;
  /**
   * Bring the plan item's stored copies (Status, Involvement lead, Level, Scoping meeting) in line
   * with the verified record, so indexed queries find the plan. The involvement team only.
   */
  mirror(record: PlanRecord): Promise<void>;
}

/** Where the involvement team's channel is configured. */
export interface SettingsRepository {
  notificationTarget(): Promise<NotificationTarget | undefined>;
  setNotificationTarget(target: NotificationTarget): Promise<void>;
  /** The Microsoft Purview retention label applied to responses when a plan closes ('' for none). */
  retentionLabel(): Promise<string>;
  setRetentionLabel(name: string): Promise<void>;
}

/** A Teams team or channel the signed-in user can see. */
export interface TeamsPlace {
  id: string;
  displayName: string;
}

/** The teams and channels the signed-in user belongs to, for choosing the involvement team's channel. */
export interface TeamsDirectory {
  joinedTeams(): Promise<TeamsPlace[]>;
  channels(teamId: string): Promise<TeamsPlace[]>;
}

/**
 * Secrets only site owners can read (the "Involvement secrets" list): the Workflows webhook URL
 * is a credential and is never in the bundle or in a list everyone can read.
 */
export interface SecretsRepository {
  /** The webhook URL; `forbidden` for anyone who is not a site owner. */
  workflowWebhookUrl(): Promise<string | undefined>;
  setWorkflowWebhookUrl(url: string): Promise<void>;
}

/** A Workflows ("When a Teams webhook request is received") target; the URL itself is a secret. */
export function workflowTarget(name: string): NotificationTarget {
  return { kind: 'workflow', teamId: 'workflow', channelId: 'workflow', teamName: 'Workflows', channelName: name };
}

/**
 * A Workflows webhook address must be https; plain http is accepted only on this computer
 * (127.0.0.1 or localhost), which is where the local workbench's receiver runs.
 */
export function isWebhookAddress(url: string): boolean {
  return /^https:\/\/\S+$/i.test(url) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/\S*$/i.test(url);
}
