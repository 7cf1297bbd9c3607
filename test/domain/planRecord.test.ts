/**
 * What the product believes about a plan's process (src/domain/planRecord.ts): the team's
 * decisions from the team-only list, the lead's submission from the plan item where it follows
 * them, history keyed to real submissions, and every stored value that disagrees.
 */
import {
  verifyProcess,
  verifiedPlan,
  type PlanItemClaims,
  type SubmissionEntry,
  type TeamDecision,
  type TeamRoster
} from '../../src/domain';
import { completePlanContent } from './fixtures';

const priya = { id: 2, displayName: 'Priya Shah (Sample)', email: 'priya.shah@sample.nhs.uk' };
const tom = { id: 3, displayName: 'Tom Hughes (Sample)', email: 'tom.hughes@sample.nhs.uk' };
const jo = { id: 4, displayName: 'Jo Bennett (Sample)', email: 'jo.bennett@sample.nhs.uk' };
const roster: TeamRoster = { known: true, memberIds: new Set([4]) };
const key1 = 'plan-7-submission-1-aaaa';
const key2 = 'plan-7-submission-2-bbbb';

function claims(over: Partial<PlanItemClaims> = {}): PlanItemClaims {
  return {
    planId: 7,
    createdBy: priya,
    projectLead: priya,
    status: 'draft',
    statusText: 'Draft',
    submission: 0,
    submissionKey: '',
    involvementLead: null,
    scopingMeetingAt: null,
    confirmedLevel: null,
    ...over
  };
}

let nextId = 100;
function decision(over: Partial<TeamDecision>): TeamDecision {
  nextId += 1;
  return {
    id: nextId,
    planId: 7,
    seq: 1,
    requestId: `r${nextId}`,
    kind: 'status',
    from: 'submitted',
    to: 'inReview',
    submission: 1,
    submissionKey: key1,
    involvementLead: null,
    confirmedLevel: null,
    scopingMeeting: null,
    comment: '',
    author: jo,
    created: `2026-01-0${Math.min(9, nextId - 99)}T10:00:00Z`,
    ...over
  };
}

function entry(over: Partial<SubmissionEntry>): SubmissionEntry {
  nextId += 1;
  return {
    id: nextId,
    planId: 7,
    submission: 1,
    key: key1,
    from: 'draft',
    comment: '',
    author: priya,
    created: '2026-01-01T09:00:00Z',
    ...over
  };
}

it('a plan never submitted is a draft, whatever its Status column says', () => {
  const p = verifyProcess(claims({ status: 'accepted', statusText: 'Accepted', involvementLead: jo }), [], [], roster);
  expect(p.status).toBe('draft');
  expect(p.unconfirmed.map((u) => u.what)).toEqual(['status', 'involvementLead']);
  expect(p.unconfirmed[0]).toMatchObject({ stored: 'Accepted', verified: 'Draft' });
});

it("a lead's submission counts while the team has decided nothing; its missing history entry is reported for repair", () => {
  const c = claims({ status: 'submitted', statusText: 'Submitted', submission: 1, submissionKey: key1 });
  const p = verifyProcess(c, [], [], roster);
  expect(p).toMatchObject({ status: 'submitted', submission: { number: 1, key: key1 } });
  expect(p.missingEntries).toEqual([{ number: 1, key: key1 }]);
  expect(verifyProcess(c, [], [entry({})], roster).missingEntries).toEqual([]);
});

it('the team decides; a decision by someone outside the team, or a second one with the same number, does not count', () => {
  const c = claims({ status: 'accepted', statusText: 'Accepted', submission: 1, submissionKey: key1 });
  const review = decision({ seq: 1, to: 'inReview' });
  const byLead = decision({ seq: 2, to: 'accepted', author: tom });
  const racing = [decision({ seq: 2, to: 'changesRequested', comment: 'More detail' }), decision({ seq: 2, to: 'accepted' })];
  const p = verifyProcess(c, [review, byLead, ...racing], [entry({})], roster);
  expect(p.status).toBe('changesRequested');
  expect(p.decisions.map((d) => d.id)).toEqual([review.id, racing[0].id]);
  expect(p.ignored.map((i) => i.itemId).sort()).toEqual([byLead.id, racing[1].id].sort());
  expect(p.nextSeq).toBe(3);
  expect(p.unconfirmed).toEqual([{ what: 'status', stored: 'Accepted', verified: 'Changes requested' }]);
});

it('after changes are requested, the next submission counts; a submission after acceptance does not', () => {
  const changes = decision({ seq: 1, from: 'submitted', to: 'changesRequested', comment: 'Please add dates' });
  const resubmitted = verifyProcess(claims({ status: 'submitted', submission: 2, submissionKey: key2 }), [changes], [entry({})], roster);
  expect(resubmitted).toMatchObject({ status: 'submitted', submission: { number: 2, key: key2 } });
  expect(resubmitted.submissions.map((s) => s.number)).toEqual([1, 2]);
  expect(resubmitted.missingEntries).toEqual([{ number: 2, key: key2 }]);

  const accepted = decision({ seq: 1, from: 'inReview', to: 'accepted', involvementLead: jo, confirmedLevel: 'involve' });
  const p = verifyProcess(claims({ status: 'submitted', submission: 2, submissionKey: key2 }), [accepted], [entry({})], roster);
  expect(p.status).toBe('accepted');
  expect(p.submission).toEqual({ number: 1, key: key1 });
});

it('history entries count only for real submission keys and only from the plan lead or the team', () => {
  const c = claims({ status: 'submitted', submission: 1, submissionKey: key1 });
  const wrongKey = entry({ key: 'plan-7-submission-1-zzzz' });
  const byOtherLead = entry({ author: tom });
  const byTeam = entry({ author: jo, created: '2026-01-02T09:00:00Z' });
  const p = verifyProcess(c, [], [wrongKey, byOtherLead, byTeam], roster);
  expect(p.history.map((h) => h.id)).toEqual([byTeam.id]);
  expect(p.ignored.map((i) => i.itemId).sort()).toEqual([wrongKey.id, byOtherLead.id].sort());
});

it('the project lead is whoever created the plan; another lead named in the column is unconfirmed', () => {
  const p = verifyProcess(claims({ createdBy: tom, projectLead: priya }), [], [], roster);
  expect(p.projectLead).toEqual(tom);
  expect(p.unconfirmed).toEqual([
    { what: 'projectLead', stored: 'Priya Shah (Sample)', verified: 'Tom Hughes (Sample), who created the plan' }
  ]);
});

it('the verified plan takes status, leads, scoping and level from the record, content from the lead', () => {
  const content = completePlanContent();
  content.level = { ...content.level, chosen: 'devolve', confirmedByTeam: true };
  const stored = {
    id: 7,
    version: '"3"',
    status: 'accepted' as const,
    projectLead: tom,
    involvementLead: jo,
    scopingMeeting: null,
    content
  };
  const plan = verifiedPlan(stored, verifyProcess(claims({ status: 'accepted' }), [], [], roster));
  expect(plan).toMatchObject({ status: 'draft', projectLead: priya, involvementLead: null });
  expect(plan.content.level.confirmedByTeam).toBe(false);
  expect(plan.content.project).toEqual(content.project);
});
