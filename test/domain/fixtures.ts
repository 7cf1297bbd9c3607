import { emptyPlanContent, type PlanContent } from '../../src/domain';

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
