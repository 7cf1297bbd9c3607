/**
 * Cases across the triage, written from the seeds, checking that the level, the legal card, the
 * timeline proposal and readiness agree with each other (issue 10).
 */
import {
  assessLegalDuties,
  checkPlanReadiness,
  DEFAULT_SETTINGS,
  LADDER_IDS,
  proposeTimelineForPlan,
  programmeRoute,
  rankOnLadder,
  recommendEngagementLevel,
  stepSkipRule,
  timelineWarningsForPlan,
  type ConsultationTriage,
  type EngagementLevel,
  type LegalLikelihood,
  type PlanContent,
  type ProgrammeRoute
} from '../../src/domain';
import { readyPlanContent, readyStakeholders } from './fixtures';
import { answered, unanswered } from './seeds';

const TODAY = '2026-11-23';

interface Case {
  readonly name: string;
  readonly triage: ConsultationTriage;
  readonly route: ProgrammeRoute | null;
  /** Recommended level on the TRUST and the PC ladder. */
  readonly level: Readonly<Record<'TRUST' | 'PC', EngagementLevel | null>>;
  readonly legal: readonly [LegalLikelihood, LegalLikelihood, LegalLikelihood];
}

const CASES: readonly Case[] = [
  {
    name: 'TRUST: a change to a service timetable or booking procedure, telling people',
    triage: answered(),
    route: 'engagement',
    level: { TRUST: 'inform', PC: 'inform' },
    legal: ['unlikely', 'unlikely', 'unlikely']
  },
  {
    name: 'PC: minor changes to booking procedures, asking people for their views',
    triage: answered({ contribution: 'feedback' }),
    route: 'engagement',
    level: { TRUST: 'consult', PC: 'involve' },
    legal: ['unlikely', 'unlikely', 'unlikely']
  },
  {
    name: 'TRUST: redesigning a patient pathway with the people who use it',
    triage: answered({ changesWhatWhereOrHow: 'yes', contribution: 'shapeOptions', reach: 'many' }),
    route: 'engagement',
    level: { TRUST: 'involve', PC: 'involve' },
    legal: ['unlikely', 'unlikely', 'unlikely']
  },
  {
    name: 'NENC: closing a minor injuries unit overnight (a service reduced)',
    triage: answered({ serviceWithdrawn: 'yes', changesWhatWhereOrHow: 'yes', contribution: 'feedback', reach: 'wide' }),
    route: 'formalConsultation',
    level: { TRUST: 'involve', PC: 'consult' },
    legal: ['likely', 'possible', 'possible']
  },
  {
    name: 'NENC and TRUST: moving outpatients to a new hub, a substantial variation with disruption',
    triage: answered({
      relocationWithDisruption: 'yes',
      substantialVariation: 'yes',
      changesWhatWhereOrHow: 'yes',
      contribution: 'feedback'
    }),
    route: 'formalConsultation',
    level: { TRUST: 'involve', PC: 'consult' },
    legal: ['likely', 'likely', 'likely']
  },
  {
    name: 'TRUST: a strategic reconfiguration of stroke services',
    triage: answered({ largeOrComplex: 'yes', changesWhatWhereOrHow: 'yes', contribution: 'information', reach: 'wide' }),
    route: 'formalConsultation',
    level: { TRUST: 'involve', PC: 'consult' },
    legal: ['likely', 'possible', 'possible']
  },
  {
    name: 'TRUST: not sure whether it is a substantial variation — discuss with the local authority',
    triage: answered({ substantialVariation: 'unsure', contribution: 'feedback' }),
    route: 'formalConsultation',
    level: { TRUST: 'consult', PC: 'consult' },
    legal: ['possible', 'possible', 'possible']
  },
  {
    name: 'NENC and PC: co-designing a young people’s mental health service',
    triage: answered({ changesWhatWhereOrHow: 'yes', contribution: 'coDesign', stage: 'caseForChange' }),
    route: 'engagement',
    level: { TRUST: 'collaborate', PC: 'collaborate' },
    legal: ['unlikely', 'unlikely', 'unlikely']
  },
  {
    name: 'TRUST: personal health budgets',
    triage: answered({ contribution: 'communityDecides' }),
    route: 'engagement',
    level: { TRUST: 'devolve', PC: 'devolve' },
    legal: ['unlikely', 'unlikely', 'unlikely']
  },
  {
    name: 'TRUST: a temporary pilot of an evening clinic',
    triage: answered({ changesWhatWhereOrHow: 'yes', temporaryOrPilot: 'yes', mayBecomePermanent: 'no', contribution: 'information' }),
    route: 'engagement',
    level: { TRUST: 'consult', PC: 'inform' },
    legal: ['unlikely', 'unlikely', 'unlikely']
  },
  {
    name: 'TRUST and NENC: a ward closed temporarily for safety, a substantial variation decided urgently',
    triage: answered({
      urgent: 'yes',
      riskToSafetyOrWelfare: 'yes',
      temporaryOrPilot: 'yes',
      mayBecomePermanent: 'no',
      substantialVariation: 'yes',
      serviceWithdrawn: 'yes',
      contribution: 'coDesign'
    }),
    route: 'urgentSafety',
    level: { TRUST: 'inform', PC: 'inform' },
    legal: ['unlikely', 'likely', 'unlikely']
  },
  {
    name: 'TRUST: urgent for safety, but the change may be kept',
    triage: answered({ urgent: 'yes', riskToSafetyOrWelfare: 'yes', substantialVariation: 'yes', temporaryOrPilot: 'no' }),
    route: 'urgentSafety',
    level: { TRUST: 'inform', PC: 'inform' },
    legal: ['unlikely', 'likely', 'possible']
  },
  {
    name: 'nothing answered yet',
    triage: unanswered(),
    route: null,
    level: { TRUST: null, PC: null },
    legal: ['unknown', 'unknown', 'unknown']
  }
];

/** A ready plan with the case's answers, the recommended level chosen, and the proposed timeline. */
function planFor(c: Case): PlanContent {
  const content = readyPlanContent();
  content.project.decisionDate = '2028-09-29';
  content.triage = c.triage;
  content.level = { ...content.level, chosen: c.level.TRUST, recommended: c.level.TRUST };
  content.timeline = proposeTimelineForPlan(content, DEFAULT_SETTINGS, TODAY).steps;
  return content;
}

describe.each(CASES)('$name', (c) => {
  const legal = assessLegalDuties(c.triage);

  it('gives the expected route, legal card and level on each ladder', () => {
    expect(programmeRoute(c.triage).route).toBe(c.route);
    expect([legal.formalConsultation.likelihood, legal.healthScrutiny.likelihood, legal.secretaryOfStateNotification.likelihood]).toEqual(
      c.legal
    );
    for (const ladder of LADDER_IDS) expect(recommendEngagementLevel(c.triage, ladder).level).toBe(c.level[ladder]);
  });

  it('the legal card agrees with itself: scrutiny is never unlikely when formal consultation may be needed, notification never outruns scrutiny', () => {
    const formal = legal.formalConsultation.likelihood;
    if (formal === 'likely' || formal === 'possible') expect(legal.healthScrutiny.likelihood).not.toBe('unlikely');
    if (legal.secretaryOfStateNotification.likelihood === 'likely') expect(legal.healthScrutiny.likelihood).toBe('likely');
    if (legal.healthScrutiny.likelihood === 'unlikely') expect(legal.secretaryOfStateNotification.likelihood).toBe('unlikely');
  });

  it('the level agrees with the legal route on every ladder', () => {
    for (const ladder of LADDER_IDS) {
      const advice = recommendEngagementLevel(c.triage, ladder);
      if (c.route === 'formalConsultation') {
        expect(advice.floor).toBe('consult');
        expect(rankOnLadder(advice.level ?? 'inform', ladder)).toBeGreaterThanOrEqual(rankOnLadder('consult', ladder));
      }
      // PC's consulting rung is the formal, legal process: recommended only on the formal route.
      if (ladder === 'PC' && advice.level === 'consult') expect(c.route).toBe('formalConsultation');
      if (c.route === 'urgentSafety') expect(advice.level).toBe('inform');
      if (c.route === null) expect(advice.level).toBeNull();
    }
  });

  it('the timeline proposal follows the route and level, and passes its own checks', () => {
    const content = planFor(c);
    const proposal = proposeTimelineForPlan(content, DEFAULT_SETTINGS, TODAY);
    if (c.route === null) {
      expect(proposal.steps).toEqual([]);
      return;
    }
    const s = (id: string) => proposal.steps.find((x) => x.step === id);
    expect(proposal.fitsBeforeDecision).toBe(true);
    expect(s('4c')?.skipped).toBe(c.route !== 'formalConsultation');
    expect(stepSkipRule('4c', content).mayBeSkipped).toBe(c.route !== 'formalConsultation');
    const involving = c.level.TRUST === 'involve' || c.level.TRUST === 'collaborate' || c.level.TRUST === 'devolve';
    expect(s('4d')?.skipped).toBe(c.route === 'urgentSafety' || !involving);
    if (c.route === 'urgentSafety') for (const id of ['4a', '4b', '4e']) expect(s(id)?.skipped).toBe(true);
    expect(timelineWarningsForPlan(content, DEFAULT_SETTINGS)).toEqual([]);
  });

  it('readiness agrees: the plan with the recommended level and the proposed timeline is ready', () => {
    const items = checkPlanReadiness(planFor(c), readyStakeholders(), DEFAULT_SETTINGS);
    if (c.route === null)
      expect(items.map((i) => i.key)).toEqual(
        expect.arrayContaining(['plan.triage.required', 'plan.level.required', 'plan.timeline.required'])
      );
    else expect(items).toEqual([]);
  });
});
