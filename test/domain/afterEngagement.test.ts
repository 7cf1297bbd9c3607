import {
  activitySchema,
  annualReportCsv,
  applyAfterEngagementAction,
  UNKNOWN_ROSTER,
  verifiedPlan,
  verifyProcess,
  type NewDecision,
  type PlanRecord,
  type TeamDecision,
  buildAnnualReport,
  checkReadability,
  checkTransition,
  CITATIONS,
  emptyRecordContent,
  engagementRecordContentSchema,
  EVALUATION_QUESTION_TEXTS,
  FEEDBACK_CHANNEL_OPTIONS,
  financialYear,
  financialYearOf,
  gapsBeforeClosing,
  gapsBeforeReporting,
  missingReportParts,
  monitor,
  objectiveGaps,
  outputsAndOutcomes,
  recordSummary,
  REPORT_PARTS,
  reportDueDate,
  reportTimeliness,
  retentionDate,
  signOffState,
  themeSchema,
  traceSchema,
  trustedRecord,
  validate,
  DEFAULT_SETTINGS,
  PLAN_STATUSES,
  type CurrentUser,
  type EngagementRecord,
  type EngagementRecordContent,
  type PlanStatus,
  type SignOff,
  type StoredPlan
} from '../../src/domain';
import { readyPlanContent } from './fixtures';
import { completeRecord, deliveredRecord } from './recordFixtures';
import { LSC, NENC, PC, SUF, TRUST, seedSays } from './seeds';

const plan = (status: PlanStatus = 'inDelivery'): StoredPlan => ({
  id: 7,
  version: '"1"',
  status,
  projectLead: { id: 2, displayName: 'Priya Shah (Sample)', email: 'priya@x' },
  involvementLead: { id: 4, displayName: 'Jo Bennett (Sample)', email: 'jo@x' },
  scopingMeeting: null,
  content: { ...readyPlanContent(), level: { ...readyPlanContent().level, confirmedByTeam: true } }
});

describe('step 7: monitoring while engagement runs (LSC, PC, NENC)', () => {
  it(`responses against the target, by locality, and who we are still not hearing from (${LSC})`, () => {
    seedSays(LSC, 'continuous monitoring and evaluation is key; waiting until the end is too late.');
    seedSays(LSC, 'Surveys should be monitored for response rates, locality, emerging themes.');
    seedSays(NENC, 'By monitoring who you engage with, you can identify any gaps and people you still need to speak with.');
    const m = monitor(plan(), deliveredRecord());
    expect(m).toMatchObject({ activities: 2, participants: 150, responses: 145, responseTarget: 200, responsePercent: 73 });
    expect(m.byPlace).toEqual([
      { place: 'Hillside', participants: 110, responses: 110 },
      { place: 'Riverside', participants: 40, responses: 35 }
    ]);
    // The ready plan says how it will reach every group; six groups have not been reached yet.
    expect(m.notHeardFrom).toEqual([
      'gender-reassignment',
      'marriage-civil-partnership',
      'pregnancy-maternity',
      'religion-belief',
      'sex',
      'sexual-orientation',
      'homeless',
      'asylum-seekers-refugees'
    ]);
    expect(m.groups.find((g) => g.group === 'age')).toEqual({ group: 'age', planned: true, reached: 42 });
    expect(m.firstDate).toBe('2027-03-01');
    expect(m.lastDate).toBe('2027-03-28');
  });

  it('spend against the budget with a clear over/under figure', () => {
    const m = monitor(plan(), deliveredRecord());
    expect(m.budgetGbp).toBe(600);
    expect(m.spentGbp).toBe(370.5);
    expect(m.overUnderGbp).toBe(-229.5);
    const over = deliveredRecord();
    over.activities[0].costGbp = 700;
    expect(monitor(plan(), over).overUnderGbp).toBe(220.5);
  });

  it('spend against each line of the plan’s budget, with what it did not plan on a line of its own', () => {
    seedSays(NENC, 'Plan and budget for engagement (methods to reach certain audiences)');
    const p = plan();
    p.content.budget = [
      { item: 'vcse-focus-group', description: '', unitCostGbp: 200, quantity: 3 },
      { item: null, description: 'Easy read leaflets', unitCostGbp: 50, quantity: 2 }
    ];
    const r = deliveredRecord();
    r.activities[0] = {
      ...r.activities[0],
      costGbp: 250,
      costs: [
        { line: 0, gbp: 220 },
        { line: 1, gbp: 30 }
      ]
    };
    // The second activity was recorded before costs were split: its whole cost was not planned.
    const m = monitor(p, r);
    expect(m.byBudgetLine).toEqual([
      { line: 0, label: 'Contribution to a VCSE organisation for a focus group', plannedGbp: 600, spentGbp: 220, overUnderGbp: -380 },
      { line: 1, label: 'Easy read leaflets', plannedGbp: 100, spentGbp: 30, overUnderGbp: -70 },
      { line: null, label: 'Not in the plan’s budget', plannedGbp: 0, spentGbp: 120.5, overUnderGbp: 120.5 }
    ]);
    expect(m.spentGbp).toBe(370.5);
    // A line the budget no longer has counts as not planned; nothing is lost from the total.
    r.activities[1] = { ...r.activities[1], costs: [{ line: 5, gbp: 120.5 }] };
    expect(monitor(p, r).byBudgetLine.map((l) => [l.label, l.spentGbp])).toEqual([
      ['Contribution to a VCSE organisation for a focus group', 220],
      ['Easy read leaflets', 30],
      ['Not in the plan’s budget', 120.5]
    ]);
    r.activities = r.activities.map((a) => ({ ...a, costs: [], costGbp: 0 }));
    expect(monitor(p, r).byBudgetLine.map((l) => l.line)).toEqual([0, 1]);
  });

  it('an activity’s costs against the budget lines must add up to its cost, one amount a line', () => {
    const a = deliveredRecord().activities[0];
    const off = validate(activitySchema, { ...a, costGbp: 250, costs: [{ line: 0, gbp: 200 }] });
    expect(off.ok ? [] : off.problems.map((p) => [p.path, p.key])).toEqual([['costGbp', 'after.cost.linesDoNotAddUp']]);
    const twice = validate(activitySchema, {
      ...a,
      costGbp: 250,
      costs: [
        { line: 0, gbp: 200 },
        { line: 0, gbp: 50 }
      ]
    });
    expect(twice.ok ? [] : twice.problems.map((p) => p.key)).toEqual(['after.cost.lineTwice']);
    expect(
      validate(activitySchema, {
        ...a,
        costGbp: 250.1,
        costs: [
          { line: 0, gbp: 200.05 },
          { line: null, gbp: 50.05 }
        ]
      }).ok
    ).toBe(true);
  });

  it('an activity kept before audiences and cost lines were recorded still reads, with neither', () => {
    const old: Record<string, unknown> = { ...deliveredRecord().activities[0] };
    delete old.audiences;
    delete old.costs;
    expect(activitySchema.parse(old)).toMatchObject({ audiences: [], costs: [], audience: '' });
  });

  it('names the audiences the plan set out to engage that no activity has been for yet', () => {
    const p = plan();
    p.content.methods = [
      { method: 'focus-group', audience: 'Night-time users of the unit', notes: '' },
      { method: 'survey', audience: 'people who use the unit at night ', notes: '' }
    ];
    p.content.communications.audiences = [...p.content.communications.audiences, { audience: 'Carers', keyMessages: '', tactics: '' }];
    const r = deliveredRecord();
    // The first activity was for the communications plan's first audience, picked from the plan.
    expect(monitor(p, r).audiencesNotReached).toEqual(['Carers', 'Night-time users of the unit']);
    // An activity whose "anyone else" words name an audience counts for it too, whatever the capitals.
    r.activities[1] = { ...r.activities[1], audience: 'carers' };
    expect(monitor(p, r).audiencesNotReached).toEqual(['Night-time users of the unit']);
  });

  it('a group the plan does not expect to reach is not a gap', () => {
    const p = plan();
    p.content.equality.considerations = p.content.equality.considerations.map((c) => ({
      ...c,
      likelyImpact: 'neutral',
      howWeWillReachThem: ''
    }));
    expect(monitor(p, deliveredRecord()).notHeardFrom).toEqual([]);
  });

  it('participants are counted, never recorded one by one: a group count above the people who took part is refused', () => {
    const a = { ...deliveredRecord().activities[0], reached: { age: 41 } };
    const result = validate(activitySchema, a);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: 'reached.age', key: 'after.activity.reachedAboveParticipants' });
    expect(Object.keys(activitySchema.parse(deliveredRecord().activities[0]))).not.toContain('names');
  });

  it('an activity needs a title, a real date and an end on or after its start', () => {
    const bad = { ...deliveredRecord().activities[0], title: ' ', start: '2027-02-30', end: '2027-02-01' };
    const result = validate(activitySchema, bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.key)).toEqual(['after.activity.title.required', 'after.activity.start.required']);
    const backwards = validate(activitySchema, { ...deliveredRecord().activities[0], end: '2027-02-01' });
    expect(backwards.ok ? [] : backwards.problems.map((p) => p.key)).toEqual(['after.activity.endBeforeStart']);
  });
});

describe('step 8: analysis, the report and retention (LSC, PC)', () => {
  it(`the record of responses is kept five years after the plan closes (${LSC}, ${PC})`, () => {
    seedSays(LSC, 'A record must be kept of responses and feedback received (and retained for five years).');
    seedSays(PC, 'A record must be kept of responses and feedback received (and retained for five years).');
    expect(retentionDate('2027-07-05')).toBe('2032-07-05');
    expect(retentionDate('2028-02-29T10:00:00Z')).toBe('2033-03-01');
  });

  it(`the report makes clear the six things LSC lists, and what will or will not change (${LSC})`, () => {
    seedSays(LSC, 'A report should be prepared outlining the analysis of engagement insight. It should make clear:');
    for (const [i, part] of REPORT_PARTS.slice(0, 6).entries()) seedSays(LSC, `${i + 1}. ${part.heading}`);
    seedSays(LSC, 'identifying what will or will not change because of the engagement findings. This too, should be recorded.');
    expect(REPORT_PARTS.map((p) => p.id)).toEqual([
      'dates',
      'activities',
      'participants',
      'themes',
      'recommendations',
      'nextSteps',
      'changes'
    ]);
    expect(missingReportParts(plan('reporting'), completeRecord())).toEqual([]);
    expect(missingReportParts(plan('reporting'), deliveredRecord())).toEqual(['themes', 'recommendations', 'nextSteps', 'changes']);
    expect(missingReportParts(plan('reporting'), emptyRecordContent())).toEqual(REPORT_PARTS.map((p) => p.id));
  });

  it(`the report is due 12 weeks (a setting) after the engagement closes, or a brief explanation is published (${TRUST})`, () => {
    seedSays(
      TRUST,
      'The final report should usually be published within 12 weeks of the consultation closing. Where it is not published within 12 weeks, the Trust should publish a brief explanation for the delay.'
    );
    const r = deliveredRecord();
    expect(DEFAULT_SETTINGS.reportDueWeeksAfterClose).toBe(12);
    expect(reportDueDate(r, 12)).toBe('2027-06-20');
    expect(reportTimeliness(r, 12, '2027-06-13')).toEqual({ state: 'due', due: '2027-06-20', daysLeft: 7 });
    expect(reportTimeliness(r, 12, '2027-06-21')).toEqual({ state: 'late', due: '2027-06-20', explained: false });
    r.report.delayExplanation = 'The board meeting moved to July.';
    expect(reportTimeliness(r, 12, '2027-06-21')).toEqual({ state: 'late', due: '2027-06-20', explained: true });
    r.report.publishedOn = '2027-07-01';
    expect(reportTimeliness(r, 12, '2027-07-02')).toEqual({ state: 'published', due: '2027-06-20', onTime: false });
    expect(reportTimeliness(emptyRecordContent(), 12, '2027-07-02')).toEqual({ state: 'notDue' });
  });

  it(`a finding that will not change says why (${LSC} step 9)`, () => {
    seedSays(LSC, 'We must tell people what happened because of their participation in engagement:');
    seedSays(LSC, 'What could not change, and why?');
    const line = { ...completeRecord().trace[1], because: ' ' };
    const result = validate(traceSchema, line);
    expect(result.ok ? [] : result.problems.map((p) => p.key)).toEqual(['after.trace.whyNot.required']);
  });

  it('each of the plan\'s "decisions this engagement informs" with no finding shows as a gap', () => {
    const p = plan('reporting');
    p.content.objectives.decisions = ['Whether to close the unit between midnight and 8am', 'What transport to offer'];
    expect(objectiveGaps(p, completeRecord())).toEqual([{ index: 1, text: 'What transport to offer' }]);
  });

  it('quotes are stored without email addresses or phone numbers', () => {
    const theme = completeRecord().themes[0];
    expect(validate(themeSchema, { ...theme, quotes: ['Ring me on 0191 123 4567'] }).ok).toBe(false);
    expect(validate(themeSchema, { ...theme, quotes: ['Email me at a.person@example.com'] }).ok).toBe(false);
    expect(validate(themeSchema, theme).ok).toBe(true);
  });
});

describe('step 9: "you said, we did" and feedback (LSC, NENC)', () => {
  it(`the feedback channels are NENC's list, word for word (${NENC})`, () => {
    seedSays(NENC, 'There are many ways to feedback.');
    for (const channel of FEEDBACK_CHANNEL_OPTIONS) seedSays(NENC, channel.name);
    expect(FEEDBACK_CHANNEL_OPTIONS.map((c) => c.name)).toContain('Online – ‘You said, we did’ feedback page');
    expect(FEEDBACK_CHANNEL_OPTIONS.map((c) => c.name)).toContain('Letters or emails to participants');
  });

  it(`estimates a reading age and flags long sentences and jargon (${LSC}: "aim for a 10-year-old literacy level")`, () => {
    seedSays(LSC, 'avoid the use of jargon and corporate-speak; aim for a 10-year-old literacy level');
    const plain = checkReadability(completeRecord().feedback.summary);
    expect(plain.readingAge).not.toBeNull();
    expect(plain.readingAge as number).toBeLessThanOrEqual(11);
    expect(plain.aboveTarget).toBe(false);
    expect(plain.longSentences).toEqual([]);
    const dense = checkReadability(
      'Following comprehensive stakeholder engagement, the integrated care board has determined that the reconfiguration of overnight urgent care provision will be implemented, utilising alternative transportation arrangements and facilitating improved pathway integration for service users across the locality.'
    );
    expect(dense.aboveTarget).toBe(true);
    expect(dense.longSentences).toHaveLength(1);
    expect(dense.longSentences[0].words).toBeGreaterThan(25);
    expect(dense.jargon.map((j) => j.term)).toEqual(['stakeholder', 'service users', 'pathway', 'integrated care board', 'engagement']);
    expect(dense.jargon.find((j) => j.term === 'service users')?.instead).toBe('people who use the service');
    expect(checkReadability('Too short.').readingAge).toBeNull();
  });
});

describe('evaluation (NENC questions; SUF outputs and outcomes)', () => {
  it(`asks NENC's five questions word for word (${NENC})`, () => {
    seedSays(NENC, 'Look at the aims and objectives you set at the start of the engagement and ask yourself the following questions:');
    for (const q of EVALUATION_QUESTION_TEXTS) seedSays(NENC, q);
  });

  it(`works out SUF's outputs: people reached, from priority groups, share of suggestions actioned (${SUF})`, () => {
    seedSays(SUF, '60% of suggestions from feedback activities have been investigated or actioned.');
    seedSays(SUF, "'X' amount of services have successfully been co-produced.");
    seedSays(SUF, '-Members of the community report they feel they have an influence.');
    expect(outputsAndOutcomes(plan('reporting'), completeRecord())).toEqual({
      peopleReached: 150,
      priorityGroupReached: 76,
      suggestionsActionedPercent: 60,
      servicesCoProduced: 0,
      ratings: { informed: 80, heard: 70, influence: null }
    });
  });
});

describe('status moves after acceptance, guarded by the record', () => {
  const team = {
    role: 'involvementTeam' as const,
    involvementLeadAssigned: true,
    levelConfirmed: true,
    scopingMeetingBooked: true,
    comment: 'x'
  };

  it('moving to reporting needs activities with participants and the date engagement closed', () => {
    expect(gapsBeforeReporting(emptyRecordContent()).map((g) => g.id)).toEqual(['activities', 'engagementClosed']);
    expect(gapsBeforeReporting(deliveredRecord())).toEqual([]);
    expect(checkTransition('inDelivery', 'reporting', team)).toEqual({ allowed: false, reason: 'transition.needsDeliveryRecord' });
    expect(checkTransition('inDelivery', 'reporting', { ...team, record: { readyForReporting: true, readyToClose: false } })).toMatchObject(
      { allowed: true }
    );
  });

  it('closing needs the report, "you said, we did" published (or a reason) and the evaluation, and says what is missing', () => {
    expect(gapsBeforeClosing(plan('reporting'), completeRecord())).toEqual([]);
    const r = completeRecord();
    r.feedback.publishedOn = '';
    r.evaluation.answers[4] = '';
    expect(gapsBeforeClosing(plan('reporting'), r).map((g) => g.text)).toEqual([
      'Enter the date "you said, we did" was published, or say why it was not.',
      'Answer the evaluation question: "What did we learn and have we fed back to those involved?"'
    ]);
    r.feedback.notPublishedReason = 'Shared by letter only: the service has no public web page.';
    expect(gapsBeforeClosing(plan('reporting'), r).map((g) => g.id)).toEqual(['evaluation.4']);
    expect(checkTransition('reporting', 'closed', { ...team, record: { readyForReporting: true, readyToClose: false } })).toEqual({
      allowed: false,
      reason: 'transition.needsClosingRecord'
    });
  });
});

describe('the team closes a plan: sign-off first, once, then the status', () => {
  const jo: CurrentUser = { id: 4, displayName: 'Jo Bennett (Sample)', email: 'jo@x', isSiteOwner: false, isInvolvementTeam: true };
  function ports(content: EngagementRecordContent | undefined) {
    const signOffs: SignOff[] = [];
    const moves: Array<{ to: PlanStatus; comment: string }> = [];
    const record: EngagementRecord | undefined = content && {
      id: 1,
      version: '"1"',
      planId: 7,
      content,
      modified: '',
      modifiedBy: ''
    };
    let started = 0;
    let failStatus = false;
    let status: PlanStatus = 'accepted';
    const decisions: TeamDecision[] = [];
    /** The plan as the team left it: accepted (and moved on to `to`) by the team's decisions. */
    const at = (to: PlanStatus): StoredPlan => {
      status = to;
      const base = plan(to);
      const path: PlanStatus[] = ['accepted', 'inDelivery', 'reporting', 'closed'];
      for (const [i, s] of path.slice(0, path.indexOf(to) + 1).entries())
        decisions.push({
          id: i + 1,
          planId: 7,
          seq: i + 1,
          requestId: `seed-${i}`,
          kind: 'status',
          from: i === 0 ? 'submitted' : path[i - 1],
          to: s,
          submission: 1,
          submissionKey: 'plan-7-submission-1-k',
          involvementLead: base.involvementLead,
          confirmedLevel: base.content.level.chosen,
          scopingMeeting: null,
          comment: '',
          author: jo,
          created: '2027-01-01T10:00:00Z'
        });
      return base;
    };
    return {
      at,
      signOffs,
      moves,
      started: () => started,
      failNextStatus: () => (failStatus = true),
      ports: {
        records: {
          forPlan: async () => record,
          start: async () => {
            started += 1;
            return record as EngagementRecord;
          },
          save: async () => record as EngagementRecord,
          listForPeriod: async () => ({ summaries: [], unreadable: [] }),
          changes: async () => []
        },
        signOffs: {
          forPlan: async () => signOffs,
          add: async (planId: number, snapshot: EngagementRecordContent, comment: string, requestId: string) => {
            const found = signOffs.find((s) => String(s.id) === requestId);
            if (found) return found;
            const s = { id: Number(requestId), planId, snapshot, comment, by: jo, at: '2027-07-06T10:00:00Z' };
            signOffs.push(s);
            return s;
          }
        },
        // The team's decisions in memory: the plan's status is the last one counted (as "Plan decisions" holds them).
        workflow: {
          record: async (planId: number): Promise<PlanRecord> => {
            const stored = plan(status);
            const claims = {
              planId,
              createdBy: stored.projectLead!,
              projectLead: stored.projectLead,
              status,
              statusText: status,
              submission: 1,
              submissionKey: 'plan-7-submission-1-k',
              involvementLead: stored.involvementLead,
              scopingMeetingAt: null,
              confirmedLevel: stored.content.level.chosen
            };
            const process = verifyProcess(claims, decisions, [], UNKNOWN_ROSTER);
            return { plan: verifiedPlan(stored, process), claims, process, roster: UNKNOWN_ROSTER, outbox: [] };
          },
          decide: async (d: NewDecision) => {
            if (failStatus) {
              failStatus = false;
              throw new Error('network lost');
            }
            if (decisions.some((x) => x.requestId === d.requestId)) return;
            decisions.push({ ...d, id: decisions.length + 1, author: jo, created: '2027-07-06T10:00:00Z' });
            moves.push({ to: d.to, comment: d.comment });
          },
          mirror: async () => undefined,
          submit: async () => {
            throw new Error('not used');
          },
          recordSubmission: async () => undefined
        }
      }
    };
  }
  const options = { reportDueWeeks: 12, today: '2027-07-06' };

  it('starting delivery leaves the record to the project lead (leads edit only what they create); a lead cannot move the plan on', async () => {
    const t = ports(undefined);
    const accepted = t.at('accepted');
    await applyAfterEngagementAction(t.ports, accepted, { kind: 'startDelivery', comment: '' }, jo, options);
    expect(t.started()).toBe(0);
    expect(t.moves).toEqual([{ to: 'inDelivery', comment: '' }]);
    expect((await t.ports.workflow.record(7)).plan.status).toBe('inDelivery');
    await expect(
      applyAfterEngagementAction(t.ports, accepted, { kind: 'startDelivery', comment: '' }, { ...jo, isInvolvementTeam: false }, options)
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('refuses to close an incomplete record, naming the rule', async () => {
    const t = ports(deliveredRecord());
    await expect(
      applyAfterEngagementAction(t.ports, t.at('reporting'), { kind: 'close', comment: '', requestId: '1' }, jo, options)
    ).rejects.toMatchObject({ kind: 'invalidRequest', detail: 'transition.needsClosingRecord' });
    expect(t.signOffs).toEqual([]);
  });

  it('a close cut off after the sign-off is finished by trying again, without a second sign-off', async () => {
    const t = ports(completeRecord());
    t.failNextStatus();
    const close = { kind: 'close' as const, comment: 'Well done.', requestId: '99' };
    const reporting = t.at('reporting');
    await expect(applyAfterEngagementAction(t.ports, reporting, close, jo, options)).rejects.toThrow('network lost');
    const closed = await applyAfterEngagementAction(t.ports, reporting, close, jo, options);
    expect(closed.status).toBe('closed');
    expect(t.signOffs).toHaveLength(1);
    expect(t.moves[0].comment).toBe(
      'Report published 2027-05-10. "You said, we did" published 2027-07-05. Evaluation questions answered; signed off by the involvement team. Well done.'
    );
  });

  it("a lead's edit after closing is not the team's: readers see what was signed off, marked as changed since", () => {
    const signed = completeRecord();
    const signOff: SignOff = { id: 1, planId: 7, snapshot: signed, comment: '', by: jo, at: '2027-07-06T10:00:00Z' };
    const edited = completeRecord();
    edited.feedback.summary = 'Something else.';
    const record: EngagementRecord = { id: 1, version: '"2"', planId: 7, content: edited, modified: '', modifiedBy: '' };
    expect(signOffState([signOff], completeRecord()).state).toBe('signedOff');
    expect(signOffState([signOff], edited).state).toBe('changedSince');
    expect(signOffState([], edited).state).toBe('notSignedOff');
    expect(trustedRecord('closed', record, [signOff])).toEqual(signed);
    expect(trustedRecord('reporting', record, [signOff])).toEqual(edited);
  });
});

describe('the annual report across plans', () => {
  it(`rolls up a financial year, April to March (${LSC}: "report on how they meet it in their annual reports")`, () => {
    seedSays(LSC, 'report on how they meet it in their annual reports.');
    expect(financialYear(2026)).toEqual({ from: '2026-04-01', to: '2027-03-31', label: 'April 2026 to March 2027' });
    expect(financialYearOf('2027-03-31')).toBe(2026);
    expect(financialYearOf('2027-04-01')).toBe(2027);
    const counts = Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as Record<PlanStatus, number>;
    counts.closed = 1;
    counts.inDelivery = 2;
    const closed = recordSummary(plan('closed'), completeRecord(), 12);
    const late = {
      ...recordSummary({ ...plan('reporting'), id: 8 }, deliveredRecord(), 12),
      formalConsultation: true,
      planTitle: '=cmd|calc'
    };
    const nextYear = { ...closed, planId: 9, periodEnd: '2027-04-02' };
    const report = buildAnnualReport(financialYear(2026), [closed, late, nextYear], counts, '2027-07-01');
    expect(report.plans).toBe(2);
    expect(report.participants).toBe(300);
    expect(report.byLevel).toEqual([{ key: 'involve', label: expect.any(String), count: 2 }]);
    expect(report.byRoute.map((r) => [r.label, r.count])).toEqual([
      ['Engagement without formal consultation', 1],
      ['Formal consultation', 1]
    ]);
    expect(report.formalConsultations).toEqual({ total: 1, reportOnTime: 0, reportLate: 1, lateExplained: 0, reportNotYetDue: 0 });
    expect(report.youSaidWeDidPublished).toBe(1);
    expect(report.notHeardFrom.map((g) => g.group)).toContain('homeless');
    expect(report.coverage.find((g) => g.group === 'age')).toMatchObject({ reached: 84, plansPlanned: 2, plansNotReached: 0 });
    expect(report.highlights).toEqual([
      {
        planId: 7,
        planTitle: plan().content.project.title,
        said: 'Getting there at night',
        did: 'A free taxi to the emergency department from midnight to 8am.'
      }
    ]);
    expect(report.byStatus.find((s) => s.key === 'inDelivery')?.count).toBe(2);
    const csv = annualReportCsv(report);
    expect(csv.split('\r\n')[0]).toContain('"Reached: Age"');
    expect(csv).toContain(`"'=cmd|calc"`);
    expect(csv.trim().split('\r\n')).toHaveLength(3);
  });
});

it('an empty record is valid and every citation the module names exists', () => {
  expect(engagementRecordContentSchema.safeParse(emptyRecordContent()).success).toBe(true);
  expect(CITATIONS.lscWhatCouldNotChange.quote).toBe('What could not change, and why?');
});
