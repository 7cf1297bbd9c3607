import { addWeeks, daysBetween, holidayOverlaps, monthsBetween } from './calendar';
import { levelRank, type EngagementLevel } from './engagementLevel';
import type { PlannedStep } from './plan';
import type { InvolvementSettings } from './settings';
import { GUIDE_STEPS, guideStep, type StepId } from './steps';

/** What the timeline proposal needs to know. */
export interface TimelineInputs {
  /** The date the decision will be made (YYYY-MM-DD). */
  readonly decisionDate: string;
  readonly formalConsultation: boolean;
  readonly level: EngagementLevel | null;
  readonly settings: InvolvementSettings;
}

/** Weeks of engagement proposed (LSC step 7: at least 4 to 12 weeks; 12 when consulting formally). */
const ENGAGEMENT_WEEKS = { consultation: 12, engagement: 6 } as const;
const PROMOTION_WEEKS = 4;
const PRE_CONSULTATION_WEEKS = 6;
const CO_PRODUCTION_WEEKS = 8;
const REPORT_WEEKS = 2;
const FEEDBACK_WEEKS = 4;

const planned = (step: StepId, start: string, end: string): PlannedStep => ({ step, start, end, skipped: false, skipReason: '' });
const skipped = (step: StepId, reason: string): PlannedStep => ({ step, start: '', end: '', skipped: true, skipReason: reason });

/**
 * Propose dates for the 9 steps by planning backward from the decision date (DOMAIN.md §3):
 * analysis and report (2 weeks) end on the decision date; engagement before it (12 weeks for a
 * formal consultation, else 6); planning and promotion (4 weeks) before that; pre-consultation
 * engagement (6 weeks) when consulting formally; co-production (8 weeks) at Collaborate or above;
 * and the planning weeks the organisation sets before anyone is spoken to. "You said, we did"
 * follows the decision (4 weeks).
 */
export function proposeTimeline(inputs: TimelineInputs): PlannedStep[] {
  const d = inputs.decisionDate;
  const s8 = planned('8', addWeeks(d, -REPORT_WEEKS), d);
  const engagementWeeks = inputs.formalConsultation ? ENGAGEMENT_WEEKS.consultation : ENGAGEMENT_WEEKS.engagement;
  const s7 = planned('7', addWeeks(s8.start, -engagementWeeks), s8.start);
  const s4e = planned('4e', s7.start, s7.end);
  const s6 = planned('6', addWeeks(s7.start, -PROMOTION_WEEKS), s7.start);
  const s4c = inputs.formalConsultation
    ? planned('4c', addWeeks(s6.start, -PRE_CONSULTATION_WEEKS), s6.start)
    : skipped('4c', 'No formal consultation is planned, so pre-consultation engagement is not needed.');
  const coProduce = inputs.level !== null && levelRank(inputs.level) >= levelRank('collaborate');
  const s4d = coProduce
    ? planned('4d', addWeeks(s6.start, -CO_PRODUCTION_WEEKS), s6.start)
    : skipped('4d', 'The level of engagement is below co-production.');
  const firstTalk = [s4c, s4d, s6]
    .filter((s) => !s.skipped)
    .map((s) => s.start)
    .sort()[0];
  const p = addWeeks(firstTalk, -inputs.settings.planningLeadWeeks);
  const quarter = Math.max(1, Math.floor(inputs.settings.planningLeadWeeks / 4));
  return [
    planned('1', p, addWeeks(p, quarter)),
    planned('2', addWeeks(p, quarter), addWeeks(p, 2 * quarter)),
    planned('3', addWeeks(p, 2 * quarter), addWeeks(p, 3 * quarter)),
    planned('4a', p, addWeeks(p, 2)),
    planned('4b', p, d),
    s4c,
    s4d,
    s4e,
    planned('5', addWeeks(p, 3 * quarter), firstTalk),
    s6,
    s7,
    s8,
    planned('9', d, addWeeks(d, FEEDBACK_WEEKS))
  ];
}

/** A timeline warning: advice, never a block. */
export interface TimelineWarning {
  readonly kind: 'stepTooShort' | 'planningTooShort' | 'programmeTooShort' | 'holiday' | 'reportLate';
  readonly step?: StepId;
  readonly text: string;
  readonly source: string;
}

const weeks = (days: number): string => {
  const w = Math.round((days / 7) * 10) / 10;
  return `${w} week${w === 1 ? '' : 's'}`;
};

/** Check a timeline against the guidance (DOMAIN.md §1, §3, §5). */
export function checkTimeline(
  steps: readonly PlannedStep[],
  inputs: { formalConsultation: boolean; settings: InvolvementSettings; decisionDate: string }
): TimelineWarning[] {
  const warnings: TimelineWarning[] = [];
  const dated = steps.filter((s) => !s.skipped && s.start && s.end && s.end >= s.start);
  const byId = new Map(dated.map((s) => [s.step, s]));

  for (const s of dated) {
    const info = guideStep(s.step);
    const minimum = s.step === '4e' && inputs.formalConsultation ? inputs.settings.consultationMinimumWeeks : info.duration?.minWeeks;
    if (minimum !== undefined && daysBetween(s.start, s.end) < minimum * 7) {
      warnings.push({
        kind: 'stepTooShort',
        step: s.step,
        text: `Step ${s.step} (${info.title}) lasts ${weeks(daysBetween(s.start, s.end))}. The guidance says at least ${minimum} weeks.`,
        source: 'LSC'
      });
    }
  }

  const talking = (['4c', '4d', '4e', '6', '7'] as StepId[]).map((id) => byId.get(id)).filter((s): s is PlannedStep => !!s);
  const firstTalk = talking.map((s) => (s.step === '6' ? s.end : s.start)).sort()[0];
  const projectStart = dated.map((s) => s.start).sort()[0];
  if (firstTalk && projectStart) {
    const planningDays = daysBetween(projectStart, firstTalk);
    if (planningDays < inputs.settings.planningLeadWeeks * 7) {
      warnings.push({
        kind: 'planningTooShort',
        text: `There are ${weeks(planningDays)} of planning before you start speaking to people. Allow at least ${inputs.settings.planningLeadWeeks} to 8 weeks.`,
        source: 'NENC'
      });
    }
  }

  const end = inputs.decisionDate || byId.get('8')?.end;
  if (projectStart && end) {
    const months = monthsBetween(projectStart, end);
    const needed = inputs.formalConsultation ? inputs.settings.consultationProgrammeMinimumMonths : inputs.settings.engagementMinimumMonths;
    if (months < needed) {
      warnings.push({
        kind: 'programmeTooShort',
        text: inputs.formalConsultation
          ? `The whole programme runs about ${Math.round(months * 10) / 10} months. Formal public consultation needs at least ${needed} to 12 months.`
          : `The whole programme runs about ${Math.round(months * 10) / 10} months. Engagement without formal consultation needs at least ${needed} to 6 months.`,
        source: 'NENC'
      });
    }
  }

  const consultation = byId.get('4e') ?? byId.get('7');
  if (consultation && inputs.formalConsultation) {
    for (const h of holidayOverlaps(consultation.start, consultation.end)) {
      warnings.push({
        kind: 'holiday',
        step: consultation.step,
        text: `The consultation runs over ${h.name}. Make it longer, or move it, so people have enough time to respond.`,
        source: 'TRUST'
      });
    }
  }
  const report = byId.get('8');
  if (consultation && report && inputs.formalConsultation) {
    const gap = daysBetween(consultation.end, report.end);
    if (gap > inputs.settings.reportDueWeeksAfterClose * 7) {
      warnings.push({
        kind: 'reportLate',
        step: '8',
        text: `The report comes ${weeks(gap)} after the consultation closes. Publish it within ${inputs.settings.reportDueWeeksAfterClose} weeks, or publish why not.`,
        source: 'TRUST'
      });
    }
  }
  return warnings;
}

/** The 9 steps in order with empty dates, for a plan that has none yet. */
export function emptyTimeline(): PlannedStep[] {
  return GUIDE_STEPS.map((s) => ({ step: s.id, start: '', end: '', skipped: false, skipReason: '' }));
}
