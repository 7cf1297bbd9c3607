import { PLAN_STATUSES, type PlanStatus } from './choices';
import { inTeam, UNKNOWN_ROSTER, verifyProcess, type PlanItemClaims, type TeamDecision, type TeamRoster } from './planRecord';

/**
 * The dashboard's plan counts without reading every plan (issue 12): a tally the involvement team
 * keeps, folded from the two lists no project lead can change — the team's "Plan decisions" (only
 * the team adds) and the "Plan status history" submissions (people add, no one edits or deletes).
 * Both are append-only, and a plan with items in either cannot be deleted (their lookups restrict
 * deletion), so a plan's counted status is a function of items with ids up to a mark, and the
 * tally is that function summed over plans: moving the mark on re-counts only the plans that have
 * new items. Nothing a lead can write (the plan's Status column, its submission number) is read.
 */

/** The highest item id folded into the tally from each list. */
export interface TallyMark {
  readonly decisions: number;
  readonly entries: number;
}

/** Plans counted by status. Plans with no decision and no submission are not in it: they are drafts. */
export interface StatusTally {
  readonly mark: TallyMark;
  readonly counts: Readonly<Record<PlanStatus, number>>;
  /** The team's members it was counted with (`rosterKey`); undefined: not known. */
  readonly team?: string;
}

/** A submission's history entry, as the tally needs it (the entry's Author is SharePoint's). */
export interface TallyEntry {
  readonly id: number;
  readonly planId: number;
  readonly submission: number;
  readonly authorId: number;
}

/** Everything about one plan the tally reads: who created it (its lead), its decisions and its submissions. */
export interface PlanEvents {
  readonly planId: number;
  /** SharePoint's Author of the plan item. */
  readonly authorId: number;
  readonly decisions: readonly TeamDecision[];
  readonly entries: readonly TallyEntry[];
}

export const EMPTY_MARK: TallyMark = { decisions: 0, entries: 0 };

const zero = (): Record<PlanStatus, number> => Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as Record<PlanStatus, number>;

/**
 * A plan's status as counted, from its items up to `mark` (undefined: it has none, so it is a draft
 * no one has counted). The team's decisions count as they do everywhere (`verifyProcess`); the
 * lead's submission is the highest number among the plan's history entries written by its lead or
 * the team — an entry once added is never changed, unlike the plan item's own columns.
 */
export function countedStatus(plan: PlanEvents, mark: TallyMark, roster: TeamRoster): PlanStatus | undefined {
  const decisions = plan.decisions.filter((d) => d.planId === plan.planId && d.id <= mark.decisions);
  const entries = plan.entries.filter(
    (e) => e.planId === plan.planId && e.id <= mark.entries && (e.authorId === plan.authorId || inTeam(roster, e.authorId))
  );
  if (decisions.length === 0 && entries.length === 0) return undefined;
  const claimsWith = (submission: number): PlanItemClaims => ({
    planId: plan.planId,
    createdBy: { id: plan.authorId, displayName: '', email: '' },
    projectLead: null,
    status: null,
    statusText: '',
    submission,
    submissionKey: '',
    involvementLead: null,
    scopingMeetingAt: null,
    confirmedLevel: null
  });
  // The team's decisions as they count; then the lead's submission the way `verifyProcess` takes
  // the plan's own number: any submission while the team has decided nothing, and after a decision
  // only the next number (so an entry numbered ahead of time cannot block an honest resubmission).
  const counted = verifyProcess(claimsWith(0), decisions, [], roster).decisions;
  const last = counted[counted.length - 1];
  const numbers = new Set(entries.map((e) => e.submission).filter((n) => Number.isInteger(n) && n >= 1));
  const submission = !last ? Math.max(0, ...numbers) : numbers.has(last.submission + 1) ? last.submission + 1 : 0;
  return verifyProcess(claimsWith(submission), decisions, [], roster).status;
}

/** Who the tally counted as the involvement team: a tally counted with other members is counted again. */
export function rosterKey(roster: TeamRoster): string | undefined {
  return roster.known ? [...roster.memberIds].sort((a, b) => a - b).join(',') : undefined;
}

/** The tally of every plan from scratch (no tally yet, or a recount). */
export function buildTally(plans: readonly PlanEvents[], mark: TallyMark, roster: TeamRoster = UNKNOWN_ROSTER): StatusTally {
  const counts = zero();
  for (const plan of plans) {
    const status = countedStatus(plan, mark, roster);
    if (status) counts[status] += 1;
  }
  return { mark, counts, team: rosterKey(roster) };
}

/**
 * Move a tally on to `mark`: each plan with items between the two marks (`touched`, each with all
 * its items) leaves the status it was counted in and joins the one it has now. The same tally,
 * touched plans and mark give the same answer whoever folds them, so two people folding at once
 * agree; the tally is saved at the version read, and whoever is refused folds again from the saved one.
 */
export function foldTally(
  tally: StatusTally,
  touched: readonly PlanEvents[],
  mark: TallyMark,
  roster: TeamRoster = UNKNOWN_ROSTER
): StatusTally {
  const counts = { ...tally.counts };
  for (const plan of touched) {
    const before = countedStatus(plan, tally.mark, roster);
    const after = countedStatus(plan, mark, roster);
    if (before) counts[before] -= 1;
    if (after) counts[after] += 1;
  }
  return { mark, counts, team: rosterKey(roster) };
}

/** The counts the dashboard shows: the tally, with every plan it has not counted (`planCount` in all) as a draft. */
export function countsFromTally(tally: StatusTally, planCount: number): Record<PlanStatus, number> {
  const counts = { ...tally.counts };
  const counted = PLAN_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  counts.draft += Math.max(0, planCount - counted);
  return counts;
}

/** True when the tally cannot be right for this many plans (a negative count, or more counted than there are plans). */
export function tallyImpossible(tally: StatusTally, planCount: number): boolean {
  const values = PLAN_STATUSES.map((s) => tally.counts[s]);
  return values.some((v) => !Number.isInteger(v) || v < 0) || values.reduce((a, b) => a + b, 0) > planCount;
}
