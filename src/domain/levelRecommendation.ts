import { ENGAGEMENT_LEVELS, levelRank, type EngagementLevel } from './engagementLevel';
import { assessConsultation, type TriageReason } from './consultationTriage';
import type { ConsultationTriage } from './plan';

/** The level the product recommends and the reasons that led there, in plain words. */
export interface LevelRecommendation {
  readonly level: EngagementLevel;
  readonly reasons: TriageReason[];
}

const step = (level: EngagementLevel, by: number): EngagementLevel =>
  ENGAGEMENT_LEVELS[Math.min(ENGAGEMENT_LEVELS.length - 1, Math.max(0, levelRank(level) + by))];

/**
 * Recommend a rung of the ladder from the triage answers (DOMAIN.md §4, TRUST "Identifying when
 * to use certain types of involvement", PC Appendix 1):
 * - a minor change (not changing what, where or how; not large) → Inform;
 * - a change to what, where or how services are provided → Involve (pathway redesign: TRUST);
 * - a large or complex change to what, where or how → Collaborate or co-produce (PC: significant change);
 * - formal consultation likely (withdrawal, relocation, disadvantage, substantial variation) → Consult,
 *   the formal route (NENC, TRUST), whatever else applies;
 * - temporary changes and pilots need less (TRUST: permanence) → one rung lower;
 * - a sensitive subject needs at least Involve (TRUST: sensitivity);
 * - an urgent risk to safety or welfare may justify deciding with little involvement → Inform,
 *   and the local authority must be told why (TRUST).
 */
export function recommendLevel(triage: ConsultationTriage): LevelRecommendation {
  const reasons: TriageReason[] = [];
  const yes = (q: keyof ConsultationTriage): boolean => triage[q] === 'yes';

  if (yes('urgent') && yes('riskToSafetyOrWelfare')) {
    reasons.push({
      text: 'The change is urgent and delay risks safety or welfare. This may justify deciding with little involvement. You must still tell people, and the local authority, why.',
      source: 'TRUST'
    });
    return { level: 'inform', reasons };
  }

  if (assessConsultation(triage).formalConsultation.likelihood === 'likely') {
    reasons.push({
      text: 'Formal consultation is likely (see the legal triage), so plan to consult the public formally, after pre-consultation engagement.',
      source: 'NENC'
    });
    return { level: 'consult', reasons };
  }

  let level: EngagementLevel;
  if (yes('changesWhatWhereOrHow') && yes('largeOrComplex')) {
    level = 'collaborate';
    reasons.push({
      text: 'It is a large or complex change to what, where or how services are provided. Work with people as partners (co-production).',
      source: 'PC'
    });
  } else if (yes('changesWhatWhereOrHow')) {
    level = 'involve';
    reasons.push({
      text: 'It changes what, where or how services are provided, such as a pathway redesign. Involve the people who use the service.',
      source: 'TRUST'
    });
  } else {
    level = 'inform';
    reasons.push({
      text: 'It is a minor change, such as a timetable or booking procedure. Telling people clearly is usually enough.',
      source: 'TRUST'
    });
  }

  if (yes('temporaryOrPilot') && level !== 'inform') {
    level = step(level, -1);
    reasons.push({ text: 'The change is temporary or a pilot, which needs less involvement than a permanent change.', source: 'TRUST' });
  }
  if (yes('sensitive') && levelRank(level) < levelRank('involve')) {
    level = 'involve';
    reasons.push({ text: 'The subject is sensitive or contentious, so people should be involved, not only informed.', source: 'TRUST' });
  }
  return { level, reasons };
}
