import {
  allEqualityGroups,
  DEFAULT_SETTINGS,
  emptyPlanContent,
  emptyStakeholderFields,
  INEQUALITY_GROUP_IDS,
  PROTECTED_CHARACTERISTIC_IDS,
  proposeTimelineForPlan,
  TRIAGE_QUESTIONS,
  type PlanContent,
  type StakeholderFields
} from '../../src/domain';

/** A realistic, complete plan: closing a minor injuries unit overnight (sample data). */
export function completePlanContent(): PlanContent {
  const content = emptyPlanContent();
  content.project = {
    title: 'Overnight opening of Riverside minor injuries unit',
    currentService: 'The minor injuries unit is open 24 hours. Few people use it between midnight and 8am.',
    focus: 'How closing overnight would affect people, and what would help them.',
    existingInsight: 'Attendance data 2024 to 2025; 2023 patient survey.',
    insightLinks: [{ title: 'Attendance data', url: 'https://intranet.example.nhs.uk/miu-data' }],
    inScope: 'Opening hours of the unit.',
    outOfScope: 'The emergency department.',
    systemLevel: 'place',
    placeName: 'Riverside',
    organisation: 'Sample ICB',
    clinicalLead: 'Dr Sample Clinician',
    decisionDate: '2027-06-30',
    decisionBody: 'ICB board'
  };
  content.objectives = {
    whatWeWantToUnderstand: 'Who uses the unit overnight and why.',
    decisions: ['Whether to close the unit between midnight and 8am'],
    whoIsAffected: 'People living in Riverside, night workers, carers.'
  };
  return content;
}

/** A plan with every required part filled in: it passes the readiness checklist (sample data). */
export function readyPlanContent(): PlanContent {
  const content = completePlanContent();
  for (const q of TRIAGE_QUESTIONS) content.triage[q] = 'no';
  content.triage.changesWhatWhereOrHow = 'yes';
  content.triage.contribution = 'shapeOptions';
  content.triage.stage = 'developingOptions';
  content.triage.reach = 'many';
  content.triage.resources = 'agreed';
  content.level = { recommended: 'involve', chosen: 'involve', reasonForDifferentLevel: '', confirmedByTeam: false };
  content.timeline = proposeTimelineForPlan(content, DEFAULT_SETTINGS, '2026-01-01').steps;
  content.methods = [{ method: 'focus-group', audience: 'Night-time users of the unit', notes: '' }];
  content.budget = [{ item: 'vcse-focus-group', description: 'VCSE focus groups', unitCostGbp: 200, quantity: 3 }];
  content.equality = {
    considerations: allEqualityGroups([]).map((c) => ({
      ...c,
      likelyImpact: 'unknown' as const,
      howWeWillReachThem: 'Through community partners.'
    })),
    eiaStatus: 'inProgress',
    eiaLink: ''
  };
  content.communications.smartObjective = 'Hear from 200 people who use the unit at night by 30 April 2027.';
  content.communications.audiences = [
    {
      audience: 'People who use the unit at night',
      keyMessages: 'No decision has been made. Tell us what you need.',
      tactics: 'Posters in the unit; focus groups.'
    }
  ];
  content.communications.kpis = [
    { kpi: 'People who use the unit at night who took part', desiredOutcome: 'At least 200, including carers and night workers.' }
  ];
  content.communications.governance = { whoLeads: 'Head of urgent care (sample)', whoApproves: 'ICB board (sample)' };
  // Every group the map below does not reach has a note on what the lead will do.
  content.stakeholderMap = {
    gapNotes: Object.fromEntries(
      [...PROTECTED_CHARACTERISTIC_IDS, ...INEQUALITY_GROUP_IDS]
        .filter((g) => g !== 'carers')
        .map((g) => [g, "Through the VCSE alliance's community partners."])
    )
  };
  return content;
}

/** A stakeholder map that, with {@link readyPlanContent}, passes the readiness checklist (sample data). */
export function readyStakeholders(): StakeholderFields[] {
  return [
    {
      ...emptyStakeholderFields(),
      name: 'Sample Riverside Carers Network',
      catalogueEntry: 'carers',
      quadrant: 'manageClosely',
      reaches: ['carers'],
      methods: ['focus-group'],
      owner: 'Project lead'
    },
    {
      ...emptyStakeholderFields(),
      name: 'Sample Healthwatch Riverside',
      kind: 'organisation',
      catalogueEntry: 'healthwatch',
      quadrant: 'keepSatisfied',
      methods: ['interview']
    },
    {
      ...emptyStakeholderFields(),
      name: 'Sample Riverside Council health scrutiny committee',
      kind: 'organisation',
      catalogueEntry: 'hosc',
      quadrant: 'keepSatisfied',
      methods: ['interview']
    }
  ];
}
