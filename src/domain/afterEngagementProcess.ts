import {
  emptyRecordContent,
  monitor,
  reportDueDate,
  engagementRecordContentSchema,
  gapsBeforeClosing,
  gapsBeforeReporting,
  reportTimeliness,
  retentionDate,
  type EngagementRecord,
  type EngagementRecordContent,
  type RecordGap
} from './afterEngagement';
import type { EngagementLevel } from './engagementLevel';
import type { RecordChange } from './recordHistory';
import type { StoredPlan } from './plan';
import type { ResponseRepository } from './responses';
import { DataError, type CurrentUser } from './ports';
import { checkTransition, type PersonRef, type PlanStatus } from './status';
import type { PlanWorkflowRepository } from './submission';
import { recordDecision, statusDecision } from './submitPlan';
import { isIsoDate } from './plan';
import { isFormalConsultationLikely } from './route';

/**
 * The plan's later statuses (DOMAIN.md §1: Accepted → In delivery → Reporting → Closed), the
 * record's storage ports, and the involvement team's sign-off. Who may do what (README): the
 * project lead and the team write the record (leads edit only their own plan's record); only
 * the team can add a sign-off, to a list leads cannot write, and who signed and when are
 * SharePoint's own Author and Created. A closed plan's record is what the team signed off: a
 * change made afterwards shows as "changed since the team signed it off" until the team signs
 * again, so nothing a lead writes after closing is taken on trust.
 */

/** What the annual report reads of each record: figures kept beside the record for indexed, paged queries. */
export interface RecordSummary {
  readonly planId: number;
  readonly planTitle: string;
  readonly level: EngagementLevel | null;
  readonly organisation: string;
  readonly place: string;
  readonly formalConsultation: boolean;
  /** The last day of engagement (the date the engagement closed, else the last activity), for choosing a period. */
  readonly periodEnd: string | null;
  readonly activities: number;
  readonly participants: number;
  readonly responses: number;
  /** People reached from each group (aggregate counts). */
  readonly reached: Readonly<Record<string, number>>;
  /** Groups the plan set out to reach. */
  readonly plannedGroups: readonly string[];
  readonly spentGbp: number;
  readonly budgetGbp: number;
  readonly reportDue: string | null;
  readonly reportPublished: string | null;
  readonly reportDelayExplained: boolean;
  readonly youSaidWeDidPublished: string | null;
  /** Up to three "you said, we did" lines: the theme and what will (or will not) change. */
  readonly highlights: ReadonlyArray<{ readonly said: string; readonly did: string; readonly changes: boolean }>;
}

/** Stores plans' after-engagement records ("Engagement records" in production). */
export interface EngagementRecordRepository {
  /** The plan's record, or undefined if none has been started. */
  forPlan(planId: number): Promise<EngagementRecord | undefined>;
  /**
   * Start the plan's record (validated first), as its project lead: leads edit only items they
   * created, so the lead, not the team, creates it. Safe to repeat: a second call, or a retry
   * after a lost answer, returns the record made the first time.
   */
  start(plan: StoredPlan): Promise<EngagementRecord>;
  /**
   * Save the record at the version read (validated first; 412 → `conflict`, never a silent
   * overwrite), with the summary the annual report reads.
   */
  save(record: EngagementRecord, plan: StoredPlan, reportDueWeeks: number): Promise<EngagementRecord>;
  /**
   * Summaries of records whose engagement ended in a period (inclusive, YYYY-MM-DD), read a page
   * at a time on the indexed period column; `onProgress` hears how many are read so far.
   */
  listForPeriod(from: string, to: string, onProgress?: (loaded: number) => void): Promise<PeriodRecords>;
  /**
   * Every saved version of a record, newest first, from SharePoint's version history (who and when
   * are SharePoint's own), with what changed in each.
   */
  changes(recordId: number): Promise<RecordChange[]>;
}

/**
 * A plan's record the annual report could not read (its stored summary is broken, or was written
 * by hand): it is left out of the figures and listed by item, never allowed to stop the report.
 */
export interface UnreadableRecord {
  /** The record's item id in "Engagement records". */
  readonly itemId: number;
  /** The plan it is about (the item's lookup), when that can be read. */
  readonly planId: number | null;
  /** What is wrong, in plain English. */
  readonly problem: string;
}

/** The records of a period: each counted plan's summary, and the records that could not be read. */
export interface PeriodRecords {
  readonly summaries: RecordSummary[];
  readonly unreadable: UnreadableRecord[];
}

/** The involvement team's sign-off of a plan's record: who and when are SharePoint's own. */
export interface SignOff {
  readonly id: number;
  readonly planId: number;
  /** The record as the team signed it off. */
  readonly snapshot: EngagementRecordContent;
  readonly comment: string;
  readonly by: PersonRef;
  readonly at: string;
}

/** The team's sign-offs ("Engagement sign-offs": the involvement team adds; everyone else reads). */
export interface SignOffRepository {
  /** A plan's sign-offs, oldest first. */
  forPlan(planId: number): Promise<SignOff[]>;
  /** Add a sign-off once: a retry with the same request id returns the first. */
  add(planId: number, snapshot: EngagementRecordContent, comment: string, requestId: string): Promise<SignOff>;
}

/** Where a closed plan's record stands against the team's sign-off. */
export type SignOffState =
  | { readonly state: 'notSignedOff' }
  | { readonly state: 'signedOff'; readonly signOff: SignOff }
  | { readonly state: 'changedSince'; readonly signOff: SignOff };

/** JSON with keys in a fixed order, so two equal records compare equal however they were built. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value as Record<string, unknown>)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** True when two records hold the same content. */
export function sameRecord(a: EngagementRecordContent, b: EngagementRecordContent): boolean {
  return canonical(a) === canonical(b);
}

/** The latest sign-off, and whether the record has changed since (a lead's later edit is not the team's). */
export function signOffState(signOffs: readonly SignOff[], current: EngagementRecordContent | undefined): SignOffState {
  const last = [...signOffs].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id).pop();
  if (!last) return { state: 'notSignedOff' };
  return current && !sameRecord(last.snapshot, current) ? { state: 'changedSince', signOff: last } : { state: 'signedOff', signOff: last };
}

/** The record a reader should trust: for a closed plan, what the team signed off; otherwise the record as it is. */
export function trustedRecord(
  status: PlanStatus,
  record: EngagementRecord | undefined,
  signOffs: readonly SignOff[]
): EngagementRecordContent | undefined {
  if (status !== 'closed') return record?.content;
  const s = signOffState(signOffs, record?.content);
  return s.state === 'notSignedOff' ? record?.content : s.signOff.snapshot;
}

/** What each of the team's later moves still needs, for the UI to list. */
export function gapsForMove(to: PlanStatus, plan: Pick<StoredPlan, 'content'>, record: EngagementRecordContent | undefined): RecordGap[] {
  const content = record ?? emptyRecordContent();
  if (to === 'reporting') return gapsBeforeReporting(content);
  if (to === 'closed') return gapsBeforeClosing(plan, content);
  return [];
}

/** The involvement team's moves after a plan is accepted. */
export type AfterEngagementAction =
  | { readonly kind: 'startDelivery'; readonly comment: string }
  | { readonly kind: 'moveToReporting'; readonly comment: string }
  | { readonly kind: 'close'; readonly comment: string; readonly requestId: string };

/** What the team's later moves need. */
export interface AfterEngagementPorts {
  readonly workflow: PlanWorkflowRepository;
  readonly records: EngagementRecordRepository;
  readonly signOffs: SignOffRepository;
  /** The plan's responses: closing stamps their retention date (and the Purview label). */
  readonly responses?: ResponseRepository;
}

const TARGET: Record<AfterEngagementAction['kind'], PlanStatus> = {
  startDelivery: 'inDelivery',
  moveToReporting: 'reporting',
  close: 'closed'
};

/** The history comment for closing: what was published and when, then the team's own words. */
export function closingComment(record: EngagementRecordContent, comment: string, reportDueWeeks: number, today: string): string {
  const r = record.report;
  const f = record.feedback;
  const t = reportTimeliness(record, reportDueWeeks, today);
  const parts = [
    isIsoDate(r.publishedOn)
      ? `Report published ${r.publishedOn}${t.state === 'published' && t.onTime === false ? ' (after its due date)' : ''}.`
      : `Report not published: ${r.delayExplanation.trim()}.`,
    isIsoDate(f.publishedOn)
      ? `"You said, we did" published ${f.publishedOn}.`
      : `"You said, we did" not published: ${f.notPublishedReason.trim()}.`,
    'Evaluation questions answered; signed off by the involvement team.'
  ];
  return [...parts, comment.trim()].filter(Boolean).join(' ');
}

/**
 * Move a plan on after it is accepted, as the involvement team: start delivery; move to
 * reporting once the log shows the engagement took place and closed; close once the report,
 * "you said, we did" and the evaluation are complete. Closing first adds the team's sign-off
 * (once, by request id) and then changes the status at the version read, so a close cut off
 * between the two is finished by trying again: the sign-off is found, not added twice.
 */
export async function applyAfterEngagementAction(
  ports: AfterEngagementPorts,
  plan: StoredPlan,
  action: AfterEngagementAction,
  user: CurrentUser,
  options: { reportDueWeeks: number; today: string; retentionLabel?: string }
): Promise<StoredPlan> {
  if (!user.isInvolvementTeam) throw new DataError('forbidden', 'Only the involvement team can do this.');
  const to = TARGET[action.kind];
  const stored = await ports.records.forPlan(plan.id);
  const content = stored?.content ?? emptyRecordContent();
  const check = checkTransition(plan.status, to, {
    role: 'involvementTeam',
    comment: action.kind === 'close' ? 'closing' : action.comment,
    involvementLeadAssigned: plan.involvementLead !== null,
    levelConfirmed: plan.content.level.confirmedByTeam,
    scopingMeetingBooked: plan.scopingMeeting !== null,
    record: {
      readyForReporting: gapsBeforeReporting(content).length === 0,
      readyToClose: gapsBeforeClosing(plan, content).length === 0
    }
  });
  if (!check.allowed) throw new DataError('invalidRequest', check.reason);
  let comment = action.comment.trim();
  let signedOffAt: string | undefined;
  if (action.kind === 'close') {
    const valid = engagementRecordContentSchema.safeParse(content);
    if (!valid.success) throw new DataError('invalidRequest', 'transition.needsClosingRecord');
    comment = closingComment(valid.data, action.comment, options.reportDueWeeks, options.today);
    signedOffAt = (await ports.signOffs.add(plan.id, valid.data, comment, action.requestId)).at;
  }
  // The move is the team's decision (team-only "Plan decisions"), made on the record as it is
  // now: if the plan moved since it was read, the team is told rather than a second move made.
  const current = await ports.workflow.record(plan.id);
  if (current.process.status === to) return current.plan;
  if (current.process.status !== plan.status)
    throw new DataError(
      'conflict',
      'Someone else in the involvement team changed this plan at the same moment. The plan now shows what they did.'
    );
  const requestId = action.kind === 'close' ? `close-${action.requestId}` : `${action.kind}-${plan.id}-${current.process.nextSeq}`;
  const moved = (await recordDecision(ports, statusDecision(current, to, comment, requestId))).record.plan;
  if (action.kind === 'close' && ports.responses)
    // Kept five years from the sign-off (LSC), the date the team's repair also counts from. Not a
    // transaction: what is not stamped now is stamped when the team next opens the closed plan,
    // so a failure here does not undo the close.
    await ports.responses.applyRetention(plan.id, retentionDate(signedOffAt ?? options.today), options.retentionLabel ?? '').catch(() => 0);
  return moved;
}

/** The figures kept beside a record for the annual report, from the plan and the record. */
export function recordSummary(plan: StoredPlan, record: EngagementRecordContent, reportDueWeeks: number): RecordSummary {
  const m = monitor(plan, record);
  const themeName = new Map(record.themes.map((t) => [t.id, t.name]));
  const closed = isIsoDate(record.report.engagementClosed) ? record.report.engagementClosed : m.lastDate;
  return {
    planId: plan.id,
    planTitle: plan.content.project.title,
    level: plan.content.level.chosen,
    organisation: plan.content.project.organisation,
    place: plan.content.project.placeName,
    formalConsultation: isFormalConsultationLikely(plan.content),
    periodEnd: closed,
    activities: m.activities,
    participants: m.participants,
    responses: m.responses,
    reached: Object.fromEntries(m.groups.filter((g) => g.reached > 0).map((g) => [g.group, g.reached])),
    plannedGroups: m.groups.filter((g) => g.planned).map((g) => g.group),
    spentGbp: m.spentGbp,
    budgetGbp: m.budgetGbp,
    reportDue: reportDueDate(record, reportDueWeeks),
    reportPublished: isIsoDate(record.report.publishedOn) ? record.report.publishedOn : null,
    reportDelayExplained: record.report.delayExplanation.trim() !== '',
    youSaidWeDidPublished: isIsoDate(record.feedback.publishedOn) ? record.feedback.publishedOn : null,
    highlights: record.trace
      .filter((t) => t.outcome !== 'notDecided')
      .slice(0, 3)
      .map((t) => ({
        said:
          t.themeIds
            .map((id) => themeName.get(id))
            .filter(Boolean)
            .join(', ') || t.finding,
        did: t.because || t.decision,
        changes: t.outcome === 'willChange'
      }))
  };
}
