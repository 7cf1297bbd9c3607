import {
  PLAN_STATUSES,
  STATUS_TRANSITIONS,
  availableTransitions,
  checkTransition,
  type PlanStatus,
  type TransitionContext
} from '../../src/domain';

const team: TransitionContext = {
  role: 'involvementTeam',
  involvementLeadAssigned: true,
  levelConfirmed: true,
  scopingMeetingBooked: true,
  comment: 'Please add the decision date'
};
const lead: TransitionContext = { ...team, role: 'projectLead' };

// DOMAIN.md §1: Draft → Submitted → In review → Changes requested → Accepted → In delivery → Reporting → Closed
const allowed: Array<[PlanStatus, PlanStatus, TransitionContext]> = [
  ['draft', 'submitted', lead],
  ['submitted', 'inReview', team],
  ['submitted', 'changesRequested', team],
  ['submitted', 'accepted', team],
  ['inReview', 'changesRequested', team],
  ['inReview', 'accepted', team],
  ['changesRequested', 'submitted', lead],
  ['accepted', 'inDelivery', team],
  ['inDelivery', 'reporting', { ...team, record: { readyForReporting: true, readyToClose: false } }],
  ['reporting', 'closed', { ...team, record: { readyForReporting: true, readyToClose: true } }]
];

describe('status transitions (DOMAIN.md §1)', () => {
  it.each(allowed)('allows %s → %s for the right person', (from, to, ctx) => {
    expect(checkTransition(from, to, ctx)).toMatchObject({ allowed: true });
  });

  it('refuses every move the process does not list', () => {
    const listed = new Set(allowed.map(([f, t]) => `${f}>${t}`));
    let refused = 0;
    for (const from of PLAN_STATUSES) {
      for (const to of PLAN_STATUSES) {
        if (listed.has(`${from}>${to}`)) continue;
        expect(checkTransition(from, to, team)).toEqual({ allowed: false, reason: 'transition.notAllowed' });
        expect(checkTransition(from, to, lead)).toEqual({ allowed: false, reason: 'transition.notAllowed' });
        refused += 1;
      }
    }
    expect(refused).toBe(PLAN_STATUSES.length * PLAN_STATUSES.length - allowed.length);
    expect(STATUS_TRANSITIONS).toHaveLength(allowed.length);
  });

  it('a closed plan can go nowhere', () => {
    expect(availableTransitions('closed', 'involvementTeam')).toEqual([]);
    expect(availableTransitions('closed', 'projectLead')).toEqual([]);
  });

  it('only the involvement team can accept, and only the lead can submit', () => {
    expect(checkTransition('inReview', 'accepted', lead)).toEqual({ allowed: false, reason: 'transition.notYourRole' });
    expect(checkTransition('draft', 'submitted', team)).toEqual({ allowed: false, reason: 'transition.notLeadRole' });
  });

  it('requesting changes needs a comment saying what to change', () => {
    expect(checkTransition('inReview', 'changesRequested', { ...team, comment: '   ' })).toEqual({
      allowed: false,
      reason: 'history.comment.required'
    });
  });

  it('accepting needs an involvement lead and a confirmed level (NENC step 3)', () => {
    expect(checkTransition('inReview', 'accepted', { ...team, involvementLeadAssigned: false })).toEqual({
      allowed: false,
      reason: 'transition.needsLeadAndLevel'
    });
    expect(checkTransition('inReview', 'accepted', { ...team, levelConfirmed: false })).toEqual({
      allowed: false,
      reason: 'transition.needsLeadAndLevel'
    });
  });

  it('accepting straight from submitted needs the scoping meeting first (NENC step 2)', () => {
    expect(checkTransition('submitted', 'accepted', { ...team, scopingMeetingBooked: false })).toEqual({
      allowed: false,
      reason: 'transition.needsScoping'
    });
  });

  it('offers the lead only their own moves', () => {
    expect(availableTransitions('changesRequested', 'projectLead').map((t) => t.to)).toEqual(['submitted']);
    expect(availableTransitions('changesRequested', 'involvementTeam')).toEqual([]);
  });
});
