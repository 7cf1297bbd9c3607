import {
  addWeeks,
  bankHolidays,
  DEFAULT_SETTINGS,
  daysBetween,
  englandBankHolidays,
  holidayOverlaps,
  monthsBetween,
  proposeTimelineForPlan,
  PROPOSAL_WEEKS,
  guideStep,
  stepSkipRule,
  timelineWarningsForPlan,
  type ConsultationTriage,
  type InvolvementSettings,
  type PlanContent,
  type PlannedStep
} from '../../src/domain';
import { completePlanContent } from './fixtures';
import { answered, LSC, NENC, PC, seedSays, TRUST, unanswered } from './seeds';

const TODAY = '2026-11-23';

const plan = (triage: ConsultationTriage, decisionDate = '2028-06-30', chosen: PlanContent['level']['chosen'] = null): PlanContent => {
  const content = completePlanContent();
  content.triage = triage;
  content.project.decisionDate = decisionDate;
  content.level.chosen = chosen;
  return content;
};
const withProposal = (content: PlanContent, settings: InvolvementSettings = DEFAULT_SETTINGS): PlanContent => ({
  ...content,
  timeline: proposeTimelineForPlan(content, settings, TODAY).steps
});
const step = (steps: readonly PlannedStep[], id: string): PlannedStep | undefined => steps.find((s) => s.step === id);
const programmeMonths = (steps: readonly PlannedStep[], decision: string): number =>
  monthsBetween(
    steps
      .filter((s) => !s.skipped)
      .map((s) => s.start)
      .sort()[0],
    decision
  );

const FORMAL = answered({ serviceWithdrawn: 'yes', changesWhatWhereOrHow: 'yes', contribution: 'feedback' });
const ENGAGEMENT = answered({ changesWhatWhereOrHow: 'yes', contribution: 'shapeOptions' });
const URGENT = answered({
  urgent: 'yes',
  riskToSafetyOrWelfare: 'yes',
  temporaryOrPilot: 'yes',
  mayBecomePermanent: 'no',
  substantialVariation: 'yes'
});

describe('item 3: every proposal meets the minimum for its route', () => {
  it(`a formal consultation programme takes at least 9 months (${NENC})`, () => {
    seedSays(NENC, 'If planning for formal public consultation, please allow at least nine to 12 months.');
    const proposal = proposeTimelineForPlan(plan(FORMAL), DEFAULT_SETTINGS, TODAY);
    expect(proposal.route).toBe('formalConsultation');
    expect(proposal.minimumMonths).toBe(9);
    expect(programmeMonths(proposal.steps, '2028-06-30')).toBeGreaterThanOrEqual(9);
    expect(step(proposal.steps, '4c')?.skipped).toBe(false);
    expect(daysBetween(step(proposal.steps, '4e')?.start ?? '', step(proposal.steps, '4e')?.end ?? '')).toBeGreaterThanOrEqual(12 * 7);
  });

  it(`engagement without formal consultation takes at least 4 months (${NENC})`, () => {
    seedSays(
      NENC,
      'When planning to do engagement that does not require formal public consultation. Please allow at least four to six months.'
    );
    const proposal = proposeTimelineForPlan(plan(ENGAGEMENT), DEFAULT_SETTINGS, TODAY);
    expect(proposal.route).toBe('engagement');
    expect(programmeMonths(proposal.steps, '2028-06-30')).toBeGreaterThanOrEqual(4);
    expect(step(proposal.steps, '4c')).toMatchObject({ skipped: true, skipReason: expect.stringMatching(/No formal consultation/) });
  });

  it('follows the organisation: 12-month formal programmes and 8 weeks of planning when set', () => {
    const settings = { ...DEFAULT_SETTINGS, consultationProgrammeMinimumMonths: 12, planningLeadWeeks: 8 };
    const proposal = proposeTimelineForPlan(plan(FORMAL), settings, TODAY);
    expect(programmeMonths(proposal.steps, '2028-06-30')).toBeGreaterThanOrEqual(12);
    const first = step(proposal.steps, '1')?.start ?? '';
    expect(daysBetween(first, step(proposal.steps, '4c')?.start ?? '')).toBeGreaterThanOrEqual(8 * 7);
  });

  const decisions = ['2027-09-30', '2028-01-15', '2028-03-31', '2028-08-20', '2028-12-24', '2029-04-02'];
  const settingsVariants: Array<[string, InvolvementSettings]> = [
    ['defaults', DEFAULT_SETTINGS],
    [
      'the upper NENC figures',
      { ...DEFAULT_SETTINGS, planningLeadWeeks: 8, engagementMinimumMonths: 6, consultationProgrammeMinimumMonths: 12 }
    ],
    ['TRUST consultation weeks', { ...DEFAULT_SETTINGS, consultationMinimumWeeks: 2, proposedConsultationWeeks: 2 }],
    ['a long contentious consultation', { ...DEFAULT_SETTINGS, proposedConsultationWeeks: 16, reportDueWeeksAfterClose: 2 }],
    ['Scotland, no holiday periods', { ...DEFAULT_SETTINGS, bankHolidayRegion: 'scotland', holidayPeriods: [] }],
    ['the PC ladder', { ...DEFAULT_SETTINGS, ladderShown: 'PC' }]
  ];
  const scenarios: Array<[string, ConsultationTriage]> = [
    ['formal', FORMAL],
    ['formal, possible', answered({ substantialVariation: 'unsure', contribution: 'coDesign' })],
    ['engagement at Inform', answered()],
    ['engagement at Involve', ENGAGEMENT],
    ['engagement at Collaborate', answered({ contribution: 'coDesign' })],
    ['urgent', URGENT]
  ];
  it.each(settingsVariants)('a proposal never triggers its own warnings when the decision date allows (%s)', (_name, settings) => {
    let checked = 0;
    for (const [, triage] of scenarios)
      for (const decision of decisions) {
        const content = plan(triage, decision);
        const proposal = proposeTimelineForPlan(content, settings, TODAY);
        if (!proposal.fitsBeforeDecision) continue;
        expect(timelineWarningsForPlan({ ...content, timeline: proposal.steps }, settings)).toEqual([]);
        checked += 1;
      }
    expect(checked).toBeGreaterThan(20);
  });

  it('when the decision date does not allow it, it says so and gives the earliest decision date', () => {
    const proposal = proposeTimelineForPlan(plan(FORMAL, '2027-03-31'), DEFAULT_SETTINGS, TODAY);
    expect(proposal.fitsBeforeDecision).toBe(false);
    expect(proposal.earliestDecisionDate && proposal.earliestDecisionDate > '2027-03-31').toBe(true);
    expect(proposal.notes.map((n) => n.text).join(' ')).toMatch(/before today\. The earliest decision date/);
    // The proposal itself still meets the minimum: the warning that follows is the truth about the date.
    expect(programmeMonths(proposal.steps, '2027-03-31')).toBeGreaterThanOrEqual(9);
  });

  it('makes no proposal until the decision date and the deciding answers are given', () => {
    expect(proposeTimelineForPlan(plan(FORMAL, ''), DEFAULT_SETTINGS, TODAY).steps).toEqual([]);
    const unknown = proposeTimelineForPlan(plan(unanswered()), DEFAULT_SETTINGS, TODAY);
    expect(unknown.steps).toEqual([]);
    expect(unknown.route).toBeNull();
    expect(unknown.notes[0].text).toMatch(/Answer the legal questions first/);
  });
});

describe("the proposal's own figures lie inside the guidance's ranges", () => {
  it.each([
    ['engagement', '7', PROPOSAL_WEEKS.engagement],
    ['promotion', '6', PROPOSAL_WEEKS.promotion],
    ['preConsultation', '4c', PROPOSAL_WEEKS.preConsultation],
    ['involvement', '4d', PROPOSAL_WEEKS.involvement],
    ['coProduction', '4d', PROPOSAL_WEEKS.coProduction],
    ['report', '8', PROPOSAL_WEEKS.report],
    ['feedback', '9', PROPOSAL_WEEKS.feedback]
  ] as const)('%s (step %s): %i weeks', (_name, id, weeks) => {
    const duration = guideStep(id).duration;
    expect(weeks).toBeGreaterThanOrEqual(duration?.minWeeks ?? 0);
    expect(weeks).toBeLessThanOrEqual(duration?.maxWeeks ?? Infinity);
  });

  it(`co-production is planned in months, not weeks (${LSC})`, () => {
    seedSays(LSC, 'Co-production takes time (months rather than weeks) and commitment from all involved.');
    expect(PROPOSAL_WEEKS.coProduction).toBeGreaterThanOrEqual(8);
  });
});

describe('item 2: pre-consultation cannot be skipped when formal consultation is likely or possible', () => {
  it(`the skip option is refused (${NENC}) and PC's rule applies only otherwise (${PC})`, () => {
    seedSays(NENC, 'you must carry out pre-engagement before planning for formal consultation');
    seedSays(PC, 'You may not need this step if:');
    seedSays(PC, 'The patient/public perspective is already clear, up-to-date, relevant, and supported by data/evidence.');
    expect(stepSkipRule('4c', plan(FORMAL))).toMatchObject({ mayBeSkipped: false, citation: 'nencPreEngagement' });
    expect(stepSkipRule('4c', plan(answered({ substantialVariation: 'unsure' })))).toMatchObject({ mayBeSkipped: false });
    expect(stepSkipRule('4c', plan(ENGAGEMENT))).toMatchObject({ mayBeSkipped: true, citation: 'pcSkip4c' });
  });

  it('the timeline warns when 4c is left out on the formal route', () => {
    const content = withProposal(plan(FORMAL));
    content.timeline = content.timeline.map((s) => (s.step === '4c' ? { ...s, skipped: true, skipReason: 'Already clear' } : s));
    const warning = timelineWarningsForPlan(content, DEFAULT_SETTINGS).find((w) => w.kind === 'preConsultationMissing');
    expect(warning).toMatchObject({ step: '4c', citation: 'nencPreEngagement' });
  });
});

describe('item 8: step 4d is planned for involvement too', () => {
  it(`"d) Involvement/co-production" (${LSC}) is planned at Involve, longer at Collaborate, and not at Inform or Consult`, () => {
    seedSays(LSC, 'd) Involvement/co-production');
    seedSays(LSC, 'Duration: 6 weeks to 6 months');
    const at = (chosen: PlanContent['level']['chosen']): PlannedStep | undefined =>
      step(proposeTimelineForPlan(plan(ENGAGEMENT, '2028-06-30', chosen), DEFAULT_SETTINGS, TODAY).steps, '4d');
    const involve = at('involve');
    expect(involve?.skipped).toBe(false);
    expect(daysBetween(involve?.start ?? '', involve?.end ?? '')).toBe(6 * 7);
    const collaborate = at('collaborate');
    expect(daysBetween(collaborate?.start ?? '', collaborate?.end ?? '')).toBe(12 * 7);
    expect(at('inform')).toMatchObject({ skipped: true, skipReason: expect.stringMatching(/The level is Inform/) });
    expect(at('consult')?.skipped).toBe(true);
  });
});

describe('item 5: an urgent change for safety has one answer on the timeline', () => {
  it(`no formal programme before the decision; equality work and steps 6 to 9 after; no programme minimum (${TRUST})`, () => {
    const proposal = proposeTimelineForPlan(plan(URGENT, '2027-01-20'), DEFAULT_SETTINGS, '2027-01-05');
    expect(proposal.route).toBe('urgentSafety');
    expect(proposal.minimumMonths).toBeNull();
    for (const id of ['4a', '4b', '4c', '4d', '4e'])
      expect(step(proposal.steps, id)).toMatchObject({ skipped: true, skipReason: expect.stringMatching(/^Urgent change for safety/) });
    expect(step(proposal.steps, '3')).toMatchObject({ skipped: false, end: '2027-01-20' });
    expect(step(proposal.steps, '6')?.start).toBe('2027-01-20');
    expect(proposal.notes.map((n) => n.text).join(' ')).toMatch(/record why there was no time to consult/);
    expect(timelineWarningsForPlan({ ...plan(URGENT, '2027-01-20'), timeline: proposal.steps }, DEFAULT_SETTINGS)).toEqual([]);
  });
});

describe('item 10: warnings read the settings, not fixed figures', () => {
  const short: PlannedStep[] = [
    { step: '1', start: '2027-01-04', end: '2027-01-11', skipped: false, skipReason: '' },
    { step: '7', start: '2027-02-01', end: '2027-03-15', skipped: false, skipReason: '' },
    { step: '8', start: '2027-03-15', end: '2027-03-29', skipped: false, skipReason: '' }
  ];

  it(`planning before speaking to people (${NENC}: "a minimum of 6-8 weeks")`, () => {
    seedSays(
      NENC,
      'NB: you need a minimum of 6-8 weeks before you start to speak to people to properly plan and prepare engagement activity.'
    );
    const content = { ...plan(ENGAGEMENT, '2027-03-29'), timeline: short };
    const text = (weeks: number): string | undefined =>
      timelineWarningsForPlan(content, { ...DEFAULT_SETTINGS, planningLeadWeeks: weeks }).find((w) => w.kind === 'planningTooShort')?.text;
    expect(text(6)).toBe('There are 4 weeks of planning before you start speaking to people. Allow at least 6 weeks.');
    expect(text(8)).toBe('There are 4 weeks of planning before you start speaking to people. Allow at least 8 weeks.');
    expect(text(6)).not.toMatch(/to 8/);
  });

  it('the programme minimum, for each route', () => {
    const engagement = { ...plan(ENGAGEMENT, '2027-03-29'), timeline: short };
    const w = (content: PlanContent, settings: InvolvementSettings): string | undefined =>
      timelineWarningsForPlan(content, settings).find((x) => x.kind === 'programmeTooShort')?.text;
    expect(w(engagement, { ...DEFAULT_SETTINGS, engagementMinimumMonths: 5 })).toBe(
      'The whole programme runs about 2.8 months. Engagement without formal consultation needs at least 5 months.'
    );
    const formal = { ...plan(FORMAL, '2027-03-29'), timeline: short };
    expect(w(formal, { ...DEFAULT_SETTINGS, consultationProgrammeMinimumMonths: 10 })).toBe(
      'The whole programme runs about 2.8 months. Formal public consultation needs at least 10 months.'
    );
    expect(timelineWarningsForPlan(formal, DEFAULT_SETTINGS).find((x) => x.kind === 'programmeTooShort')?.setting).toBe(
      'consultationProgrammeMinimumMonths'
    );
  });

  it(`the consultation's length and the report deadline (${TRUST})`, () => {
    seedSays(
      TRUST,
      'The final report should usually be published within 12 weeks of the consultation closing. Where it is not published within 12 weeks, the Trust should publish a brief explanation for the delay.'
    );
    const steps: PlannedStep[] = [
      { step: '4e', start: '2027-05-03', end: '2027-05-24', skipped: false, skipReason: '' },
      { step: '8', start: '2027-07-01', end: '2027-07-10', skipped: false, skipReason: '' }
    ];
    const content = { ...plan(FORMAL, '2027-07-10'), timeline: steps };
    const warnings = timelineWarningsForPlan(content, { ...DEFAULT_SETTINGS, consultationMinimumWeeks: 6, reportDueWeeksAfterClose: 6 });
    expect(warnings.find((w) => w.kind === 'stepTooShort')?.text).toBe(
      "Step 4e (Wider consultation or engagement) lasts 3 weeks. Your organisation's shortest consultation is 6 weeks."
    );
    expect(warnings.find((w) => w.kind === 'reportLate')?.text).toBe(
      'The report comes 6.7 weeks after the consultation closes. Publish it within 6 weeks, or publish why not.'
    );
    expect(timelineWarningsForPlan(content, DEFAULT_SETTINGS).find((w) => w.kind === 'reportLate')).toBeUndefined();
  });

  it(`step minimums quote the guidance (${LSC}: "Duration: Minimum of 4 weeks – 12 weeks")`, () => {
    seedSays(LSC, 'Duration: Minimum of 4 weeks – 12 weeks (potentially longer for co-production, collaboration, and co-design)');
    const steps: PlannedStep[] = [{ step: '7', start: '2027-01-04', end: '2027-01-25', skipped: false, skipReason: '' }];
    expect(timelineWarningsForPlan({ ...plan(ENGAGEMENT), timeline: steps }, DEFAULT_SETTINGS)).toContainEqual(
      expect.objectContaining({
        kind: 'stepTooShort',
        step: '7',
        text: 'Step 7 (Do the engagement) lasts 3 weeks. The guidance says at least 4 weeks.'
      })
    );
  });
});

describe('holidays (TRUST) and bank holidays (a setting)', () => {
  it(`a consultation over a holiday period is lengthened by the proposal and warned about when entered short (${TRUST})`, () => {
    seedSays(
      TRUST,
      'where the consultation spans all or part of a holiday period policy makers should consider what if any impact there may be and take appropriate mitigating action.'
    );
    const content = plan(FORMAL, '2028-03-31');
    const proposal = proposeTimelineForPlan(content, DEFAULT_SETTINGS, TODAY);
    const consultation = step(proposal.steps, '4e');
    expect(holidayOverlaps(consultation?.start ?? '', consultation?.end ?? '').map((h) => h.name)).toContain('Christmas and New Year 2027');
    expect(daysBetween(consultation?.start ?? '', consultation?.end ?? '')).toBeGreaterThan(12 * 7);
    expect(proposal.notes.map((n) => n.text).join(' ')).toMatch(/days longer to make up for the holidays/);
    const entered: PlannedStep[] = [{ step: '4e', start: '2027-12-01', end: addWeeks('2027-12-01', 12), skipped: false, skipReason: '' }];
    expect(timelineWarningsForPlan({ ...content, timeline: entered }, DEFAULT_SETTINGS).find((w) => w.kind === 'holiday')?.text).toMatch(
      /^The consultation runs over Christmas and New Year 2027, Bank holiday 2028-01-03, leaving 9\.9 weeks outside holidays\./
    );
    // The organisation's own holiday periods are the ones checked.
    const none = { ...DEFAULT_SETTINGS, holidayPeriods: [], bankHolidayRegion: 'englandAndWales' as const };
    expect(timelineWarningsForPlan({ ...content, timeline: entered }, none).find((w) => w.kind === 'holiday')?.text).toMatch(
      /Bank holiday 2027-12-27/
    );
  });

  it('computes England and Wales 2027 and 2026 by the standing rules', () => {
    expect(englandBankHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28'
    ]);
    expect(englandBankHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28'
    ]);
  });

  it('computes Scotland 2027 (2 January, first Monday in August, St Andrew’s Day) and Northern Ireland 2027', () => {
    expect(bankHolidays(2027, 'scotland')).toEqual([
      '2027-01-01',
      '2027-01-04',
      '2027-03-26',
      '2027-05-03',
      '2027-05-31',
      '2027-08-02',
      '2027-11-30',
      '2027-12-27',
      '2027-12-28'
    ]);
    expect(bankHolidays(2027, 'northernIreland')).toEqual(expect.arrayContaining(['2027-03-17', '2027-07-12', '2027-03-29']));
    expect(bankHolidays(2026, 'northernIreland')).toEqual(expect.arrayContaining(['2026-03-17', '2026-07-13']));
  });

  it('finds holiday periods across the new year and single bank holidays', () => {
    expect(holidayOverlaps('2026-12-01', '2027-01-10').map((h) => h.name)).toEqual(['Christmas and New Year 2026']);
    expect(holidayOverlaps('2027-05-01', '2027-05-10').map((h) => h.name)).toEqual(['Bank holiday 2027-05-03']);
    expect(holidayOverlaps('2027-11-29', '2027-12-01', { region: 'scotland', periods: [] }).map((h) => h.name)).toEqual([
      'Bank holiday 2027-11-30'
    ]);
  });
});
