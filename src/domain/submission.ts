import { z } from 'zod';
import type { DefensibleRecord } from './defensibleRecord';
import type { InvolvementPlan, StoredPlan } from './plan';
import type { CurrentUser } from './ports';
import type { PersonRef, PlanStatus, StatusHistoryEntry } from './status';
import type { EngagementLevel } from './engagementLevel';

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

/** A notification to add to the outbox: one per submission, keyed so it is never sent twice. */
export interface NewOutboxEntry {
  readonly planId: number;
  /** One key per submission: a resend of the same submission uses the same key. */
  readonly key: string;
  readonly state: OutboxState;
  readonly target: NotificationTarget;
  /** The chatMessage to post, as JSON. */
  readonly payload: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly sentAt: string | null;
  readonly messageId: string;
}

/** A notification waiting to be sent or already sent, as stored, so none is lost or sent twice. */
export interface OutboxEntry extends NewOutboxEntry {
  readonly id: number;
  readonly version: string;
  /** When the entry last changed (for spotting a send that was cut off). */
  readonly updatedAt?: string;
}

/** A send still marked "sending" after this long was cut off (a closed tab) and may be taken over. */
export const STALE_SENDING_MS = 5 * 60 * 1000;

/** The idempotency key of a plan's n-th submission. */
export function submissionKey(planId: number, submissionNumber: number): string {
  return `plan-${planId}-submission-${submissionNumber}`;
}

/** Which submission this is: one more than the number of times the plan went to "Submitted" before. */
export function submissionNumber(history: readonly StatusHistoryEntry[]): number {
  return history.filter((h) => h.to === 'submitted').length;
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
 * Builds the message posted when a plan is submitted (an Adaptive Card in a chatMessage), showing
 * `advice`: the record of the advice kept with the plan at submission.
 */
export type SubmissionMessageBuilder = (
  plan: InvolvementPlan,
  submittedBy: CurrentUser,
  links: PlanLinks,
  advice: DefensibleRecord
) => string;

/** The notification outbox (the "Notification outbox" list in production). */
export interface OutboxRepository {
  findByKey(key: string): Promise<OutboxEntry | undefined>;
  /** Add an entry; if another browser added the same key at the same moment, the oldest is kept and returned. */
  add(entry: NewOutboxEntry): Promise<OutboxEntry>;
  /** Take an entry for sending; fails with `conflict` if someone else took or changed it first. */
  claim(entry: OutboxEntry): Promise<OutboxEntry>;
  finish(entry: OutboxEntry, result: NotifyResult): Promise<OutboxEntry>;
  /** Notifications not sent yet (pending or failed), oldest first. */
  unsent(): Promise<OutboxEntry[]>;
  latestForPlan(planId: number): Promise<OutboxEntry | undefined>;
}

/** Status changes with their history (the "Involvement plans" and "Plan status history" lists). */
export interface PlanWorkflowRepository {
  /** Move a plan to a status at the version read (412 → `conflict`) and record who, when and why. */
  changeStatus(plan: StoredPlan, to: PlanStatus, by: CurrentUser, comment: string): Promise<StoredPlan>;
  history(planId: number): Promise<StatusHistoryEntry[]>;
  /**
   * Save what the involvement team decides at the version read (412 → `conflict`): the
   * involvement lead, the scoping meeting and the confirmed level. Records `note` in the
   * history; an empty note records nothing (the caller records a status change instead).
   */
  updateTeamDecisions(plan: StoredPlan, changes: TeamDecisions, by: CurrentUser, note: string): Promise<StoredPlan>;
}

/** What the involvement team decides about a plan (NENC steps 2–3). */
export interface TeamDecisions {
  readonly involvementLead?: PersonRef;
  readonly scopingMeeting?: { at: string; attendees: string[] };
  readonly confirmedLevel?: EngagementLevel;
}

/** Where the involvement team's channel is configured. */
export interface SettingsRepository {
  notificationTarget(): Promise<NotificationTarget | undefined>;
  setNotificationTarget(target: NotificationTarget): Promise<void>;
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
