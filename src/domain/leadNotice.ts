import type { StoredPlan } from './plan';
import type { UserDirectory } from './ports';
import type { PlanStatus, StatusHistoryEntry } from './status';
import { submissionKey, submissionNumber, type NotificationTarget, type OutboxEntry } from './submission';
import { deliver, outboxEntryOnce, type NotificationOutcome, type SubmissionPorts } from './submitPlan';

/**
 * Telling the project lead when the involvement team acts on their plan (issue 16): a reply in
 * the thread of the plan's card in the team's channel, mentioning the lead, posted by the team
 * member who acted with the permission the product already has (`ChannelMessage.Send`). The
 * notice is rebuilt from the status change as recorded, never from stored message text, and is
 * sent at most once per status change through the outbox (its key is the history entry's id).
 */

/** The status changes a lead is told about, and what the notice says happened. */
export const LEAD_NOTICE_STATUSES = {
  changesRequested: 'asked for changes to',
  accepted: 'accepted',
  inDelivery: 'started delivering'
} as const satisfies Partial<Record<PlanStatus, string>>;

/** A status the lead is told about. */
export type LeadNoticeStatus = keyof typeof LEAD_NOTICE_STATUSES;

/** Whether moving a plan to `status` is something its lead is told about. */
export function isLeadNoticeStatus(status: PlanStatus): status is LeadNoticeStatus {
  return Object.prototype.hasOwnProperty.call(LEAD_NOTICE_STATUSES, status);
}

/** The outbox key of the notice for one recorded status change: one notice per change, ever. */
export function leadNoticeKey(planId: number, historyEntryId: number): string {
  return `plan-${planId}-notice-${historyEntryId}`;
}

/** What a notice needs, all of it from the plan and its recorded history. */
export interface LeadNotice {
  readonly planTitle: string;
  readonly change: StatusHistoryEntry & { readonly to: LeadNoticeStatus };
  /** The project lead, as the mention names them; `aadObjectId` from their user profile. */
  readonly lead: { readonly displayName: string; readonly email: string; readonly aadObjectId?: string };
  /** Opens the plan for the lead: their "My plans" app in Teams, where they read the notice. */
  readonly planLink: string;
}

/** What the next step is for the lead after each change, in plain English. */
const NEXT_STEP: Readonly<Record<LeadNoticeStatus, string>> = {
  changesRequested: 'Open your plan to see what to change, then send it again.',
  accepted: 'Your involvement lead will be in touch about the next steps.',
  inDelivery: 'Your involvement lead will keep you up to date as engagement happens.'
};

/**
 * The notice as plain sentences (no markup): the builders for Teams place these as text, so
 * nothing the lead or the team typed can become a link or a mention.
 */
export function leadNoticeSentences(notice: LeadNotice): { headline: string; comment: string; next: string } {
  const verb = LEAD_NOTICE_STATUSES[notice.change.to];
  return {
    headline: `${notice.change.by.displayName} ${verb} your plan "${notice.planTitle}".`,
    comment: notice.change.comment.trim(),
    next: NEXT_STEP[notice.change.to]
  };
}

/** Builds the message (a chatMessage as JSON) that tells the lead, for the way the channel is reached. */
export type LeadNoticeBuilder = (notice: LeadNotice, via: NotificationTarget['kind']) => string;

/** Everything telling the lead needs. */
export interface LeadNoticePorts extends Pick<SubmissionPorts, 'outbox' | 'notifier' | 'settings' | 'workflow' | 'sleep'> {
  users: Pick<UserDirectory, 'entraObjectId'>;
  buildLeadNotice: LeadNoticeBuilder;
  /** The link that opens a plan for its lead in Teams (their "My plans" app, not the team's review). */
  leadLink: (planId: number) => string;
}

/** The recorded change of a plan that its lead is told about last (the one to show and resend), if any. */
export function latestLeadNoticeChange(
  history: readonly StatusHistoryEntry[]
): (StatusHistoryEntry & { to: LeadNoticeStatus }) | undefined {
  const change = [...history].reverse().find((h) => h.from !== h.to);
  return change && change.id !== undefined && isLeadNoticeStatus(change.to)
    ? (change as StatusHistoryEntry & { to: LeadNoticeStatus })
    : undefined;
}

/** Where a notice stands, without sending it (for the review screen after a reload). */
export async function leadNoticeState(
  ports: Pick<LeadNoticePorts, 'outbox'>,
  planId: number,
  change: StatusHistoryEntry
): Promise<OutboxEntry | undefined> {
  return change.id === undefined ? undefined : ports.outbox.findByKey(leadNoticeKey(planId, change.id));
}

/**
 * Tell a plan's lead about one recorded status change, at most once: the outbox entry is keyed
 * by the history entry, and its message is rebuilt from the plan and that entry each time it is
 * sent (so a resend after a reload posts exactly what the team did). Through Graph it is a
 * reply in the thread of the plan's latest card when that card went to the same channel, else a
 * new message; the lead is mentioned when their directory profile has an object id.
 */
export async function notifyLead(
  ports: LeadNoticePorts,
  plan: StoredPlan,
  change: StatusHistoryEntry
): Promise<NotificationOutcome | undefined> {
  if (change.id === undefined || change.planId !== plan.id || !isLeadNoticeStatus(change.to) || !plan.projectLead) return undefined;
  const target = await ports.settings.notificationTarget();
  if (!target) return { kind: 'notConfigured' };
  const lead = plan.projectLead;
  let aadObjectId: string | undefined;
  if (target.kind === 'teamsChannel') {
    // Without the id the notice still goes, naming the lead without a mention.
    aadObjectId = await ports.users.entraObjectId(lead).catch(() => undefined);
  }
  const payload = ports.buildLeadNotice(
    {
      planTitle: plan.content.project.title || 'Untitled plan',
      change: change as StatusHistoryEntry & { to: LeadNoticeStatus },
      lead: { displayName: lead.displayName, email: lead.email, ...(aadObjectId ? { aadObjectId } : {}) },
      planLink: ports.leadLink(plan.id)
    },
    target.kind
  );
  const key = leadNoticeKey(plan.id, change.id);
  const entry = await outboxEntryOnce(ports.outbox, plan.id, key, target, () => payload);
  let replyTo: string | undefined;
  if (entry.target.kind === 'teamsChannel') {
    const history = await ports.workflow.history(plan.id);
    const before = history.filter((h) => h.id === undefined || h.id < (change.id ?? 0));
    const card = await ports.outbox.findByKey(submissionKey(plan.id, Math.max(1, submissionNumber(before))));
    const sameChannel = card?.target.teamId === entry.target.teamId && card.target.channelId === entry.target.channelId;
    if (card?.state === 'sent' && card.messageId && sameChannel) replyTo = card.messageId;
  }
  return deliver(ports, entry, { payload, replyTo });
}
