import { adviceForPlan, buildDefensibleRecord, checkDefensibleRecord, type DefensibleRecord } from './defensibleRecord';
import { checkPlanReadiness } from './readiness';
import type { InvolvementSettingsStore } from './settingsStore';
import { isDataError, DataError, type CurrentUser, type PlanRepository, type StakeholderRepository } from './ports';
import type { StoredPlan } from './plan';
import { nextRetryDelay, sleepMs } from './retryPolicy';
import { checkTransition } from './status';
import {
  STALE_SENDING_MS,
  submissionKey,
  submissionNumber,
  type NotificationTarget,
  type OutboxEntry,
  type OutboxRepository,
  type PlanLinks,
  type PlanNotifier,
  type PlanWorkflowRepository,
  type SettingsRepository,
  type SubmissionMessageBuilder
} from './submission';

/** Everything submitting needs. */
export interface SubmissionPorts {
  plans: PlanRepository;
  /** The plan's stakeholder map, which the readiness check covers. */
  stakeholders: StakeholderRepository;
  workflow: PlanWorkflowRepository;
  outbox: OutboxRepository;
  notifier: PlanNotifier;
  settings: SettingsRepository;
  /** The organisation's involvement settings: the readiness check and the record of the advice use them. */
  involvementSettings: InvolvementSettingsStore;
  buildMessage: SubmissionMessageBuilder;
  /**
   * The card's links for the involvement team who read it: the plan's review in their channel's
   * dashboard tab or on the dashboard page (issue 16). Without it the card links to `links`.
   */
  reviewLinks?: (planId: number, target: NotificationTarget) => PlanLinks;
  /** Waits before a retry; tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>;
}

/** How a notification ended up. */
export type NotificationOutcome =
  { kind: 'sent'; entry: OutboxEntry } | { kind: 'pending'; entry: OutboxEntry; reason: string } | { kind: 'notConfigured' };

/** The result of submitting: the plan as stored, and what happened to the notification. */
export interface SubmissionResult {
  plan: StoredPlan;
  notification: NotificationOutcome;
}

/**
 * Deliver one outbox entry, at most once: it is claimed at the version read (a second sender
 * meets a conflict and stops), posted with retries under the retry policy (Retry-After honoured), then marked sent or
 * failed. An entry already sent is never posted again.
 */
export async function deliver(
  ports: Pick<SubmissionPorts, 'outbox' | 'notifier' | 'sleep'>,
  entry: OutboxEntry,
  /** The message as rebuilt now (else the stored one), and the message whose thread to reply in. */
  options: { payload?: string; replyTo?: string } = {}
): Promise<NotificationOutcome> {
  if (entry.state === 'sent') return { kind: 'sent', entry };
  const age = entry.updatedAt ? Date.now() - Date.parse(entry.updatedAt) : Infinity;
  if (entry.state === 'sending' && age < STALE_SENDING_MS) {
    return { kind: 'pending', entry, reason: 'Another attempt to send this notification is in progress.' };
  }
  let claimed: OutboxEntry;
  try {
    claimed = await ports.outbox.claim(entry);
  } catch (error) {
    if (!isDataError(error, 'conflict')) throw error;
    const latest = await ports.outbox.findByKey(entry.key);
    if (latest?.state === 'sent') return { kind: 'sent', entry: latest };
    return { kind: 'pending', entry: latest ?? entry, reason: 'Another attempt to send this notification is in progress.' };
  }
  const sleep = ports.sleep ?? sleepMs;
  const started = Date.now();
  for (let attempts = 1; ; attempts += 1) {
    const result = await ports.notifier.post(claimed.target, options.payload ?? claimed.payload, options.replyTo);
    if (result.ok) return { kind: 'sent', entry: await ports.outbox.finish(claimed, result) };
    const wait = result.retryable ? nextRetryDelay(attempts, Date.now() - started, result.retryAfterMs) : undefined;
    if (wait === undefined) {
      const failed = await ports.outbox.finish(claimed, result);
      return { kind: 'pending', entry: failed, reason: result.error };
    }
    await sleep(wait);
  }
}

/**
 * Submit a plan to the involvement team (DOMAIN.md §1) and notify their channel. Safe to repeat:
 * a double click, a retry or a reload never submits twice or posts twice — the status change
 * is made at the version read, and the notification is keyed by the submission.
 */
export async function submitPlan(ports: SubmissionPorts, planId: number, user: CurrentUser, links: PlanLinks): Promise<SubmissionResult> {
  let plan = await ports.plans.get(planId);
  const history = await ports.workflow.history(planId);
  if (plan.status !== 'submitted') {
    if (plan.projectLead?.id !== user.id) throw new DataError('forbidden', "Only the plan's project lead can submit it.");
    const check = checkTransition(plan.status, 'submitted', {
      role: 'projectLead',
      involvementLeadAssigned: false,
      levelConfirmed: false,
      scopingMeetingBooked: false
    });
    if (!check.allowed) throw new DataError('invalidRequest', `A plan in this status cannot be submitted (${check.reason}).`);
    const { settings } = await ports.involvementSettings.read();
    if (checkPlanReadiness(plan.content, await ports.stakeholders.listForPlan(planId), settings).length > 0)
      throw new DataError('invalidRequest', 'The plan is not ready: complete the checklist first.');
    // Keep the advice as it stands, under the settings in force, with the plan (the defensible
    // record). If the status change below fails, submitting again makes a fresh record.
    try {
      plan = await ports.plans.recordAdvice(plan, buildDefensibleRecord(plan.content, settings, new Date().toISOString()));
    } catch (error) {
      if (!isDataError(error, 'conflict')) throw error;
      // A second click (or tab) got there first: go on only if what it kept matches the plan.
      plan = await ports.plans.get(planId);
      if (plan.status !== 'submitted' && !keptAdviceMatches(plan)) throw error;
    }
    if (plan.status !== 'submitted')
      try {
        plan = await ports.workflow.changeStatus(plan, 'submitted', user, '');
      } catch (error) {
        if (!isDataError(error, 'conflict')) throw error;
        plan = await ports.plans.get(planId);
        if (plan.status !== 'submitted') throw error;
      }
  }
  const number = Math.max(1, submissionNumber(await ports.workflow.history(planId)) || submissionNumber(history) + 1);
  return { plan, notification: await notifySubmission(ports, plan, user, links, number) };
}

/** The outbox entry with `key`, added (pending) with the message `payload()` builds if there is none yet. */
export async function outboxEntryOnce(
  outbox: OutboxRepository,
  planId: number,
  key: string,
  target: NotificationTarget,
  payload: () => string | Promise<string>
): Promise<OutboxEntry> {
  return (
    (await outbox.findByKey(key)) ??
    (await outbox.add({
      planId,
      key,
      state: 'pending',
      target,
      payload: await payload(),
      attempts: 0,
      lastError: '',
      sentAt: null,
      messageId: ''
    }))
  );
}

/** True when the plan holds a record of the advice, under today's rules, that matches its answers. */
function keptAdviceMatches(plan: StoredPlan): boolean {
  if (!plan.adviceRecord?.ok) return false;
  const check = checkDefensibleRecord(plan.adviceRecord.record, plan.content);
  return check.sameRules && check.differences.length === 0;
}

/** The advice the card shows: the record kept at submission (or, for an older plan, the advice now). */
async function submittedAdvice(ports: SubmissionPorts, plan: StoredPlan): Promise<DefensibleRecord> {
  if (plan.adviceRecord?.ok) return plan.adviceRecord.record;
  return adviceForPlan(plan, (await ports.involvementSettings.read()).settings, new Date().toISOString()).record;
}

/** Create (once) and deliver the notification of a plan's n-th submission. Used by "resend" too. */
export async function notifySubmission(
  ports: SubmissionPorts,
  plan: StoredPlan,
  user: CurrentUser,
  links: PlanLinks,
  number: number
): Promise<NotificationOutcome> {
  const target = await ports.settings.notificationTarget();
  if (!target) return { kind: 'notConfigured' };
  const key = submissionKey(plan.id, number);
  const entry = await outboxEntryOnce(ports.outbox, plan.id, key, target, async () =>
    ports.buildMessage(plan, user, ports.reviewLinks ? ports.reviewLinks(plan.id, target) : links, await submittedAdvice(ports, plan))
  );
  return deliver(ports, entry);
}

/** Something the involvement team does to a submitted plan (issue: triage; DOMAIN.md §1). */
export type TeamAction =
  | { kind: 'bookScoping'; at: string; attendees: string[] }
  | { kind: 'assignLead'; lead: import('./status').PersonRef }
  | { kind: 'confirmLevel'; level: import('./engagementLevel').EngagementLevel; reason: string }
  | { kind: 'requestChanges'; comment: string }
  | { kind: 'accept'; comment: string }
  | { kind: 'startDelivery' };

const levelName = (l: string | null): string => l ?? 'none';

/**
 * Carry out an involvement team action, checked against the process (status transitions and
 * their guards), at the version read; every action is written to the plan's history.
 */
export async function applyTeamAction(
  ports: Pick<SubmissionPorts, 'workflow'>,
  plan: StoredPlan,
  action: TeamAction,
  user: CurrentUser
): Promise<StoredPlan> {
  if (!user.isInvolvementTeam) throw new DataError('forbidden', 'Only the involvement team can do this.');
  const context = (comment = '') => ({
    role: 'involvementTeam' as const,
    comment,
    involvementLeadAssigned: plan.involvementLead !== null,
    levelConfirmed: plan.content.level.confirmedByTeam,
    scopingMeetingBooked: plan.scopingMeeting !== null
  });
  switch (action.kind) {
    case 'bookScoping': {
      if (!action.at || Number.isNaN(Date.parse(action.at)))
        throw new DataError('invalidRequest', 'Enter the date and time of the scoping meeting.');
      const when = new Date(action.at).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
      const note = `Scoping meeting booked for ${when} UTC.`;
      const moves = plan.status === 'submitted';
      const updated = await ports.workflow.updateTeamDecisions(
        plan,
        { scopingMeeting: { at: action.at, attendees: action.attendees } },
        user,
        moves ? '' : note
      );
      return moves ? ports.workflow.changeStatus(updated, 'inReview', user, note) : updated;
    }
    case 'assignLead':
      return ports.workflow.updateTeamDecisions(
        plan,
        { involvementLead: action.lead },
        user,
        `Involvement lead: ${action.lead.displayName}.`
      );
    case 'confirmLevel': {
      const differs = action.level !== plan.content.level.chosen;
      if (differs && !action.reason.trim()) throw new DataError('invalidRequest', 'Say why the level differs from the one the lead chose.');
      return ports.workflow.updateTeamDecisions(
        plan,
        { confirmedLevel: action.level },
        user,
        differs
          ? `Level confirmed as ${action.level} (the lead chose ${levelName(plan.content.level.chosen)}): ${action.reason.trim()}`
          : `Level confirmed as ${action.level}.`
      );
    }
    case 'requestChanges':
    case 'accept': {
      const to = action.kind === 'accept' ? 'accepted' : 'changesRequested';
      const check = checkTransition(plan.status, to, context(action.comment));
      if (!check.allowed) throw new DataError('invalidRequest', check.reason);
      return ports.workflow.changeStatus(plan, to, user, action.comment.trim());
    }
    case 'startDelivery': {
      const check = checkTransition(plan.status, 'inDelivery', context());
      if (!check.allowed) throw new DataError('invalidRequest', check.reason);
      return ports.workflow.changeStatus(plan, 'inDelivery', user, '');
    }
  }
}
