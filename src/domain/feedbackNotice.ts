import { FEEDBACK_CHANNEL_OPTIONS, type EngagementRecordContent } from './afterEngagement';
import { trustedRecord, type EngagementRecordRepository, type SignOffRepository } from './afterEngagementProcess';
import { isIsoDate } from './plan';
import { inTeam } from './planRecord';
import { DataError, type CurrentUser } from './ports';
import type { PlanStatus } from './status';
import { countedOutboxEntry, type NotificationTarget, type OutboxEntry, type PlanLinks, type PlanRecord } from './submission';
import { deliver, takeOnSend, type NotificationOutcome, type SubmissionPorts } from './submitPlan';

/**
 * Telling the involvement team that a plan's "you said, we did" was published (issue 11 §3): a
 * short card in the team's channel, through the same outbox as submission cards and lead notices
 * and under the same rules. The outbox item holds only the publication's key and how delivery
 * went; the card is rebuilt at send time from the plan's record as the product trusts it (the
 * record its lead or the team wrote; for a closed plan, what the team signed off). One key per
 * publication (the plan and the date it was published), so a retry, a reload or a second person
 * pressing "Try again" never posts it twice; only an item written by the plan's lead or a member of
 * the team counts, so an item another lead planted (say, as "Sent") neither silences nor blocks it.
 */

/** The statuses in which "you said, we did" is written and published. */
export const FEEDBACK_NOTICE_STATUSES: readonly PlanStatus[] = ['reporting', 'closed'];

/** The outbox key of the card for one publication of a plan's "you said, we did": one card per plan and publication date. */
export function feedbackNoticeKey(planId: number, publishedOn: string): string {
  return `plan-${planId}-yousaidwedid-${publishedOn}`;
}

/** True when an outbox key is a "you said, we did" card's. */
export function isFeedbackNoticeKey(key: string): boolean {
  return /^plan-\d+-yousaidwedid-\d{4}-\d{2}-\d{2}$/.test(key);
}

/** What the card says, all of it from the plan's record as trusted, the plan and the team's settings. */
export interface FeedbackNotice {
  readonly planTitle: string;
  /** The plan's project lead (the plan item's author). */
  readonly lead: string;
  readonly publishedOn: string;
  /** The public summary, as the lead wrote it (the card shortens it and shows it as plain text). */
  readonly summary: string;
  /** How people were told, in the NENC list's own words. */
  readonly channels: readonly string[];
  readonly participantsToldOn: string;
  /** Where it is published (an https address the record holds), or ''. */
  readonly link: string;
  /** The card's buttons for the team: the plan's review in their tab or on their page. */
  readonly links: PlanLinks;
}

/** Builds the message (a chatMessage as JSON) that tells the team, for the way the channel is reached. */
export type FeedbackNoticeBuilder = (notice: FeedbackNotice, via: NotificationTarget['kind']) => string;

/** Everything telling the team needs. */
export interface FeedbackNoticePorts extends Pick<
  SubmissionPorts,
  'workflow' | 'outbox' | 'notifier' | 'settings' | 'sleep' | 'reviewLinks'
> {
  records: Pick<EngagementRecordRepository, 'forPlan'>;
  signOffs: Pick<SignOffRepository, 'forPlan'>;
  buildFeedbackNotice: FeedbackNoticeBuilder;
  /** Links to a plan when the target gives no review links. */
  links: (planId: number) => PlanLinks;
}

/**
 * The outbox entry that counts for a publication: the first (lowest id) with its key and plan,
 * written by the plan's lead or a member of the involvement team. Where the team's members cannot
 * be read (a lead usually cannot: SharePoint shows a group's members to its members), a team
 * member who made one of the plan's decisions counts as the team (the decisions list is the
 * team's alone), so the lead is not asked to tell the team again. Anything else is ignored.
 */
export function feedbackNoticeState(
  record: Pick<PlanRecord, 'outbox' | 'roster' | 'process' | 'plan'>,
  publishedOn: string
): OutboxEntry | undefined {
  const key = feedbackNoticeKey(record.plan.id, publishedOn);
  const lead = record.process.projectLead;
  const deciders = new Set(record.process.decisions.map((d) => d.author.id));
  const counts = (id: number): boolean => id === lead.id || inTeam(record.roster, id) || (!record.roster.known && deciders.has(id));
  return [...record.outbox].sort((a, b) => a.id - b.id).find((e) => e.planId === record.plan.id && e.key === key && counts(e.author.id));
}

/** The message id of the plan's latest submission card that was sent (counted), to reply in its thread. */
export function planCardThread(record: Pick<PlanRecord, 'outbox' | 'roster' | 'process' | 'plan'>): string | undefined {
  for (const submission of [...record.process.submissions].sort((a, b) => b.number - a.number)) {
    const card = countedOutboxEntry(record.outbox, record.plan.id, submission, record.process.projectLead, record.roster);
    if (card?.state === 'sent' && card.messageId) return card.messageId;
  }
  return undefined;
}

/** A plan's record and its "you said, we did" as the product trusts them, read now. */
export interface FeedbackPublication {
  readonly record: PlanRecord;
  /** The engagement record as trusted (for a closed plan, what the team signed off); undefined when none was started. */
  readonly content: EngagementRecordContent | undefined;
}

/** Read what a card is built from: the plan's record with the channel, and its engagement record as trusted. */
export async function readFeedbackPublication(
  ports: Pick<FeedbackNoticePorts, 'workflow' | 'records' | 'signOffs'>,
  planId: number
): Promise<FeedbackPublication> {
  const [record, stored] = await Promise.all([ports.workflow.record(planId, { notificationTarget: true }), ports.records.forPlan(planId)]);
  const signOffs = record.process.status === 'closed' ? await ports.signOffs.forPlan(planId) : [];
  return { record, content: trustedRecord(record.process.status, stored, signOffs) };
}

/** The date "you said, we did" was published, when the trusted record has one. */
export function publishedOnOf(content: EngagementRecordContent | undefined): string | undefined {
  const date = content?.feedback.publishedOn ?? '';
  return isIsoDate(date) ? date : undefined;
}

/** True when `user` may send the card: the plan's lead, or a member of the involvement team. */
export function maySendFeedbackNotice(record: Pick<PlanRecord, 'process' | 'roster'>, user: CurrentUser): boolean {
  return (
    record.process.projectLead.id === user.id || (user.isInvolvementTeam && (!record.roster.known || record.roster.memberIds.has(user.id)))
  );
}

/** The card's content for a publication, from the trusted record. */
export function feedbackNotice(
  ports: Pick<FeedbackNoticePorts, 'reviewLinks' | 'links'>,
  record: PlanRecord,
  content: EngagementRecordContent,
  target: NotificationTarget
): FeedbackNotice {
  const f = content.feedback;
  const planId = record.plan.id;
  return {
    planTitle: record.plan.content.project.title || 'Untitled plan',
    lead: record.process.projectLead.displayName,
    publishedOn: f.publishedOn,
    summary: f.summary.trim(),
    channels: FEEDBACK_CHANNEL_OPTIONS.filter((c) => f.channels.includes(c.id)).map((c) => c.name),
    participantsToldOn: isIsoDate(f.participantsToldOn) ? f.participantsToldOn : '',
    link: /^https:\/\/\S+$/i.test(f.link) ? f.link : '',
    links: ports.reviewLinks ? ports.reviewLinks(planId, target) : ports.links(planId)
  };
}

/**
 * Tell the involvement team's channel that the plan's "you said, we did" was published, at most
 * once per publication: reads the plan, its record and the channel now, rebuilds the card from
 * them, and delivers it through the outbox under the retry policy (Retry-After honoured). Through
 * Graph it is a reply in the thread of the plan's submission card when that card was sent (a
 * thread Teams no longer has, say because the channel changed since, gets a new message instead);
 * through Workflows, a new message. Only the plan's lead or a member of the team may send it; a site
 * owner may finish one they started (a Workflows card waits for a site owner).
 */
export async function notifyFeedbackPublished(ports: FeedbackNoticePorts, planId: number, user: CurrentUser): Promise<NotificationOutcome> {
  const { record, content } = await readFeedbackPublication(ports, planId);
  const publishedOn = publishedOnOf(content);
  const counted = publishedOn ? feedbackNoticeState(record, publishedOn) : undefined;
  // A site owner may finish a card the lead or the team started (a Workflows card only a site owner can send).
  if (!maySendFeedbackNotice(record, user) && !(user.isSiteOwner && counted))
    throw new DataError('forbidden', 'Only the plan’s project lead or the involvement team can tell the team it was published.');
  if (!FEEDBACK_NOTICE_STATUSES.includes(record.process.status))
    throw new DataError('invalidRequest', '“You said, we did” is published once the plan is in reporting.');
  if (!content || !publishedOn) throw new DataError('invalidRequest', 'Enter and save the date “you said, we did” was published first.');
  if (counted?.state === 'sent') return { kind: 'sent', entry: counted };
  const target = record.notificationTarget;
  if (!target) return { kind: 'notConfigured' };
  const payload = ports.buildFeedbackNotice(feedbackNotice(ports, record, content, target), target.kind);
  const replyTo = target.kind === 'teamsChannel' ? planCardThread(record) : undefined;
  if (counted) return deliver(ports, counted, { target, payload, replyTo, claimed: false });
  const key = feedbackNoticeKey(planId, publishedOn);
  // Added taken for sending; a retry finds the entry this person added before.
  takeOnSend(ports.outbox, key);
  const added = await ports.outbox.add(planId, key, true);
  // The lead and a team member may both have added one at the same moment: the first (lowest id)
  // counts, so only its writer sends. Read again after adding: every entry added before ours is
  // there by now, so exactly one of the two finds its own entry first.
  const first = feedbackNoticeState(await ports.workflow.record(planId, { notificationTarget: true }), publishedOn);
  if (first && first.id !== added.id)
    return first.state === 'sent' ? { kind: 'sent', entry: first } : { kind: 'pending', entry: first, reason: SENT_BY_SOMEONE_ELSE };
  return deliver(ports, added, { target, payload, replyTo, claimed: added.state === 'sending' });
}

/** Said when someone else started telling the team about the same publication first. */
export const SENT_BY_SOMEONE_ELSE = 'Someone else is telling the team about it now. Reload in a minute to see it was sent.';
