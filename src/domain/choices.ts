// Plain lists of the values the planner stores, with no schema code: the first screens ("My
// plans", the dashboard's counts, the lists check) need only these, so they load without zod's
// classic API (the schemas built on them are in status.ts, plan.ts, stakeholder.ts and
// engagementLevel.ts, which re-export these).

/**
 * Where a plan is in the involvement process (NENC "Involvement Strategy", DOMAIN.md §1):
 * the lead writes it, the involvement team reviews and scopes it, assigns a lead and a level,
 * then it is delivered, reported on ("you said, we did") and closed.
 */
export const PLAN_STATUSES = [
  'draft',
  'submitted',
  'inReview',
  'changesRequested',
  'accepted',
  'inDelivery',
  'reporting',
  'closed'
] as const;
/** A plan's status. */
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Plain-English names shown on screen and stored in the SharePoint choice column. */
export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  inReview: 'In review',
  changesRequested: 'Changes requested',
  accepted: 'Accepted',
  inDelivery: 'In delivery',
  reporting: 'Reporting',
  closed: 'Closed'
};

/**
 * What each status means, for the dashboard and the plan's history. Closing needs a comment
 * saying how the engagement was evaluated and fed back (NENC evaluation questions; "you said,
 * we did"), so "Closed" means what it says.
 */
export const PLAN_STATUS_DESCRIPTIONS: Readonly<Record<PlanStatus, string>> = {
  draft: 'Being written by the project lead',
  submitted: 'Waiting for the involvement team to review',
  inReview: 'Scoping meeting booked',
  changesRequested: 'Back with the project lead',
  accepted: 'Involvement lead assigned and level confirmed',
  inDelivery: 'Engagement under way',
  reporting: 'Analysis, report and "you said, we did"',
  closed: 'Closed by the involvement team: reported, evaluated and fed back ("you said, we did")'
};

/**
 * The rungs of the ladder of engagement, as stable ids stored in SharePoint. The ids are the
 * product's; each source names and orders them its own way (see `LADDERS` in `ladder.ts`).
 * This array is in TRUST Appendix 1's order (Arnstein, lowest first), which is also the order of
 * the default ladder shown; never use the array position as "how much" without the ladder the
 * organisation shows (`rankOnLadder`).
 */
export const ENGAGEMENT_LEVELS = ['inform', 'consult', 'involve', 'collaborate', 'devolve'] as const;

/** Level of the health and care system the work is at (LSC). */
export const SYSTEM_LEVELS = ['system', 'place', 'neighbourhood'] as const;

/** The four boxes of the power/interest grid (NENC stakeholder mapping; DOMAIN.md §8). */
export const GRID_QUADRANTS = ['manageClosely', 'keepSatisfied', 'keepInformed', 'monitor'] as const;

/** A stakeholder is a person, an organisation or a group (groups need no personal data). */
export const STAKEHOLDER_KINDS = ['person', 'organisation', 'group'] as const;
