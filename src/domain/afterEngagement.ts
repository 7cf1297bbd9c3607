import { z } from 'zod';
import type { CitationId } from './citations';
import { addWeeks, daysBetween } from './calendar';
import {
  budgetTotalGbp,
  equalityGroupSchema,
  isIsoDate,
  optionalDateSchema,
  type BudgetLine,
  type EqualityGroup,
  type InvolvementPlan
} from './plan';
import { BUDGET_ITEMS, INEQUALITY_GROUP_IDS, METHOD_IDS, PROTECTED_CHARACTERISTIC_IDS } from './referenceData';
import { checkReadability } from './readingAge';
import { msg } from './validation';

/**
 * After engagement (DOMAIN.md §3 steps 7–9, §9): what took place, who took part, what people
 * said, what was decided because of it, what we fed back and how it was evaluated. One record per
 * plan, written by the project lead and the involvement lead while the plan is In delivery and
 * Reporting; the involvement team signs it off when it closes the plan.
 */

const text = (max = 4000): z.ZodString => z.string().max(max, msg('text.tooLong'));
const count = z.number(msg('after.count.invalid')).int(msg('after.count.invalid')).min(0, msg('after.count.invalid')).max(10_000_000);
const optionalCount = count.nullable();
/** A short id made by the browser for a row (activity, theme, trace line), stable across saves. */
const rowId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, msg('value.invalid'));

const round2 = (n: number): number => Math.round(n * 100) / 100;
const sumGbp = (amounts: readonly number[]): number => round2(amounts.reduce((s, n) => s + n, 0));

// ---------------------------------------------------------------------------------------------
// Step 7: the engagement log (LSC/PC step 7: "continuous monitoring")
// ---------------------------------------------------------------------------------------------

/** Accessible formats of the materials used (LSC, NENC, TRUST accessibility; DOMAIN.md §7). */
export const ACCESSIBLE_FORMATS = ['easyRead', 'translation', 'bsl', 'largePrint', 'audio', 'braille', 'paperCopies'] as const;
/** An accessible format of the materials used. */
export type AccessibleFormat = (typeof ACCESSIBLE_FORMATS)[number];
/** What each accessible format is called on screen. */
export const ACCESSIBLE_FORMAT_LABELS: Readonly<Record<AccessibleFormat, string>> = {
  easyRead: 'Easy read',
  translation: 'Translations',
  bsl: 'British Sign Language interpreter',
  largePrint: 'Large print',
  audio: 'Audio',
  braille: 'Braille',
  paperCopies: 'Paper copies'
};
/** The guidance behind the formats. */
export const ACCESSIBLE_FORMAT_CITATIONS: readonly CitationId[] = ['nencEasyRead', 'nencBsl', 'trustFormats'];

/** Where an activity took place. */
export const ACTIVITY_SETTINGS = ['inPerson', 'online', 'both'] as const;
/** What each setting is called on screen. */
export const ACTIVITY_SETTING_LABELS: Readonly<Record<(typeof ACTIVITY_SETTINGS)[number], string>> = {
  inPerson: 'In person',
  online: 'Online',
  both: 'In person and online'
};

const money = z.number(msg('after.cost.invalid')).min(0, msg('after.cost.invalid')).max(10_000_000, msg('after.cost.invalid'));

/**
 * Part of what an activity cost, against one line of the plan's budget (its position in the plan's
 * budget, which is fixed once the plan is accepted), or against nothing the budget planned (null).
 */
export const activityCostSchema = z.object({
  line: z.number().int().min(0).max(199).nullable(),
  gbp: money
});
/** Part of what an activity cost, against a budget line. */
export type ActivityCost = z.infer<typeof activityCostSchema>;

/**
 * One engagement activity that took place: when, how, where, for whom, who ran it, what it cost
 * and who took part. Participants are counted, never named: the breakdown by protected
 * characteristic and inequality group is aggregate counts only.
 */
export const activitySchema = z
  .object({
    id: rowId,
    title: text(255).refine((v) => v.trim() !== '', msg('after.activity.title.required')),
    start: z.string().refine(isIsoDate, msg('after.activity.start.required')),
    end: optionalDateSchema,
    method: z.enum(METHOD_IDS, msg('after.activity.method.required')),
    setting: z.enum(ACTIVITY_SETTINGS, msg('value.invalid')),
    /** The place or locality (for monitoring by locality), or the platform when online. */
    place: text(255),
    /**
     * Who it was for, picked from the plan: its communications audiences, its methods' audiences
     * and its stakeholders, by name as they were when the activity was recorded.
     */
    audiences: z.array(text(255)).max(100).default([]),
    /** Anyone else it was for, in the lead's words. */
    audience: text(255),
    runBy: text(255),
    /** What it cost in all. */
    costGbp: money,
    /** The cost split over the plan's budget lines (empty: not split, as in records kept before it could be). */
    costs: z.array(activityCostSchema).max(201).default([]),
    formats: z.array(z.enum(ACCESSIBLE_FORMATS, msg('value.invalid'))).max(ACCESSIBLE_FORMATS.length),
    participants: count,
    /** Responses received from it (survey returns, comment cards, written submissions). */
    responses: count,
    /** How many of the participants were from each group: counts only, never a person's record. */
    reached: z.partialRecord(equalityGroupSchema, count),
    notes: text(2000)
  })
  .superRefine((a, ctx) => {
    if (a.end && isIsoDate(a.start) && a.end < a.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'after.activity.endBeforeStart' });
    for (const [group, n] of Object.entries(a.reached))
      if (typeof n === 'number' && n > a.participants)
        ctx.addIssue({ code: 'custom', path: ['reached', group], message: 'after.activity.reachedAboveParticipants' });
    const lines = a.costs.map((c) => c.line);
    if (new Set(lines).size !== lines.length) ctx.addIssue({ code: 'custom', path: ['costs'], message: 'after.cost.lineTwice' });
    if (a.costs.length > 0 && Math.abs(sumGbp(a.costs.map((c) => c.gbp)) - a.costGbp) >= 0.005)
      ctx.addIssue({ code: 'custom', path: ['costGbp'], message: 'after.cost.linesDoNotAddUp' });
  });
/** One engagement activity that took place. */
export type Activity = z.infer<typeof activitySchema>;

// ---------------------------------------------------------------------------------------------
// Step 8: themes, findings and the decision trace
// ---------------------------------------------------------------------------------------------

/** Something people said, and how often: a theme of the responses, with quotes stored without names. */
export const themeSchema = z.object({
  id: rowId,
  name: text(255).refine((v) => v.trim() !== '', msg('after.theme.name.required')),
  description: text(2000),
  /** How many responses raised it: typed by the lead, or counted from the tagged responses (`counted`). */
  mentions: count,
  /** Counted from the responses tagged with it (absent in records kept before responses were stored). */
  counted: z.boolean().optional(),
  /** How many of those responses came from each group (counted; absent when typed). */
  byGroup: z.partialRecord(equalityGroupSchema, count).optional(),
  /** Representative quotes chosen by the lead, without names, email addresses or phone numbers. */
  quotes: z
    .array(
      text(1000).refine((q) => !/[^\s@]+@[^\s@]+\.[^\s@]+/.test(q) && !/(?:\+44|\b0)\d[\d ]{8,}\d/.test(q), msg('after.quote.personalData'))
    )
    .max(20)
});
/** A theme of what people said. */
export type Theme = z.infer<typeof themeSchema>;

/** What happens because of a finding: it changes something, it cannot, or it is not decided yet. */
export const OUTCOMES = ['willChange', 'willNotChange', 'notDecided'] as const;
/** The outcome of a finding. */
export type Outcome = (typeof OUTCOMES)[number];
/** What each outcome is called on screen. */
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  willChange: 'Will change',
  willNotChange: 'Will not change',
  notDecided: 'Not decided yet'
};

/**
 * Theme → finding → recommendation → decision → what will change, or what will not and why
 * (LSC step 8: "what will or will not change because of the engagement findings"; step 9: "What
 * could not change, and why?"), linked to the decisions the plan said the engagement informs.
 */
export const traceSchema = z
  .object({
    id: rowId,
    themeIds: z.array(rowId).max(50),
    /** Indexes of the plan's "decisions this engagement informs" that this answers. */
    objectiveIndexes: z.array(z.number().int().min(0).max(29)).max(30),
    finding: text(2000).refine((v) => v.trim() !== '', msg('after.trace.finding.required')),
    recommendation: text(2000),
    decisionBody: text(255),
    decisionDate: optionalDateSchema,
    decision: text(2000),
    outcome: z.enum(OUTCOMES, msg('value.invalid')),
    /** What will change (willChange), or why it cannot (willNotChange). */
    because: text(2000)
  })
  .superRefine((t, ctx) => {
    if (t.outcome === 'willNotChange' && !t.because.trim())
      ctx.addIssue({ code: 'custom', path: ['because'], message: 'after.trace.whyNot.required' });
    if (t.outcome === 'willChange' && !t.because.trim())
      ctx.addIssue({ code: 'custom', path: ['because'], message: 'after.trace.whatChanges.required' });
  });
/** One line of the decision trace. */
export type TraceLine = z.infer<typeof traceSchema>;

// ---------------------------------------------------------------------------------------------
// The report (LSC/PC step 8; TRUST: within 12 weeks) and "you said, we did" (step 9)
// ---------------------------------------------------------------------------------------------

/** The parts of the report the lead writes; the rest is built from the log, themes and trace. */
export const reportSchema = z.object({
  /** When the engagement closed (the last day people could take part): the report's due date counts from it. */
  engagementClosed: optionalDateSchema,
  summary: text(),
  nextSteps: text(),
  /** When the report was published, and where. */
  publishedOn: optionalDateSchema,
  link: z
    .string()
    .max(2048, msg('text.tooLong'))
    .refine((v) => v === '' || /^https:\/\/\S+$/i.test(v), msg('url.invalid')),
  /** The brief explanation published when the report is late (TRUST). */
  delayExplanation: text(2000)
});
/** The report's written parts. */
export type ReportFields = z.infer<typeof reportSchema>;

/** Ways to feed back (NENC "There are many ways to feedback"), by id, each worded as the seed has it. */
export const FEEDBACK_CHANNEL_OPTIONS = [
  { id: 'writtenReports', name: 'Written reports' },
  { id: 'postersLeaflet', name: 'Posters / leaflet' },
  { id: 'newsletters', name: 'Newsletters / email bulletins' },
  { id: 'youSaidWeDidPage', name: 'Online – ‘You said, we did’ feedback page' },
  { id: 'socialMedia', name: 'Through social media' },
  { id: 'feedbackEvents', name: 'Feedback events / meetings' },
  { id: 'pressReleases', name: 'Press releases' },
  { id: 'presentation', name: 'Power point presentation with audio' },
  { id: 'lettersEmails', name: 'Letters or emails to participants' },
  { id: 'kiosks', name: 'On-street kiosks / activities' },
  { id: 'videos', name: 'Animations or videos' },
  { id: 'publicMeetings', name: 'Through public meetings' },
  { id: 'gpScreens', name: 'GP screens' },
  { id: 'pharmacyBags', name: 'Pharmacy bags' }
] as const;
/** A way to feed back. */
export type FeedbackChannelId = (typeof FEEDBACK_CHANNEL_OPTIONS)[number]['id'];
const FEEDBACK_CHANNEL_IDS = FEEDBACK_CHANNEL_OPTIONS.map((c) => c.id) as [FeedbackChannelId, ...FeedbackChannelId[]];

/** "You said, we did": the public summary, how people were told and when. */
export const feedbackSchema = z.object({
  summary: text(8000),
  channels: z.array(z.enum(FEEDBACK_CHANNEL_IDS, msg('value.invalid'))).max(FEEDBACK_CHANNEL_OPTIONS.length),
  /** When participants were told what happened because of their participation. */
  participantsToldOn: optionalDateSchema,
  publishedOn: optionalDateSchema,
  link: z
    .string()
    .max(2048, msg('text.tooLong'))
    .refine((v) => v === '' || /^https:\/\/\S+$/i.test(v), msg('url.invalid')),
  /** Why it was not published, when it was not (closing needs one or the other). */
  notPublishedReason: text(2000)
});
/** "You said, we did" and the feedback given. */
export type Feedback = z.infer<typeof feedbackSchema>;

// ---------------------------------------------------------------------------------------------
// Evaluation (NENC evaluation questions; SUF outputs and outcomes)
// ---------------------------------------------------------------------------------------------

/** The NENC evaluation questions, word for word (each checked against the seed by a test). */
export const EVALUATION_QUESTION_TEXTS = [
  'Did we identify clear objectives that support wider project, programme or organisational goals?',
  'Did we identify the right people and stakeholders (and any potential gaps)?',
  'Did we identify the right messages and methods for the participants?',
  'Did we identify a realistic set of outputs and activities?',
  'What did we learn and have we fed back to those involved?'
] as const;

/** Participants' own rating of one statement (SUF outcomes): how many agreed, of how many asked. */
export const ratingSchema = z
  .object({ agreed: optionalCount, asked: optionalCount })
  .refine((r) => r.agreed === null || r.asked === null || r.agreed <= r.asked, {
    message: 'after.rating.agreedAboveAsked',
    path: ['agreed']
  });
/** Participants' own rating of one statement. */
export type Rating = z.infer<typeof ratingSchema>;

/** The statements participants rate (SUF outcomes: informed, able to contribute, feel they have an influence). */
export const RATING_STATEMENTS = ['informed', 'heard', 'influence'] as const;
/** What each rated statement says. */
export const RATING_LABELS: Readonly<Record<(typeof RATING_STATEMENTS)[number], string>> = {
  informed: 'I felt informed',
  heard: 'I felt my views were heard',
  influence: 'I felt I could influence the outcome'
};

/** The evaluation at the end (NENC; SUF Appendix 2 outputs and outcomes). */
export const evaluationSchema = z.object({
  /** Answers to the five NENC questions, in order. */
  answers: z.array(text(4000)).length(EVALUATION_QUESTION_TEXTS.length),
  /** SUF: "60% of suggestions from feedback activities have been investigated or actioned". */
  suggestionsMade: optionalCount,
  suggestionsActioned: optionalCount,
  /** SUF: "'X' amount of services have successfully been co-produced". */
  servicesCoProduced: optionalCount,
  ratings: z.object({ informed: ratingSchema, heard: ratingSchema, influence: ratingSchema }),
  caseStudies: text(),
  lessons: text()
});
/** The evaluation. */
export type Evaluation = z.infer<typeof evaluationSchema>;

// ---------------------------------------------------------------------------------------------
// The record
// ---------------------------------------------------------------------------------------------

/** Everything recorded after engagement, for one plan. */
export const engagementRecordContentSchema = z.object({
  /** The response target the plan set (for monitoring "responses against the target"); null: none set. */
  responseTarget: optionalCount,
  activities: z.array(activitySchema).max(300),
  themes: z.array(themeSchema).max(100),
  trace: z.array(traceSchema).max(200),
  report: reportSchema,
  feedback: feedbackSchema,
  evaluation: evaluationSchema
});
/** Everything recorded after engagement. */
export type EngagementRecordContent = z.infer<typeof engagementRecordContentSchema>;

/** A plan's after-engagement record as stored. */
export interface EngagementRecord {
  readonly id: number;
  readonly version: string;
  readonly planId: number;
  readonly content: EngagementRecordContent;
  readonly modified: string;
  readonly modifiedBy: string;
}

/** A record with nothing in it yet. */
export function emptyRecordContent(): EngagementRecordContent {
  const noRating = (): Rating => ({ agreed: null, asked: null });
  return {
    responseTarget: null,
    activities: [],
    themes: [],
    trace: [],
    report: { engagementClosed: '', summary: '', nextSteps: '', publishedOn: '', link: '', delayExplanation: '' },
    feedback: { summary: '', channels: [], participantsToldOn: '', publishedOn: '', link: '', notPublishedReason: '' },
    evaluation: {
      answers: EVALUATION_QUESTION_TEXTS.map(() => ''),
      suggestionsMade: null,
      suggestionsActioned: null,
      servicesCoProduced: null,
      ratings: { informed: noRating(), heard: noRating(), influence: noRating() },
      caseStudies: '',
      lessons: ''
    }
  };
}

/** A new activity with today's date, ready for the lead to fill in. */
export function newActivity(id: string, today: string): Activity {
  return {
    id,
    title: '',
    start: today,
    end: '',
    method: 'survey',
    setting: 'inPerson',
    place: '',
    audiences: [],
    audience: '',
    runBy: '',
    costGbp: 0,
    costs: [],
    formats: [],
    participants: 0,
    responses: 0,
    reached: {},
    notes: ''
  };
}

// ---------------------------------------------------------------------------------------------
// Monitoring while it runs (LSC/PC step 7)
// ---------------------------------------------------------------------------------------------

/** Every protected characteristic and inequality group, in the order the plan lists them. */
export const ALL_EQUALITY_GROUPS: readonly EqualityGroup[] = [...PROTECTED_CHARACTERISTIC_IDS, ...INEQUALITY_GROUP_IDS];

/** One group's line in "who we are still not hearing from". */
export interface GroupReach {
  readonly group: EqualityGroup;
  /** The plan said it would reach this group (an impact other than neutral, or a way to reach them). */
  readonly planned: boolean;
  readonly reached: number;
}

/** What the log shows so far. */
export interface Monitoring {
  readonly activities: number;
  readonly participants: number;
  readonly responses: number;
  readonly responseTarget: number | null;
  /** Responses as a whole percentage of the target (null without a target). */
  readonly responsePercent: number | null;
  /** Participants and responses by place or locality, largest first ("Not recorded" for none). */
  readonly byPlace: ReadonlyArray<{ readonly place: string; readonly participants: number; readonly responses: number }>;
  /** Every group, planned or not, with how many were reached. */
  readonly groups: readonly GroupReach[];
  /** Groups the plan meant to reach that no activity has reached yet: change methods now, not at the end. */
  readonly notHeardFrom: readonly EqualityGroup[];
  /** The audiences the plan named that no activity has been for yet. */
  readonly audiencesNotReached: readonly string[];
  readonly budgetGbp: number;
  readonly spentGbp: number;
  /** Spent minus budget: above 0 is over budget, below 0 under. */
  readonly overUnderGbp: number;
  /** Spend against each line of the plan's budget, then anything spent on what it did not plan. */
  readonly byBudgetLine: readonly LineSpend[];
  readonly firstDate: string | null;
  readonly lastDate: string | null;
}

/** Spend against one line of the plan's budget, or against nothing it planned (`line` null). */
export interface LineSpend {
  readonly line: number | null;
  readonly label: string;
  readonly plannedGbp: number;
  readonly spentGbp: number;
  /** Spent minus planned: above 0 is over, below 0 under. */
  readonly overUnderGbp: number;
}

/** What a line of the plan's budget is called: the lead's words, else the cost item's name. */
export function budgetLineLabel(line: BudgetLine, index: number): string {
  return line.description.trim() || BUDGET_ITEMS.find((b) => b.id === line.item)?.name || `Cost ${index + 1}`;
}

/** What "Not in the plan's budget" is called. */
export const UNPLANNED_COST_LABEL = 'Not in the plan’s budget';

/**
 * Spend against each line of the plan's budget. A cost split against a line the budget no longer
 * has, and the whole cost of an activity recorded before costs were split, count as not planned.
 */
export function spendByBudgetLine(budget: readonly BudgetLine[], activities: readonly Activity[]): LineSpend[] {
  const spent = new Map<number | null, number>();
  const add = (line: number | null, gbp: number): void => {
    spent.set(line, (spent.get(line) ?? 0) + gbp);
  };
  for (const a of activities) {
    if (a.costs.length === 0) add(null, a.costGbp);
    for (const c of a.costs) add(c.line !== null && c.line < budget.length ? c.line : null, c.gbp);
  }
  const lines: LineSpend[] = budget.map((l, i) => {
    const plannedGbp = round2(l.unitCostGbp * l.quantity);
    const spentGbp = round2(spent.get(i) ?? 0);
    return { line: i, label: budgetLineLabel(l, i), plannedGbp, spentGbp, overUnderGbp: round2(spentGbp - plannedGbp) };
  });
  const unplanned = round2(spent.get(null) ?? 0);
  return unplanned > 0
    ? [...lines, { line: null, label: UNPLANNED_COST_LABEL, plannedGbp: 0, spentGbp: unplanned, overUnderGbp: unplanned }]
    : lines;
}

/**
 * The audiences the plan set out to engage: its communications plan's audiences, then its
 * methods' audiences, each once (whatever the capitals).
 */
export function planAudiences(plan: Pick<InvolvementPlan, 'content'>): string[] {
  const seen = new Map<string, string>();
  for (const name of [...plan.content.communications.audiences.map((a) => a.audience), ...plan.content.methods.map((m) => m.audience)]) {
    const trimmed = name.trim();
    if (trimmed && !seen.has(trimmed.toLowerCase())) seen.set(trimmed.toLowerCase(), trimmed);
  }
  return [...seen.values()];
}

/** The guidance monitoring follows. */
export const MONITORING_CITATIONS: readonly CitationId[] = ['lscMonitoring', 'pcMonitoring', 'nencMonitorGaps'];

/** Whether the plan set out to reach a group. */
export function plannedGroups(plan: Pick<InvolvementPlan, 'content'>): Set<EqualityGroup> {
  return new Set(
    plan.content.equality.considerations
      .filter((c) => (c.likelyImpact !== null && c.likelyImpact !== 'neutral') || c.howWeWillReachThem.trim() !== '')
      .map((c) => c.group)
  );
}

/** Monitoring figures from the log against the plan: responses, localities, groups, spend. */
export function monitor(plan: Pick<InvolvementPlan, 'content'>, record: EngagementRecordContent): Monitoring {
  const { activities } = record;
  const participants = activities.reduce((s, a) => s + a.participants, 0);
  const responses = activities.reduce((s, a) => s + a.responses, 0);
  const places = new Map<string, { participants: number; responses: number }>();
  for (const a of activities) {
    const key = a.place.trim() || 'Not recorded';
    const p = places.get(key) ?? { participants: 0, responses: 0 };
    places.set(key, { participants: p.participants + a.participants, responses: p.responses + a.responses });
  }
  const planned = plannedGroups(plan);
  const groups = ALL_EQUALITY_GROUPS.map((group) => ({
    group,
    planned: planned.has(group),
    reached: activities.reduce((s, a) => s + (a.reached[group] ?? 0), 0)
  }));
  const engaged = new Set(activities.flatMap((a) => [...a.audiences, a.audience]).map((n) => n.trim().toLowerCase()));
  const budgetGbp = budgetTotalGbp(plan.content.budget);
  const spentGbp = round2(activities.reduce((s, a) => s + a.costGbp, 0));
  const dates = activities
    .flatMap((a) => [a.start, a.end])
    .filter(isIsoDate)
    .sort();
  return {
    activities: activities.length,
    participants,
    responses,
    responseTarget: record.responseTarget,
    responsePercent: record.responseTarget ? Math.round((responses / record.responseTarget) * 100) : null,
    byPlace: [...places.entries()]
      .map(([place, v]) => ({ place, ...v }))
      .sort((a, b) => b.participants - a.participants || a.place.localeCompare(b.place)),
    groups,
    notHeardFrom: groups.filter((g) => g.planned && g.reached === 0).map((g) => g.group),
    audiencesNotReached: planAudiences(plan).filter((a) => !engaged.has(a.toLowerCase())),
    budgetGbp,
    spentGbp,
    overUnderGbp: round2(spentGbp - budgetGbp),
    byBudgetLine: spendByBudgetLine(plan.content.budget, activities),
    firstDate: dates[0] ?? null,
    lastDate: dates[dates.length - 1] ?? null
  };
}

// ---------------------------------------------------------------------------------------------
// The decision trace against the plan's objectives
// ---------------------------------------------------------------------------------------------

/** The plan's "decisions this engagement informs" that no line of the trace answers yet: gaps. */
export function objectiveGaps(
  plan: Pick<InvolvementPlan, 'content'>,
  record: EngagementRecordContent
): Array<{ index: number; text: string }> {
  const answered = new Set(record.trace.flatMap((t) => t.objectiveIndexes));
  return plan.content.objectives.decisions.map((text, index) => ({ index, text })).filter((d) => d.text.trim() && !answered.has(d.index));
}

/** Themes no line of the trace follows up: a theme with no finding. */
export function themesWithoutFinding(record: EngagementRecordContent): Theme[] {
  const used = new Set(record.trace.flatMap((t) => t.themeIds));
  return record.themes.filter((t) => !used.has(t.id));
}

// ---------------------------------------------------------------------------------------------
// Due dates and retention
// ---------------------------------------------------------------------------------------------

/** The date the report is due: `weeks` (setting; TRUST 12) after the engagement closed. */
export function reportDueDate(record: EngagementRecordContent, weeks: number): string | null {
  return isIsoDate(record.report.engagementClosed) ? addWeeks(record.report.engagementClosed, weeks) : null;
}

/** Where the report stands against its due date. */
export type ReportTimeliness =
  | { readonly state: 'notDue' }
  | { readonly state: 'due'; readonly due: string; readonly daysLeft: number }
  | { readonly state: 'late'; readonly due: string; readonly explained: boolean }
  | { readonly state: 'published'; readonly due: string | null; readonly onTime: boolean | null };

/** Whether the report is due, late (and whether the delay is explained, as TRUST asks) or published. */
export function reportTimeliness(record: EngagementRecordContent, weeks: number, today: string): ReportTimeliness {
  const due = reportDueDate(record, weeks);
  if (isIsoDate(record.report.publishedOn)) return { state: 'published', due, onTime: due ? record.report.publishedOn <= due : null };
  if (!due) return { state: 'notDue' };
  if (today > due) return { state: 'late', due, explained: record.report.delayExplanation.trim() !== '' };
  const daysLeft = daysBetween(today, due);
  return { state: 'due', due, daysLeft };
}

/** Years a record of responses and feedback is kept (LSC, PC step 8: "retained for five years"). */
export const RETENTION_YEARS = 5;

/** The date a plan's record of responses may be deleted: five years after the plan closed (LSC step 8). */
export function retentionDate(closedOn: string): string {
  const [y, m, d] = closedOn.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y + RETENTION_YEARS, m - 1, d));
  // 29 February five years on is 1 March (never earlier than five whole years).
  if (date.getUTCMonth() !== m - 1) return `${y + RETENTION_YEARS}-03-01`;
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// The report's contents (LSC/PC step 8)
// ---------------------------------------------------------------------------------------------

/** The six things the report makes clear (LSC step 8), plus what will and will not change. */
export const REPORT_PARTS = [
  { id: 'dates', heading: 'Dates and timescales of the engagement' },
  { id: 'activities', heading: 'What engagement has taken place' },
  { id: 'participants', heading: 'A breakdown of the participants' },
  { id: 'themes', heading: 'Themes and findings of the responses, feedback and discussions held' },
  { id: 'recommendations', heading: 'Recommendations and/or issues for discussion/consideration by the organisation' },
  { id: 'nextSteps', heading: 'Next steps' },
  { id: 'changes', heading: 'What will or will not change because of the engagement findings' }
] as const;
/** A part of the report. */
export type ReportPartId = (typeof REPORT_PARTS)[number]['id'];

/** The report's parts that have nothing in them yet. */
export function missingReportParts(plan: Pick<InvolvementPlan, 'content'>, record: EngagementRecordContent): ReportPartId[] {
  const m = monitor(plan, record);
  const missing: ReportPartId[] = [];
  if (!m.firstDate || !isIsoDate(record.report.engagementClosed)) missing.push('dates');
  if (record.activities.length === 0) missing.push('activities');
  if (m.participants === 0) missing.push('participants');
  if (record.themes.length === 0 || record.trace.length === 0) missing.push('themes');
  if (!record.trace.some((t) => t.recommendation.trim())) missing.push('recommendations');
  if (!record.report.nextSteps.trim()) missing.push('nextSteps');
  if (record.trace.length === 0 || record.trace.some((t) => t.outcome === 'notDecided')) missing.push('changes');
  return missing;
}

// ---------------------------------------------------------------------------------------------
// What each move needs (status: accepted → in delivery → reporting → closed)
// ---------------------------------------------------------------------------------------------

/** Something a move needs that the record does not have yet, said in plain English. */
export interface RecordGap {
  readonly id: string;
  readonly text: string;
}

/** What the record needs before the plan moves to Reporting: the engagement took place and closed. */
export function gapsBeforeReporting(record: EngagementRecordContent): RecordGap[] {
  const gaps: RecordGap[] = [];
  if (record.activities.length === 0) gaps.push({ id: 'activities', text: 'Record at least one activity that took place.' });
  else if (record.activities.every((a) => a.participants === 0))
    gaps.push({ id: 'participants', text: 'Record how many people took part in the activities.' });
  if (!isIsoDate(record.report.engagementClosed))
    gaps.push({ id: 'engagementClosed', text: 'Enter the date the engagement closed: the report is due from it.' });
  return gaps;
}

/**
 * What the record needs before the plan closes: the report (its parts, published or the delay
 * explained), "you said, we did" published or a reason recorded, participants told, and the
 * evaluation answered (NENC questions).
 */
export function gapsBeforeClosing(plan: Pick<InvolvementPlan, 'content'>, record: EngagementRecordContent): RecordGap[] {
  const gaps = gapsBeforeReporting(record);
  for (const part of missingReportParts(plan, record)) {
    if (part === 'activities' || part === 'participants') continue;
    const heading = REPORT_PARTS.find((p) => p.id === part)?.heading ?? part;
    gaps.push({ id: `report.${part}`, text: `The report needs: ${heading.toLowerCase()}.` });
  }
  for (const theme of themesWithoutFinding(record))
    gaps.push({ id: `theme.${theme.id}`, text: `Add a finding for the theme "${theme.name}".` });
  if (!isIsoDate(record.report.publishedOn) && !record.report.delayExplanation.trim())
    gaps.push({ id: 'report.published', text: 'Enter the date the report was published, or publish a brief explanation of the delay.' });
  if (!record.feedback.summary.trim()) gaps.push({ id: 'feedback.summary', text: 'Write the "you said, we did" summary.' });
  if (!isIsoDate(record.feedback.publishedOn) && !record.feedback.notPublishedReason.trim())
    gaps.push({ id: 'feedback.published', text: 'Enter the date "you said, we did" was published, or say why it was not.' });
  if (record.feedback.channels.length === 0)
    gaps.push({ id: 'feedback.channels', text: 'Say how people were told (the feedback channels used).' });
  if (!isIsoDate(record.feedback.participantsToldOn) && !record.feedback.notPublishedReason.trim())
    gaps.push({ id: 'feedback.told', text: 'Enter the date participants were told what happened because of their participation.' });
  record.evaluation.answers.forEach((answer, i) => {
    if (!answer.trim()) gaps.push({ id: `evaluation.${i}`, text: `Answer the evaluation question: "${EVALUATION_QUESTION_TEXTS[i]}"` });
  });
  if (!record.evaluation.lessons.trim()) gaps.push({ id: 'evaluation.lessons', text: 'Write the lessons learned.' });
  return gaps;
}

/** The guidance behind the closing guard. */
export const CLOSING_CITATIONS: readonly CitationId[] = [
  'lscReportHeading',
  'lscWillOrWillNotChange',
  'lscWhatCouldNotChange',
  'trustReportWeeks',
  'nencEvaluateQuestions',
  'nencFeedBack'
];

// ---------------------------------------------------------------------------------------------
// Outputs and outcomes (SUF Appendix 2)
// ---------------------------------------------------------------------------------------------

/** SUF's outputs and outcomes for a plan, from its log and evaluation. */
export interface OutputsAndOutcomes {
  readonly peopleReached: number;
  /** People from the groups the plan set out to reach ("priority groups", SUF). */
  readonly priorityGroupReached: number;
  /** Share of suggestions investigated or actioned, as a whole percentage (SUF's example: 60%). */
  readonly suggestionsActionedPercent: number | null;
  readonly servicesCoProduced: number | null;
  readonly ratings: Readonly<Record<(typeof RATING_STATEMENTS)[number], number | null>>;
}

/** The SUF example figure for suggestions investigated or actioned. */
export const SUF_SUGGESTIONS_EXAMPLE_PERCENT = 60;

/** Work out SUF's outputs and outcomes. */
export function outputsAndOutcomes(plan: Pick<InvolvementPlan, 'content'>, record: EngagementRecordContent): OutputsAndOutcomes {
  const m = monitor(plan, record);
  const e = record.evaluation;
  const percent = (a: number | null, b: number | null): number | null => (a !== null && b ? Math.round((a / b) * 100) : null);
  return {
    peopleReached: m.participants,
    priorityGroupReached: m.groups.filter((g) => g.planned).reduce((s, g) => s + g.reached, 0),
    suggestionsActionedPercent: percent(e.suggestionsActioned, e.suggestionsMade),
    servicesCoProduced: e.servicesCoProduced,
    ratings: {
      informed: percent(e.ratings.informed.agreed, e.ratings.informed.asked),
      heard: percent(e.ratings.heard.agreed, e.ratings.heard.asked),
      influence: percent(e.ratings.influence.agreed, e.ratings.influence.asked)
    }
  };
}

/** The readability of the "you said, we did" summary. */
export const feedbackReadability = (record: EngagementRecordContent): ReturnType<typeof checkReadability> =>
  checkReadability(record.feedback.summary);
