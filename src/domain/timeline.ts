import {
  addDays,
  addWeeks,
  daysBetween,
  holidayDaysWithin,
  holidayOverlaps,
  monthsBetween,
  startLeavingClearDays,
  type HolidayOptions
} from './calendar';
import { CITATIONS, type CitationId } from './citations';
import type { TriageReason } from './consultationTriage';
import { ENGAGEMENT_LEVEL_INFO, type EngagementLevel } from './engagementLevel';
import { recommendEngagementLevel } from './levelRecommendation';
import type { PlanContent, PlannedStep } from './plan';
import { PROGRAMME_ROUTE_NAMES, programmeRoute, type ProgrammeRoute } from './route';
import type { InvolvementSettings, SettingKey } from './settings';
import { GUIDE_STEPS, guideStep, type StepId } from './steps';

/**
 * Weeks the proposal gives each part, where the guidance gives a range (DOMAIN.md §3; LSC and PC
 * steps 4–9). These are the product's choices inside the guidance's ranges; the minimums are
 * the guidance's and are checked by `timelineWarningsForPlan`.
 */
export const PROPOSAL_WEEKS = {
  /** Step 7 without formal consultation: LSC "Minimum of 4 weeks – 12 weeks". */
  engagement: 6,
  /** Step 6: LSC "Minimum of 2 to 8 weeks or more". */
  promotion: 4,
  /** Step 4c before it is lengthened to meet the programme minimum: LSC "minimum of 4 weeks, often much longer". */
  preConsultation: 6,
  /** Step 4d at Involve: LSC "6 weeks to 6 months". */
  involvement: 6,
  /** Step 4d at Collaborate or Devolve: co-production "takes time (months rather than weeks)". */
  coProduction: 12,
  /** Step 8: LSC "Minimum of 2 weeks". */
  report: 2,
  /** Step 9: "unlikely to be less than 4 weeks". */
  feedback: 4,
  /** Urgent route: the week before the decision for steps 1, 2, 3 and 5 (the equality duty still applies). */
  urgentPreparation: 1,
  /** Urgent route: telling people after the decision (step 6). */
  urgentTelling: 2
} as const;

/** Average days in a month, as `monthsBetween` counts them. */
const DAYS_PER_MONTH = 30.44;

const planned = (step: StepId, start: string, end: string): PlannedStep => ({ step, start, end, skipped: false, skipReason: '' });
const skipped = (step: StepId, reason: string): PlannedStep => ({ step, start: '', end: '', skipped: true, skipReason: reason });

/** The minimum programme length for a route, from the organisation's settings (NENC lead times). */
export function routeMinimumMonths(route: ProgrammeRoute, settings: InvolvementSettings): number | null {
  if (route === 'formalConsultation') return settings.consultationProgrammeMinimumMonths;
  if (route === 'engagement') return settings.engagementMinimumMonths;
  return null;
}

const holidayOptions = (settings: InvolvementSettings): HolidayOptions => ({
  periods: settings.holidayPeriods,
  region: settings.bankHolidayRegion
});

const URGENT_SKIP = 'Urgent change for safety: decided without time for this step. Record why (NHS trust toolkit).';

function urgentSteps(d: string): PlannedStep[] {
  const w = PROPOSAL_WEEKS;
  const prep = addWeeks(d, -w.urgentPreparation);
  const s6 = planned('6', d, addWeeks(d, w.urgentTelling));
  const s7 = planned('7', s6.end, addWeeks(s6.end, 4));
  const s8 = planned('8', s7.end, addWeeks(s7.end, w.report));
  return [
    planned('1', prep, d),
    planned('2', prep, d),
    planned('3', prep, d),
    skipped('4a', URGENT_SKIP),
    skipped('4b', URGENT_SKIP),
    skipped('4c', URGENT_SKIP),
    skipped('4d', URGENT_SKIP),
    skipped('4e', URGENT_SKIP),
    planned('5', prep, d),
    s6,
    s7,
    s8,
    planned('9', s8.end, addWeeks(s8.end, w.feedback))
  ];
}

/** The proposal and what was done to meet the guidance. */
interface Built {
  readonly steps: PlannedStep[];
  /** Days added to the consultation to make up for holidays. */
  readonly holidayDaysAdded: number;
  /** Days added to pre-consultation or preparation to meet the programme minimum. */
  readonly daysAddedForMinimum: number;
}

/**
 * Plan backward from the decision date (DOMAIN.md §3, §5): analysis and report (step 8) end on
 * it; the engagement or consultation (steps 7 and 4e) before that — a formal consultation runs
 * the organisation's proposed weeks, lengthened by any holiday days it spans (TRUST); promotion
 * (step 6) before that; involvement or co-production (4d) at Involve and above (LSC, PC: step 4d
 * is "Involvement/co-production"); pre-consultation engagement (4c) on the formal route; and the
 * organisation's planning weeks before anyone is spoken to. Then, if the whole programme is
 * shorter than the organisation's minimum for its route, pre-consultation (formal route) or
 * preparation (engagement) is lengthened until it meets it — so a proposal never fails its own
 * "programme too short" check. "You said, we did" follows the decision.
 */
function build(route: ProgrammeRoute, decisionDate: string, level: EngagementLevel | null, settings: InvolvementSettings): Built {
  const d = decisionDate;
  if (route === 'urgentSafety') return { steps: urgentSteps(d), holidayDaysAdded: 0, daysAddedForMinimum: 0 };
  const w = PROPOSAL_WEEKS;
  const formal = route === 'formalConsultation';
  const s8 = planned('8', addWeeks(d, -w.report), d);

  const baseDays = (formal ? settings.proposedConsultationWeeks : w.engagement) * 7;
  const consultationStart = formal ? startLeavingClearDays(s8.start, baseDays, holidayOptions(settings)) : addDays(s8.start, -baseDays);
  const holidayDaysAdded = daysBetween(consultationStart, s8.start) - baseDays;
  const s7 = planned('7', consultationStart, s8.start);
  const s4e = planned('4e', s7.start, s7.end);
  const s6 = planned('6', addWeeks(s7.start, -w.promotion), s7.start);

  const involving = level === 'involve' || level === 'collaborate' || level === 'devolve';
  const d4Weeks = level === 'collaborate' || level === 'devolve' ? w.coProduction : w.involvement;
  const s4d = involving
    ? planned('4d', addWeeks(s6.start, -d4Weeks), s6.start)
    : skipped(
        '4d',
        level === null
          ? 'No level of engagement is chosen yet, so no involvement or co-production step is planned. Choose the level, then propose again.'
          : `The level is ${ENGAGEMENT_LEVEL_INFO[level].name}, so no involvement or co-production step is planned. Add it if you will work with people on the options.`
      );
  const beforeInvolvement = s4d.skipped ? s6.start : s4d.start;
  let s4c = formal
    ? planned('4c', addWeeks(beforeInvolvement, -w.preConsultation), beforeInvolvement)
    : skipped('4c', 'No formal consultation is planned, so pre-consultation engagement is not needed.');

  const firstTalk = (): string =>
    [s4c, s4d, s6]
      .filter((s) => !s.skipped)
      .map((s) => s.start)
      .sort()[0];
  let p = addWeeks(firstTalk(), -settings.planningLeadWeeks);

  const minimumMonths = routeMinimumMonths(route, settings) ?? 0;
  const latestStart = addDays(d, -Math.ceil(minimumMonths * DAYS_PER_MONTH));
  let daysAddedForMinimum = 0;
  if (p > latestStart) {
    daysAddedForMinimum = daysBetween(latestStart, p);
    if (formal) s4c = planned('4c', addDays(s4c.start, -daysAddedForMinimum), s4c.end);
    p = latestStart;
  }
  const talk = firstTalk();
  const quarter = Math.max(1, Math.floor(daysBetween(p, talk) / 4));
  return {
    steps: [
      planned('1', p, addDays(p, quarter)),
      planned('2', addDays(p, quarter), addDays(p, 2 * quarter)),
      planned('3', addDays(p, 2 * quarter), addDays(p, 3 * quarter)),
      planned('4a', p, addWeeks(p, 2)),
      planned('4b', p, d),
      s4c,
      s4d,
      s4e,
      planned('5', addDays(p, 3 * quarter), talk),
      s6,
      s7,
      s8,
      planned('9', d, addWeeks(d, w.feedback))
    ],
    holidayDaysAdded,
    daysAddedForMinimum
  };
}

/** A proposed timeline, and what the lead needs to know about it. */
export interface TimelineProposal {
  /** The route the proposal follows; null when it is not known yet (no proposal then). */
  readonly route: ProgrammeRoute | null;
  /** The 9 steps with dates; empty when no proposal can be made yet (see `notes`). */
  readonly steps: PlannedStep[];
  readonly programmeStart: string | null;
  /** The organisation's minimum for the route, in months (none for the urgent route). */
  readonly minimumMonths: number | null;
  /** The programme starts today or later, so the decision date allows it. */
  readonly fitsBeforeDecision: boolean;
  /** The earliest decision date that allows the whole programme from today. */
  readonly earliestDecisionDate: string | null;
  readonly notes: TriageReason[];
}

const note = (text: string, citation: CitationId): TriageReason => ({ text, source: CITATIONS[citation].source, citation });

/** The level the timeline plans for: the lead's choice, else the recommendation. */
function planningLevel(content: PlanContent, settings: InvolvementSettings): EngagementLevel | null {
  return content.level.chosen ?? recommendEngagementLevel(content.triage, settings.ladderShown).level;
}

/**
 * Propose a timeline for a plan from its decision date, its route (from the legal triage) and its
 * level, using the organisation's settings. Meets the organisation's minimum for the route; when
 * that would mean starting before `today`, it says so and gives the earliest decision date that
 * allows the whole programme.
 */
export function proposeTimelineForPlan(content: PlanContent, settings: InvolvementSettings, today: string): TimelineProposal {
  const decisionDate = content.project.decisionDate;
  const decided = programmeRoute(content.triage);
  const none = (text: string, citation: CitationId): TimelineProposal => ({
    route: decided.route,
    steps: [],
    programmeStart: null,
    minimumMonths: decided.route ? routeMinimumMonths(decided.route, settings) : null,
    fitsBeforeDecision: false,
    earliestDecisionDate: null,
    notes: [note(text, citation)]
  });
  if (!decisionDate) return none('Add the date the decision will be made first: the timeline is planned backward from it.', 'lsc8Duration');
  if (decided.route === null)
    return none(
      'Answer the legal questions first: the programme needs 9 to 12 months or 4 to 6 months depending on whether formal consultation is likely.',
      'nencConsultationMonths'
    );
  const route = decided.route;
  const built = build(route, decisionDate, planningLevel(content, settings), settings);
  const dated = built.steps.filter((s) => !s.skipped);
  const programmeStart = dated.map((s) => s.start).sort()[0];
  const fits = programmeStart >= today;
  const notes: TriageReason[] = [{ ...decided.reason, text: `${PROGRAMME_ROUTE_NAMES[route]}. ${decided.reason.text}` }];
  const minimumMonths = routeMinimumMonths(route, settings);
  if (minimumMonths !== null)
    notes.push(
      note(
        `The whole programme is planned to take at least ${minimumMonths} months, as your organisation's settings ask for this route.`,
        route === 'formalConsultation' ? 'nencConsultationMonths' : 'nencEngagementMonths'
      )
    );
  if (built.daysAddedForMinimum > 0)
    notes.push(
      note(
        route === 'formalConsultation'
          ? 'Pre-consultation engagement (step 4c) is longer than its 4-week minimum, so the programme meets that length.'
          : 'Preparation (steps 1 to 3 and 5) is longer than the planning weeks, so the programme meets that length.',
        route === 'formalConsultation' ? 'lsc4cDuration' : 'nencEngagementMonths'
      )
    );
  if (built.holidayDaysAdded > 0)
    notes.push(note(`The consultation is ${built.holidayDaysAdded} days longer to make up for the holidays it spans.`, 'trustHolidays'));
  if (route === 'urgentSafety')
    notes.push(
      note(
        'No formal programme is planned before the decision. Tell people what changed and why, ask how it is working, and record why there was no time to consult.',
        'trustUrgentExemption'
      )
    );
  const earliest = fits ? decisionDate : addDays(today, daysBetween(programmeStart, decisionDate));
  if (!fits)
    notes.push(
      note(
        `To meet the guidance the work would have started on ${programmeStart}, which is before today. The earliest decision date that allows the whole programme from today is ${earliest}. Move the decision date, or talk to the involvement team about what can be done in the time.`,
        'trustUrgency'
      )
    );
  return { route, steps: built.steps, programmeStart, minimumMonths, fitsBeforeDecision: fits, earliestDecisionDate: earliest, notes };
}

/** Kinds of timeline warning. */
export type TimelineWarningKind =
  'stepTooShort' | 'planningTooShort' | 'programmeTooShort' | 'holiday' | 'reportLate' | 'preConsultationMissing' | 'routeNotKnown';

/** A timeline warning: advice, never a block (except where readiness says so). */
export interface TimelineWarning {
  readonly kind: TimelineWarningKind;
  readonly step?: StepId;
  readonly text: string;
  readonly source: string;
  readonly citation?: CitationId;
  /** The organisation setting whose figure the warning uses, so the UI can show its guidance. */
  readonly setting?: SettingKey;
}

const weeks = (days: number): string => {
  const w = Math.round((days / 7) * 10) / 10;
  return `${w} week${w === 1 ? '' : 's'}`;
};
const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

interface CheckInputs {
  readonly route: ProgrammeRoute | null;
  readonly settings: InvolvementSettings;
  readonly decisionDate: string;
}

function warn(steps: readonly PlannedStep[], inputs: CheckInputs): TimelineWarning[] {
  const { route, settings } = inputs;
  const formal = route === 'formalConsultation';
  const warnings: TimelineWarning[] = [];
  const dated = steps.filter((s) => !s.skipped && s.start && s.end && s.end >= s.start);
  const byId = new Map(dated.map((s) => [s.step, s]));
  const consultation = byId.get('4e') ?? byId.get('7');

  for (const s of dated) {
    const info = guideStep(s.step);
    // On the formal route steps 4e and 7 are the consultation itself.
    const isConsultation = formal && (s.step === '4e' || s.step === '7');
    const minimum = isConsultation ? settings.consultationMinimumWeeks : info.duration?.minWeeks;
    if (minimum !== undefined && daysBetween(s.start, s.end) < minimum * 7) {
      warnings.push({
        kind: 'stepTooShort',
        step: s.step,
        text: isConsultation
          ? `Step ${s.step} (${info.title}) lasts ${weeks(daysBetween(s.start, s.end))}. Your organisation's shortest consultation is ${plural(minimum, 'week')}.`
          : `Step ${s.step} (${info.title}) lasts ${weeks(daysBetween(s.start, s.end))}. The guidance says at least ${plural(minimum, 'week')}.`,
        source: 'LSC',
        ...(isConsultation
          ? { setting: 'consultationMinimumWeeks' as const, citation: 'lsc4eDuration' as const }
          : info.durationCitation
            ? { citation: info.durationCitation }
            : {})
      });
    }
  }

  if (formal && !byId.has('4c'))
    warnings.push({
      kind: 'preConsultationMissing',
      step: '4c',
      text: 'Formal consultation is likely or possible, so plan pre-consultation engagement (step 4c) before it: you must carry out pre-engagement before planning for formal consultation.',
      source: 'NENC',
      citation: 'nencPreEngagement'
    });

  const talking = (['4c', '4d', '4e', '6', '7'] as StepId[]).map((id) => byId.get(id)).filter((s): s is PlannedStep => !!s);
  const firstTalk = talking.map((s) => (s.step === '6' ? s.end : s.start)).sort()[0];
  const projectStart = dated.map((s) => s.start).sort()[0];
  if (route !== 'urgentSafety' && firstTalk && projectStart) {
    const planningDays = daysBetween(projectStart, firstTalk);
    if (planningDays < settings.planningLeadWeeks * 7) {
      warnings.push({
        kind: 'planningTooShort',
        text: `There ${planningDays === 7 ? 'is' : 'are'} ${weeks(planningDays)} of planning before you start speaking to people. Allow at least ${plural(settings.planningLeadWeeks, 'week')}.`,
        source: 'NENC',
        citation: 'nencPlanningWeeks',
        setting: 'planningLeadWeeks'
      });
    }
  }

  const end = inputs.decisionDate || byId.get('8')?.end;
  if (route === null && dated.length > 0)
    warnings.push({
      kind: 'routeNotKnown',
      text: 'Answer the legal questions to check the length of the whole programme: it depends on whether formal consultation is likely.',
      source: 'NENC',
      citation: 'nencConsultationMonths'
    });
  const minimumMonths = route ? routeMinimumMonths(route, settings) : null;
  if (minimumMonths !== null && route && projectStart && end) {
    const months = monthsBetween(projectStart, end);
    if (months < minimumMonths) {
      warnings.push({
        kind: 'programmeTooShort',
        text: `The whole programme runs about ${Math.round(months * 10) / 10} months. ${route === 'formalConsultation' ? 'Formal public consultation' : 'Engagement without formal consultation'} needs at least ${plural(minimumMonths, 'month')}.`,
        source: 'NENC',
        citation: route === 'formalConsultation' ? 'nencConsultationMonths' : 'nencEngagementMonths',
        setting: route === 'formalConsultation' ? 'consultationProgrammeMinimumMonths' : 'engagementMinimumMonths'
      });
    }
  }

  if (consultation && formal) {
    const options = holidayOptions(settings);
    const overlaps = holidayOverlaps(consultation.start, consultation.end, options);
    const holidayDays = holidayDaysWithin(consultation.start, consultation.end, options);
    const clearDays = daysBetween(consultation.start, consultation.end) - holidayDays;
    if (overlaps.length > 0 && clearDays < settings.proposedConsultationWeeks * 7) {
      warnings.push({
        kind: 'holiday',
        step: consultation.step,
        text: `The consultation runs over ${overlaps.map((h) => h.name).join(', ')}, leaving ${weeks(clearDays)} outside holidays. Make it longer, or move it, so people have enough time to respond.`,
        source: 'TRUST',
        citation: 'trustHolidays',
        setting: 'holidayPeriods'
      });
    }
  }
  const report = byId.get('8');
  if (consultation && report && formal) {
    const gap = daysBetween(consultation.end, report.end);
    if (gap > settings.reportDueWeeksAfterClose * 7) {
      warnings.push({
        kind: 'reportLate',
        step: '8',
        text: `The report comes ${weeks(gap)} after the consultation closes. Publish it within ${plural(settings.reportDueWeeksAfterClose, 'week')}, or publish why not.`,
        source: 'TRUST',
        citation: 'trustReportWeeks',
        setting: 'reportDueWeeksAfterClose'
      });
    }
  }
  return warnings;
}

/**
 * Check a plan's timeline against the guidance and the organisation's settings (DOMAIN.md §1,
 * §3, §5): each step's minimum; the planning weeks before speaking to people (NENC); the whole
 * programme against the minimum for its route (NENC); pre-consultation before a formal
 * consultation (NENC); holidays in a consultation (TRUST); the report within the weeks set
 * (TRUST). The urgent route has no programme minimum. Every figure in a warning is the setting's.
 */
export function timelineWarningsForPlan(content: PlanContent, settings: InvolvementSettings): TimelineWarning[] {
  if (content.timeline.length === 0) return [];
  return warn(content.timeline, { route: programmeRoute(content.triage).route, settings, decisionDate: content.project.decisionDate });
}

/** Whether a step may be marked "not needed", and why. */
export interface StepSkipRule {
  readonly mayBeSkipped: boolean;
  readonly text: string;
  readonly citation?: CitationId;
}

/**
 * Whether the lead may mark a step "not needed". Step 4c may not be skipped when formal
 * consultation is likely or possible (NENC: "you must carry out pre-engagement before planning for
 * formal consultation"); otherwise PC's rule applies (the case for change and the patient view
 * already clear and evidenced). Any other step may be skipped with a reason.
 */
export function stepSkipRule(step: StepId, content: PlanContent): StepSkipRule {
  const route = programmeRoute(content.triage).route;
  if (step === '4c' && route === 'formalConsultation')
    return {
      mayBeSkipped: false,
      text: 'Formal consultation is likely or possible, so pre-consultation engagement cannot be left out.',
      citation: 'nencPreEngagement'
    };
  if (step === '4c')
    return {
      mayBeSkipped: true,
      text: 'May be left out when the case for change and the patient and public view are already clear, up to date and supported by evidence.',
      citation: 'pcSkip4c'
    };
  if (route === 'urgentSafety' && ['4a', '4b', '4d', '4e'].includes(step))
    return {
      mayBeSkipped: true,
      text: 'An urgent change for safety may be decided without this step. Record why.',
      citation: 'trustUrgentExemption'
    };
  return { mayBeSkipped: true, text: 'Say why it is not needed.' };
}

/** The 9 steps in order with empty dates, for a plan that has none yet. */
export function emptyTimeline(): PlannedStep[] {
  return GUIDE_STEPS.map((s) => ({ step: s.id, start: '', end: '', skipped: false, skipReason: '' }));
}
