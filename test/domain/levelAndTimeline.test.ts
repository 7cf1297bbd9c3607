import {
  addWeeks,
  checkReadiness,
  checkTimeline,
  DEFAULT_SETTINGS,
  emptyPlanContent,
  englandBankHolidays,
  holidayOverlaps,
  proposeTimeline,
  recommendLevel,
  type ConsultationTriage,
  type PlannedStep
} from '../../src/domain';
import { completePlanContent, readyPlanContent, readyStakeholders } from './fixtures';

const answers = (overrides: Partial<ConsultationTriage>): ConsultationTriage => {
  const t = emptyPlanContent().triage;
  for (const k of Object.keys(t) as Array<keyof ConsultationTriage>) t[k] = 'no';
  return { ...t, ...overrides };
};

describe('level recommendation (DOMAIN.md §4, TRUST factors, PC Appendix 1)', () => {
  it.each([
    ['a timetable or booking change', {}, 'inform'],
    ['a pathway redesign', { changesWhatWhereOrHow: 'yes' }, 'involve'],
    ['a large change to what, where or how', { changesWhatWhereOrHow: 'yes', largeOrComplex: 'yes' }, 'collaborate'],
    ['withdrawing a service', { serviceWithdrawn: 'yes', changesWhatWhereOrHow: 'yes', largeOrComplex: 'yes' }, 'consult'],
    ['a substantial variation', { substantialVariation: 'yes' }, 'consult'],
    ['a temporary pathway pilot', { changesWhatWhereOrHow: 'yes', temporaryOrPilot: 'yes' }, 'consult'],
    ['a sensitive minor change', { sensitive: 'yes' }, 'involve'],
    ['an urgent risk to safety', { urgent: 'yes', riskToSafetyOrWelfare: 'yes', serviceWithdrawn: 'yes' }, 'inform']
  ] as Array<[string, Partial<ConsultationTriage>, string]>)('%s → %s', (_name, triage, level) => {
    const result = recommendLevel(answers(triage));
    expect(result.level).toBe(level);
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it('tells the lead the local authority must still be told why after an urgent decision', () => {
    expect(recommendLevel(answers({ urgent: 'yes', riskToSafetyOrWelfare: 'yes' })).reasons[0].text).toMatch(/local authority, why/);
  });
});

describe('England and Wales bank holidays', () => {
  it('computes 2027 by the standing rules (Easter 28 March, Christmas on a Saturday)', () => {
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
  });
  it('computes 2026 (Easter 5 April, Boxing Day on a Saturday)', () => {
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
  it('finds Christmas and a bank holiday in a range', () => {
    expect(holidayOverlaps('2026-12-01', '2027-01-10').map((h) => h.name)).toEqual(['Christmas and New Year 2026']);
    expect(holidayOverlaps('2027-05-01', '2027-05-10').map((h) => h.name)).toEqual(['Bank holiday 2027-05-03']);
  });
});

describe('timeline (DOMAIN.md §3, NENC lead times, TRUST consultation rules)', () => {
  const inputs = { decisionDate: '2027-06-30', formalConsultation: false, level: 'involve' as const, settings: DEFAULT_SETTINGS };

  it('plans backward from the decision date so the report ends on it', () => {
    const steps = proposeTimeline(inputs);
    const s8 = steps.find((s) => s.step === '8');
    expect(s8).toMatchObject({ end: '2027-06-30', start: addWeeks('2027-06-30', -2) });
    expect(steps.find((s) => s.step === '9')?.start).toBe('2027-06-30');
    expect(steps.find((s) => s.step === '4c')).toMatchObject({
      skipped: true,
      skipReason: expect.stringMatching(/No formal consultation/)
    });
  });

  it('a proposed timeline for engagement meets every minimum and lead time', () => {
    expect(checkTimeline(proposeTimeline(inputs), inputs)).toEqual([]);
  });

  it('a proposed formal consultation timeline has pre-consultation and 12 weeks of consultation', () => {
    const formal = { ...inputs, formalConsultation: true, level: 'consult' as const, decisionDate: '2027-03-31' };
    const steps = proposeTimeline(formal);
    expect(steps.find((s) => s.step === '4c')?.skipped).toBe(false);
    const warnings = checkTimeline(steps, formal);
    // 12 weeks of consultation ending mid-March 2027 crosses Christmas: advice, not a block.
    expect(warnings.map((w) => w.kind)).toContain('holiday');
    expect(warnings.map((w) => w.kind)).toContain('programmeTooShort');
  });

  it('warns when a step is shorter than its minimum', () => {
    const steps: PlannedStep[] = [{ step: '7', start: '2027-01-04', end: '2027-01-25', skipped: false, skipReason: '' }];
    expect(checkTimeline(steps, inputs)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'stepTooShort',
          step: '7',
          text: 'Step 7 (Do the engagement) lasts 3 weeks. The guidance says at least 4 weeks.'
        })
      ])
    );
  });

  it('warns when planning before speaking to people is under 6 weeks', () => {
    const steps: PlannedStep[] = [
      { step: '1', start: '2027-01-04', end: '2027-01-11', skipped: false, skipReason: '' },
      { step: '7', start: '2027-02-01', end: '2027-03-15', skipped: false, skipReason: '' }
    ];
    expect(checkTimeline(steps, inputs).find((w) => w.kind === 'planningTooShort')?.text).toMatch(/4 weeks of planning/);
  });

  it('warns when the report comes more than 12 weeks after a consultation closes', () => {
    const steps: PlannedStep[] = [
      { step: '4e', start: '2027-01-11', end: '2027-02-22', skipped: false, skipReason: '' },
      { step: '8', start: '2027-05-03', end: '2027-06-01', skipped: false, skipReason: '' }
    ];
    expect(checkTimeline(steps, { ...inputs, formalConsultation: true }).map((w) => w.kind)).toContain('reportLate');
  });
});

describe('readiness checklist', () => {
  it('lists what an empty plan lacks, section by section, with plain messages', () => {
    const items = checkReadiness(emptyPlanContent(), []);
    expect(items.find((i) => i.field === 'project.decisionDate')?.text).toBe('Add the date the decision will be made.');
    expect(items.find((i) => i.field === 'objectives.decisions')?.text).toBe('Add at least one decision this engagement will inform.');
    expect(new Set(items.map((i) => i.section))).toEqual(
      new Set(['about', 'objectives', 'level', 'stakeholders', 'timeline', 'methods', 'equality', 'communications'])
    );
  });

  it('is empty for a plan with every required part filled in', () => {
    expect(checkReadiness(readyPlanContent(), readyStakeholders())).toEqual([]);
  });

  it('asks for a reason when the chosen level differs from the recommendation', () => {
    const content = completePlanContent();
    content.triage = answers({});
    content.level.chosen = 'collaborate';
    expect(checkReadiness(content, readyStakeholders()).map((i) => i.key)).toContain('plan.level.reasonRequired');
    content.level.reasonForDifferentLevel = 'Patients asked to co-design the new pathway.';
    expect(checkReadiness(content, readyStakeholders()).map((i) => i.key)).not.toContain('plan.level.reasonRequired');
  });
});
