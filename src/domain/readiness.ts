import { applicableTriageQuestions, LEVEL_FACTOR_ORDER } from './consultationTriage';
import { recommendEngagementLevel } from './levelRecommendation';
import { rankOnLadder } from './ladder';
import type { MessageKey } from './messages';
import { messageText } from './messages';
import type { LevelFactor, PlanContent } from './plan';
import { INEQUALITY_GROUPS, PROTECTED_CHARACTERISTICS } from './referenceData';
import { programmeRoute } from './route';
import type { InvolvementSettings } from './settings';
import { guideStep } from './steps';
import { unaddressedGaps, type MapEntry } from './stakeholderMap';

/** The sections of the guide, in the order the lead sees them. */
export const GUIDE_SECTIONS = [
  'about',
  'objectives',
  'level',
  'stakeholders',
  'timeline',
  'methods',
  'equality',
  'communications',
  'review'
] as const;
/** A section of the guide. */
export type GuideSection = (typeof GUIDE_SECTIONS)[number];

/** The name of each guide section on screen. */
export const GUIDE_SECTION_TITLES: Readonly<Record<GuideSection, string>> = {
  about: 'About the project',
  objectives: 'Objectives',
  level: 'Level of engagement and legal checks',
  stakeholders: 'Stakeholder map',
  timeline: 'Timeline',
  methods: 'Methods and budget',
  equality: 'Equality',
  communications: 'Communications and engagement plan',
  review: 'Review'
};

/** Something missing before the plan is ready, and where to fix it. */
export interface ReadinessItem {
  readonly section: GuideSection;
  /** Id of the field to jump to (the UI uses it as the element id). */
  readonly field: string;
  readonly key: MessageKey;
  /** The message, with the field named where a list item needs it. */
  readonly text: string;
}

const blank = (s: string): boolean => s.trim() === '';

const FACTOR_MESSAGES: Readonly<Record<LevelFactor, MessageKey>> = {
  contribution: 'plan.levelFactor.contribution.required',
  stage: 'plan.levelFactor.stage.required',
  reach: 'plan.levelFactor.reach.required',
  resources: 'plan.levelFactor.resources.required'
};

/** Stakeholder map entries as readiness reads them: the catalogue kind says who a stakeholder is. */
type ReadinessMapEntry = MapEntry & { readonly catalogueEntry?: string | null };

const isHealthwatch = (s: ReadinessMapEntry): boolean => s.catalogueEntry === 'healthwatch' || /healthwatch/i.test(s.name);
const isLocalAuthority = (s: ReadinessMapEntry): boolean =>
  ['local-councils', 'hosc', 'social-services'].includes(s.catalogueEntry ?? '') ||
  /\b(council|local authority|scrutiny committee|social services)\b/i.test(s.name);

/**
 * What a plan still needs before it is ready to submit (NENC: "Incomplete templates will create a
 * delay"; TRUST planning checklist, Appendix C). Empty means ready. The lead may save a draft with
 * any of these missing. `stakeholders` is the plan's stakeholder map; `null` only where the map is
 * not loaded yet, and then the map's items are left out (submitting always loads it).
 * Beyond the template's fields it checks: the answers that decide the level and the legal route;
 * a chosen level not below the legal floor (Consult when formal consultation is likely or
 * possible); pre-consultation engagement (4c) planned on the formal route (NENC); a budget, what is
 * in and not in scope, and evaluation and review (NENC "Things to consider in your plan"); a senior
 * clinical lead, Healthwatch and the local authority (TRUST checklist).
 */
export function checkPlanReadiness(
  content: PlanContent,
  stakeholders: readonly ReadinessMapEntry[] | null,
  settings: InvolvementSettings
): ReadinessItem[] {
  const items: ReadinessItem[] = [];
  const need = (section: GuideSection, field: string, key: MessageKey, text = messageText(key)): void => {
    items.push({ section, field, key, text });
  };
  const p = content.project;
  if (blank(p.title)) need('about', 'project.title', 'plan.title.required');
  if (blank(p.currentService)) need('about', 'project.currentService', 'plan.currentService.required');
  if (blank(p.focus)) need('about', 'project.focus', 'plan.focus.required');
  if (blank(p.existingInsight)) need('about', 'project.existingInsight', 'plan.existingInsight.required');
  if (blank(p.inScope)) need('about', 'project.inScope', 'plan.inScope.required');
  if (blank(p.outOfScope)) need('about', 'project.outOfScope', 'plan.outOfScope.required');
  if (p.systemLevel === null) need('about', 'project.systemLevel', 'plan.systemLevel.required');
  if (blank(p.organisation)) need('about', 'project.organisation', 'plan.organisation.required');
  if (blank(p.clinicalLead)) need('about', 'project.clinicalLead', 'plan.clinicalLead.required');
  if (blank(p.decisionDate)) need('about', 'project.decisionDate', 'plan.decisionDate.required');
  if (blank(p.decisionBody)) need('about', 'project.decisionBody', 'plan.decisionBody.required');

  const o = content.objectives;
  if (blank(o.whatWeWantToUnderstand)) need('objectives', 'objectives.whatWeWantToUnderstand', 'plan.objectives.required');
  if (o.decisions.filter((d) => !blank(d)).length === 0) need('objectives', 'objectives.decisions', 'plan.decisions.required');

  const firstUnanswered = applicableTriageQuestions(content.triage).find((q) => content.triage[q] === null);
  if (firstUnanswered) need('level', `triage.${firstUnanswered}`, 'plan.triage.required');
  for (const f of LEVEL_FACTOR_ORDER) if (content.triage[f] === null) need('level', `triage.${f}`, FACTOR_MESSAGES[f]);
  const ladder = settings.ladderShown;
  const advice = recommendEngagementLevel(content.triage, ladder);
  const recommended = advice.level;
  const chosen = content.level.chosen;
  if (chosen === null) need('level', 'level.chosen', 'plan.level.required');
  else if (advice.floor !== null && rankOnLadder(chosen, ladder) < rankOnLadder(advice.floor, ladder))
    need('level', 'level.chosen', 'plan.level.belowLegalFloor');
  else if (recommended !== null && chosen !== recommended && blank(content.level.reasonForDifferentLevel))
    need('level', 'level.reasonForDifferentLevel', 'plan.level.reasonRequired');

  if (stakeholders !== null) {
    if (stakeholders.length === 0) need('stakeholders', 'stakeholders.add', 'plan.stakeholders.required');
    const unplaced = stakeholders.filter((s) => s.quadrant === null);
    if (unplaced.length > 0) {
      const names =
        unplaced
          .slice(0, 3)
          .map((s) => s.name)
          .join(', ') + (unplaced.length > 3 ? ` and ${unplaced.length - 3} more` : '');
      need(
        'stakeholders',
        'stakeholders.grid',
        'plan.stakeholders.unplaced',
        `${messageText('plan.stakeholders.unplaced')} Not placed yet: ${names}.`
      );
    }
    if (stakeholders.length > 0) {
      for (const gap of unaddressedGaps(stakeholders, content.stakeholderMap)) {
        const key = gap.state === 'gap' ? 'plan.stakeholders.gap' : 'plan.stakeholders.noMethod';
        need('stakeholders', `stakeholderMap.gapNotes.${gap.group}`, key, `${gap.name}: ${messageText(key)}`);
      }
    }
  }

  if (stakeholders !== null) {
    const notes = content.stakeholderMap.partnerNotes;
    if (!stakeholders.some(isHealthwatch) && blank(notes?.healthwatch ?? ''))
      need('stakeholders', 'stakeholderMap.partnerNotes.healthwatch', 'plan.stakeholders.healthwatch');
    if (!stakeholders.some(isLocalAuthority) && blank(notes?.localAuthority ?? ''))
      need('stakeholders', 'stakeholderMap.partnerNotes.localAuthority', 'plan.stakeholders.localAuthority');
  }

  if (content.timeline.length === 0) need('timeline', 'timeline', 'plan.timeline.required');
  if (content.timeline.length > 0 && programmeRoute(content.triage).route === 'formalConsultation') {
    const s4c = content.timeline.find((s) => s.step === '4c');
    if (!s4c || s4c.skipped) need('timeline', 'timeline.4c.start', 'plan.timeline.preConsultation.required');
  }
  for (const s of content.timeline) {
    const name = `Step ${s.step} (${guideStep(s.step).title})`;
    if (s.skipped && blank(s.skipReason))
      need(
        'timeline',
        `timeline.${s.step}.skipReason`,
        'plan.timeline.skipReason.required',
        `${name}: ${messageText('plan.timeline.skipReason.required')}`
      );
    if (!s.skipped && (blank(s.start) || blank(s.end)))
      need('timeline', `timeline.${s.step}.start`, 'plan.timeline.step.required', `${name}: ${messageText('plan.timeline.step.required')}`);
    if (!s.skipped && s.start && s.end && s.end < s.start)
      need('timeline', `timeline.${s.step}.end`, 'plan.timeline.endBeforeStart', `${name}: ${messageText('plan.timeline.endBeforeStart')}`);
  }

  if (content.methods.length === 0) need('methods', 'methods', 'plan.methods.required');
  if (content.budget.length === 0) need('methods', 'budget', 'plan.budget.required');
  content.methods.forEach((m, i) => {
    if (blank(m.audience)) need('methods', `methods.${i}.audience`, 'plan.methods.audience.required');
  });

  for (const group of [...PROTECTED_CHARACTERISTICS, ...INEQUALITY_GROUPS]) {
    const c = content.equality.considerations.find((x) => x.group === group.id);
    if (!c || c.likelyImpact === null)
      need(
        'equality',
        `equality.${group.id}`,
        'plan.equality.impact.required',
        `${group.name}: ${messageText('plan.equality.impact.required')}`
      );
  }
  if (content.equality.eiaStatus === null) need('equality', 'equality.eiaStatus', 'plan.eia.required');

  const c = content.communications;
  if (blank(c.smartObjective)) need('communications', 'communications.smartObjective', 'plan.commsPlan.smartObjective.required');
  if (c.audiences.length === 0) need('communications', 'communications.audiences', 'plan.commsPlan.audiences.required');
  c.audiences.forEach((a, i) => {
    if (blank(a.keyMessages))
      need(
        'communications',
        `communications.audiences.${i}.keyMessages`,
        'plan.commsPlan.keyMessages.required',
        `${a.audience || `Audience ${i + 1}`}: ${messageText('plan.commsPlan.keyMessages.required')}`
      );
  });
  if (!c.kpis.some((k) => !blank(k.kpi) && !blank(k.desiredOutcome)))
    need('communications', 'communications.kpis', 'plan.evaluation.required');
  if (blank(c.governance.whoLeads) || blank(c.governance.whoApproves))
    need('communications', 'communications.governance', 'plan.governance.required');
  return items;
}

/** How many required items each section still has, under the organisation's settings. */
export function sectionProgressForPlan(
  content: PlanContent,
  stakeholders: readonly ReadinessMapEntry[] | null,
  settings: InvolvementSettings
): Record<GuideSection, number> {
  const counts = Object.fromEntries(GUIDE_SECTIONS.map((s) => [s, 0])) as Record<GuideSection, number>;
  for (const item of checkPlanReadiness(content, stakeholders, settings)) counts[item.section] += 1;
  return counts;
}
