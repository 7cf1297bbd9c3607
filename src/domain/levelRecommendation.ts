import { CITATIONS, type CitationId } from './citations';
import {
  assessLegalDuties,
  isUrgentSafetyChange,
  TRIAGE_QUESTION_SHORT,
  type LegalAssessment,
  type TriageReason
} from './consultationTriage';
import { ENGAGEMENT_LEVEL_INFO, type EngagementLevel } from './engagementLevel';
import { DEFAULT_LADDER, highestOnLadder, ladderRung, stepDownOnLadder, type LadderId } from './ladder';
import type { ConsultationTriage, Contribution, LevelFactor, TriageQuestion } from './plan';

/** The product's advice on the level of engagement. */
export interface LevelAdvice {
  /** The recommended level; null until the answers that decide it are given. */
  readonly level: EngagementLevel | null;
  /** Why: the deciding reasons first. */
  readonly reasons: TriageReason[];
  /** Things to weigh that do not change the level (reach, resources, stage, urgency). */
  readonly cautions: TriageReason[];
  /** Answers still needed before a level can be recommended. */
  readonly missing: Array<TriageQuestion | LevelFactor>;
  /**
   * The lowest level that agrees with the legal triage: Consult when formal consultation is
   * likely or possible. Null when there is no such floor or it is not known yet.
   */
  readonly floor: EngagementLevel | null;
  /** The ladder whose order decided "higher" and "lower". */
  readonly ladder: LadderId;
}

const because = (text: string, citation: CitationId): TriageReason => ({ text, source: CITATIONS[citation].source, citation });

/** The rung each contribution points at, with the line that describes that rung. */
export const CONTRIBUTION_LEVELS: Readonly<Record<Contribution, { level: EngagementLevel; text: string; citation: CitationId }>> = {
  information: {
    level: 'inform',
    text: 'You want to tell people about a change: providing balanced information is the informing rung.',
    citation: 'trustInforming'
  },
  feedback: {
    level: 'consult',
    text: 'You want feedback on your analysis, the options or a proposal: that is consulting.',
    citation: 'trustConsulting'
  },
  shapeOptions: {
    level: 'involve',
    text: 'You want to work with people on the options and the preferred one: that is involving.',
    citation: 'trustInvolving'
  },
  coDesign: {
    level: 'collaborate',
    text: 'You want to design the service with the people who use it, as equal partners: that is collaborating or co-producing.',
    citation: 'trustCollaborating'
  },
  communityDecides: {
    level: 'devolve',
    text: 'You want to put the decision in the hands of people or communities, such as personal health budgets or community development: that is devolving.',
    citation: 'trustDevolving'
  }
};

/**
 * The rung a contribution points at on a ladder. On PC's ladder "consulting" is the formal, legal
 * process and its methods are "as per involving" (surveys, workshops, focus groups), so asking for
 * feedback without formal consultation is PC's "involving"; formal consultation reaches PC's
 * consulting rung through the legal floor. Every other contribution means the same on each ladder.
 */
export function contributionLevel(
  contribution: Contribution,
  ladder: LadderId
): { level: EngagementLevel; text: string; citation: CitationId } {
  if (contribution === 'feedback' && ladder === 'PC')
    return {
      level: 'involve',
      text: 'You want feedback on your analysis, the options or a proposal. On this ladder, surveys and focus groups are involving; consulting is the formal, legal process.',
      citation: 'pcHowAsInvolving'
    };
  return CONTRIBUTION_LEVELS[contribution];
}

interface Candidate {
  readonly level: EngagementLevel;
  readonly reason: TriageReason;
}

const name = (level: EngagementLevel, ladder: LadderId): string => ladderRung(level, ladder).name;

/** Questions whose answers decide the level (beyond the legal ones). */
function levelMissing(
  t: ConsultationTriage,
  legal: LegalAssessment,
  allowMissingContribution: boolean
): Array<TriageQuestion | LevelFactor> {
  if (isUrgentSafetyChange(t)) return [];
  const out: Array<TriageQuestion | LevelFactor> = [...legal.formalConsultation.missing];
  for (const q of ['changesWhatWhereOrHow', 'sensitive', 'temporaryOrPilot'] as const) if (t[q] === null && !out.includes(q)) out.push(q);
  if (t.temporaryOrPilot === 'yes' && t.mayBecomePermanent === null && !out.includes('mayBecomePermanent')) out.push('mayBecomePermanent');
  if (t.contribution === null && !allowMissingContribution) out.push('contribution');
  return out;
}

function cautionsFor(t: ConsultationTriage, level: EngagementLevel, legal: LegalAssessment): TriageReason[] {
  const out: TriageReason[] = [];
  const formal = legal.formalConsultation.likelihood === 'likely' || legal.formalConsultation.likelihood === 'possible';
  if ((t.contribution === 'coDesign' || t.contribution === 'shapeOptions') && (t.reach === 'many' || t.reach === 'wide'))
    out.push(
      because(
        'Co-production and involvement are difficult to manage well with larger groups: work with a representative group, then ask the wider public about what was developed.',
        'trustLargerGroups'
      )
    );
  if (t.contribution === 'coDesign' && (t.reach === 'many' || t.reach === 'wide'))
    out.push(
      because(
        'After a period of co-production, wider consultation on its outcomes should still take place (step 4e).',
        'pcAfterCoProduction'
      )
    );
  if ((level === 'collaborate' || level === 'devolve' || formal) && (t.resources === 'limited' || t.resources === 'notKnown'))
    out.push(
      because(
        level === 'collaborate' || level === 'devolve'
          ? 'Co-production takes months rather than weeks and commitment from everyone: agree the time and money with the involvement team before you start.'
          : 'Formal consultation needs a budget and people: agree them with the involvement team, as budgets vary according to whether you need to consult.',
        level === 'collaborate' || level === 'devolve' ? 'lsc4dMonths' : 'nencBudgetsVary'
      )
    );
  if (t.resources === 'limited' || t.resources === 'notKnown')
    out.push(because('The resources available may affect the choice of engagement.', 'trustResources'));
  if (t.contribution === 'communityDecides')
    out.push(
      because('Devolving decisions is only realistic in very narrow situations, such as personal health budgets.', 'trustDevolveNarrow')
    );
  if (t.stage === 'decided' && level !== 'inform')
    out.push(
      because(
        'You say the decision has been made. Engagement should take place while proposals are still at a formative stage: if everything is already decided, engagement is futile.',
        'lscGunningFormative'
      )
    );
  if (t.stage === 'preferredProposal' && t.contribution === 'coDesign')
    out.push(
      because(
        'Co-production engages people at the earliest stages of service design. With a preferred option already, say clearly what people can still change.',
        'sufCoProduce'
      )
    );
  if (t.urgent === 'yes' && !isUrgentSafetyChange(t))
    out.push(because('The change is urgent: think about the most effective way of seeking views in the time there is.', 'trustUrgency'));
  return out;
}

function advise(triage: ConsultationTriage, ladder: LadderId, allowMissingContribution: boolean): LevelAdvice {
  const t = triage;
  const legal = assessLegalDuties(t);

  if (isUrgentSafetyChange(t)) {
    const reasons = [
      because(
        'The change is urgent and delay risks the safety or welfare of patients or staff: the decision may be made with limited or no involvement. Tell people what is changing and why.',
        'trustRisk'
      ),
      because('Even at speed, public engagement is still possible: ask people how the change is working.', 'sufSpeed')
    ];
    if (t.substantialVariation === 'yes')
      reasons.push(
        because(
          'It is a substantial variation: tell the local authority about the decision and why there was no consultation.',
          'trustUrgentExemption'
        )
      );
    else if (t.substantialVariation === 'unsure' || t.substantialVariation === null)
      reasons.push(
        because(
          'If it is a substantial variation, tell the local authority about the decision and why there was no consultation.',
          'trustUrgentExemption'
        )
      );
    return { level: 'inform', reasons, cautions: cautionsFor(t, 'inform', legal), missing: [], floor: null, ladder };
  }

  const missing = levelMissing(t, legal, allowMissingContribution);
  const formal = legal.formalConsultation.likelihood;
  const candidates: Candidate[] = [];
  if (t.contribution !== null) {
    const c = contributionLevel(t.contribution, ladder);
    candidates.push({ level: c.level, reason: because(c.text, c.citation) });
  }
  if (formal === 'likely' || formal === 'possible')
    candidates.push({
      level: 'consult',
      reason: because(
        `Formal consultation is ${formal} (see the legal checks), so the level must be at least ${ENGAGEMENT_LEVEL_INFO.consult.name}, the rung where formal consultation sits, after pre-consultation engagement.`,
        'trustConsultingFormal'
      )
    });
  if (t.changesWhatWhereOrHow === 'yes' || t.changesWhatWhereOrHow === 'unsure') {
    const temporary = t.temporaryOrPilot === 'yes' && t.mayBecomePermanent === 'no';
    const level = temporary ? stepDownOnLadder('involve', ladder) : 'involve';
    candidates.push({
      level,
      reason: temporary
        ? because(
            `It changes how services are provided, but only for a time or as a pilot, which needs a lower level: at least ${name(level, ladder)}, and ask for feedback on how the pilot works.`,
            'trustTemporary'
          )
        : because(
            `It changes what, where or how services are provided, like a pathway redesign, which needs consulting and involving the people who use it: at least ${name('involve', ladder)}.`,
            'trustPathway'
          )
    });
  }
  if (t.sensitive === 'yes' || t.sensitive === 'unsure')
    candidates.push({
      level: 'involve',
      reason: because(
        `The subject is sensitive, which needs more extensive and more meaningful involvement: at least ${name('involve', ladder)}.`,
        'trustSensitive'
      )
    });
  if (candidates.length === 0 && t.changesWhatWhereOrHow === 'no' && t.largeOrComplex !== 'yes')
    candidates.push({
      level: 'inform',
      reason: because('It is a minor change, such as a timetable or booking procedure: providing information may be enough.', 'trustMinor')
    });

  const floor: EngagementLevel | null = formal === 'likely' || formal === 'possible' ? 'consult' : null;
  if (missing.length > 0) {
    const text = `Not known yet. Answer: ${missing.map((q) => (q in TRIAGE_QUESTION_SHORT ? TRIAGE_QUESTION_SHORT[q as TriageQuestion] : FACTOR_SHORT[q as LevelFactor])).join(', ')}.`;
    return {
      level: null,
      reasons: [{ text, source: 'TRUST', citation: 'trustNoRouteMap' }, ...candidates.map((c) => c.reason)],
      cautions: [],
      missing,
      floor,
      ladder
    };
  }
  const level =
    highestOnLadder(
      candidates.map((c) => c.level),
      ladder
    ) ?? 'inform';
  const deciding = candidates.filter((c) => c.level === level).map((c) => c.reason);
  const others = candidates.filter((c) => c.level !== level).map((c) => c.reason);
  return { level, reasons: [...deciding, ...others], cautions: cautionsFor(t, level, legal), missing: [], floor, ladder };
}

const FACTOR_SHORT: Readonly<Record<LevelFactor, string>> = {
  contribution: 'what you want from people',
  stage: 'how far the change has got',
  reach: 'how many people it affects',
  resources: 'resources'
};

/**
 * Recommend a level of engagement (DOMAIN.md §4; TRUST "Identifying when to use certain types of
 * involvement", TRUST and PC Appendix 1). The level is the highest, on the ladder the
 * organisation shows, of:
 * - the rung matching the contribution sought (TRUST's first factor): co-design → Collaborate
 *   or co-produce; people or communities decide (personal health budgets) → Devolve;
 * - Consult when formal consultation is likely or possible (the legal floor);
 * - Involve when it changes what, where or how services are provided ("consulting and
 *   involving", TRUST), one rung lower for a change that stays temporary (TRUST: permanence);
 * - Involve for a sensitive subject (TRUST: sensitivity).
 * An urgent change with a risk to safety or welfare → Inform (TRUST), the same urgent route the
 * legal triage and the timeline take. No level until the deciding answers are given.
 */
export function recommendEngagementLevel(triage: ConsultationTriage, ladder: LadderId = DEFAULT_LADDER): LevelAdvice {
  return advise(triage, ladder, false);
}
