import { checkReadiness } from './readiness';
import { isDataError, DataError, type CurrentUser, type PlanRepository } from './ports';
import type { InvolvementPlan } from './plan';
import { checkTransition } from './status';
import {
  STALE_SENDING_MS, submissionKey, submissionNumber, type OutboxEntry, type OutboxRepository, type PlanLinks, type PlanNotifier,
  type PlanWorkflowRepository, type SettingsRepository, type SubmissionMessageBuilder
} from './submission';

/** Everything submitting needs. */
export interface SubmissionPorts {
  plans: PlanRepository;
  workflow: PlanWorkflowRepository;
  outbox: OutboxRepository;
  notifier: PlanNotifier;
  settings: SettingsRepository;
  buildMessage: SubmissionMessageBuilder;
  /** Waits before a retry; tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>;
}

/** How a notification ended up. */
export type NotificationOutcome =
  | { kind: 'sent'; entry: OutboxEntry }
  | { kind: 'pending'; entry: OutboxEntry; reason: string }
  | { kind: 'notConfigured' };

/** The result of submitting: the plan as stored, and what happened to the notification. */
export interface SubmissionResult { plan: InvolvementPlan; notification: NotificationOutcome }

const MAX_ATTEMPTS = 4;
const MAX_WAIT_MS = 30_000;
const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Deliver one outbox entry, at most once: it is claimed at the version read (a second sender
 * meets a conflict and stops), posted with retries that honour Retry-After, then marked sent or
 * failed. An entry already sent is never posted again.
 */
export async function deliver(ports: SubmissionPorts, entry: OutboxEntry): Promise<NotificationOutcome> {
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
  const sleep = ports.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt += 1) {
    const result = await ports.notifier.post(claimed.target, claimed.payload);
    if (result.ok) return { kind: 'sent', entry: await ports.outbox.finish(claimed, result) };
    if (!result.retryable || attempt >= MAX_ATTEMPTS) {
      const failed = await ports.outbox.finish(claimed, result);
      return { kind: 'pending', entry: failed, reason: result.error };
    }
    await sleep(Math.min(result.retryAfterMs ?? 1000 * 2 ** attempt, MAX_WAIT_MS));
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
    if (plan.projectLead?.id !== user.id) throw new DataError('forbidden', 'Only the plan\'s project lead can submit it.');
    const check = checkTransition(plan.status, 'submitted', { role: 'projectLead', involvementLeadAssigned: false, levelConfirmed: false, scopingMeetingBooked: false });
    if (!check.allowed) throw new DataError('invalidRequest', `A plan in this status cannot be submitted (${check.reason}).`);
    if (checkReadiness(plan.content).length > 0) throw new DataError('invalidRequest', 'The plan is not ready: complete the checklist first.');
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

/** Create (once) and deliver the notification of a plan's n-th submission. Used by "resend" too. */
export async function notifySubmission(ports: SubmissionPorts, plan: InvolvementPlan, user: CurrentUser, links: PlanLinks, number: number): Promise<NotificationOutcome> {
  const target = await ports.settings.notificationTarget();
  if (!target) return { kind: 'notConfigured' };
  const key = submissionKey(plan.id as number, number);
  const entry = (await ports.outbox.findByKey(key)) ?? await ports.outbox.add({
    planId: plan.id as number, key, state: 'pending', target, payload: ports.buildMessage(plan, user, links), attempts: 0, lastError: '', sentAt: null, messageId: ''
  });
  return deliver(ports, entry);
}
