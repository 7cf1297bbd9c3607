import { z } from 'zod';
import { CITATIONS, type CitationId } from './citations';
import { assessLegalDuties, type LegalOutcome, type TriageReason } from './consultationTriage';
import { engagementLevelSchema } from './engagementLevel';
import { LADDER_IDS } from './ladder';
import { recommendEngagementLevel } from './levelRecommendation';
import { consultationTriageSchema, isIsoDate, type PlanContent } from './plan';
import { programmeRoute } from './route';
import { involvementSettingsSchema, type InvolvementSettings } from './settings';
import { timelineWarningsForPlan } from './timeline';
import { validate, type Validated } from './validation';

/**
 * The version of the rules (the triage, the level recommendation, the timeline and readiness
 * checks and their figures). Change it whenever a rule or a default changes, so a record made
 * under older rules is read as "the advice at the time", not re-judged by today's rules.
 */
export const RULES_VERSION = '2026-11-issue-10';

const citationIds = Object.keys(CITATIONS) as [CitationId, ...CitationId[]];
const reasonSchema = z.object({ text: z.string().max(2000), source: z.string().max(20), citation: z.enum(citationIds).optional() });
const outcomeSchema = z.object({
  likelihood: z.enum(['likely', 'possible', 'unlikely', 'unknown']),
  reasons: z.array(reasonSchema).max(30),
  actions: z.array(z.object({ text: z.string().max(2000), source: z.string().max(20), citation: z.enum(citationIds) })).max(30),
  missing: z.array(z.string().max(40)).max(20)
});

/**
 * What the advice was when a plan was submitted, kept with the plan so a later reader — a
 * scrutiny committee, NHS England, a court — sees what the lead was told and what they chose,
 * even after the rules change: the answers, the legal outcome with its reasons, the route, the
 * recommended and chosen level with the lead's reason, the timeline warnings, and the rules
 * version and settings used.
 */
export const defensibleRecordSchema = z.object({
  rulesVersion: z.string().min(1).max(40),
  /** When the record was made (ISO date and time). */
  madeAt: z.iso.datetime({ offset: true }),
  decisionDate: z.string().refine((v) => v === '' || isIsoDate(v)),
  answers: consultationTriageSchema,
  legal: z.object({
    formalConsultation: outcomeSchema,
    healthScrutiny: outcomeSchema,
    secretaryOfStateNotification: outcomeSchema,
    urgentSafety: z.boolean()
  }),
  route: z.enum(['formalConsultation', 'engagement', 'urgentSafety']).nullable(),
  level: z.object({
    ladder: z.enum(LADDER_IDS),
    recommended: engagementLevelSchema.nullable(),
    reasons: z.array(reasonSchema).max(30),
    cautions: z.array(reasonSchema).max(30),
    floor: engagementLevelSchema.nullable(),
    chosen: engagementLevelSchema.nullable(),
    reasonForDifferentLevel: z.string().max(4000)
  }),
  timelineWarnings: z.array(reasonSchema.extend({ kind: z.string().max(40) })).max(50),
  settings: involvementSettingsSchema
});
/** The advice as it was at submission. */
export type DefensibleRecord = z.infer<typeof defensibleRecordSchema>;

/**
 * The record of the advice kept with a plan, as read back: readable, or what is wrong with it (a
 * broken record is reported, never dropped, and never stops the plan being read).
 */
export type StoredAdviceRecord =
  { readonly ok: true; readonly record: DefensibleRecord } | { readonly ok: false; readonly problem: string };

const keepOutcome = (o: LegalOutcome): DefensibleRecord['legal']['formalConsultation'] => ({
  likelihood: o.likelihood,
  reasons: o.reasons.map(keepReason),
  actions: o.actions.map((a) => ({ text: a.text, source: a.source, citation: a.citation })),
  missing: [...o.missing]
});
const keepReason = (r: TriageReason): DefensibleRecord['level']['reasons'][number] => ({
  text: r.text,
  source: r.source,
  ...(r.citation ? { citation: r.citation } : {})
});

/**
 * Build the record of the advice for a plan's content under the organisation's settings, at
 * `madeAt` (ISO date and time). Pure: the same plan, settings and time always give the same record.
 */
export function buildDefensibleRecord(content: PlanContent, settings: InvolvementSettings, madeAt: string): DefensibleRecord {
  const legal = assessLegalDuties(content.triage);
  const advice = recommendEngagementLevel(content.triage, settings.ladderShown);
  return {
    rulesVersion: RULES_VERSION,
    madeAt,
    decisionDate: content.project.decisionDate,
    answers: { ...content.triage },
    legal: {
      formalConsultation: keepOutcome(legal.formalConsultation),
      healthScrutiny: keepOutcome(legal.healthScrutiny),
      secretaryOfStateNotification: keepOutcome(legal.secretaryOfStateNotification),
      urgentSafety: legal.urgentSafety
    },
    route: programmeRoute(content.triage).route,
    level: {
      ladder: settings.ladderShown,
      recommended: advice.level,
      reasons: advice.reasons.map(keepReason),
      cautions: advice.cautions.map(keepReason),
      floor: advice.floor,
      chosen: content.level.chosen,
      reasonForDifferentLevel: content.level.reasonForDifferentLevel
    },
    timelineWarnings: timelineWarningsForPlan(content, settings).map((w) => ({
      kind: w.kind,
      text: w.text,
      source: w.source,
      ...(w.citation ? { citation: w.citation } : {})
    })),
    settings: { ...settings, holidayPeriods: settings.holidayPeriods.map((p) => ({ ...p })) }
  };
}

/** Read a stored record back, validated field by field. */
export function readDefensibleRecord(stored: unknown): Validated<DefensibleRecord> {
  return validate(defensibleRecordSchema, stored);
}

/** What re-checking a stored record found. */
export interface RecordCheck {
  /** The record was made under the rules in force now. */
  readonly sameRules: boolean;
  /** Where the stored advice differs from what its own answers and settings give (same rules only). */
  readonly differences: string[];
}

/**
 * Re-derive the advice from a record's own answers and settings and compare. A record is written
 * by the lead's browser, so the involvement team must not take it on trust: under the same rules,
 * any difference means it was altered. Under older rules it is the advice at the time, and is
 * reported as such rather than re-judged.
 */
export function checkDefensibleRecord(record: DefensibleRecord, content: PlanContent): RecordCheck {
  if (record.rulesVersion !== RULES_VERSION) return { sameRules: false, differences: [] };
  const again = buildDefensibleRecord({ ...content, triage: record.answers }, record.settings, record.madeAt);
  const differences: string[] = [];
  const outcomes = [
    ['formalConsultation', 'Formal public consultation'],
    ['healthScrutiny', 'Consulting the local authority'],
    ['secretaryOfStateNotification', 'Notifying the Secretary of State']
  ] as const;
  for (const [key, name] of outcomes)
    if (record.legal[key].likelihood !== again.legal[key].likelihood)
      differences.push(`${name}: the record says ${record.legal[key].likelihood}, the answers give ${again.legal[key].likelihood}.`);
  if (record.route !== again.route)
    differences.push(`Route: the record says ${String(record.route)}, the answers give ${String(again.route)}.`);
  if (record.level.recommended !== again.level.recommended)
    differences.push(
      `Recommended level: the record says ${String(record.level.recommended)}, the answers give ${String(again.level.recommended)}.`
    );
  if (
    (Object.keys(consultationTriageSchema.shape) as Array<keyof typeof record.answers>).some((k) => record.answers[k] !== content.triage[k])
  )
    differences.push('The answers in the record are not the plan’s answers.');
  if (record.level.chosen !== content.level.chosen) differences.push('The chosen level in the record is not the plan’s.');
  return { sameRules: true, differences };
}

/** The advice to show for a plan, and whether it is the record kept at submission. */
export interface PlanAdvice {
  readonly record: DefensibleRecord;
  /** True when this is the record kept with the plan when it was submitted; false when built now. */
  readonly atSubmission: boolean;
}

/**
 * The advice for a plan: the record kept when it was submitted, if it has a readable one;
 * otherwise the advice as it stands now under the organisation's settings (a draft, or a plan
 * submitted before records were kept).
 */
export function adviceForPlan(
  plan: { readonly content: PlanContent; readonly adviceRecord?: StoredAdviceRecord },
  settings: InvolvementSettings,
  now: string
): PlanAdvice {
  if (plan.adviceRecord?.ok) return { record: plan.adviceRecord.record, atSubmission: true };
  return { record: buildDefensibleRecord(plan.content, settings, now), atSubmission: false };
}
