import type { UserDirectory } from './ports';
import type { PersonRef, PlanStatus } from './status';
import { inTeam, type TeamDecision } from './planRecord';
import { countedOutboxEntry, type NotificationTarget, type OutboxEntry, type PlanRecord } from './submission';
import { deliver, takeOnSend, type NotificationOutcome, type SubmissionPorts } from './submitPlan';

/**
 * Telling the project lead when the involvement team acts on their plan (issue 16): a reply in
 * the thread of the plan's card in the team's channel, mentioning the lead, posted by the team
 * member who acted with the permission the product already has (`ChannelMessage.Send`). The
 * notice is rebuilt from the team's decision as recorded in "Plan decisions" (which only the team
 * can add to), never from stored message text, and is sent at most once per decision through the
 * outbox (its key is the decision's item id; only an entry the team wrote counts).
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

/** The outbox key of the notice for one team decision: one notice per decision, ever. */
export function leadNoticeKey(planId: number, decisionId: number): string {
  return `plan-${planId}-notice-${decisionId}`;
}

/** A team decision that moved the plan to a status its lead is told about. */
export type LeadNoticeDecision = TeamDecision & { readonly to: LeadNoticeStatus };

/** What a notice needs, all of it from the plan and its recorded history. */
export interface LeadNotice {
  readonly planTitle: string;
  /** What the team decided, who (SharePoint's Author of the decision) and their comment. */
  readonly change: { readonly to: LeadNoticeStatus; readonly by: PersonRef; readonly comment: string };
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
export interface LeadNoticePorts extends Pick<SubmissionPorts, 'outbox' | 'notifier' | 'settings' | 'sleep'> {
  users: Pick<UserDirectory, 'entraObjectId'>;
  buildLeadNotice: LeadNoticeBuilder;
  /** The link that opens a plan for its lead in Teams (their "My plans" app, not the team's review). */
  leadLink: (planId: number) => string;
}

/** The team's latest decision that changed the plan's status to one its lead is told about (to show and resend), if any. */
export function latestLeadNoticeDecision(record: Pick<PlanRecord, 'process'>): LeadNoticeDecision | undefined {
  const last = [...record.process.decisions].reverse().find((d) => d.from !== d.to);
  return last && isLeadNoticeStatus(last.to) ? (last as LeadNoticeDecision) : undefined;
}

/**
 * The outbox entry that counts for a decision's notice: the first with its key written by a member
 * of the involvement team, or by the team member who made the decision when the team's members
 * cannot be read. A lead can add outbox items, so an item a lead planted with the key (say, as
 * "sent" to silence the notice) never counts.
 */
export function leadNoticeState(record: Pick<PlanRecord, 'outbox' | 'roster'>, decision: TeamDecision): OutboxEntry | undefined {
  const key = leadNoticeKey(decision.planId, decision.id);
  return [...record.outbox]
    .sort((a, b) => a.id - b.id)
    .find(
      (e) => e.planId === decision.planId && e.key === key && (inTeam(record.roster, e.author.id) || e.author.id === decision.author.id)
    );
}

/**
 * Tell a plan's lead about one team decision, at most once: the outbox entry is keyed by the
 * decision, and the message is rebuilt from the plan and that decision each time it is sent (so
 * a resend after a reload posts exactly what the team did), to the channel configured now.
 * Through Graph it is a reply in the thread of the card of the submission decided on, when that
 * card was sent, else a new message; the lead is mentioned when their directory profile has an
 * object id. `record` is the plan's record read with its notification target.
 */
export async function notifyLead(
  ports: LeadNoticePorts,
  record: PlanRecord,
  decision: TeamDecision
): Promise<NotificationOutcome | undefined> {
  const { plan, process } = record;
  if (decision.planId !== plan.id || decision.from === decision.to || !isLeadNoticeStatus(decision.to)) return undefined;
  if (!process.decisions.some((d) => d.id === decision.id)) return undefined;
  const target = record.notificationTarget ?? (await ports.settings.notificationTarget());
  if (!target) return { kind: 'notConfigured' };
  const lead = process.projectLead;
  let aadObjectId: string | undefined;
  if (target.kind === 'teamsChannel') {
    // Without the id the notice still goes, naming the lead without a mention.
    aadObjectId = await ports.users.entraObjectId(lead).catch(() => undefined);
  }
  const payload = ports.buildLeadNotice(
    {
      planTitle: plan.content.project.title || 'Untitled plan',
      change: { to: decision.to, by: decision.author, comment: decision.comment },
      lead: { displayName: lead.displayName, email: lead.email, ...(aadObjectId ? { aadObjectId } : {}) },
      planLink: ports.leadLink(plan.id)
    },
    target.kind
  );
  let replyTo: string | undefined;
  const submission = process.submissions.find((s) => s.number === decision.submission);
  if (target.kind === 'teamsChannel' && submission) {
    const card = countedOutboxEntry(record.outbox, plan.id, submission, lead, record.roster);
    if (card?.state === 'sent' && card.messageId) replyTo = card.messageId;
  }
  const counted = leadNoticeState(record, decision);
  if (counted) return deliver(ports, counted, { target, payload, replyTo, claimed: false });
  // Added taken for sending; a retry finds the entry this person added before, which (unless it is
  // still the one just taken) is claimed as usual.
  takeOnSend(ports.outbox, leadNoticeKey(plan.id, decision.id));
  const added = await ports.outbox.add(plan.id, leadNoticeKey(plan.id, decision.id), true);
  return deliver(ports, added, { target, payload, replyTo, claimed: added.state === 'sending' });
}
