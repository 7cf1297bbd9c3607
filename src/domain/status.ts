import { z } from 'zod';
import type { MessageKey } from './messages';
import { msg } from './validation';
import { PLAN_STATUSES, type PlanStatus } from './choices';

export { PLAN_STATUSES, PLAN_STATUS_LABELS, PLAN_STATUS_DESCRIPTIONS, type PlanStatus } from './choices';

/** A plan's status. */
export const planStatusSchema = z.enum(PLAN_STATUSES, msg('status.invalid'));

/** Who is acting on a plan: its project lead, or a member of the involvement team. */
export type PlanActorRole = 'projectLead' | 'involvementTeam';

/** One allowed move between statuses, who may make it, and what it needs. */
export interface StatusTransition {
  readonly from: PlanStatus;
  readonly to: PlanStatus;
  readonly by: PlanActorRole;
  /** What the person does, in the words the UI uses for the button. */
  readonly action: string;
  /** A comment is required (for example, what needs to change). */
  readonly commentRequired?: boolean;
  /** The involvement lead and the level of engagement must be set first (NENC step 3). */
  readonly needsLeadAndLevel?: boolean;
  /** The scoping meeting must have been booked first (NENC step 2). */
  readonly needsScoping?: boolean;
  /** A comment must say how the engagement was evaluated and fed back (NENC evaluation; step 9). */
  readonly needsEvaluation?: boolean;
  /** The after-engagement record must show the engagement took place and closed (LSC step 7; `gapsBeforeReporting`). */
  readonly needsDeliveryRecord?: boolean;
  /** The record must hold the report, "you said, we did" and the evaluation (LSC steps 8–9, NENC; `gapsBeforeClosing`). */
  readonly needsClosingRecord?: boolean;
}

/** Every move the process allows (DOMAIN.md §1). Anything not listed is refused. */
export const STATUS_TRANSITIONS: readonly StatusTransition[] = [
  { from: 'draft', to: 'submitted', by: 'projectLead', action: 'Submit to the involvement team' },
  { from: 'submitted', to: 'inReview', by: 'involvementTeam', action: 'Book the scoping meeting' },
  { from: 'submitted', to: 'changesRequested', by: 'involvementTeam', action: 'Request changes', commentRequired: true },
  { from: 'submitted', to: 'accepted', by: 'involvementTeam', action: 'Accept', needsLeadAndLevel: true, needsScoping: true },
  { from: 'inReview', to: 'changesRequested', by: 'involvementTeam', action: 'Request changes', commentRequired: true },
  { from: 'inReview', to: 'accepted', by: 'involvementTeam', action: 'Accept', needsLeadAndLevel: true },
  { from: 'changesRequested', to: 'submitted', by: 'projectLead', action: 'Resubmit to the involvement team' },
  { from: 'accepted', to: 'inDelivery', by: 'involvementTeam', action: 'Start delivery' },
  { from: 'inDelivery', to: 'reporting', by: 'involvementTeam', action: 'Move to reporting', needsDeliveryRecord: true },
  {
    from: 'reporting',
    to: 'closed',
    by: 'involvementTeam',
    action: 'Close the plan',
    needsEvaluation: true,
    needsClosingRecord: true
  }
];

/** What is known about the plan when deciding whether a move is allowed. */
export interface TransitionContext {
  readonly role: PlanActorRole;
  readonly comment?: string;
  readonly involvementLeadAssigned: boolean;
  readonly levelConfirmed: boolean;
  readonly scopingMeetingBooked: boolean;
  /** What the after-engagement record has (absent: nothing known, so a move that needs it is refused). */
  readonly record?: { readonly readyForReporting: boolean; readonly readyToClose: boolean };
}

/** The answer to "may this person move the plan to that status?" */
export type TransitionCheck = { allowed: true; transition: StatusTransition } | { allowed: false; reason: MessageKey };

/** Decide whether a plan may move from one status to another (DOMAIN.md §1). */
export function checkTransition(from: PlanStatus, to: PlanStatus, context: TransitionContext): TransitionCheck {
  const transition = STATUS_TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!transition) {
    return { allowed: false, reason: 'transition.notAllowed' };
  }
  if (transition.by !== context.role) {
    return { allowed: false, reason: transition.by === 'involvementTeam' ? 'transition.notYourRole' : 'transition.notLeadRole' };
  }
  if (transition.commentRequired && !context.comment?.trim()) {
    return { allowed: false, reason: 'history.comment.required' };
  }
  if (transition.needsEvaluation && !context.comment?.trim()) {
    return { allowed: false, reason: 'transition.needsEvaluation' };
  }
  if (transition.needsDeliveryRecord && !context.record?.readyForReporting) {
    return { allowed: false, reason: 'transition.needsDeliveryRecord' };
  }
  if (transition.needsClosingRecord && !context.record?.readyToClose) {
    return { allowed: false, reason: 'transition.needsClosingRecord' };
  }
  if (transition.needsScoping && !context.scopingMeetingBooked) {
    return { allowed: false, reason: 'transition.needsScoping' };
  }
  if (transition.needsLeadAndLevel && !(context.involvementLeadAssigned && context.levelConfirmed)) {
    return { allowed: false, reason: 'transition.needsLeadAndLevel' };
  }
  return { allowed: true, transition };
}

/** The moves open to a person from a status, for showing only the buttons they may use. */
export function availableTransitions(from: PlanStatus, role: PlanActorRole): StatusTransition[] {
  return STATUS_TRANSITIONS.filter((t) => t.from === from && t.by === role);
}

/** Statuses in which the project lead may still edit the plan. */
export const LEAD_EDITABLE_STATUSES: readonly PlanStatus[] = ['draft', 'changesRequested'];

/** A person, as stored against a plan. */
export const personRefSchema = z.object({
  /** SharePoint site user id. */
  id: z.number().int().positive(),
  displayName: z.string(),
  email: z.string()
});
/** A person, as stored against a plan. */
export type PersonRef = z.infer<typeof personRefSchema>;

/** One recorded change of status: who, when, from, to and why (DOMAIN.md §1). */
export const statusHistoryEntrySchema = z.object({
  id: z.number().int().positive().optional(),
  planId: z.number().int().positive(),
  from: planStatusSchema.nullable(),
  to: planStatusSchema,
  by: personRefSchema,
  at: z.iso.datetime({ offset: true, error: 'date.invalid' }),
  comment: z.string().max(4000, msg('text.tooLong'))
});
/** One recorded change of status. */
export type StatusHistoryEntry = z.infer<typeof statusHistoryEntrySchema>;
