/**
 * Dates checked against today (issue 15 §6): a decision date in the past or implausibly far
 * ahead, steps proposed before today, a step that ends before it starts, and a lead time that
 * cannot be met from today. Kept apart from the timeline proposal and its guidance checks
 * (`timeline.ts`), which plan from the decision date; these say what today makes impossible.
 */
import { addDays, addWeeks, daysBetween, monthsBetween } from './calendar';
import type { PlannedStep } from './plan';
import type { InvolvementSettings } from './settings';
import { guideStep, type StepId } from './steps';

/**
 * How far ahead a decision date may be: 5 years. Not a figure from the toolkits (none sets one);
 * the product's guard against a mistyped year (9999, 2205), long enough for the 9 to 12 months a
 * formal consultation programme needs (NENC) several times over.
 */
export const DECISION_HORIZON_YEARS = 5;

/** Today as YYYY-MM-DD in the person's time zone. */
export function todayIso(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

const longDate = (iso: string): string =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The latest decision date accepted from `today`. */
export function decisionHorizon(today: string): string {
  return `${Number(today.slice(0, 4)) + DECISION_HORIZON_YEARS}${today.slice(4)}`;
}

/**
 * What is wrong with a decision date as of `today`, in words for the field: in the past, or more
 * than 5 years ahead. Undefined when it is fine or empty (an empty date is "required", said elsewhere).
 */
export function decisionDateProblem(date: string, today: string): string | undefined {
  if (!date) return undefined;
  if (date < today) return `The decision date ${longDate(date)} is in the past. Enter the date the decision will be made, from today on.`;
  if (date > decisionHorizon(today))
    return `The decision date ${longDate(date)} is more than ${DECISION_HORIZON_YEARS} years away. Check the year: dates up to ${longDate(decisionHorizon(today))} are accepted.`;
  return undefined;
}

/** A date warning on the timeline. */
export interface DateWarning {
  readonly kind: 'endBeforeStart' | 'beforeToday' | 'leadTime' | 'programmeFromToday';
  readonly step?: StepId;
  readonly text: string;
}

/**
 * Never propose a step before today: a proposal planned backward from the decision date that
 * would start in the past has those dates moved to today (and ends moved no earlier than starts).
 * Says which steps were moved, so the lead knows the programme is shorter than the guidance asks.
 */
export function proposedFromToday(steps: readonly PlannedStep[], today: string): { steps: PlannedStep[]; moved: DateWarning[] } {
  const moved: DateWarning[] = [];
  const out = steps.map((s) => {
    if (s.skipped || !s.start || !s.end || s.start >= today) return s;
    const start = today;
    const end = s.end < today ? today : s.end;
    moved.push({
      kind: 'beforeToday',
      step: s.step,
      text: `Step ${s.step} (${guideStep(s.step).title}) would have started on ${longDate(s.start)}, before today, so it now starts today${
        end !== s.end ? ' and ends today' : ''
      }. It is shorter than the guidance asks: consider a later decision date.`
    });
    return { ...s, start, end };
  });
  return { steps: out, moved };
}

/**
 * Date warnings for a timeline as of `today`: a step that ends before it starts; talking to
 * people sooner than the organisation's planning weeks allow from today; and a decision date too
 * close for the shortest programme the organisation's settings ask for.
 */
export function timelineDateWarnings(
  steps: readonly PlannedStep[],
  inputs: { decisionDate: string; formalConsultation: boolean; settings: InvolvementSettings },
  today: string
): DateWarning[] {
  const warnings: DateWarning[] = [];
  for (const s of steps) {
    if (!s.skipped && s.start && s.end && s.end < s.start)
      warnings.push({
        kind: 'endBeforeStart',
        step: s.step,
        text: `Step ${s.step} (${guideStep(s.step).title}) ends on ${longDate(s.end)}, before it starts on ${longDate(s.start)}. Check its dates.`
      });
  }
  const talking = steps.filter((s) => !s.skipped && s.start && ['4c', '4d', '4e', '6', '7'].includes(s.step));
  const firstTalk = talking.map((s) => s.start).sort()[0];
  const earliestTalk = addWeeks(today, inputs.settings.planningLeadWeeks);
  if (firstTalk && firstTalk >= today && firstTalk < earliestTalk)
    warnings.push({
      kind: 'leadTime',
      text: `You plan to start speaking to people on ${longDate(firstTalk)}, ${Math.max(0, Math.round(daysBetween(today, firstTalk) / 7))} weeks from today. Your organisation asks for at least ${inputs.settings.planningLeadWeeks} weeks of planning first, so the earliest is ${longDate(earliestTalk)}.`
    });
  const needed = inputs.formalConsultation ? inputs.settings.consultationProgrammeMinimumMonths : inputs.settings.engagementMinimumMonths;
  if (inputs.decisionDate && inputs.decisionDate >= today && monthsBetween(today, inputs.decisionDate) < needed) {
    const earliest = addDays(today, Math.ceil(needed * 30.44));
    warnings.push({
      kind: 'programmeFromToday',
      text: `The decision is ${Math.round(monthsBetween(today, inputs.decisionDate) * 10) / 10} months from today. ${
        inputs.formalConsultation ? 'A programme with formal consultation' : 'Engagement without formal consultation'
      } needs at least ${needed} months, which cannot be met from today: the earliest decision date that allows it is ${longDate(earliest)}. Move the decision date, or talk to the involvement team.`
    });
  }
  return warnings;
}
