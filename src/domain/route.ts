import { assessLegalDuties, type LegalLikelihood, type TriageReason } from './consultationTriage';
import { CITATIONS } from './citations';
import type { ConsultationTriage, PlanContent, TriageQuestion } from './plan';

/**
 * The kind of programme a plan needs, which sets its minimum length and its steps (NENC lead
 * times, TRUST): a formal public consultation (9–12 months, with pre-consultation engagement);
 * engagement without formal consultation (4–6 months); or an urgent change decided without time
 * to consult because of a risk to safety or welfare (no formal programme before the decision).
 */
export type ProgrammeRoute = 'formalConsultation' | 'engagement' | 'urgentSafety';

/** Plain names of the routes. */
export const PROGRAMME_ROUTE_NAMES: Readonly<Record<ProgrammeRoute, string>> = {
  formalConsultation: 'Formal public consultation',
  engagement: 'Engagement without formal consultation',
  urgentSafety: 'Urgent change for safety: no formal programme before the decision'
};

/** The route a plan takes, and why; null until the deciding answers are given. */
export interface RouteDecision {
  readonly route: ProgrammeRoute | null;
  readonly formalConsultation: LegalLikelihood;
  readonly reason: TriageReason;
  readonly missing: TriageQuestion[];
}

/**
 * Which programme the plan needs. Formal consultation that is likely OR possible takes the
 * formal route, because "you must carry out pre-engagement before planning for formal
 * consultation" (NENC): a programme planned without it could not become a formal consultation
 * later. The urgent route comes first, so the level, the legal card and the timeline agree.
 */
export function programmeRoute(triage: ConsultationTriage): RouteDecision {
  const legal = assessLegalDuties(triage);
  const formal = legal.formalConsultation.likelihood;
  if (legal.urgentSafety)
    return {
      route: 'urgentSafety',
      formalConsultation: formal,
      reason: {
        text: 'The decision cannot wait because of a risk to safety or welfare.',
        source: 'TRUST',
        citation: 'trustUrgentExemption'
      },
      missing: []
    };
  if (formal === 'unknown')
    return {
      route: null,
      formalConsultation: formal,
      reason: { text: 'Not known yet: answer the legal questions first.', source: 'NENC' },
      missing: legal.formalConsultation.missing
    };
  if (formal === 'unlikely')
    return {
      route: 'engagement',
      formalConsultation: formal,
      reason: { text: 'Formal consultation is unlikely.', source: 'NENC', citation: 'nencEngagementMonths' },
      missing: []
    };
  return {
    route: 'formalConsultation',
    formalConsultation: formal,
    reason: {
      text: `Formal consultation is ${formal}, so the programme keeps room for it, starting with pre-consultation engagement.`,
      source: CITATIONS.nencPreEngagement.source,
      citation: 'nencPreEngagement'
    },
    missing: []
  };
}

/** How likely formal public consultation is for a plan: likely, possible, unlikely or not known yet. */
export function formalConsultationOutlook(content: PlanContent): LegalLikelihood {
  return assessLegalDuties(content.triage).formalConsultation.likelihood;
}

/** True when formal public consultation is likely (the "Formal consultation likely" column and filter). */
export function isFormalConsultationLikely(content: PlanContent): boolean {
  return formalConsultationOutlook(content) === 'likely';
}

/** True when the plan must be planned as a formal consultation (likely or possible). */
export function plansForFormalConsultation(content: PlanContent): boolean {
  return programmeRoute(content.triage).route === 'formalConsultation';
}
