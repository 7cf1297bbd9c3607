import { checkPlanReadiness, DEFAULT_SETTINGS, emptyPlanContent, proposeTimelineForPlan, type PlanContent } from '../../src/domain';
import { completePlanContent, readyPlanContent, readyStakeholders } from './fixtures';
import { answered, NENC, seedSays, TRUST } from './seeds';

const keys = (content: PlanContent, stakeholders = readyStakeholders()): string[] =>
  checkPlanReadiness(content, stakeholders, DEFAULT_SETTINGS).map((i) => i.key);

describe('readiness checklist', () => {
  it('is empty for a plan with every required part filled in', () => {
    expect(checkPlanReadiness(readyPlanContent(), readyStakeholders(), DEFAULT_SETTINGS)).toEqual([]);
  });

  it('lists what an empty plan lacks, section by section, with plain messages', () => {
    const items = checkPlanReadiness(emptyPlanContent(), [], DEFAULT_SETTINGS);
    expect(items.find((i) => i.field === 'project.decisionDate')?.text).toBe('Add the date the decision will be made.');
    expect(items.find((i) => i.field === 'objectives.decisions')?.text).toBe('Add at least one decision this engagement will inform.');
    expect(new Set(items.map((i) => i.section))).toEqual(
      new Set(['about', 'objectives', 'level', 'stakeholders', 'timeline', 'methods', 'equality', 'communications'])
    );
  });

  it(`item 9: budget, in and not in scope, evaluation and review (${NENC} "Things to consider in your plan")`, () => {
    seedSays(NENC, 'What is in scope and what is not in scope');
    seedSays(NENC, 'Plan and budget for engagement (methods to reach certain audiences)');
    seedSays(NENC, 'Evaluation and review');
    seedSays(NENC, 'This template should include details about the project, any existing insight data, budget, and timescales.');
    const content = readyPlanContent();
    content.budget = [];
    content.project.outOfScope = ' ';
    content.communications.kpis = [{ kpi: 'People reached', desiredOutcome: '' }];
    expect(keys(content)).toEqual(['plan.outOfScope.required', 'plan.budget.required', 'plan.evaluation.required']);
    const items = checkPlanReadiness(content, readyStakeholders(), DEFAULT_SETTINGS);
    expect(items.find((i) => i.key === 'plan.budget.required')?.text).toBe(
      'Add the budget for the engagement. If there is no cost, add a line at £0 saying so.'
    );
  });

  it(`item 9: a senior clinical lead, Healthwatch and the local authority (${TRUST} planning checklist)`, () => {
    seedSays(TRUST, 'Identify a senior clinical lead who will make sure that other clinicians are involved in developing the proposals');
    seedSays(TRUST, 'Involve Healthwatch');
    seedSays(TRUST, 'Consider involving local authority and social services officers in this work.');
    const content = readyPlanContent();
    content.project.clinicalLead = '';
    const onlyCarers = readyStakeholders().filter((s) => s.catalogueEntry === 'carers');
    expect(keys(content, onlyCarers)).toEqual([
      'plan.clinicalLead.required',
      'plan.stakeholders.healthwatch',
      'plan.stakeholders.localAuthority'
    ]);
    // Named on the map without a catalogue kind still counts; so does a note saying why not.
    const named = [...onlyCarers, { ...onlyCarers[0], name: 'Healthwatch Riverside', catalogueEntry: null }];
    content.stakeholderMap.partnerNotes = { healthwatch: '', localAuthority: 'The council is a partner on the programme board already.' };
    expect(keys(content, named)).toEqual(['plan.clinicalLead.required']);
  });

  it('item 2: refuses a plan on the formal route whose timeline leaves out pre-consultation (4c)', () => {
    const content = readyPlanContent();
    content.triage = answered({ serviceWithdrawn: 'yes', contribution: 'feedback' });
    content.level.chosen = 'consult';
    content.timeline = proposeTimelineForPlan(content, DEFAULT_SETTINGS, '2026-01-01').steps;
    expect(keys(content)).toEqual([]);
    content.timeline = content.timeline.map((s) => (s.step === '4c' ? { ...s, skipped: true, skipReason: 'Views already known' } : s));
    expect(keys(content)).toEqual(['plan.timeline.preConsultation.required']);
  });

  it('refuses a chosen level below the legal floor, even with a reason', () => {
    const content = readyPlanContent();
    content.triage = answered({ serviceWithdrawn: 'yes', contribution: 'feedback' });
    content.level.chosen = 'inform';
    content.level.reasonForDifferentLevel = 'We only want to tell people.';
    content.timeline = proposeTimelineForPlan(content, DEFAULT_SETTINGS, '2026-01-01').steps;
    expect(keys(content)).toEqual(['plan.level.belowLegalFloor']);
  });

  it(`asks for a reason when the chosen level differs from the recommendation (${TRUST}: document reasons)`, () => {
    seedSays(TRUST, 'It is good practice to document reasons why certain methods of engagement have been chosen over others.');
    const content = readyPlanContent();
    content.level.chosen = 'collaborate';
    expect(keys(content)).toContain('plan.level.reasonRequired');
    content.level.reasonForDifferentLevel = 'Patients asked to co-design the new pathway.';
    expect(keys(content)).not.toContain('plan.level.reasonRequired');
  });

  it('item 11: asks for the deciding answers, including the level-choosing questions', () => {
    const content = completePlanContent();
    content.triage = answered({ contribution: null, stage: null, reach: null, resources: null });
    expect(keys(content).filter((k) => k.startsWith('plan.levelFactor'))).toEqual([
      'plan.levelFactor.contribution.required',
      'plan.levelFactor.stage.required',
      'plan.levelFactor.reach.required',
      'plan.levelFactor.resources.required'
    ]);
    content.triage.temporaryOrPilot = 'yes';
    content.triage.mayBecomePermanent = null;
    expect(checkPlanReadiness(content, readyStakeholders(), DEFAULT_SETTINGS).find((i) => i.key === 'plan.triage.required')?.field).toBe(
      'triage.mayBecomePermanent'
    );
  });

  it('asks each level-choosing question the guide shows', () => {
    const content = readyPlanContent();
    content.triage = { ...content.triage, contribution: null, stage: null, reach: null, resources: null };
    expect(checkPlanReadiness(content, readyStakeholders(), DEFAULT_SETTINGS).map((i) => i.field)).toEqual(
      expect.arrayContaining(['triage.contribution', 'triage.stage', 'triage.reach', 'triage.resources'])
    );
  });
});
