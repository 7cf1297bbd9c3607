import { CITATIONS, type CitationId } from './citations';
import type {
  ConsultationTriage,
  Contribution,
  DevelopmentStage,
  LevelFactor,
  Reach,
  Resources,
  TriageAnswer,
  TriageQuestion
} from './plan';
import { TRIAGE_QUESTIONS } from './plan';
import type { SourceId } from './sources';

/** How likely a legal step is, once the answers that decide it are given. */
export type Likelihood = 'likely' | 'possible' | 'unlikely';

/**
 * How likely a legal step is from the lead's answers. `unknown` until the answers that decide it
 * are given: shown as "not known yet", never as a reassuring "unlikely" (issue 10, item 11).
 */
export type LegalLikelihood = Likelihood | 'unknown';

/** One reason behind an outcome, in plain words, with the guidance (and the line) it comes from. */
export interface TriageReason {
  readonly text: string;
  readonly source: string;
  readonly citation?: CitationId;
}

/** How each likelihood is said on screen, in the card and in the Word export. */
export const LEGAL_LIKELIHOOD_NAMES: Readonly<Record<LegalLikelihood, string>> = {
  likely: 'Likely',
  possible: 'Possible: talk to the involvement team',
  unlikely: 'Unlikely',
  unknown: 'Not known yet'
};

/** The three legal steps, in the order they are shown, with their names. */
export const LEGAL_STEP_NAMES = {
  formalConsultation: 'Formal public consultation',
  healthScrutiny: 'Consulting the local authority (health scrutiny)',
  secretaryOfStateNotification: 'Notifying the Secretary of State'
} as const;

/** Something a legal duty asks the NHS body to do, with the line of guidance that says so. */
export interface DutyAction {
  readonly text: string;
  readonly source: SourceId;
  readonly citation: CitationId;
}

/** One legal step: how likely, why, what it asks, and which answers are still needed. */
export interface LegalOutcome {
  readonly likelihood: LegalLikelihood;
  readonly reasons: TriageReason[];
  /** What the duty asks, when it applies or may apply (empty when unlikely). */
  readonly actions: DutyAction[];
  /** Questions whose answers decide this outcome and are not given yet. */
  readonly missing: TriageQuestion[];
}

/** The legal triage of a plan (DOMAIN.md §5). */
export interface LegalAssessment {
  readonly formalConsultation: LegalOutcome;
  readonly healthScrutiny: LegalOutcome;
  readonly secretaryOfStateNotification: LegalOutcome;
  /**
   * The decision must be taken without time for consultation because of a risk to safety or
   * welfare (TRUST): the urgent route, the same answer for the level, the legal card and the timeline.
   */
  readonly urgentSafety: boolean;
  /** Questions that apply to this plan and are not answered yet. */
  readonly unanswered: TriageQuestion[];
}

/** The plain-English question shown to the lead for each triage answer (DOMAIN.md §4–§5). */
export const TRIAGE_QUESTION_TEXT: Readonly<Record<TriageQuestion, string>> = {
  largeOrComplex: 'Is the change large or complex, for example strategic change across several services?',
  changesWhatWhereOrHow: 'Does it change what services are provided, where, or how?',
  serviceWithdrawn: 'Will a service be withdrawn completely, reduced or decommissioned?',
  relocationWithDisruption: 'Will a service move to another place, causing considerable disruption to people?',
  cohortDisadvantaged: 'Could a group of people be unfairly disadvantaged?',
  substantialVariation: 'Is it a substantial development or variation of the health service in the area?',
  temporaryOrPilot: 'Is the change temporary, or a pilot?',
  urgent: 'Is the change urgent?',
  riskToSafetyOrWelfare: 'Is there a risk to the safety or welfare of patients or staff if the change is delayed?',
  sensitive: 'Is the subject sensitive or likely to be contentious?',
  mayBecomePermanent: 'If the change is temporary: could it be kept, or made permanent, later?'
};

/** Short names of the questions, for "still to answer: …". */
export const TRIAGE_QUESTION_SHORT: Readonly<Record<TriageQuestion, string>> = {
  largeOrComplex: 'large or complex',
  changesWhatWhereOrHow: 'changes what, where or how',
  serviceWithdrawn: 'service withdrawn',
  relocationWithDisruption: 'moved with disruption',
  cohortDisadvantaged: 'group disadvantaged',
  substantialVariation: 'substantial variation',
  temporaryOrPilot: 'temporary or pilot',
  urgent: 'urgent',
  riskToSafetyOrWelfare: 'risk to safety or welfare',
  sensitive: 'sensitive',
  mayBecomePermanent: 'could become permanent'
};

/** A choice for one of the level-choosing questions. */
export interface FactorOption<V extends string> {
  readonly value: V;
  readonly label: string;
}

/** A level-choosing question with a choice of answers (TRUST "Identifying when to use…"). */
export interface FactorQuestion<V extends string> {
  readonly text: string;
  readonly hint: string;
  readonly citation: CitationId;
  readonly options: ReadonlyArray<FactorOption<V>>;
}

/** The level-choosing questions the yes/no triage cannot ask: contribution, stage, reach, resources. */
export const LEVEL_FACTOR_QUESTIONS: {
  readonly contribution: FactorQuestion<Contribution>;
  readonly stage: FactorQuestion<DevelopmentStage>;
  readonly reach: FactorQuestion<Reach>;
  readonly resources: FactorQuestion<Resources>;
} = {
  contribution: {
    text: 'What do you want from people?',
    hint: 'The contribution you are seeking decides the level more than anything else.',
    citation: 'trustContribution',
    options: [
      { value: 'information', label: 'To tell them about a change or a new service' },
      { value: 'feedback', label: 'Their views on our analysis, the options or a proposal' },
      { value: 'shapeOptions', label: 'To work with them on the options and the preferred one' },
      { value: 'coDesign', label: 'To design or redesign the service with the people who use it, as equal partners' },
      {
        value: 'communityDecides',
        label: 'To put the decision in their hands, for example personal health budgets or community development'
      }
    ]
  },
  stage: {
    text: 'How far has the change got?',
    hint: 'People should be involved while proposals are still at a formative stage.',
    citation: 'trustStage',
    options: [
      { value: 'caseForChange', label: 'Early: working out the problem and the case for change' },
      { value: 'developingOptions', label: 'Developing the options' },
      { value: 'preferredProposal', label: 'There is a preferred option or proposal' },
      { value: 'decided', label: 'The decision has been made' }
    ]
  },
  reach: {
    text: 'How many people, and how wide a range of people, does it affect?',
    hint: 'Think about who is or could be affected, directly or indirectly, now or in future.',
    citation: 'trustReach',
    options: [
      { value: 'few', label: 'A small group, for example the users of one clinic' },
      { value: 'many', label: 'Many people, or several groups' },
      { value: 'wide', label: 'A wide range of people across a place or the whole system' }
    ]
  },
  resources: {
    text: 'Are the money, people and time for the engagement agreed?',
    hint: 'The resources available may affect the choice of engagement.',
    citation: 'trustResources',
    options: [
      { value: 'agreed', label: 'Yes, agreed' },
      { value: 'limited', label: 'Only limited resources are available' },
      { value: 'notKnown', label: 'Not known yet' }
    ]
  }
};

/** The level-choosing questions, in the order they are asked. */
export const LEVEL_FACTOR_ORDER: readonly LevelFactor[] = ['contribution', 'stage', 'reach', 'resources'];

const is = (t: ConsultationTriage, q: TriageQuestion, a: TriageAnswer): boolean => t[q] === a;
const yes = (t: ConsultationTriage, q: TriageQuestion): boolean => is(t, q, 'yes');
const unsure = (t: ConsultationTriage, q: TriageQuestion): boolean => is(t, q, 'unsure');
const unanswered = (t: ConsultationTriage, q: TriageQuestion): boolean => t[q] === null;

const because = (text: string, citation: CitationId): TriageReason => ({ text, source: CITATIONS[citation].source, citation });
const action = (text: string, citation: CitationId): DutyAction => ({ text, source: CITATIONS[citation].source, citation });

/** The questions that apply to a plan: "could it become permanent" only for a temporary change. */
export function applicableTriageQuestions(triage: ConsultationTriage): TriageQuestion[] {
  return TRIAGE_QUESTIONS.filter((q) => q !== 'mayBecomePermanent' || yes(triage, 'temporaryOrPilot'));
}

/**
 * The urgent route: the lead says the change is urgent AND delay risks safety or welfare — the
 * only case in which TRUST lets the NHS body decide "without allowing time for consultation".
 */
export function isUrgentSafetyChange(triage: ConsultationTriage): boolean {
  return yes(triage, 'urgent') && yes(triage, 'riskToSafetyOrWelfare');
}

/** The exemption questions still open: needed unless one of them already rules the exemption out. */
function exemptionMissing(t: ConsultationTriage): TriageQuestion[] {
  const ruledOut = (['urgent', 'riskToSafetyOrWelfare'] as const).some((q) => is(t, q, 'no') || unsure(t, q));
  return ruledOut ? [] : (['urgent', 'riskToSafetyOrWelfare'] as const).filter((q) => unanswered(t, q));
}

/** A temporary change that will not be kept counts as temporary; "not sure" does not (NENC: ask). */
const staysTemporary = (t: ConsultationTriage): boolean => yes(t, 'temporaryOrPilot') && is(t, 'mayBecomePermanent', 'no');

function permanenceMissing(t: ConsultationTriage): TriageQuestion[] {
  if (unanswered(t, 'temporaryOrPilot')) return ['temporaryOrPilot'];
  return yes(t, 'temporaryOrPilot') && unanswered(t, 'mayBecomePermanent') ? ['mayBecomePermanent'] : [];
}

const NENC_TRIGGERS = ['serviceWithdrawn', 'relocationWithDisruption', 'cohortDisadvantaged'] as const;
const FORMAL_TRIGGERS = [...NENC_TRIGGERS, 'substantialVariation'] as const;

const strategic = (t: ConsultationTriage): boolean => yes(t, 'largeOrComplex') && yes(t, 'changesWhatWhereOrHow');
const strategicUnsure = (t: ConsultationTriage): boolean =>
  !strategic(t) &&
  ((unsure(t, 'largeOrComplex') && !is(t, 'changesWhatWhereOrHow', 'no')) ||
    (unsure(t, 'changesWhatWhereOrHow') && !is(t, 'largeOrComplex', 'no')));

const notKnownYet = (missing: readonly TriageQuestion[]): TriageReason => ({
  text: `Not known yet. Answer: ${missing.map((q) => TRIAGE_QUESTION_SHORT[q]).join(', ')}.`,
  source: 'NENC'
});

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/**
 * Formal public consultation (DOMAIN.md §5): likely when a service is withdrawn, moved with
 * considerable disruption or a group unfairly disadvantaged (NENC), when it is a substantial
 * change (NENC) or a strategic change to what, where and how services are provided (TRUST);
 * possible when the lead is not sure, or the change is temporary; not planned for an urgent
 * decision taken because of a risk to safety or welfare (TRUST).
 */
function formalConsultation(t: ConsultationTriage): LegalOutcome {
  const reasons: TriageReason[] = [];
  const triggerReasons = (): TriageReason[] => {
    const out: TriageReason[] = [];
    if (yes(t, 'serviceWithdrawn'))
      out.push(
        because(
          'A service is being withdrawn, reduced or decommissioned: formal public consultation will almost certainly be needed.',
          'nencMajorChange'
        )
      );
    if (yes(t, 'relocationWithDisruption'))
      out.push(because('A service is moving to another place with considerable disruption for the people who use it.', 'nencRelocation'));
    if (yes(t, 'cohortDisadvantaged')) out.push(because('A group of people could be unfairly disadvantaged by the plans.', 'nencCohort'));
    if (yes(t, 'substantialVariation'))
      out.push(
        because('It is a substantial change to NHS services, which legally requires formal public consultation.', 'nencSubstantialChange')
      );
    if (strategic(t))
      out.push(
        because(
          'It is a strategic change with a significant impact on what, where and how services are provided, which is likely to require formal public consultation.',
          'trustStrategic'
        )
      );
    return out;
  };

  if (isUrgentSafetyChange(t)) {
    reasons.push(
      because(
        'The decision cannot wait because of a risk to safety or welfare, so no formal consultation is planned before it. Record why there was no time to consult.',
        'trustUrgentExemption'
      )
    );
    if (FORMAL_TRIGGERS.some((q) => yes(t, q) || unsure(t, q)) || strategic(t) || strategicUnsure(t))
      reasons.push(
        because(
          'If the change is to be kept or made permanent, that proposal needs the usual route: talk to the involvement team, as formal public consultation may then be needed.',
          'nencInvolvementTeamDecides'
        )
      );
    return { likelihood: 'unlikely', reasons, actions: [], missing: [] };
  }

  const triggered = triggerReasons();
  const anyYes = triggered.length > 0;
  const anyUnsure = FORMAL_TRIGGERS.some((q) => unsure(t, q)) || strategicUnsure(t);
  const missing = unique([
    ...exemptionMissing(t),
    ...permanenceMissing(t),
    ...(anyYes
      ? []
      : [
          ...FORMAL_TRIGGERS.filter((q) => unanswered(t, q)),
          ...(is(t, 'largeOrComplex', 'no') || is(t, 'changesWhatWhereOrHow', 'no')
            ? []
            : (['largeOrComplex', 'changesWhatWhereOrHow'] as const).filter((q) => unanswered(t, q)))
        ])
  ]);
  reasons.push(...triggered);
  if (missing.length > 0) return { likelihood: 'unknown', reasons: [notKnownYet(missing), ...reasons], actions: [], missing };

  let likelihood: Likelihood;
  if (anyYes && !staysTemporary(t)) likelihood = 'likely';
  else if (anyYes || anyUnsure) likelihood = 'possible';
  else likelihood = 'unlikely';

  if (anyYes && staysTemporary(t))
    reasons.push(
      because(
        'The change is temporary, and temporary changes need less involvement, but talk to the involvement team before deciding formal consultation is not needed.',
        'trustTemporary'
      )
    );
  if (anyUnsure)
    reasons.push(
      because(
        'You are not sure about some of the answers. The involvement team decides with Healthwatch, the scrutiny committee and the local authority whether formal consultation is needed: talk to them.',
        'nencInvolvementTeamDecides'
      )
    );
  if (likelihood === 'unlikely')
    reasons.push(
      because(
        'No service is withdrawn or moved with disruption, no group is disadvantaged, and it is not a substantial or strategic change, so formal consultation is unlikely. The duty to involve people still applies.',
        'nencWithdrawing'
      )
    );
  const actions: DutyAction[] =
    likelihood === 'unlikely'
      ? []
      : [
          action('Carry out pre-consultation engagement before planning the formal consultation (step 4c).', 'nencPreEngagement'),
          action(
            'Consult on proposals, not decisions: at a stage where people can still influence the outcome.',
            'trustProposalsNotDecisions'
          ),
          action('In pre-consultation, consider all the options and disregard none.', 'trustPreConsultation')
        ];
  if (likelihood !== 'unlikely' && t.stage === 'decided')
    reasons.push(
      because(
        'You say the decision has been made. Public consultation must take place on proposals, not decisions: talk to the involvement team.',
        'trustProposalsNotDecisions'
      )
    );
  return { likelihood, reasons, actions, missing: [] };
}

const SCRUTINY_CONSULT_ACTIONS: readonly DutyAction[] = [
  action('Consult the local authority (its health overview and scrutiny committee).', 'trustConsultLa'),
  action('Give it the date by which you propose to decide whether to go ahead.', 'trustDecisionDate'),
  action('Give it the date by which you need its comments.', 'trustCommentsDate'),
  action('Tell it about any change to those dates.', 'trustInformOfChanges'),
  action('Publish those dates, including any changes.', 'trustPublishDates'),
  action(
    'If you and the local authority disagree, tell it so, and both take reasonably practicable steps to reach agreement.',
    'trustDisagreement'
  ),
  action('The local authority can report to the Secretary of State in writing in certain circumstances.', 'trustLaReport'),
  action(
    'Where a commissioner (the ICB or NHS England) arranges the service, the commissioner carries out this duty on behalf of the provider.',
    'trustCommissioner'
  )
];

const SCRUTINY_URGENT_ACTIONS: readonly DutyAction[] = [
  action('Tell the local authority about the decision, and the reason why no consultation has taken place.', 'trustUrgentExemption'),
  action('Record the reasons for the decision and for how people were, or were not, involved.', 'trustDocumentReasons')
];

/**
 * Consulting the local authority (health scrutiny, NHS Act 2006 s244 and regulation 23; TRUST):
 * likely for a substantial development or variation; at least possible whenever formal
 * consultation is likely or possible, or a service is withdrawn, moved with disruption or a group
 * disadvantaged, because "there is no legal definition … if there is any doubt, this should be
 * discussed with the local authority". An urgent decision for safety is exempt from consulting
 * but the authority must be told, with the reason.
 */
function healthScrutiny(t: ConsultationTriage, formal: LegalOutcome): LegalOutcome {
  const urgent = isUrgentSafetyChange(t);
  const doubt = (): TriageReason =>
    because(
      'There is no legal definition of a substantial development or variation. If there is any doubt, discuss it with the local authority early.',
      'trustNoLegalDefinition'
    );
  if (yes(t, 'substantialVariation')) {
    if (urgent)
      return {
        likelihood: 'likely',
        reasons: [
          because(
            'It is a substantial variation, but the decision cannot wait because of a risk to safety or welfare, so the duty to consult the local authority does not apply to it. You must still tell the local authority, and why there was no consultation.',
            'trustUrgentExemption'
          )
        ],
        actions: [...SCRUTINY_URGENT_ACTIONS],
        missing: []
      };
    return {
      likelihood: 'likely',
      reasons: [
        because(
          'It is a substantial development or variation, so the NHS body must consult the local authority, giving it the proposed decision date and the date comments are needed.',
          'trustSubstantialVariation'
        )
      ],
      actions: [...SCRUTINY_CONSULT_ACTIONS],
      missing: []
    };
  }
  if (unanswered(t, 'substantialVariation')) {
    const missing: TriageQuestion[] = ['substantialVariation'];
    return { likelihood: 'unknown', reasons: [notKnownYet(missing)], actions: [], missing };
  }
  const triggers = NENC_TRIGGERS.filter((q) => yes(t, q) || unsure(t, q));
  const formalPoints = formal.likelihood === 'likely' || formal.likelihood === 'possible';
  if (unsure(t, 'substantialVariation') || triggers.length > 0 || formalPoints) {
    const reasons = [doubt()];
    if (unsure(t, 'substantialVariation'))
      reasons.unshift(because('You are not sure whether this is a substantial variation.', 'trustNoLegalDefinition'));
    else if (triggers.length > 0 || formalPoints)
      reasons.unshift(
        because(
          'You say it is not a substantial variation, but formal consultation is likely or possible, or a service is withdrawn, moved or a group disadvantaged: the local authority may see it differently.',
          'trustNoLegalDefinition'
        )
      );
    return {
      likelihood: 'possible',
      reasons,
      actions: [
        action('Discuss with the local authority whether it is a substantial variation.', 'trustNoLegalDefinition'),
        ...(urgent ? SCRUTINY_URGENT_ACTIONS : SCRUTINY_CONSULT_ACTIONS).map((a) => ({ ...a, text: `If it is: ${lowerFirst(a.text)}` }))
      ],
      missing: []
    };
  }
  if (formal.likelihood === 'unknown') {
    const missing = formal.missing;
    return { likelihood: 'unknown', reasons: [notKnownYet(missing)], actions: [], missing };
  }
  return {
    likelihood: 'unlikely',
    reasons: [
      because(
        'It is not a substantial development or variation and formal consultation is unlikely, so the local authority need not be consulted. If the plans change, ask again.',
        'trustSubstantialVariation'
      )
    ],
    actions: [],
    missing: []
  };
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

const SOS_ACTIONS: readonly DutyAction[] = [
  action('Contact the involvement team, who help the lead commissioner complete the notification pro-forma.', 'nencProForma'),
  action('Since 31 January 2024 anybody can ask the Secretary of State to call in a service change, at any stage.', 'nencCallIn')
];

/**
 * Notifying the Secretary of State (Health and Care Act 2022; NENC): notifiable when the duty to
 * consult the scrutiny committee applies; "temporary changes are not notifiable – unless
 * proposals to make temporary change permanent emerge", so the lead is asked whether the change
 * could be kept; a risk-based approach is advised because of call-in.
 */
function secretaryOfState(t: ConsultationTriage, scrutiny: LegalOutcome): LegalOutcome {
  const missing = unique([...scrutiny.missing, ...permanenceMissing(t)]);
  if (scrutiny.likelihood === 'unknown' || missing.length > 0)
    return { likelihood: 'unknown', reasons: [notKnownYet(missing)], actions: [], missing };
  if (scrutiny.likelihood === 'unlikely')
    return {
      likelihood: 'unlikely',
      reasons: [because('Not notifiable: the duty to consult the scrutiny committee does not apply.', 'nencNotifiable')],
      actions: [],
      missing: []
    };
  const caveat = because(
    'Temporary changes are not notifiable to the Secretary of State, unless proposals to make the temporary change permanent emerge: then tell the involvement team.',
    'nencTemporary'
  );
  if (staysTemporary(t)) return { likelihood: 'unlikely', reasons: [caveat], actions: [], missing: [] };
  if (isUrgentSafetyChange(t))
    return {
      likelihood: 'possible',
      reasons: [
        because(
          'The urgent decision is not made with the scrutiny committee consulted, so it is not notifiable now. If the change is kept or made permanent, it is notifiable once the duty to consult the committee applies.',
          'nencNotifiable'
        ),
        because('A risk-based approach to notification is advised, because of the call-in process.', 'nencRiskBased')
      ],
      actions: [...SOS_ACTIONS],
      missing: []
    };
  if (yes(t, 'temporaryOrPilot') && unsure(t, 'mayBecomePermanent'))
    return {
      likelihood: 'possible',
      reasons: [caveat, because('You are not sure whether the change will be kept. Take a risk-based approach.', 'nencRiskBased')],
      actions: [...SOS_ACTIONS],
      missing: []
    };
  if (scrutiny.likelihood === 'likely')
    return {
      likelihood: 'likely',
      reasons: [
        because(
          'The duty to consult the scrutiny committee applies, so the scheme is notifiable to the Secretary of State from that point.',
          'nencNotifiable'
        )
      ],
      actions: [...SOS_ACTIONS],
      missing: []
    };
  return {
    likelihood: 'possible',
    reasons: [
      because('If the duty to consult the scrutiny committee applies, the scheme is notifiable from that point.', 'nencNotifiable'),
      because('A risk-based approach to notification is advised, because of the call-in process.', 'nencRiskBased')
    ],
    actions: [...SOS_ACTIONS],
    missing: []
  };
}

/**
 * The legal triage (DOMAIN.md §5): formal public consultation, consulting the local authority
 * (health scrutiny) and notifying the Secretary of State, each with its reasons, what the duty
 * asks, and the answers still needed. Never "unlikely" before the deciding answers are given.
 */
export function assessLegalDuties(triage: ConsultationTriage): LegalAssessment {
  const formal = formalConsultation(triage);
  const scrutiny = healthScrutiny(triage, formal);
  const sos = secretaryOfState(triage, scrutiny);
  return {
    formalConsultation: formal,
    healthScrutiny: scrutiny,
    secretaryOfStateNotification: sos,
    urgentSafety: isUrgentSafetyChange(triage),
    unanswered: applicableTriageQuestions(triage).filter((q) => unanswered(triage, q))
  };
}
