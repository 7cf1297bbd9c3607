import { z } from 'zod';
import type { StoredAdviceRecord } from './defensibleRecord';
import { engagementLevelSchema } from './engagementLevel';
import { BUDGET_ITEM_IDS, INEQUALITY_GROUP_IDS, METHOD_IDS, PROTECTED_CHARACTERISTIC_IDS } from './referenceData';
import { personRefSchema, planStatusSchema } from './status';
import { stepIdSchema } from './steps';
import { msg } from './validation';
import { SYSTEM_LEVELS } from './choices';

export { SYSTEM_LEVELS } from './choices';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date (YYYY-MM-DD), or empty while a draft is unfinished. */
export const optionalDateSchema = z.string().refine((v) => v === '' || isIsoDate(v), msg('date.invalid'));

const text = (max = 4000): z.ZodString => z.string().max(max, msg('text.tooLong'));
const optionalUrl = z.string().refine((v) => v === '' || /^https:\/\/\S+$/i.test(v), msg('url.invalid'));

/** Level of the system: system, place or neighbourhood (LSC). */
export type SystemLevel = (typeof SYSTEM_LEVELS)[number];

/** "About the project" — the involvement planning template's first part (NENC, DOMAIN.md §2). */
export const projectDetailsSchema = z.object({
  title: z.string().max(255, msg('plan.title.tooLong')),
  currentService: text(),
  focus: text(),
  existingInsight: text(),
  insightLinks: z.array(z.object({ title: text(255), url: optionalUrl })).max(50),
  inScope: text(),
  outOfScope: text(),
  systemLevel: z.enum(SYSTEM_LEVELS, msg('plan.systemLevel.required')).nullable(),
  /** The place or neighbourhood, e.g. "Sunderland"; empty for system-wide work. */
  placeName: text(255),
  organisation: text(255),
  clinicalLead: text(255),
  decisionDate: optionalDateSchema,
  decisionBody: text(255)
});
/** About the project. */
export type ProjectDetails = z.infer<typeof projectDetailsSchema>;

/** Objectives and the decisions the engagement will inform (PC/LSC step 2). */
export const objectivesSchema = z.object({
  whatWeWantToUnderstand: text(),
  decisions: z.array(text(1000)).max(30),
  whoIsAffected: text()
});
/** Objectives and decisions. */
export type Objectives = z.infer<typeof objectivesSchema>;

/** An answer to a triage question. */
export const triageAnswerSchema = z.enum(['yes', 'no', 'unsure']).nullable();
/** An answer to a triage question: yes, no, not sure, or not answered yet. */
export type TriageAnswer = z.infer<typeof triageAnswerSchema>;

/**
 * The yes/no questions that decide the legal route and the level of engagement (DOMAIN.md §4–§5;
 * TRUST "Identifying when to use certain types of involvement", NENC formal consultation
 * considerations). `mayBecomePermanent` applies only to a temporary change (NENC: "Temporary
 * changes are not notifiable – unless proposals to make temporary change permanent emerge").
 */
export const TRIAGE_QUESTIONS = [
  'largeOrComplex',
  'changesWhatWhereOrHow',
  'serviceWithdrawn',
  'relocationWithDisruption',
  'cohortDisadvantaged',
  'substantialVariation',
  'temporaryOrPilot',
  'urgent',
  'riskToSafetyOrWelfare',
  'sensitive',
  'mayBecomePermanent'
] as const;
/** One triage question. */
export type TriageQuestion = (typeof TRIAGE_QUESTIONS)[number];

/**
 * What the lead wants from people: TRUST's first factor, "What contribution are you seeking from
 * stakeholders?". Each answer points at the rung whose description matches it (TRUST Appendix 1,
 * PC Appendix 1, SUF spectrum): information → Inform; feedback on options or a proposal →
 * Consult; working with people on the options → Involve; designing the service together as equal
 * partners → Collaborate or co-produce; people or communities make the decision themselves
 * (personal health budgets, community development) → Devolve.
 */
export const CONTRIBUTIONS = ['information', 'feedback', 'shapeOptions', 'coDesign', 'communityDecides'] as const;
/** The contribution sought from people. */
export type Contribution = (typeof CONTRIBUTIONS)[number];

/** Where the change is (TRUST: "Stage of Development"; PC: involvement begins at the case for change). */
export const DEVELOPMENT_STAGES = ['caseForChange', 'developingOptions', 'preferredProposal', 'decided'] as const;
/** The stage of development. */
export type DevelopmentStage = (typeof DEVELOPMENT_STAGES)[number];

/** The range and number of people affected (TRUST: "Who should be involved?"). */
export const REACH_LEVELS = ['few', 'many', 'wide'] as const;
/** The range and number of people affected. */
export type Reach = (typeof REACH_LEVELS)[number];

/** Whether the money, people and time the engagement needs are agreed (TRUST: "Resources"). */
export const RESOURCE_LEVELS = ['agreed', 'limited', 'notKnown'] as const;
/** The resources for the engagement. */
export type Resources = (typeof RESOURCE_LEVELS)[number];

/** The questions with a choice of answers that help choose the level (TRUST factors). */
export const LEVEL_FACTORS = ['contribution', 'stage', 'reach', 'resources'] as const;
/** One of the level-choosing factors. */
export type LevelFactor = (typeof LEVEL_FACTORS)[number];

const answer = triageAnswerSchema.default(null);

/**
 * The lead's answers to the triage questions and the level-choosing factors. Questions added
 * since a plan was saved read as "not answered yet", so older plans stay readable.
 */
export const consultationTriageSchema = z.object({
  ...(Object.fromEntries(TRIAGE_QUESTIONS.map((q) => [q, answer])) as Record<TriageQuestion, typeof answer>),
  contribution: z.enum(CONTRIBUTIONS, msg('value.invalid')).nullable().default(null),
  stage: z.enum(DEVELOPMENT_STAGES, msg('value.invalid')).nullable().default(null),
  reach: z.enum(REACH_LEVELS, msg('value.invalid')).nullable().default(null),
  resources: z.enum(RESOURCE_LEVELS, msg('value.invalid')).nullable().default(null)
});
/** The lead's answers to the triage questions and the level-choosing factors. */
export type ConsultationTriage = z.infer<typeof consultationTriageSchema>;

/** The level of engagement: what the product recommended, what the lead chose and why. */
export const levelDecisionSchema = z.object({
  recommended: engagementLevelSchema.nullable(),
  chosen: engagementLevelSchema.nullable(),
  reasonForDifferentLevel: text(),
  /** Set by the involvement team when it confirms the level (NENC step 3). */
  confirmedByTeam: z.boolean()
});
/** The level of engagement decision. */
export type LevelDecision = z.infer<typeof levelDecisionSchema>;

/** Planned dates for one step of the 9-step guide. */
export const plannedStepSchema = z.object({
  step: stepIdSchema,
  start: optionalDateSchema,
  end: optionalDateSchema,
  /** Some steps may be left out, with a reason (PC step 4c). */
  skipped: z.boolean(),
  skipReason: text(1000)
});
/** Planned dates for one step. */
export type PlannedStep = z.infer<typeof plannedStepSchema>;

/** A method chosen for an audience. */
export const plannedMethodSchema = z.object({
  method: z.enum(METHOD_IDS, msg('value.invalid')),
  audience: text(255),
  notes: text(2000)
});
/** A method chosen for an audience. */
export type PlannedMethod = z.infer<typeof plannedMethodSchema>;

/** One line of the budget (NENC cost items, or a custom one). */
export const budgetLineSchema = z.object({
  item: z.enum(BUDGET_ITEM_IDS).nullable(),
  description: text(255),
  unitCostGbp: z.number().min(0, msg('budget.cost.negative')).max(10_000_000, msg('value.invalid')),
  quantity: z.number().int(msg('budget.quantity.invalid')).min(1, msg('budget.quantity.invalid')).max(100_000)
});
/** One line of the budget. */
export type BudgetLine = z.infer<typeof budgetLineSchema>;

/** A protected characteristic or a group facing inequalities. */
export const equalityGroupSchema = z.enum([...PROTECTED_CHARACTERISTIC_IDS, ...INEQUALITY_GROUP_IDS], msg('value.invalid'));
/** A protected characteristic or a group facing inequalities. */
export type EqualityGroup = z.infer<typeof equalityGroupSchema>;

/** The likely impact of the change on a group. */
export const LIKELY_IMPACTS = ['positive', 'negative', 'neutral', 'unknown'] as const;

/** How the plan affects one group and how we will reach them (NENC, TRUST, LSC). */
export const equalityConsiderationSchema = z.object({
  group: equalityGroupSchema,
  likelyImpact: z.enum(LIKELY_IMPACTS).nullable(),
  howWeWillReachThem: text(2000)
});
/** Equality consideration for one group. */
export type EqualityConsideration = z.infer<typeof equalityConsiderationSchema>;

/** Equality impact assessment status (NENC step 4). */
export const EIA_STATUSES = ['notStarted', 'inProgress', 'complete'] as const;

/** The equality part of the plan. */
export const equalitySchema = z.object({
  considerations: z.array(equalityConsiderationSchema).max(13),
  eiaStatus: z.enum(EIA_STATUSES, msg('plan.eia.required')).nullable(),
  eiaLink: optionalUrl
});
/** The equality part of the plan. */
export type Equality = z.infer<typeof equalitySchema>;

/** The communications and engagement plan (PC Appendix 3; DOMAIN.md §6). */
export const communicationsPlanSchema = z.object({
  versions: z.array(z.object({ version: text(20), date: optionalDateSchema, contributors: text(500), notes: text(1000) })).max(100),
  introduction: text(),
  smartObjective: text(),
  strategy: text(),
  pest: z.object({ political: text(), economic: text(), social: text(), technological: text() }),
  risks: z.array(z.object({ risk: text(1000), mitigation: text(1000) })).max(50),
  audiences: z.array(z.object({ audience: text(255), keyMessages: text(), tactics: text() })).max(50),
  keyDates: z.array(z.object({ date: optionalDateSchema, what: text(500) })).max(100),
  kpis: z.array(z.object({ kpi: text(500), desiredOutcome: text(1000) })).max(50),
  governance: z.object({ whoLeads: text(500), whoApproves: text(500) })
});
/** The communications and engagement plan. */
export type CommunicationsPlan = z.infer<typeof communicationsPlanSchema>;

/** A self-check against one principle, with the evidence the lead gives. */
export const principleCheckSchema = z.object({ principle: z.string().max(40), met: z.boolean(), evidence: text(2000) });
/** A self-check against one principle. */
export type PrincipleCheck = z.infer<typeof principleCheckSchema>;

/** The lead's own statement that the plan is ready to submit, kept only while it stays complete. */
export const reviewSchema = z.object({ markedReady: z.boolean(), markedReadyAt: z.string() });
/** The review state of the plan. */
export type Review = z.infer<typeof reviewSchema>;

/**
 * The parts of the stakeholder map kept with the plan: what the lead will do about each group no
 * one on the map reaches ("know who you are not hearing from", DOMAIN.md §8). The stakeholders
 * themselves are in the "Plan stakeholders" list.
 */
export const stakeholderMapNotesSchema = z.object({
  gapNotes: z.partialRecord(equalityGroupSchema, text(2000)),
  /**
   * Why Healthwatch or the local authority is not on the map, when the lead decided not to
   * involve them (TRUST planning checklist: "Involve Healthwatch"; "Consider involving local
   * authority and social services officers in this work").
   */
  partnerNotes: z.object({ healthwatch: text(2000), localAuthority: text(2000) }).optional()
});
/** Notes on the stakeholder map's gaps. */
export type StakeholderMapNotes = z.infer<typeof stakeholderMapNotesSchema>;

/**
 * Everything the project lead writes in the involvement planning template. A draft may be
 * incomplete; readiness is checked separately (`checkPlanReadiness`).
 */
export const planContentSchema = z.object({
  project: projectDetailsSchema,
  objectives: objectivesSchema,
  triage: consultationTriageSchema,
  level: levelDecisionSchema,
  timeline: z.array(plannedStepSchema).max(13),
  methods: z.array(plannedMethodSchema).max(100),
  budget: z.array(budgetLineSchema).max(200),
  equality: equalitySchema,
  communications: communicationsPlanSchema,
  principles: z.array(principleCheckSchema).max(20),
  stakeholderMap: stakeholderMapNotesSchema.default({ gapNotes: {} }),
  review: reviewSchema.default({ markedReady: false, markedReadyAt: '' })
});
/** Everything the project lead writes in the template. */
export type PlanContent = z.infer<typeof planContentSchema>;

/** A scoping meeting booked by the involvement team (NENC step 2). */
export const scopingMeetingSchema = z.object({
  at: z.iso.datetime({ offset: true, error: 'date.invalid' }),
  attendees: z.array(text(255)).max(50)
});
/** A scoping meeting. */
export type ScopingMeeting = z.infer<typeof scopingMeetingSchema>;

/** A value stored in a plan that is not valid as it is (issue 15 §2: a bad stored value never locks a plan). */
export const storedValueProblemSchema = z.object({
  /** Path of the field, e.g. `equality.eiaLink` or `budget.0.quantity`. */
  path: z.string(),
  /** What is wrong, in plain English. */
  text: z.string(),
  /** What is stored there, shortened, so the person can see it (and retype it when it is not shown). */
  stored: z.string(),
  /**
   * True: the stored value is shown in its field, with its message, until it is corrected.
   * False: it could not be shown (not even the right kind of value), so it is left out.
   */
  shown: z.boolean()
});
/** A stored value that is not valid as it is. */
export type StoredValueProblem = z.infer<typeof storedValueProblemSchema>;

/** An involvement plan as stored: the template content plus where it is in the process. */
export const involvementPlanSchema = z.object({
  /** SharePoint item id; absent until first saved. */
  id: z.number().int().positive().optional(),
  /** Opaque version (SharePoint ETag) used to refuse silent overwrites. */
  version: z.string().optional(),
  status: planStatusSchema,
  projectLead: personRefSchema.nullable(),
  involvementLead: personRefSchema.nullable(),
  scopingMeeting: scopingMeetingSchema.nullable(),
  content: planContentSchema,
  /** Values in `content` read as stored although not valid, or left out because they could not be read. */
  storedProblems: z.array(storedValueProblemSchema).optional(),
  created: z.string().optional(),
  modified: z.string().optional()
});
/**
 * An involvement plan. `adviceRecord` is the record of the advice kept when it was last submitted
 * (the defensible record); absent for a plan never submitted since records were kept.
 */
export type InvolvementPlan = z.infer<typeof involvementPlanSchema> & { readonly adviceRecord?: StoredAdviceRecord };

/**
 * Something as SharePoint stores it: its item id, and the version (ETag) it was read at, which
 * every save and delete sends so that someone else's change is never silently overwritten.
 * Repositories return stored items; only they can make one.
 */
export type Stored<T> = T & { readonly id: number; readonly version: string };

/** True when `item` is stored (it has an id and a version); one being typed in has neither. */
export function isStored<T extends { id?: number; version?: string }>(item: T): item is Stored<T> {
  return item.id !== undefined && item.version !== undefined;
}

/** An involvement plan as stored, with its id and the version read. */
export type StoredPlan = Stored<InvolvementPlan>;

/** A plan's content with nothing filled in, the start of every new plan. */
export function emptyPlanContent(): PlanContent {
  return {
    project: {
      title: '',
      currentService: '',
      focus: '',
      existingInsight: '',
      insightLinks: [],
      inScope: '',
      outOfScope: '',
      systemLevel: null,
      placeName: '',
      organisation: '',
      clinicalLead: '',
      decisionDate: '',
      decisionBody: ''
    },
    objectives: { whatWeWantToUnderstand: '', decisions: [], whoIsAffected: '' },
    triage: emptyTriage(),
    level: { recommended: null, chosen: null, reasonForDifferentLevel: '', confirmedByTeam: false },
    timeline: [],
    methods: [],
    budget: [],
    equality: { considerations: allEqualityGroups([]), eiaStatus: null, eiaLink: '' },
    communications: {
      versions: [],
      introduction: '',
      smartObjective: '',
      strategy: '',
      pest: { political: '', economic: '', social: '', technological: '' },
      risks: [],
      audiences: [],
      keyDates: [],
      kpis: [],
      governance: { whoLeads: '', whoApproves: '' }
    },
    principles: [],
    stakeholderMap: { gapNotes: {} },
    review: { markedReady: false, markedReadyAt: '' }
  };
}

/** Triage with nothing answered. */
export function emptyTriage(): ConsultationTriage {
  return {
    ...(Object.fromEntries(TRIAGE_QUESTIONS.map((q) => [q, null])) as Record<TriageQuestion, TriageAnswer>),
    contribution: null,
    stage: null,
    reach: null,
    resources: null
  };
}

/**
 * Every protected characteristic and inequality group, keeping what the lead already wrote, so
 * each has a row to fill in (DOMAIN.md §8: "know who you are not hearing from").
 */
export function allEqualityGroups(existing: readonly EqualityConsideration[]): EqualityConsideration[] {
  const have = new Set(existing.map((c) => c.group));
  return [
    ...existing,
    ...[...PROTECTED_CHARACTERISTIC_IDS, ...INEQUALITY_GROUP_IDS]
      .filter((g) => !have.has(g))
      .map((group) => ({ group, likelyImpact: null, howWeWillReachThem: '' }))
  ];
}

/** Total of a plan's budget in pounds. */
export function budgetTotalGbp(lines: readonly BudgetLine[]): number {
  return Math.round(lines.reduce((sum, l) => sum + l.unitCostGbp * l.quantity, 0) * 100) / 100;
}
