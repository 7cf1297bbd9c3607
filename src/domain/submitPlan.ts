import { buildDefensibleRecord, checkDefensibleRecord, type DefensibleRecord } from './defensibleRecord';
import type { EngagementLevel } from './engagementLevel';
import type { StoredPlan } from './plan';
import { checkPlanReadiness } from './readiness';
import type { InvolvementSettingsStore } from './settingsStore';
import { isDataError, DataError, type CurrentUser } from './ports';
import { newSubmission, verifyProcess, type NewDecision, type Submission } from './planRecord';
import { nextRetryDelay, retryNow, sleepMs, withRetries } from './retryPolicy';
import { messageText } from './messages';
import { NOTE_COLUMN_MAX_CHARS, SINGLE_LINE_MAX_CHARS } from './planWrite';
import { checkTransition, LEAD_EDITABLE_STATUSES, type PersonRef, type PlanStatus } from './status';
import {
  countedOutboxEntry,
  STALE_SENDING_MS,
  type NotificationTarget,
  type NotifyResult,
  type OutboxEntry,
  type OutboxRepository,
  type PlanLinks,
  type PlanNotifier,
  type PlanRecord,
  type PlanWorkflowRepository,
  type SettingsRepository,
  type SubmissionMessageBuilder
} from './submission';

/** Everything submitting and the team's actions need. */
export interface SubmissionPorts {
  workflow: PlanWorkflowRepository;
  outbox: OutboxRepository;
  notifier: PlanNotifier;
  settings: SettingsRepository;
  /** The organisation's involvement settings: the readiness check and the record of the advice use them. */
  involvementSettings: Pick<InvolvementSettingsStore, 'read'>;
  buildMessage: SubmissionMessageBuilder;
  /**
   * The card's links for the involvement team who read it: the plan's review in their channel's
   * dashboard tab or on the dashboard page (issue 16). Without it the card links to `links`.
   */
  reviewLinks?: (planId: number, target: NotificationTarget) => PlanLinks;
  /** Waits before a retry; tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>;
  /** The random part of keys and request ids; tests may pass their own. */
  random?: () => string;
}

/** How a notification ended up. */
export type NotificationOutcome =
  { kind: 'sent'; entry: OutboxEntry } | { kind: 'pending'; entry: OutboxEntry; reason: string } | { kind: 'notConfigured' };

/** The result of submitting: the plan's record as stored, and what happened to the notification. */
export interface SubmissionResult {
  record: PlanRecord;
  notification: NotificationOutcome;
}

const randomPart = (ports: Pick<SubmissionPorts, 'random'>): string =>
  ports.random?.() ?? globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 16);

/** What the involvement team is told to do with a notification that waits for them. */
export const WAITING_FOR_TEAM = 'Waiting for the involvement team to send it from their dashboard.';

/** A post that threw instead of answering is a failure worth trying again, never a lost outcome. */
async function post(
  ports: Pick<SubmissionPorts, 'notifier'>,
  target: NotificationTarget,
  payload: string,
  replyTo?: string
): Promise<NotifyResult> {
  try {
    return await ports.notifier.post(target, payload, replyTo);
  } catch (error) {
    return { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
  }
}

/** What to deliver: the message as rebuilt now, where, and (in Teams) the message whose thread to reply in. */
export interface Delivery {
  target: NotificationTarget;
  payload: string;
  replyTo?: string;
  /** True when the caller added the entry already taken for sending (no claim needed). */
  claimed: boolean;
}

/** A send this browser took on (claimed, or added claimed) and has not finished recording. */
interface OwnSend {
  /** When it was taken on (this browser's clock). */
  readonly takenAt: number;
  /** The post went out: only marking the entry sent is left (never post again). */
  posted?: NotifyResult & { ok: true };
  /** A delivery of it is running now in this browser. */
  running: boolean;
}

/** This browser's own sends, by outbox key, per outbox (one per signed-in browser). */
const ownSendsByOutbox = new WeakMap<OutboxRepository, Map<string, OwnSend>>();

function ownSends(outbox: OutboxRepository): Map<string, OwnSend> {
  let sends = ownSendsByOutbox.get(outbox);
  if (!sends) {
    sends = new Map();
    ownSendsByOutbox.set(outbox, sends);
  }
  return sends;
}

/**
 * Remember that this browser takes on the send of `key` (call it before adding an entry already
 * claimed, since the add may land without an answer). An entry it leaves "sending" — the write
 * after the claim failed: the submission's history entry, or marking it sent or failed — is then
 * this browser's to finish on the next Try again or Resend, instead of "another attempt is in
 * progress" for {@link STALE_SENDING_MS}; if its post went out, only the marking is repeated.
 */
export function takeOnSend(outbox: OutboxRepository, key: string): void {
  const sends = ownSends(outbox);
  const known = sends.get(key);
  // A send running now, or one whose post already went out, is kept: never forget that a card went.
  if (known && (known.running || known.posted) && Date.now() - known.takenAt < STALE_SENDING_MS) return;
  sends.set(key, { takenAt: Date.now(), running: false });
}

/** True when `entry` is left "sending" by this browser's own send, which is not running now: this browser may finish it. */
export function isOwnUnfinishedSend(outbox: OutboxRepository, entry: OutboxEntry): boolean {
  const own = ownSends(outbox).get(entry.key);
  return own !== undefined && !own.running && entry.state === 'sending' && Date.now() - own.takenAt < STALE_SENDING_MS;
}

const IN_PROGRESS = 'Another attempt to send this notification is in progress.';

/** True when the plan holds a record of the advice, under today's rules, that matches its answers. */
export function keptAdviceMatches(plan: StoredPlan): boolean {
  if (!plan.adviceRecord?.ok) return false;
  const check = checkDefensibleRecord(plan.adviceRecord.record, plan.content);
  return check.sameRules && check.differences.length === 0;
}

/**
 * The advice a card shows: the record kept with the plan at submission when it matches the plan's
 * answers under today's rules (the lead can write that column, so a record that does not match is
 * not shown as the team's advice); otherwise the advice now, under the saved settings.
 */
async function cardAdvice(ports: Pick<SubmissionPorts, 'involvementSettings'>, plan: StoredPlan): Promise<DefensibleRecord> {
  if (plan.adviceRecord?.ok && keptAdviceMatches(plan)) return plan.adviceRecord.record;
  return buildDefensibleRecord(plan.content, (await ports.involvementSettings.read()).settings, new Date().toISOString());
}

/**
 * The message that will be posted for the plan's current submission, and where: rebuilt from the
 * plan as stored and the configured channel — never from anything in the outbox. The card's
 * buttons open the plan's review for the team (`reviewLinks`) where the target allows.
 */
export async function notificationPreview(
  ports: Pick<SubmissionPorts, 'buildMessage' | 'involvementSettings' | 'reviewLinks'>,
  record: PlanRecord,
  target: NotificationTarget,
  links: PlanLinks
): Promise<{ target: NotificationTarget; payload: string }> {
  const submission = record.process.submission;
  if (!submission) throw new DataError('invalidRequest', 'This plan has not been submitted, so there is nothing to send.');
  const cardLinks = ports.reviewLinks ? ports.reviewLinks(record.plan.id, target) : links;
  return { target, payload: ports.buildMessage(record.plan, cardLinks, submission.number, await cardAdvice(ports, record.plan)) };
}

/** The delivery of the plan's current submission card: rebuilt now, to the configured channel. */
async function submissionDelivery(
  ports: SubmissionPorts,
  record: PlanRecord,
  target: NotificationTarget,
  links: PlanLinks,
  claimed: boolean
): Promise<Delivery> {
  return { ...(await notificationPreview(ports, record, target, links)), claimed };
}

/**
 * Deliver one outbox entry, at most once: it is claimed at the version read (a second sender
 * meets a conflict and stops) unless the caller added it claimed, posted with retries under the
 * retry policy (Retry-After honoured), then marked sent or failed. An entry already sent is never
 * posted again. What is posted is what the caller rebuilt now (`delivery`), never stored text. A
 * reply whose thread is refused for good (the card went to a channel no longer configured) is
 * posted as a new message instead.
 */
export async function deliver(
  ports: Pick<SubmissionPorts, 'outbox' | 'notifier' | 'sleep'>,
  entry: OutboxEntry,
  delivery: Delivery
): Promise<NotificationOutcome> {
  const sends = ownSends(ports.outbox);
  if (entry.state === 'sent') {
    sends.delete(entry.key);
    return { kind: 'sent', entry };
  }
  const { payload, target } = delivery;
  let replyTo = delivery.replyTo;
  let claimed = entry;
  let own = sends.get(entry.key);
  if (own?.running) return { kind: 'pending', entry, reason: IN_PROGRESS };
  // Left "sending" by this browser (within the time nobody else may take it over): it is still ours.
  const ours = isOwnUnfinishedSend(ports.outbox, entry);
  if (!delivery.claimed && !ours) {
    const age = Date.now() - Date.parse(entry.updatedAt);
    if (entry.state === 'sending' && age < STALE_SENDING_MS) return { kind: 'pending', entry, reason: IN_PROGRESS };
    try {
      claimed = await ports.outbox.claim(entry);
    } catch (error) {
      if (isDataError(error, 'forbidden')) return { kind: 'pending', entry, reason: WAITING_FOR_TEAM };
      if (!isDataError(error, 'conflict')) throw error;
      return { kind: 'pending', entry, reason: IN_PROGRESS };
    }
    own = undefined;
  }
  if (!own) {
    own = { takenAt: Date.now(), running: false };
    sends.set(entry.key, own);
  }
  const send = own;
  send.running = true;
  try {
    // The card already went (only marking it sent failed): mark it, never post again.
    if (send.posted) {
      const sent = await ports.outbox.finish(claimed, send.posted);
      sends.delete(entry.key);
      return { kind: 'sent', entry: sent };
    }
    const sleep = ports.sleep ?? sleepMs;
    const started = retryNow();
    for (let attempts = 1; ; attempts += 1) {
      const result = await post(ports, target, payload, replyTo);
      if (result.ok) {
        send.posted = result;
        const sent = await ports.outbox.finish(claimed, result);
        sends.delete(entry.key);
        return { kind: 'sent', entry: sent };
      }
      if (replyTo && !result.retryable) {
        replyTo = undefined;
        continue;
      }
      const wait = result.retryable ? nextRetryDelay(attempts, retryNow() - started, result.retryAfterMs) : undefined;
      if (wait === undefined) {
        const failed = await ports.outbox.finish(claimed, result);
        sends.delete(entry.key);
        return { kind: 'pending', entry: failed, reason: result.error };
      }
      await sleep(wait);
    }
  } finally {
    send.running = false;
  }
}

/** The status a submission came from: a first submission from Draft, a later one from Changes requested. */
const fromStatus = (s: Submission): PlanStatus => (s.number === 1 ? 'draft' : 'changesRequested');

/** True when the plan item's stored copies disagree with the record in a way the team can put right. */
export function mirrorIsStale(record: PlanRecord): boolean {
  return record.process.unconfirmed.length > 0;
}

/**
 * True when the stored copies are simply behind the team's decisions: they match the record as it
 * stood before one of the team's decisions (the copy writes after it and any later ones failed,
 * say under throttling). Opening the plan puts those right by itself. Anything else — a Status a
 * lead set themselves — stays "Unconfirmed" for the team to see and correct on purpose, so the
 * evidence is not wiped by merely looking at it.
 */
export function copiesLagDecisions(record: PlanRecord): boolean {
  const { decisions } = record.process;
  for (let kept = decisions.length - 1; kept >= 0; kept -= 1)
    if (verifyProcess(record.claims, decisions.slice(0, kept), [], record.roster).unconfirmed.length === 0) return true;
  return false;
}

/** The notification of the current submission as it stands, without sending anything. */
export function notificationState(record: PlanRecord): NotificationOutcome | undefined {
  const { process, plan } = record;
  if (process.status !== 'submitted' || !process.submission) return undefined;
  if (record.notificationTarget === undefined) return { kind: 'notConfigured' };
  const entry = countedOutboxEntry(record.outbox, plan.id, process.submission, process.projectLead, record.roster);
  if (!entry) return undefined;
  return entry.state === 'sent' ? { kind: 'sent', entry } : { kind: 'pending', entry, reason: entry.lastError };
}

/**
 * Complete whatever a submission or a team decision left undone, exactly once, for whoever opens
 * the plan: the plan's lead, a member of the team, or a retry. Missing history entries are added
 * (their keys make a second add harmless); while the plan waits for the team, its notification is
 * added if missing — sent at once when it is the lead's, left for the team's "Send now" when a
 * team member found it missing; and a team member puts the plan item's stored copies right when
 * they are only behind the team's decisions (see `copiesLagDecisions`).
 * Readers change nothing. Reads `record` with the notification target.
 */
export async function completeRecord(
  ports: SubmissionPorts,
  record: PlanRecord,
  user: CurrentUser,
  links: PlanLinks
): Promise<{ record: PlanRecord; notification?: NotificationOutcome }> {
  const planId = record.plan.id;
  const { process } = record;
  const isLead = process.projectLead.id === user.id;
  const isTeam = user.isInvolvementTeam && (!record.roster.known || record.roster.memberIds.has(user.id));
  if (!isLead && !isTeam) return { record, notification: notificationState(record) };
  let changed = false;
  for (const missing of process.missingEntries) {
    await ports.workflow.recordSubmission(planId, missing, fromStatus(missing), '');
    changed = true;
  }
  let notification = notificationState(record);
  const target = record.notificationTarget;
  if (process.status === 'submitted' && process.submission && target && notification === undefined) {
    changed = true;
    if (isLead) takeOnSend(ports.outbox, process.submission.key);
    const entry = await ports.outbox.add(planId, process.submission.key, isLead);
    notification = isLead
      ? await deliver(ports, entry, await submissionDelivery(ports, record, target, links, true))
      : { kind: 'pending', entry, reason: WAITING_FOR_TEAM };
  } else if (
    isLead &&
    process.status === 'submitted' &&
    target &&
    notification?.kind === 'pending' &&
    isOwnUnfinishedSend(ports.outbox, notification.entry)
  ) {
    // This browser's own send stopped part-way (a failure after the claim): finish it now.
    changed = true;
    notification = await deliver(ports, notification.entry, await submissionDelivery(ports, record, target, links, false));
  }
  if (isTeam && mirrorIsStale(record) && copiesLagDecisions(record)) {
    try {
      await ports.workflow.mirror(record);
      changed = true;
    } catch (error) {
      // The record already says what is true; the next team member who opens the plan tries again.
      if (!isDataError(error)) throw error;
    }
  }
  return changed ? { record: await ports.workflow.record(planId, { notificationTarget: true }), notification } : { record, notification };
}

/**
 * Submit a plan to the involvement team (DOMAIN.md §1) and notify their channel, in at most three
 * REST round trips and the Graph post: one batched read (the record, stakeholders and channel);
 * one $batch writing the status change with the submission's number and key, its history entry
 * and its outbox entry (taken for sending); the post; marking the entry sent. The batch is not a
 * transaction: the status change counts only once stored, and whatever after it failed is
 * completed here or by whoever opens the plan next. Safe to repeat: a double click, a retry or a
 * reload never submits twice or posts twice.
 */
export function submitPlan(
  ports: SubmissionPorts,
  planId: number,
  user: CurrentUser,
  links: PlanLinks,
  comment = ''
): Promise<SubmissionResult> {
  // Throttled or unavailable part-way: tried again under the retry policy before the lead is told.
  // Each try reads the plan first, so a try that landed is completed, never made twice.
  return withRetries(() => submitOnce(ports, planId, user, links, comment), { sleep: ports.sleep });
}

async function submitOnce(
  ports: SubmissionPorts,
  planId: number,
  user: CurrentUser,
  links: PlanLinks,
  comment: string
): Promise<SubmissionResult> {
  let record = await ports.workflow.record(planId, { stakeholders: true, notificationTarget: true });
  const { process } = record;
  if (process.status === 'submitted') return finish(ports, record, user, links);
  if (process.projectLead.id !== user.id) throw new DataError('forbidden', "Only the plan's project lead can submit it.");
  const check = checkTransition(process.status, 'submitted', {
    role: 'projectLead',
    involvementLeadAssigned: false,
    levelConfirmed: false,
    scopingMeetingBooked: false
  });
  if (!check.allowed || !LEAD_EDITABLE_STATUSES.includes(process.status))
    throw new DataError(
      'invalidRequest',
      `A plan in this status cannot be submitted (${check.allowed ? 'transition.notAllowed' : check.reason}).`
    );
  const { settings } = await ports.involvementSettings.read();
  if (checkPlanReadiness(record.plan.content, record.stakeholders ?? [], settings).length > 0)
    throw new DataError('invalidRequest', 'The plan is not ready: complete the checklist first.');
  const submission = newSubmission(planId, Math.max(record.claims.submission, process.submission?.number ?? 0) + 1, randomPart(ports));
  // The advice as it stands, under the settings in force, is kept with the plan in the same write
  // as the status change (the defensible record).
  const advice = buildDefensibleRecord(record.plan.content, settings, new Date().toISOString());
  if (record.notificationTarget !== undefined) takeOnSend(ports.outbox, submission.key);
  const writes = await ports.workflow.submit(record, submission, comment.trim(), record.notificationTarget !== undefined, advice);
  if (!writes.committed) {
    // Someone else may have submitted first (another tab, a double click): if so, complete theirs.
    record = await ports.workflow.record(planId, { notificationTarget: true });
    if (record.process.status !== 'submitted')
      throw writes.error ?? new DataError('conflict', 'The plan changed while it was being submitted.');
    return finish(ports, record, user, links);
  }
  return finish(ports, writes.record, user, links, writes.claimed);
}

async function finish(
  ports: SubmissionPorts,
  record: PlanRecord,
  user: CurrentUser,
  links: PlanLinks,
  claimed?: OutboxEntry
): Promise<SubmissionResult> {
  const target = record.notificationTarget;
  if (claimed && target && record.process.missingEntries.length === 0) {
    // The usual path: everything was written in the batch; post and mark sent.
    return { record, notification: await deliver(ports, claimed, await submissionDelivery(ports, record, target, links, true)) };
  }
  // Otherwise complete what is missing: the history entry first, then the card — a card this
  // browser claimed is its own send, which completeRecord finishes (posted once, at most).
  const outbox = claimed && !record.outbox.some((e) => e.id === claimed.id) ? [...record.outbox, claimed] : record.outbox;
  const completed = await completeRecord(ports, { ...record, outbox }, user, links);
  return {
    record: completed.record,
    notification: completed.notification ?? notificationState(completed.record) ?? { kind: 'notConfigured' }
  };
}

/** Send (or send again) the current submission's notification: a lead's "Resend", a team member's "Send now". */
export async function sendNotification(ports: SubmissionPorts, record: PlanRecord, links: PlanLinks): Promise<NotificationOutcome> {
  const { process } = record;
  const target = record.notificationTarget;
  if (!target) return { kind: 'notConfigured' };
  if (process.status !== 'submitted' || !process.submission)
    throw new DataError('invalidRequest', 'The involvement team has already dealt with this submission, so there is nothing to send.');
  const entry = countedOutboxEntry(record.outbox, record.plan.id, process.submission, process.projectLead, record.roster);
  if (!entry) {
    takeOnSend(ports.outbox, process.submission.key);
    const added = await ports.outbox.add(record.plan.id, process.submission.key, true);
    return deliver(ports, added, await submissionDelivery(ports, record, target, links, true));
  }
  return deliver(ports, entry, await submissionDelivery(ports, record, target, links, false));
}

/** Longest comment a decision may carry: the plan history's limit (`statusHistoryEntrySchema`), well within the note column. */
export const DECISION_COMMENT_MAX_CHARS = 4000;

const count = (n: number): string => n.toLocaleString('en-GB');

/**
 * What is wrong with a team decision before it is added to "Plan decisions", in plain English
 * naming the field as the review shows it; empty when it can be written. A decision that could
 * not be read back would not count, so the team's choice would be lost: it is checked against
 * what the list's columns hold and what reading it expects (issue 15 §2).
 */
export function decisionProblems(d: NewDecision): string[] {
  const problems: string[] = [];
  const positive = (n: number): boolean => Number.isInteger(n) && n > 0;
  const comment = d.comment;
  if (d.kind === 'status' && d.to === 'changesRequested' && !comment.trim())
    problems.push('Comment for the project lead: say what needs to change. It is required when you ask for changes.');
  if (comment.length > DECISION_COMMENT_MAX_CHARS) {
    const field = d.kind === 'level' ? "Why it differs from the lead's choice" : 'Comment for the project lead';
    problems.push(
      `${field}: shorten it to ${count(DECISION_COMMENT_MAX_CHARS)} characters or fewer, with the words the planner adds (it has ${count(comment.length)}).`
    );
  }
  if (d.kind === 'level' && !d.confirmedLevel) problems.push('Confirm the level: choose a level of engagement.');
  if (d.kind === 'involvementLead' && (!d.involvementLead || !positive(d.involvementLead.id)))
    problems.push('Assign the involvement lead: choose a person from the list.');
  if (d.scopingMeeting) {
    if (Number.isNaN(Date.parse(d.scopingMeeting.at))) problems.push('Date and time: enter the date and time of the scoping meeting.');
    const names = d.scopingMeeting.attendees;
    if (names.some((n) => !n.trim() || n.length > SINGLE_LINE_MAX_CHARS))
      problems.push(`Other people to invite: each address must be filled in and at most ${SINGLE_LINE_MAX_CHARS} characters.`);
    if (JSON.stringify(names).length > NOTE_COLUMN_MAX_CHARS)
      problems.push('Other people to invite: the list is too long to store. Invite fewer people.');
  }
  if (!positive(d.planId) || !positive(d.seq) || !positive(d.submission))
    problems.push('The plan, decision or submission number is missing. Open the plan again and try again.');
  for (const [name, value] of [
    ['request id', d.requestId],
    ['submission key', d.submissionKey]
  ] as const)
    if (!value || value.length > SINGLE_LINE_MAX_CHARS)
      problems.push(`The decision's ${name} must be 1 to ${SINGLE_LINE_MAX_CHARS} characters. Open the plan again and try again.`);
  return problems;
}

/** Refuse, before anything is sent, a decision that could not be stored and read back as written. */
export function assertDecisionWritable(d: NewDecision): void {
  const problems = decisionProblems(d);
  if (problems.length > 0) throw new DataError('invalidContent', problems.join(' '));
}

/** Something the involvement team does to a submitted plan (issue: triage; DOMAIN.md §1). */
export type TeamAction =
  | { kind: 'bookScoping'; at: string; attendees: string[] }
  | { kind: 'assignLead'; lead: PersonRef }
  | { kind: 'confirmLevel'; level: EngagementLevel; reason: string }
  | { kind: 'requestChanges'; comment: string }
  | { kind: 'accept'; comment: string }
  | { kind: 'startDelivery' };

/** What a team action leaves behind. */
export interface TeamActionResult {
  record: PlanRecord;
  /** The plan item's stored copies could not be brought in line yet (the record is right; the next open retries). */
  copiesPending: boolean;
}

const levelName = (l: string | null): string => l ?? 'none';

/**
 * Carry out an involvement team action, checked against the process (status transitions and their
 * guards) as verified. The decision — status, the team's choices and its comment together — is one
 * add to "Plan decisions", so a status never goes without its history. It counts only if it is the
 * first decision with its number: two team members acting at once cannot both win, and the second
 * is told. Then the plan item's stored copies are brought in line (repaired on the next open if
 * this fails).
 */
export async function applyTeamAction(
  ports: SubmissionPorts,
  record: PlanRecord,
  action: TeamAction,
  user: CurrentUser
): Promise<TeamActionResult> {
  const { process } = record;
  const planId = record.plan.id;
  if (!user.isInvolvementTeam || (record.roster.known && !record.roster.memberIds.has(user.id)))
    throw new DataError('forbidden', 'Only the involvement team can do this.');
  if (!process.submission || process.status === 'draft')
    throw new DataError('invalidRequest', 'This plan has not been submitted to the team.');
  const base: NewDecision = {
    planId,
    seq: process.nextSeq,
    requestId: `decision-${planId}-${randomPart(ports)}`,
    kind: 'status',
    from: process.status,
    to: process.status,
    submission: process.submission.number,
    submissionKey: process.submission.key,
    involvementLead: process.involvementLead,
    confirmedLevel: process.confirmedLevel,
    scopingMeeting: process.scopingMeeting,
    comment: ''
  };
  let decision: NewDecision;
  switch (action.kind) {
    case 'bookScoping': {
      if (!action.at || Number.isNaN(Date.parse(action.at)))
        throw new DataError('invalidContent', 'Date and time: enter the date and time of the scoping meeting.');
      const when = new Date(action.at).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
      decision = {
        ...base,
        kind: 'scoping',
        to: process.status === 'submitted' ? 'inReview' : process.status,
        scopingMeeting: { at: new Date(action.at).toISOString(), attendees: action.attendees },
        comment: `Scoping meeting booked for ${when} UTC.`
      };
      break;
    }
    case 'assignLead':
      decision = {
        ...base,
        kind: 'involvementLead',
        involvementLead: action.lead,
        comment: `Involvement lead: ${action.lead.displayName}.`
      };
      break;
    case 'confirmLevel': {
      const chosen = record.claims.confirmedLevel ?? record.plan.content.level.chosen;
      const differs = action.level !== chosen;
      if (differs && !action.reason.trim())
        throw new DataError(
          'invalidContent',
          "Why it differs from the lead's choice: say why the level differs from the one the lead chose."
        );
      decision = {
        ...base,
        kind: 'level',
        confirmedLevel: action.level,
        comment: differs
          ? `Level confirmed as ${action.level} (the lead chose ${levelName(chosen)}): ${action.reason.trim()}`
          : `Level confirmed as ${action.level}.`
      };
      break;
    }
    case 'requestChanges':
    case 'accept': {
      const to = action.kind === 'accept' ? 'accepted' : 'changesRequested';
      const check = checkTransition(process.status, to, {
        role: 'involvementTeam',
        comment: action.comment,
        involvementLeadAssigned: process.involvementLead !== null,
        levelConfirmed: process.confirmedLevel !== null,
        scopingMeetingBooked: process.scopingMeeting !== null
      });
      // A missing comment is said at the field (decisionProblems); other guards in plain English.
      if (!check.allowed && check.reason !== 'history.comment.required') throw new DataError('invalidContent', messageText(check.reason));
      decision = { ...base, kind: 'status', to, comment: action.comment.trim() };
      break;
    }
    case 'startDelivery': {
      const check = checkTransition(process.status, 'inDelivery', {
        role: 'involvementTeam',
        involvementLeadAssigned: process.involvementLead !== null,
        levelConfirmed: process.confirmedLevel !== null,
        scopingMeetingBooked: process.scopingMeeting !== null
      });
      if (!check.allowed) throw new DataError('invalidContent', messageText(check.reason));
      decision = { ...base, kind: 'status', to: 'inDelivery', comment: '' };
      break;
    }
  }
  return recordDecision(ports, decision);
}

/**
 * Record one team decision (one add to "Plan decisions", safe to retry by its request id), check
 * it counted — the first decision with its number wins; the second is told — then bring the plan
 * item's stored copies in line (repaired on the next open if this fails).
 */
export async function recordDecision(ports: Pick<SubmissionPorts, 'workflow' | 'sleep'>, decision: NewDecision): Promise<TeamActionResult> {
  const planId = decision.planId;
  assertDecisionWritable(decision);
  // Both safe to repeat under the retry policy: the add finds its request id, the read is a read.
  const after = await withRetries(
    async () => {
      await ports.workflow.decide(decision);
      return ports.workflow.record(planId, { notificationTarget: true });
    },
    { sleep: ports.sleep }
  );
  if (!after.process.decisions.some((d) => d.requestId === decision.requestId)) {
    throw new DataError(
      'conflict',
      'Someone else in the involvement team changed this plan at the same moment, so this was not recorded. The plan now shows what they did.'
    );
  }
  try {
    await ports.workflow.mirror(after);
  } catch (error) {
    if (!isDataError(error)) throw error;
    return { record: after, copiesPending: true };
  }
  return { record: await ports.workflow.record(planId, { notificationTarget: true }), copiesPending: false };
}

/**
 * A status decision by the team on the plan's current record (for the moves after acceptance):
 * `requestId` makes a retry after a lost answer find the decision instead of adding another.
 */
export function statusDecision(record: PlanRecord, to: PlanStatus, comment: string, requestId: string): NewDecision {
  const { process } = record;
  if (!process.submission) throw new DataError('invalidRequest', 'This plan has not been submitted to the team.');
  return {
    planId: record.plan.id,
    seq: process.nextSeq,
    requestId,
    kind: 'status',
    from: process.status,
    to,
    submission: process.submission.number,
    submissionKey: process.submission.key,
    involvementLead: process.involvementLead,
    confirmedLevel: process.confirmedLevel,
    scopingMeeting: process.scopingMeeting,
    comment
  };
}
