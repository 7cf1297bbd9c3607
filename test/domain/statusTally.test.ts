import {
  buildTally,
  countedStatus,
  countsFromTally,
  foldTally,
  tallyImpossible,
  UNKNOWN_ROSTER,
  type PlanEvents,
  type PlanStatus,
  type TallyMark,
  type TeamDecision
} from '../../src/domain';

const LEAD = 2;
const TEAM = 4;
const roster = { known: true, memberIds: new Set([TEAM]) };

let nextId = 1;
const decision = (planId: number, seq: number, from: PlanStatus, to: PlanStatus, submission = 1, author = TEAM): TeamDecision => ({
  id: nextId++,
  planId,
  seq,
  requestId: '',
  kind: 'status',
  from,
  to,
  submission,
  submissionKey: '',
  involvementLead: null,
  confirmedLevel: null,
  scopingMeeting: null,
  comment: '',
  author: { id: author, displayName: '', email: '' },
  created: ''
});
const entry = (planId: number, submission: number, authorId = LEAD) => ({ id: nextId++, planId, submission, authorId });
const all: TallyMark = { decisions: Number.MAX_SAFE_INTEGER, entries: Number.MAX_SAFE_INTEGER };

describe('countedStatus', () => {
  it('a plan with nothing in either list is not counted (a draft); a submission entry by its lead makes it submitted', () => {
    expect(countedStatus({ planId: 1, authorId: LEAD, decisions: [], entries: [] }, all, roster)).toBeUndefined();
    expect(countedStatus({ planId: 1, authorId: LEAD, decisions: [], entries: [entry(1, 1)] }, all, roster)).toBe('submitted');
  });

  it("an entry someone else wrote on the lead's plan does not count; one by the team does", () => {
    expect(countedStatus({ planId: 1, authorId: LEAD, decisions: [], entries: [entry(1, 1, 3)] }, all, roster)).toBeUndefined();
    expect(countedStatus({ planId: 1, authorId: LEAD, decisions: [], entries: [entry(1, 1, TEAM)] }, all, roster)).toBe('submitted');
  });

  it('the team decides; a resubmission after changes were asked for is submitted; any later number is not', () => {
    const asked = decision(1, 1, 'submitted', 'changesRequested');
    const plan = (entries: ReturnType<typeof entry>[]): PlanEvents => ({ planId: 1, authorId: LEAD, decisions: [asked], entries });
    expect(countedStatus(plan([entry(1, 1)]), all, roster)).toBe('changesRequested');
    expect(countedStatus(plan([entry(1, 1), entry(1, 2)]), all, roster)).toBe('submitted');
    expect(countedStatus(plan([entry(1, 1), entry(1, 3)]), all, roster)).toBe('changesRequested');
  });

  it('items after the mark are not counted yet', () => {
    const e = entry(1, 1);
    const d = decision(1, 1, 'submitted', 'accepted');
    const plan: PlanEvents = { planId: 1, authorId: LEAD, decisions: [d], entries: [e] };
    expect(countedStatus(plan, { decisions: d.id - 1, entries: e.id }, roster)).toBe('submitted');
    expect(countedStatus(plan, { decisions: d.id, entries: e.id }, roster)).toBe('accepted');
  });
});

describe('foldTally', () => {
  it('moving a tally on a step at a time gives what counting everything at once gives', () => {
    // Plans 1–6 go through their lives one item at a time; the tally is moved on after each item.
    const plans = new Map<number, { decisions: TeamDecision[]; entries: ReturnType<typeof entry>[] }>();
    const events: Array<{ planId: number; add: () => void }> = [];
    const of = (id: number) => plans.get(id) ?? plans.set(id, { decisions: [], entries: [] }).get(id)!;
    const lives: Array<Array<['e', number] | ['d', PlanStatus, PlanStatus]>> = [
      [['e', 1]],
      [
        ['e', 1],
        ['d', 'submitted', 'inReview'],
        ['d', 'inReview', 'accepted'],
        ['d', 'accepted', 'inDelivery']
      ],
      [
        ['e', 1],
        ['d', 'submitted', 'changesRequested'],
        ['e', 2],
        ['d', 'submitted', 'accepted']
      ],
      [
        ['e', 1],
        ['d', 'submitted', 'changesRequested'],
        ['e', 2]
      ],
      [
        ['e', 1],
        ['d', 'submitted', 'accepted'],
        ['d', 'accepted', 'inDelivery'],
        ['d', 'inDelivery', 'reporting'],
        ['d', 'reporting', 'closed']
      ],
      []
    ];
    lives.forEach((life, i) => {
      const planId = i + 1;
      of(planId);
      let seq = 0;
      let submission = 0;
      for (const step of life)
        events.push({
          planId,
          add: () => {
            if (step[0] === 'e') {
              submission = step[1];
              of(planId).entries.push(entry(planId, step[1]));
            } else {
              seq += 1;
              of(planId).decisions.push(decision(planId, seq, step[1], step[2], submission));
            }
          }
        });
    });
    // Interleave the plans' items as they might arrive.
    events.sort((a, b) => ((a.planId * 7919) % 13) - ((b.planId * 7919) % 13));
    const snapshot = (): PlanEvents[] => [...plans.entries()].map(([planId, p]) => ({ planId, authorId: LEAD, ...p }));
    const markNow = (): TallyMark => ({ decisions: nextId - 1, entries: nextId - 1 });
    let tally = buildTally(snapshot(), markNow(), roster);
    for (const ev of events) {
      ev.add();
      const touched = snapshot().filter((p) => p.planId === ev.planId);
      tally = foldTally(tally, touched, markNow(), roster);
      expect(tally).toEqual(buildTally(snapshot(), markNow(), roster));
    }
    expect(countsFromTally(tally, 6)).toEqual({
      draft: 1,
      submitted: 2,
      inReview: 0,
      changesRequested: 0,
      accepted: 1,
      inDelivery: 1,
      reporting: 0,
      closed: 1
    });
  });

  it('two decisions with the same number: only the first counts, whoever folds it and in whatever order', () => {
    const e = entry(1, 1);
    const first = decision(1, 1, 'submitted', 'accepted');
    const second = decision(1, 1, 'submitted', 'changesRequested');
    const plan: PlanEvents = { planId: 1, authorId: LEAD, decisions: [second, first], entries: [e] };
    const tally = foldTally(buildTally([], { decisions: 0, entries: 0 }, UNKNOWN_ROSTER), [plan], all, UNKNOWN_ROSTER);
    expect(tally.counts.accepted).toBe(1);
    expect(tally.counts.changesRequested).toBe(0);
  });

  it('a tally with a negative count or more plans than the list has is impossible', () => {
    const tally = buildTally([{ planId: 1, authorId: LEAD, decisions: [], entries: [entry(1, 1)] }], all, roster);
    expect(tallyImpossible(tally, 1)).toBe(false);
    expect(tallyImpossible(tally, 0)).toBe(true);
    expect(tallyImpossible({ ...tally, counts: { ...tally.counts, closed: -1 } }, 5)).toBe(true);
  });
});
